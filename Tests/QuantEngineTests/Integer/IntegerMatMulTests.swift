import Testing

@testable import QuantEngine

@Suite("Integer matmul")
struct IntegerMatMulTests {
    @Test("numpy and onnxruntime fixtures", arguments: IntegerReference.shared.matmul)
    func fixtures(_ c: IntegerReference.MatMulCase) throws {
        let a = try quantizedCodes(c.a, shape: [c.m, c.k], signed: c.aSigned, zeroPoints: [c.aZeroPoint])
        let b = try quantizedCodes(
            c.b, shape: [c.k, c.n], signed: c.bSigned, zeroPoints: c.bZeroPoints,
            granularity: c.bPerColumn ? .perChannel(axis: 1) : .perTensor)
        let product = try matmul(a, b)
        #expect(product.shape == [c.m, c.n])
        #expect(product.integers == c.expected)
    }

    @Test func fixturesWereCheckedAgainstOnnxRuntime() {
        #expect(IntegerReference.shared.onnxruntimeVerifiedMatmuls >= 6)
    }

    /// Shapes around every blocking boundary: rows per block (6) and per chunk (48), columns per
    /// panel (16), depth pairs per cache block (256, i.e. depth 512), odd depths.
    static let shapes: [(m: Int, k: Int, n: Int)] = [
        (1, 1, 1), (1, 7, 1), (5, 3, 15), (6, 2, 16), (7, 9, 17), (12, 64, 32), (47, 31, 33), (49, 100, 50),
        (97, 513, 18), (13, 1025, 7), (2, 2, 200),
    ]

    @Test("against a naive Int64 triple loop", arguments: 0..<shapes.count)
    func naive(_ index: Int) throws {
        let (m, k, n) = Self.shapes[index]
        var random = SplitMix64(seed: UInt64(100 + index))
        for (aSigned, za, bSigned, zb) in [(false, 131, true, [0]), (true, -7, true, [0]), (false, 0, false, [200])] {
            let aCodes = randomCodes(m * k, signed: aSigned, using: &random)
            let bCodes = randomCodes(k * n, signed: bSigned, using: &random)
            let a = try quantizedCodes(aCodes, shape: [m, k], signed: aSigned, zeroPoints: [za])
            let b = try quantizedCodes(bCodes, shape: [k, n], signed: bSigned, zeroPoints: zb)
            let expected = naiveMatMul(aCodes, bCodes, m: m, k: k, n: n, za: za, zb: zb)
            #expect(try matmul(a, b).integers == expected)
        }
    }

