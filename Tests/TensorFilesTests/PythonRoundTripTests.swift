import Foundation
import QuantEngine
import Testing

@testable import TensorFiles

/// Live checks against the real numpy and safetensors, run only when `.venv` exists in the package root
/// (`python3 -m venv .venv && .venv/bin/pip install numpy safetensors`). Without it these tests are skipped and
/// the committed golden files (see GoldenTests in NPYTests and SafeTensorsTests) cover the same ground offline.
@Suite(
    "round trips through numpy and safetensors",
    .enabled(
        if: Python.available,
        "no .venv with numpy and safetensors: skipped; the committed golden fixtures still check the writers"))
struct PythonRoundTripTests {
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "tensorfiles-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("numpy.load reads our .npy files identically, and numpy.save writes the same bytes back")
    func npyThroughNumpy() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [String: LoadedArray] = [:]
        let shapes: [[Int]] = [[], [0, 3], [5], [2, 3, 4], [1, 1, 1, 1, 1, 2]]
        let dtypes: [DType] = [
            .bool, .int8, .uint8, .int16, .uint16, .int32, .uint32, .int64, .uint64,
            .float16, .float32, .float64,
        ]
        for (shapeIndex, shape) in shapes.enumerated() {
            for dtype in dtypes {
                let count = Checked.elementCount(shape) ?? 0
                var values = (0..<count).map { Double($0 * 37 % 11) - (dtype.rawValue.hasPrefix("u") ? 0 : 5) }
                if dtype == .bool {
                    values = values.map { $0 > 0 ? 1 : 0 }
                } else if dtype.isFloatingPoint && count > 3 {
                    values[0] = .nan
                    values[1] = -.infinity
                    values[2] = dtype == .float64 ? 1.0 / 3.0 : 0.25
                }
                let path = "\(directory)/\(dtype.rawValue)_\(shapeIndex).npy"
                let bytes = try NPY.write(shape: shape, dtype: dtype, values: values)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                files[path] = try NPY.read(bytes: bytes, fileName: path)
            }
        }
        let script = """
            import io, json, sys
            import numpy as np
            out = {}
            for path in sys.argv[1:]:
                a = np.load(path, allow_pickle=False)
                buf = io.BytesIO()
                np.save(buf, a)
                same = buf.getvalue() == open(path, "rb").read()
                bits = ["%016x" % v for v in a.astype(np.float64).reshape(-1).view(np.uint64)]
                out[path] = {"same": same, "shape": list(a.shape), "dtype": a.dtype.str, "bits": bits}
            print(json.dumps(out))
            """
        let output = try Python.run(script, arguments: files.keys.sorted())
        let report = try JSONDecoder().decode([String: Report].self, from: Data(output.utf8))
        #expect(report.count == files.count)
        for (path, array) in files {
            let seen = try #require(report[path], "\(path) missing from numpy's report")
            #expect(seen.same, "numpy.save wrote different bytes for \(path)")
            #expect(seen.shape == array.shape, "\(path)")
            #expect(seen.bits == array.values.map(hex64), "\(path)")
        }
    }

    struct Report: Decodable {
        var same: Bool
        var shape: [Int]
        var dtype: String
        var bits: [String]
    }

    @Test("safetensors reads our files identically and serializes the same tensors to the same bytes")
    func safetensorsThroughReference() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var random = SplitMix64(seed: 3)
        var tensors: [(name: String, dtype: DType, shape: [Int], bytes: [UInt8])] = []
        for (index, dtype) in DType.allCases.enumerated() {
            for (variant, shape) in [[2, 3], [], [0, 5], [7]].enumerated() {
                let count = (Checked.elementCount(shape) ?? 0) * dtype.itemSize
                var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
                if dtype == .bool {
                    bytes = bytes.map { $0 & 1 }
                }
                tensors.append((name: "t\(index).\(variant)/é", dtype: dtype, shape: shape, bytes: bytes))
            }
        }
        let metadata = ["format": "pt", "z": "quote \" slash / newline \n ctrl \u{1} \u{7F} emoji 😀", "a": ""]
        let path = directory + "/ours.safetensors"
        try Data(try SafeTensors.write(tensors: tensors, metadata: metadata)).write(to: URL(fileURLWithPath: path))
        let plainPath = directory + "/plain.safetensors"
        try Data(try SafeTensors.write(tensors: tensors, metadata: [:])).write(to: URL(fileURLWithPath: plainPath))
        let script = """
            import json, sys
            import numpy as np
            import safetensors
            from safetensors import TensorSpec, safe_open
            def reserialize(path):
                data = open(path, "rb").read()
                with safe_open(path, framework="numpy") as f:
                    metadata = f.metadata()
                specs, out = specs_of(safetensors.deserialize(data))
                again = bytes(safetensors.serialize(specs, metadata=metadata))
                return data, again, metadata, out
            def split(blob):
                n = int.from_bytes(blob[:8], "little")
                return n, json.loads(blob[8:8 + n]), blob[8 + n:]
            keep = []
            names = {"BOOL": "bool", "U8": "uint8", "I8": "int8", "I16": "int16", "U16": "uint16",
                     "F16": "float16", "BF16": "bfloat16", "I32": "int32", "U32": "uint32", "F32": "float32",
                     "F64": "float64", "I64": "int64", "U64": "uint64"}
            def specs_of(items):
                specs, out = {}, {}
                for name, info in items:
                    raw = np.frombuffer(bytes(info["data"]), dtype=np.uint8).copy()
                    keep.append(raw)
                    specs[name] = TensorSpec(dtype=names[info["dtype"]], shape=info["shape"],
                                             data_ptr=raw.ctypes.data, data_len=raw.nbytes)
                    out[name] = {"dtype": info["dtype"], "shape": info["shape"], "hex": bytes(info["data"]).hex()}
                return specs, out
            # Without metadata the reference's output is deterministic: compare bytes.
            plain, plain_again, _, _ = reserialize(sys.argv[2])
            # With several metadata keys the reference writes them in hash-map order: compare the parsed header,
            # its padded length and the data section.
            data, again, metadata, out = reserialize(sys.argv[1])
            same = plain == plain_again and split(data) == split(again)
            print(json.dumps({"same": same, "metadata": metadata, "tensors": out}))
            """
        let output = try Python.run(script, arguments: [path, plainPath])
        struct Tensor: Decodable {
            var dtype: String
            var shape: [Int]
            var hex: String
        }
        struct Seen: Decodable {
            var same: Bool
            var metadata: [String: String]
            var tensors: [String: Tensor]
        }
        let seen = try JSONDecoder().decode(Seen.self, from: Data(output.utf8))
        #expect(seen.same, "the reference serializes the same tensors to different bytes")
        #expect(seen.metadata == metadata)
        #expect(seen.tensors.count == tensors.count)
        for tensor in tensors {
            let other = try #require(seen.tensors[tensor.name])
            #expect(other.dtype == SafeTensors.name(of: tensor.dtype))
            #expect(other.shape == tensor.shape)
            #expect(other.hex == tensor.bytes.map { Fmt.hex2($0) }.joined())
        }
    }
}
