import Foundation
import Testing

@testable import TensorFiles

@Suite("safetensors reader and writer against the reference implementation's files")
struct SafeTensorsTests {
    @Test("fixtures read back with exact values, in file order, with metadata")
    func readsFixtures() throws {
        let expected = try #require(Fixtures.expected)
        #expect(expected.safetensors.count == 2)
        for (name, want) in expected.safetensors {
            let file = Fixtures.bytes("safetensors/" + name)
            let (tensors, metadata) = try SafeTensors.read(bytes: file, fileName: name)
            #expect(metadata == want.metadata, "\(name) metadata")
            #expect(tensors.map(\.name) == want.tensors.map(\.name), "\(name) order")
            for (tensor, wanted) in zip(tensors, want.tensors) {
                expectMatches(tensor, wanted, "\(name)/\(wanted.name ?? "?")")
            }
        }
        let dtypes = try SafeTensors.read(bytes: Fixtures.bytes("safetensors/mixed.safetensors"), fileName: "m")
            .tensors.map(\.dtype)
        #expect(Set(dtypes) == Set(DType.allCases))
    }

    @Test("writer reproduces the reference implementation's bytes")
    func goldenWriterBytes() throws {
        for name in ["mixed.safetensors", "plain.safetensors"] {
            let file = Fixtures.bytes("safetensors/" + name)
            let header = try file.withUnsafeBytes { try SafeTensors.readHeader(buffer: $0, fileName: name) }
            let raw = header.entries.reversed().map { entry in
                (name: entry.name, dtype: entry.dtype, shape: entry.shape, bytes: Array(file[entry.fileRange]))
            }
            #expect(try SafeTensors.write(tensors: raw, metadata: header.metadata) == file, "\(name) from raw bytes")
            // And from decoded values, which exercises the value encoders (float16 and bfloat16 included).
            let (tensors, metadata) = try SafeTensors.read(bytes: file, fileName: name)
            let rewritten = try SafeTensors.write(arrays: tensors.shuffled(), metadata: metadata)
            #expect(rewritten == file, "\(name) from values")
        }
    }

    @Test("writer is deterministic whatever the dictionary order, and checks its input")
    func writerDeterminismAndErrors() throws {
        var metadata: [String: String] = [:]
        for index in 0..<50 {
            metadata["key\(index)"] = "value \(index)"
        }
        let tensors = [
            (name: "b", dtype: DType.uint8, shape: [3], bytes: [UInt8]([1, 2, 3])),
            (name: "a", dtype: DType.int16, shape: [1], bytes: [UInt8]([0, 1])),
        ]
        let first = try SafeTensors.write(tensors: tensors, metadata: metadata)
        let copy = Dictionary(uniqueKeysWithValues: metadata.shuffled())
        #expect(first == (try SafeTensors.write(tensors: tensors.reversed(), metadata: copy)))
        let headerLength = Int(first[0]) | Int(first[1]) << 8
        #expect(headerLength % 8 == 0)
        let back = try SafeTensors.read(bytes: first, fileName: "w")
        #expect(back.metadata == metadata)
        #expect(back.tensors.map(\.name) == ["a", "b"])  // I16 ranks above U8

        expectError(["two tensors", "named 'a'"], "duplicate") { () throws(TensorFileError) in
            _ = try SafeTensors.write(tensors: tensors + [tensors[1]], metadata: [:])
        }
        expectError(["__metadata__"], "reserved") { () throws(TensorFileError) in
            _ = try SafeTensors.write(
                tensors: [(name: "__metadata__", dtype: .uint8, shape: [], bytes: [1])],
                metadata: [:])
        }
        expectError(["shape [2]", "1 bytes"], "size") { () throws(TensorFileError) in
            _ = try SafeTensors.write(tensors: [(name: "x", dtype: .int16, shape: [2], bytes: [1])], metadata: [:])
        }
        expectError(["invalid shape"], "negative") { () throws(TensorFileError) in
            _ = try SafeTensors.write(tensors: [(name: "x", dtype: .int16, shape: [-2], bytes: [])], metadata: [:])
        }
    }

    @Test("an empty tensor list and an empty header are valid")
    func emptyFiles() throws {
        let written = try SafeTensors.write(tensors: [], metadata: [:])
        #expect(written == [8, 0, 0, 0, 0, 0, 0, 0] + Array("{}      ".utf8))
        let back = try SafeTensors.read(bytes: written, fileName: "e")
        #expect(back.tensors.isEmpty && back.metadata.isEmpty)
        let nullMetadata = try SafeTensors.read(bytes: safetensorsFile(json: "{\"__metadata__\":null}"), fileName: "n")
        #expect(nullMetadata.metadata.isEmpty)
    }
}
