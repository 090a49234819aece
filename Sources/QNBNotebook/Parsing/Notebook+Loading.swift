import Foundation
import QNBScript

extension Notebook {
    /// Reads and parses the notebook at `path`. The file must be UTF-8 (a leading byte order mark
    /// is dropped); the first invalid byte is reported with its line and column.
    public static func load(path: String) throws(NotebookLoadError) -> Notebook {
        try parse(source: readText(path: path), path: path)
    }

    /// The text of the file at `path`, read whole only when it is at most `maximumSize` bytes of
    /// UTF-8 (a leading byte order mark is dropped).
    static func readText(path: String) throws(NotebookLoadError) -> String {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotebookLoadError(.unreadableFile(reason: "no such file"), at: start)
        }
        guard !isDirectory.boolValue else {
            throw NotebookLoadError(.unreadableFile(reason: "it is a directory"), at: start)
        }
        // Read at most one byte past the limit, so that neither a huge file nor a device such as
        // /dev/zero is read whole.
        let data: Data?
        if let handle = FileHandle(forReadingAtPath: path) {
            // `nil` from `read` is the end of the file: an empty notebook.
            do { data = try handle.read(upToCount: maximumSize + 1) ?? Data() } catch { data = nil }
            try? handle.close()
        } else {
            data = nil
        }
        guard let data else { throw NotebookLoadError(.unreadableFile(reason: "permission denied"), at: start) }
        guard data.count <= maximumSize else { throw NotebookLoadError(.tooLarge(limit: maximumSize), at: start) }
        return try decode(Array(data), path: path)
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
