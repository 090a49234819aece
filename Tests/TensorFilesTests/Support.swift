import Foundation
import QuantEngine
import Testing

@testable import TensorFiles

/// Paths and expectations shared by the tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let directory = packageRoot + "/Tests/TensorFilesTests/Fixtures"

    static func bytes(_ relativePath: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + relativePath) else {
            Issue.record("missing fixture \(relativePath)")
            return []
        }
        return [UInt8](data)
    }

    static func text(_ relativePath: String) -> String {
        String(decoding: bytes(relativePath), as: UTF8.self)
    }

    /// What expected.json says; written by make_fixtures.py from numpy's own conversions.
    struct Expected: Decodable {
        struct Array: Decodable {
            var name: String?
            var dtype: String?
            var shape: [Int]
            var bits: [String]
            var float32bits: [String]?
            var columns: [String]?
        }

        struct SafeTensorsFile: Decodable {
            var metadata: [String: String]
            var tensors: [Array]
        }

        var generator: [String: String]
        var npy: [String: Array]
        var npy_golden: [String: String]
        var npy_errors: [String: String]
        var safetensors: [String: SafeTensorsFile]
        var csv: [String: Array]
    }

    static let expected: Expected? = {
        try? JSONDecoder().decode(Expected.self, from: Data(bytes("expected.json")))
    }()
}

func hex64(_ value: Double) -> String {
    let digits = String(value.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

func hex32(_ value: Float) -> String {
    let digits = String(value.bitPattern, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}

/// Checks an array against its expectation: shape, dtype and every value's bit pattern.
func expectMatches(_ array: LoadedArray, _ expected: Fixtures.Expected.Array, _ label: String) {
    #expect(array.shape == expected.shape, "\(label): shape")
    if let dtype = expected.dtype {
        #expect(array.dtype.rawValue == dtype, "\(label): dtype")
    }
    #expect(array.count == expected.bits.count, "\(label): count")
    #expect(array.values.map(hex64) == expected.bits, "\(label): float64 bit patterns")
    if let float32bits = expected.float32bits {
        #expect(array.float32.map(hex32) == float32bits, "\(label): float32 bit patterns")
    }
}

/// Expects `body` to throw a ``TensorFileError`` whose message contains every one of `words`.
func expectError(
    _ words: [String], _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws(TensorFileError) -> Void
) {
    do {
        try body()
        Issue.record("\(label): expected an error mentioning \(words)", sourceLocation: sourceLocation)
    } catch {
        for word in words {
            #expect(
                error.message.contains(word), "\(label): '\(error.message)' lacks '\(word)'",
                sourceLocation: sourceLocation)
        }
    }
}

/// Builds a `.npy` file around a header text, padded like numpy's.
func npyFile(header: String, version: UInt8 = 1, data: [UInt8] = [], headerLength: Int? = nil) -> [UInt8] {
    var text = Array(header.utf8)
    let lengthSize = version == 1 ? 2 : 4
    while (10 + lengthSize - 2 + text.count + 1) % 64 != 0 {
        text.append(0x20)
    }
    text.append(0x0A)
    let length = headerLength ?? text.count
    var out: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, version, 0]
    for index in 0..<lengthSize {
        out.append(UInt8(truncatingIfNeeded: length >> (8 * index)))
    }
    return out + text + data
}

/// Builds a `.safetensors` file around a header text.
func safetensorsFile(json: String, data: [UInt8] = [], headerLength: UInt64? = nil) -> [UInt8] {
    let text = Array(json.utf8)
    let length = headerLength ?? UInt64(text.count)
    var out: [UInt8] = []
    for index in 0..<8 {
        out.append(UInt8(truncatingIfNeeded: length >> (8 * UInt64(index))))
    }
    return out + text + data
}

/// The project's virtual environment with numpy and safetensors, when it exists.
enum Python {
    static let executable = Fixtures.packageRoot + "/.venv/bin/python"
    /// Whether `.venv` exists and can import numpy and safetensors (a `.venv` made for the
    /// benchmarks may lack safetensors; the live tests are then skipped, not failed).
    static let available: Bool = {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", "import numpy, safetensors.numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs a Python script with arguments and returns its standard output.
    static func run(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", script] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Issue.record("python failed: \(String(decoding: errorData, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
