import Foundation
import Testing

@testable import TensorFiles

@Suite("NPY reader and writer against numpy's files")
struct NPYTests {
    @Test("every fixture numpy wrote reads back with numpy's exact values")
    func readsNumpyFixtures() throws {
        let expected = try #require(Fixtures.expected)
        #expect(expected.npy.count >= 24)
        for (name, want) in expected.npy.sorted(by: { $0.key < $1.key }) {
            do {
                let array = try NPY.read(bytes: Fixtures.bytes("npy/" + name), fileName: name)
                expectMatches(array, want, name)
                #expect(array.name == nil && array.columns == nil)
            } catch {
                Issue.record("\(name): \(error)")
            }
        }
    }

    @Test("float32 data comes back bit for bit through the fast path")
    func float32FastPath() throws {
        let bytes = Fixtures.bytes("npy/f4.npy")
        let array = try NPY.read(bytes: bytes, fileName: "f4.npy")
        let raw = bytes.suffix(48)
        let fromFile = stride(from: raw.startIndex, to: raw.endIndex, by: 4).map { index in
            UInt32(raw[index]) | UInt32(raw[index + 1]) << 8 | UInt32(raw[index + 2]) << 16
                | UInt32(raw[index + 3]) << 24
        }
        #expect(array.float32.map(\.bitPattern) == fromFile)
    }

    @Test("Fortran-order arrays are returned in C order")
    func fortranOrder() throws {
        let array = try NPY.read(bytes: Fixtures.bytes("npy/fortran_f4_2d.npy"), fileName: "f.npy")
        #expect(array.shape == [3, 4])
        let matrix: [Double] = (0..<12).map { (index: Int) -> Double in Double(index) * 0.5 - 1 }
        #expect(array.values == matrix)
        let cube = try NPY.read(bytes: Fixtures.bytes("npy/fortran_i2_3d.npy"), fileName: "c.npy")
        #expect(cube.shape == [2, 3, 4])
        let numbers: [Double] = (0..<24).map { (index: Int) -> Double in Double(index * 3 - 30) }
        #expect(cube.values == numbers)
        let header = try Fixtures.bytes("npy/fortran_i2_3d.npy").withUnsafeBytes { raw in
            try NPY.readHeader(buffer: raw, fileName: "c.npy")
        }
        #expect(header.fortranOrder && header.dtype == .int16 && !header.bigEndian && header.dataOffset == 128)
    }

    @Test("our writer produces the bytes numpy writes for the same array")
    func goldenWriterBytes() throws {
        let expected = try #require(Fixtures.expected)
        #expect(expected.npy_golden.count >= 20)
        for (source, golden) in expected.npy_golden.sorted(by: { $0.key < $1.key }) {
            let array = try NPY.read(bytes: Fixtures.bytes("npy/" + source), fileName: source)
            let written = try NPY.write(array)
            #expect(written == Fixtures.bytes("npy/" + golden), "\(source) → \(golden)")
            // Through the Double path as well, where it is exact.
            if array.dtype != .int64 && array.dtype != .uint64 {
                let viaDoubles = try NPY.write(shape: array.shape, dtype: array.dtype, values: array.values)
                #expect(viaDoubles == written, "\(source) via values")
            }
        }
    }

    @Test("files numpy writes with unsupported dtypes are refused with a clear reason")
    func unsupportedDtypes() throws {
        let expected = try #require(Fixtures.expected)
        #expect(expected.npy_errors.count == 5)
        for (name, word) in expected.npy_errors {
            expectError([word, "'\(name)'"], name) { () throws(TensorFileError) in
                _ = try NPY.read(bytes: Fixtures.bytes("npy/" + name), fileName: name)
            }
        }
    }

