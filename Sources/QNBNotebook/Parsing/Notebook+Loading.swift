import Foundation
import QNBScript

extension Notebook {
    /// Reads and parses the notebook at `path`. The file must be UTF-8 (a leading byte order mark
    /// is dropped); the first invalid byte is reported with its line and column.
    public static func load(path: String) throws(NotebookLoadError) -> Notebook {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let reason =
                !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                ? "no such file" : isDirectory.boolValue ? "it is a directory" : "permission denied"
            throw NotebookLoadError(.unreadableFile(reason: reason), at: start)
        }
        let source = try decode(Array(data), path: path)
        return try parse(source: source, path: path)
    }

    /// The text of a notebook file's bytes; throws if they are not valid UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) throws(NotebookLoadError) -> String {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            let (line, column) = UTF8Validation.lineAndColumn(of: bad, in: bytes)
            throw NotebookLoadError(
                .invalidUTF8(line: line, column: column), at: SourceLocation(file: path, line: line, column: column))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
