import Foundation
import Testing

@testable import TensorFiles

@Suite("reading from disk")
struct FileLoadingTests {
    @Test("files load by path, plain and memory-mapped, and by extension")
    func loadsByPath() throws {
        let npy = Fixtures.directory + "/npy/fortran_f4_2d.npy"
        let direct = try NPY.read(bytes: Fixtures.bytes("npy/fortran_f4_2d.npy"), fileName: "fortran_f4_2d.npy")
        #expect(try TensorFile.readNPY(path: npy) == direct)
        #expect(try TensorFile.readNPY(path: npy, mapped: true) == direct)
        #expect(try TensorFile.load(path: npy) == [direct])
        let st = Fixtures.directory + "/safetensors/mixed.safetensors"
        let tensors = try TensorFile.readSafeTensors(path: st, mapped: true).tensors
        #expect(try TensorFile.load(path: st) == tensors)
        #expect(tensors.count == 15)
        let csv = try TensorFile.load(path: Fixtures.directory + "/csv/with_header.csv")
        #expect(csv.first?.columns == ["alpha", "beta", "gamma"])
    }

    @Test(
        "errors for missing files, folders, devices, unknown extensions and non-UTF-8 CSV name the file, not its path")
    func pathErrors() throws {
        expectError(["'w.npy' does not exist"], "missing") { () throws(TensorFileError) in
            _ = try TensorFile.readNPY(path: "/nonexistent/w.npy")
        }
        expectError(["'Fixtures' is a folder, not a file"], "directory") { () throws(TensorFileError) in
            _ = try TensorFile.readSafeTensors(path: Fixtures.directory)
        }
        // A device would be read forever.
        expectError(["'zero' is not a regular file"], "device") { () throws(TensorFileError) in
            _ = try TensorFile.readNPY(path: "/dev/zero")
        }
        expectError(["'make_fixtures.py' has an unknown extension"], "extension") { () throws(TensorFileError) in
            _ = try TensorFile.load(path: Fixtures.directory + "/make_fixtures.py")
        }
        let path = NSTemporaryDirectory() + "tensorfiles-\(UUID().uuidString).csv"
        try Data([0x31, 0x2C, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        expectError(["not valid UTF-8", ".csv'"], "csv bytes") { () throws(TensorFileError) in
            _ = try TensorFile.readCSV(path: path)
        }
        let truncated = NSTemporaryDirectory() + "tensorfiles-\(UUID().uuidString).npy"
        try Data(Fixtures.bytes("npy/f4.npy").dropLast()).write(to: URL(fileURLWithPath: truncated))
        defer { try? FileManager.default.removeItem(atPath: truncated) }
        expectError(["truncated", "48 bytes of data, the file has 47"], "truncated on disk") {
            () throws(TensorFileError) in _ = try TensorFile.readNPY(path: truncated, mapped: true)
        }
    }
}
