import QuantEngine
import Testing

@Suite("Power-of-two (fixed-point) quantization")
struct PowerOfTwoTests {
    /// The most fractional bits n ≤ 23 with absMax ≤ qmax · 2^−n, checked against a plain search.
    @Test(arguments: [Float(1), 3.1, 127, 127.5, 0.001, 1e-30, 40000, 0.75])
    func choosesTheFinestStepThatDoesNotClip(absMax: Float) throws {
        let p = try QuantizationParameters.powerOfTwo(absMax: absMax, bits: 8)
        var expected = 23
        while expected > -126 && 127 * Double(sign: .plus, exponent: -expected, significand: 1) < Double(absMax) {
            expected -= 1
        }
        #expect(p.scale == Float(sign: .plus, exponent: -expected, significand: 1))
        #expect(Double(p.scale) * 127 >= Double(absMax))
        #expect(expected == 23 || Double(p.scale) / 2 * 127 < Double(absMax))
        #expect(p.zeroPoint == 0 && p.signed)
    }

    /// x = [0.5, −1.2, 3.1]: 3.1 ≤ 127 · 2^−5 = 3.97, but not ≤ 127 · 2^−6 = 1.98, so n = 5 and
    /// the codes are round(x · 32) = [16, −38, 99] (−38.4 → −38, 99.2 → 99).
    @Test func quantizesToRoundedMultiplesOfThePowerOfTwo() throws {
        let q = try Quantizer(bits: 8, scheme: .powerOfTwo).quantize(Tensor([0.5, -1.2, 3.1]))
        #expect(q.scale == 1.0 / 32)
        #expect(q.values == [16, -38, 99])
        #expect(q.scheme == .powerOfTwo)
        let explicit = try QuantizationParameters.powerOfTwo(fractionalBits: 2, bits: 4)
        // 4 bits, n = 2: the grid is −7/4 … 7/4; 5 saturates.
        #expect(try Quantizer.quantize(Tensor([0.3, -0.6, 5]), parameters: explicit).values == [1, -2, 7])
    }

    @Test func fractionalBitsOutOfRangeAreAnError() {
        #expect(throws: QuantEngineError.invalidArgument("fractionalBits must be between -126 and 126, got 200")) {
            try QuantizationParameters.powerOfTwo(fractionalBits: 200, bits: 8)
        }
    }
}
