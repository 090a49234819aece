import QNBScript
import QNBTestSupport
import Testing

/// Granularity, rounding, calibration and observers as cells write them.
@Suite struct EngineOptionTests {
    static func display(_ source: String) -> String? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        return result.displayText
    }

    static let matrix = "let w = tensor([[1, -2, 3, 0.5], [40, -10, 5, 2], [0.1, 0.2, -0.3, 0.05]])\n"

    /// Row scales 3/127, 40/127 and 0.3/127: every row reaches ±127 on its largest magnitude.
    @Test func perChannelGivesEveryRowTheFullCodeRange() {
        let source = Self.matrix + "quantize(w, granularity: .perChannel(axis: 0)).values"
        #expect(Self.display(source) == "[42, -85, 127, 21, 127, -32, 16, 6, 42, 85, -127, 21]")
        // Per tensor, the small third row collapses onto a few codes near zero.
        #expect(Self.display(Self.matrix + "quantize(w).values") == "[3, -6, 10, 2, 127, -32, 16, 6, 0, 1, -1, 0]")
    }

    @Test func perGroupAndRoundingOptions() {
        let groups = Self.matrix + "let q = quantize(w, bits: 4, granularity: .perGroup(size: 2))\n(q.values, q.bytes)"
        // Six groups of two: 12 four-bit codes (6 bytes) and six scale/zero-point pairs (48 bytes).
        // In Float32, 0.1 / (0.2 / 7) is exactly 3.5 (numpy agrees): the tie goes to the even 4.
        #expect(Self.display(groups) == "([3, -7, 7, 1, 7, -2, 7, 3, 4, 7, -7, 1], 54)")
        let down = "quantize(tensor([0.9, -0.1]), scale: 1, zeroPoint: 0, rounding: .down).values"
        #expect(Self.display(down) == "[0, -1]")
        let stochastic = """
            let x = tensor([Double](repeating: 0.25, count: 4000))
            let q = quantize(x, scale: 1, zeroPoint: 0, rounding: .stochastic(seed: 5))
            let ones = q.values.filter { $0 == 1 }.count
            (ones > 900 && ones < 1100, q.values.allSatisfy { $0 == 0 || $0 == 1 })
            """
        #expect(Self.display(stochastic) == "(true, true)")
    }

    @Test func calibrationMethods() {
        let source = """
            let x = tensor([0, 0.1, -0.2, 0.3, -0.25, 0.15, 8])
            let a = quantize(x, range: .minMax).scale
            let b = quantize(x, range: .fixed(-1, 1)).scale
            let c = quantize(x, range: .percentile(90)).scale
            (abs(a - 8.0 / 127) < 1e-8, abs(b - 1.0 / 127) < 1e-9, c < a)
            """
        #expect(Self.display(source) == "(true, true, true)")
    }

    @Test func observersAccumulateBatchesAndSetTheRange() {
        let source = """
            var obs = observer(.movingAverage(0.5))
            obs.observe(tensor([0, 2]))
            obs.observe(tensor([-4, 6]))
            let q = quantize(tensor([1.0]), scheme: .asymmetric, range: obs)
            (obs.min, obs.max, obs.batches, abs(q.scale - 6.0 / 255) < 1e-9)
            """
        #expect(Self.display(source) == "(-2.0, 4.0, 2, true)")
    }

    @Test func fixedPoint() {
        #expect(Self.display("quantize(tensor([0.5, -1.2, 3.1]), scheme: .powerOfTwo).scale") == "0.03125")
        #expect(Self.display("quantize(tensor([0.3, -0.6, 5]), bits: 4, fractionalBits: 2).values") == "[1, -2, 7]")
    }

    @Test func storageFormats() {
        let source = """
            let w = tensor([[0.5, -1, 2, 0.25], [3, -0.5, 1, 0]])
            let i4 = quantize(w, format: .int4)
            let f8 = quantize(w, format: .fp8e4m3)
            (i4.bits, i4.bytes, f8.format, f8.bytes, dequantize(f8).max())
            """
        // 8 four-bit codes and one scale/zero-point pair; 8 FP8 bytes and one scale. The largest
        // magnitude maps to 448 exactly and back.
        #expect(Self.display(source) == "(4, 12, \"fp8e4m3\", 12, 3.0)")
        expectCellError(
            "1️⃣quantize(tensor([1, 2, 3]), format: .q4_0)",
            "q4_0 stores blocks of 32 along the last axis, whose size must be a multiple of 32; shape [3]",
            library: .qnb)
    }

    @Test func contradictoryFormatOptionsAreRefused() {
        let library = BuiltinLibrary.qnb
        expectCellError(
            "quantize(tensor([1]), format: .nf4, granularity: 1️⃣.perChannel(axis: 0))",
            ".nf4 has its own granularity (FP8: one scale; NF4 and ggml: blocks); granularity: applies to .int8, "
                + ".uint8, .int4 and .uint4", library: library)
        expectCellError(
            "quantize(tensor([1]), format: .int8, scale: 1️⃣0.5)",
            "scale: applies to the FP8 formats; .int8 calibrates its own scale", library: library)
        expectCellError(
            "quantize(tensor([1]), format: .q4_0, saturate: 1️⃣false)",
            "saturate: applies to the FP8 formats only, not .q4_0", library: library)
    }

    /// (11 − 10)·1 + (12 − 10)·3 = 7 with the activation's zero point 10; requantized at scale 0.5
    /// that is code 14; 0.0123 = 1690499128 · 2^(−6 − 31).
    @Test func integerArithmetic() {
        let source = """
            let a = quantize(tensor([[1, 2]]), scale: 1, zeroPoint: 10, signed: false)
            let b = quantize(tensor([[1], [3]]), scale: 1, zeroPoint: 0)
            let acc = matmul(a, b)
            let m = fixedPointMultiplier(0.0123)
            (a.values, acc.values, requantize(acc, scale: 0.5, zeroPoint: 0).values, m.m0, m.shift)
            """
        #expect(Self.display(source) == "([11, 12], [7], [14], 1690499128, -6)")
        expectCellError(
            "1️⃣matmul(quantize(tensor([[1, 2]])), quantize(tensor([[1, 2]])))",
            "matmul: shapes [1, 2] and [1, 2] are not aligned (inner dimensions differ)", library: .qnb)
    }

    @Test func explicitPerAxisParameters() {
        let source = "quantize(tensor([[1, 2, 3], [-4, 5, 6]]), scale: [1, 2, 4], zeroPoint: 0, axis: 1).values"
        #expect(Self.display(source) == "[1, 1, 1, -4, 2, 2]")
    }

    @Test func badOptionsAreLocatedErrors() {
        let library = BuiltinLibrary.qnb
        expectCellError(
            "1️⃣quantize(w, granularity: .perGroup(size: 3))",
            "group size 3 does not divide the last dimension 4 of shape [3, 4]", setup: [Self.matrix], library: library)
        expectCellError(
            "quantize(tensor([1]), range: 1️⃣.percentile(20))", "percentile must be between 50 and 100, got 20.0",
            library: library)
        expectCellError(
            "quantize(tensor([1]), range: 1️⃣observer())",
            "the observer has not seen any data yet; call observe(x) first", library: library)
        expectCellError(
            "1️⃣quantize(tensor([[1, 2]]), scale: [1, 2, 3], zeroPoint: 0, axis: 1)",
            "expected 2 scales (one per group), got 3", library: library)
        expectCellError(
            "observer(1️⃣.movingAverage(2))", "the averaging constant must be in (0, 1], got 2.0", library: library)
    }
}