    @Test("headers in unusual but valid spellings are accepted")
    func headerSpellings() throws {
        let four: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64]  // 1, 2, 3, 4 as <f4
        let spellings: [(String, [Int])] = [
            ("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", [4]),
            ("{'shape':(2,2),'fortran_order':False,'descr':'<f4'}", [2, 2]),
            ("{ \"descr\" : \"<f4\" ,\n 'shape' : ( 4 , ) , 'fortran_order' : False , }", [4]),
            ("{'descr': '<f4', 'fortran_order': False, 'shape': (2L, 2L), }", [2, 2]),
            ("{'descr': '=f4', 'fortran_order': False, 'shape': (1, 4, 1), }", [1, 4, 1]),
            ("{'descr': 'f4', 'fortran_order': False, 'shape': [4], }", []),
        ]
        for (header, shape) in spellings {
            let file = npyFile(header: header, data: four)
            if shape.isEmpty {
                expectError(["'shape'", "a list"], header) { () throws(TensorFileError) in
                    _ = try NPY.read(bytes: file, fileName: "s.npy")
                }
                continue
            }
            let array = try NPY.read(bytes: file, fileName: "s.npy")
            #expect(array.shape == shape, "\(header)")
            #expect(array.values == [1, 2, 3, 4], "\(header)")
        }
        let scalar = try NPY.read(
            bytes: npyFile(header: "{'descr':'<f4','fortran_order':True,'shape':()}", data: [0, 0, 128, 63]),
            fileName: "s.npy")
        #expect(scalar.shape == [] && scalar.values == [1])
        let empty = try NPY.read(
            bytes: npyFile(header: "{'descr':'<f8','fortran_order':False,'shape':(0, 1000000000000)}"),
            fileName: "e.npy")
        #expect(empty.shape == [0, 1_000_000_000_000] && empty.count == 0)
    }

    @Test("a bool array with bytes other than 0 and 1 reads them as true")
    func boolBytes() throws {
        let file = npyFile(header: "{'descr':'|b1','fortran_order':False,'shape':(3,)}", data: [0, 1, 7])
        #expect(try NPY.read(bytes: file, fileName: "b.npy").values == [0, 1, 1])
    }

    @Test("writer checks its input instead of trapping")
    func writerErrors() {
        expectError(["does not hold", "5"], "count") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [2, 3], dtype: .float32, values: [1, 2, 3, 4, 5])
        }
        expectError(["negative"], "negative") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [-1], dtype: .float32, values: [])
        }
        expectError(["3.5", "int8", "index 1"], "inexact") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [2], dtype: .int8, values: [1, 3.5])
        }
        expectError(["300", "uint8"], "range") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [1], dtype: .uint8, values: [300])
        }
        expectError(["bfloat16"], "bf16") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [1], dtype: .bfloat16, values: [1])
        }
        expectError(["bool"], "bool") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [1], dtype: .bool, values: [2])
        }
        expectError(["does not hold"], "overflowing shape") { () throws(TensorFileError) in
            _ = try NPY.write(shape: [Int.max, 2], dtype: .float32, values: [1])
        }
    }

    @Test("writer output is aligned, deterministic and readable")
    func writerLayout() throws {
        for shape in [[], [0], [7], [3, 5], [2, 1, 4], [123_456_789_012, 0]] {
            let count = Checked.elementCount(shape) ?? 0
            let values = (0..<count).map { Double($0 % 7) }
            for dtype in [DType.float32, .float64, .int8, .int32, .uint8, .float16, .int64, .bool] {
                let input = dtype == .bool ? values.map { $0 > 0 ? 1 : 0 } : values
                let first = try NPY.write(shape: shape, dtype: dtype, values: input)
                #expect(first == (try NPY.write(shape: shape, dtype: dtype, values: input)))
                let header = try first.withUnsafeBytes { try NPY.readHeader(buffer: $0, fileName: "w.npy") }
                #expect(header.dataOffset % 64 == 0)
                #expect(first[header.dataOffset - 1] == 0x0A)
                let back = try NPY.read(bytes: first, fileName: "w.npy")
                #expect(back.shape == shape && back.dtype == dtype && back.values == input)
            }
        }
        let floats: [Float] = [.nan, -.infinity, -0.0, .leastNonzeroMagnitude, Float(bitPattern: 0x7FA0_0001)]
        let written = try NPY.write(shape: [5], float32: floats)
        #expect(try NPY.read(bytes: written, fileName: "w.npy").float32.map(\.bitPattern) == floats.map(\.bitPattern))
    }
}
