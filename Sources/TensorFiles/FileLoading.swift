import Foundation
import QuantEngine

/// Reading tensor files from disk. The bytes are parsed in place, without an extra copy.
///
/// With `mapped: true` the file is memory-mapped instead of read, which saves one copy of the whole file
/// (about a third of the time for a large `.npy`). Only use it for files nobody truncates while they are being
/// read: a mapped file that shrinks underneath the reader makes the process crash with SIGBUS, which no check
/// can catch.
public enum TensorFile {
    /// Reads a whole file, or throws a readable error naming the file by its last path component
    /// (the path a notebook gave is resolved to an absolute one, which messages must not show).
    /// Only regular files are read — not folders, devices or pipes — and only when their size fits
    /// the memory budget.
    static func contents(of path: String, mapped: Bool = false) throws(TensorFileError) -> Data {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TensorFileError("'\(name)' does not exist")
        }
        guard !isDirectory.boolValue else {
            throw TensorFileError("'\(name)' is a folder, not a file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw TensorFileError("'\(name)' is not a regular file")
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, !mapped {
            do { try MemoryBudget.reserve(bytes: size) } catch { throw TensorFileError("'\(name)': \(error)") }
        }
        if mapped {
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw TensorFileError("'\(name)' cannot be read: \(error.localizedDescription)")
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TensorFileError("'\(name)' cannot be read")
        }
        return data
    }

    static func parse<T>(
        _ data: Data, _ body: (UnsafeRawBufferPointer) throws(TensorFileError) -> T
    ) throws(TensorFileError) -> T {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(TensorFileError) in try body(raw) }
        }
        return try result.get()
    }

    /// Reads a `.npy` file from disk; errors name the file by its last path component.
    public static func readNPY(path: String, mapped: Bool = false) throws(TensorFileError) -> LoadedArray {
        let data = try contents(of: path, mapped: mapped)
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try parse(data) { (raw) throws(TensorFileError) in try NPY.read(buffer: raw, fileName: name) }
    }

    /// Reads a `.safetensors` file from disk; errors name the file by its last path component.
    public static func readSafeTensors(
        path: String, mapped: Bool = false
    ) throws(TensorFileError) -> (tensors: [LoadedArray], metadata: [String: String]) {
        let data = try contents(of: path, mapped: mapped)
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try parse(data) { (raw) throws(TensorFileError) in try SafeTensors.read(buffer: raw, fileName: name) }
    }

    /// Reads a CSV file from disk, which must be UTF-8; errors name the file by its last path component.
    public static func readCSV(path: String) throws(TensorFileError) -> LoadedArray {
        let data = try contents(of: path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try parse(data) { (raw) throws(TensorFileError) in
            guard String(validating: raw, as: UTF8.self) != nil else {
                throw TensorFileError("'\(name)' is not valid UTF-8 text")
            }
            return try CSV.read(utf8: raw, fileName: name)
        }
    }

    /// Reads every array in a file, choosing the reader by extension: `.npy`, `.safetensors` or `.csv`.
    public static func load(path: String) throws(TensorFileError) -> [LoadedArray] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw TensorFileError("'\(URL(fileURLWithPath: path).lastPathComponent)' is a folder, not a file")
        }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "npy": return [try readNPY(path: path)]
        case "safetensors": return try readSafeTensors(path: path).tensors
        case "csv", "tsv", "txt": return [try readCSV(path: path)]
        default:
            let name = URL(fileURLWithPath: path).lastPathComponent
            throw TensorFileError("'\(name)' has an unknown extension; expected .npy, .safetensors or .csv")
        }
    }
}