    @Test func perChannelWeightsCarryTheirScalesAndZeroPoints() throws {
        var random = SplitMix64(seed: 7)
        let (m, k, n) = (9, 21, 5)
        let aCodes = randomCodes(m * k, signed: false, using: &random)
        let bCodes = randomCodes(k * n, signed: true, using: &random)
        let zb = [0, 3, -4, 0, 127]
        let scales: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5]
        let a = try quantizedCodes(aCodes, shape: [m, k], signed: false, zeroPoints: [12], scales: [0.25])
        let b = try quantizedCodes(
            bCodes, shape: [k, n], signed: true, zeroPoints: zb, scales: scales, granularity: .perChannel(axis: 1))
        let product = try matmul(a, b)
        #expect(product.integers == naiveMatMul(aCodes, bCodes, m: m, k: k, n: n, za: 12, zb: zb))
        #expect(product.inputScale == 0.25)
        #expect(product.weightScales == scales)
        #expect(product.scales == scales.map { 0.25 * $0 })
        let reals = product.dequantized()
        for i in 0..<m {
            for j in 0..<n {
                #expect(reals.scalars[i * n + j] == Float(product.values[i * n + j]) * (0.25 * scales[j]))
            }
        }
    }

    @Test func sameBitsForEveryThreadCountAndKernel() throws {
        var random = SplitMix64(seed: 11)
        let (m, k, n) = (150, 600, 70)
        let aCodes = randomCodes(m * k, signed: false, using: &random)
        let bCodes = randomCodes(k * n, signed: true, using: &random)
        let a = try quantizedCodes(aCodes, shape: [m, k], signed: false, zeroPoints: [77])
        let b = try quantizedCodes(bCodes, shape: [k, n], signed: true, zeroPoints: [0])
        let expected = naiveMatMul(aCodes, bCodes, m: m, k: k, n: n, za: 77, zb: [0])
        for threads in [nil, 1, 2, 3, 16] {
            #expect(try matmul(a, b, threads: threads).integers == expected)
        }
        let packedA = IntegerOperands.packRows(a.codes, rows: m, depth: k)
        let packedB = IntegerOperands.packColumns(b.codes, depth: k, columns: n)
        var raw = [Int32](repeating: 0, count: m * n)
        let rawExpected = naiveMatMul(aCodes, bCodes, m: m, k: k, n: n, za: 0, zb: [0])
        for kernel in IntegerGEMM.Kernel.available {
            raw.withUnsafeMutableBufferPointer { c in
                if let base = c.baseAddress {
                    IntegerGEMM.multiply(packedA, packedB, into: base, rowStride: n, threads: 2, kernel: kernel)
                }
            }
            #expect(raw.map(Int.init) == rawExpected, "kernel \(kernel)")
        }
    }

    /// The documented bound K · 255 · 128 ≤ 2³¹ − 1: K = 65 793 with every product at its extreme
    /// is exact, K = 65 794 is refused.
    @Test func longestExactReduction() throws {
        let k = 65_793
        let a = try quantizedCodes([Int](repeating: 255, count: k), shape: [1, k], signed: false, zeroPoints: [0])
        let b = try quantizedCodes([Int](repeating: -128, count: k), shape: [k, 1], signed: true, zeroPoints: [0])
        #expect(try matmul(a, b).integers == [k * 255 * -128])
        let a2 = try quantizedCodes(
            [Int](repeating: 255, count: k + 1), shape: [1, k + 1], signed: false, zeroPoints: [0])
        let b2 = try quantizedCodes(
            [Int](repeating: -128, count: k + 1), shape: [k + 1, 1], signed: true, zeroPoints: [0])
        #expect(throws: QuantEngineError.accumulatorOverflow(operation: "integer matmul", depth: k + 1, limit: k)) {
            try matmul(a2, b2)
        }
    }

    /// uint8 × uint8 with a weight zero point: the raw code sums (K · 255 · 255) wrap around Int32,
    /// but the corrected result fits and comes out exact.
    @Test func rawSumsMayWrapWhenTheResultFits() throws {
        let k = 65_793
        let a = try quantizedCodes([Int](repeating: 255, count: 2 * k), shape: [2, k], signed: false, zeroPoints: [0])
        let b = try quantizedCodes([Int](repeating: 255, count: k), shape: [k, 1], signed: false, zeroPoints: [128])
        #expect(try matmul(a, b).integers == [k * 255 * 127, k * 255 * 127])
    }

    @Test func emptyAndZeroDepthProducts() throws {
        let a = try quantizedCodes([], shape: [3, 0], signed: false, zeroPoints: [5])
        let b = try quantizedCodes([], shape: [0, 2], signed: true, zeroPoints: [0])
        #expect(try matmul(a, b).integers == [0, 0, 0, 0, 0, 0])
        let none = try quantizedCodes([], shape: [0, 4], signed: false, zeroPoints: [5])
        let w = try quantizedCodes([Int](repeating: 1, count: 8), shape: [4, 2], signed: true, zeroPoints: [0])
        #expect(try matmul(none, w).shape == [0, 2])
    }

    @Test func errors() throws {
        let a = try quantizedCodes([1, 2, 3, 4, 5, 6], shape: [2, 3], signed: false, zeroPoints: [0])
        let b = try quantizedCodes([1, 2, 3, 4, 5, 6], shape: [3, 2], signed: true, zeroPoints: [0])
        let vector = try quantizedCodes([1, 2, 3], shape: [3], signed: false, zeroPoints: [0])
        #expect(
            throws: QuantEngineError.rankMismatch(
                operation: "integer matmul", expected: "a 2-D [M, K] left operand", shape: [3])
        ) { try matmul(vector, b) }
        #expect(
            throws: QuantEngineError.rankMismatch(
                operation: "integer matmul", expected: "a 2-D [K, N] right operand", shape: [3])
        ) { try matmul(a, vector) }
        #expect(throws: QuantEngineError.matmulMismatch([2, 3], [2, 3])) { try matmul(a, a) }

        let wide = try quantizedCodes([1, 2, 3, 4, 5, 6], shape: [3, 2], bits: 12, signed: true, zeroPoints: [0])
        #expect(
            throws: QuantEngineError.unsupported(
                "integer matmul needs 8-bit codes (int8 or uint8), but the weights have 12-bit codes")
        ) { try matmul(a, wide) }
        let wideA = try quantizedCodes([1, 2, 3, 4, 5, 6], shape: [2, 3], bits: 9, signed: false, zeroPoints: [0])
        #expect(throws: QuantEngineError.self) { try matmul(wideA, b) }

        let inputAxis = try quantizedCodes(
            [1, 2, 3, 4, 5, 6], shape: [3, 2], signed: true, zeroPoints: [0, 0, 0], granularity: .perChannel(axis: 0))
        #expect(
            throws: QuantEngineError.unsupported(
                "integer matmul needs per-channel weights along their output axis 1 (shape [3, 2]), got axis 0")
        ) {
            try matmul(a, inputAxis)
        }
        let grouped = try quantizedCodes(
            [1, 2, 3, 4, 5, 6], shape: [3, 2], signed: true, zeroPoints: [0, 0, 0], granularity: .perGroup(size: 2))
        #expect(throws: QuantEngineError.self) { try matmul(a, grouped) }
        let perRow = try quantizedCodes(
            [1, 2, 3, 4, 5, 6], shape: [2, 3], signed: false, zeroPoints: [0, 1], granularity: .perChannel(axis: 0))
        #expect(
            throws: QuantEngineError.unsupported(
                "integer matmul needs activations quantized per tensor, got per-channel (axis 0) quantization")
        ) {
            try matmul(perRow, b)
        }
        #expect(throws: QuantEngineError.invalidArgument("threads must be at least 1, got 0")) {
            try matmul(a, b, threads: 0)
        }
    }

    @Test func narrowerCodesWork() throws {
        var random = SplitMix64(seed: 3)
        let aCodes = randomCodes(4 * 6, bits: 4, signed: false, using: &random)
        let bCodes = randomCodes(6 * 3, bits: 4, signed: true, using: &random)
        let a = try quantizedCodes(aCodes, shape: [4, 6], bits: 4, signed: false, zeroPoints: [8])
        let b = try quantizedCodes(bCodes, shape: [6, 3], bits: 4, signed: true, zeroPoints: [0])
        #expect(try matmul(a, b).integers == naiveMatMul(aCodes, bCodes, m: 4, k: 6, n: 3, za: 8, zb: [0]))
    }

    @Test func overflowMessage() {
        let error = QuantEngineError.accumulatorOverflow(operation: "integer matmul", depth: 70000, limit: 65793)
        #expect(
            error.description
                == "integer matmul: a reduction over 70000 products could overflow the int32 accumulator "
                + "(at most 65793 for these grids and zero points)")
    }
}
