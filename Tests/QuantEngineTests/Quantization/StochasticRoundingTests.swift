import QuantEngine
import Testing

@Suite("Stochastic rounding")
struct StochasticRoundingTests {
    /// Every code is the floor or the ceiling of x / scale, and the mean of the dequantized values
    /// converges to x: with 2^20 draws of x = 0.3 (scale 1), the mean's standard error is
    /// sqrt(0.3 · 0.7 / 2^20) ≈ 4.5e-4, so it lies within 3e-3 of 0.3 with overwhelming probability.
    @Test func isUnbiasedAndOnlyRoundsToNeighbours() throws {
        let n = 1 << 20
        let x = Tensor([Float](repeating: 0.3, count: n))
        let parameters = try QuantizationParameters(scale: 1, zeroPoint: 0, bits: 8, signed: true)
        let q = try Quantizer.quantize(x, parameters: parameters, rounding: .stochastic(seed: 11))
        let codes = q.values
        #expect(Set(codes).isSubset(of: [0, 1]))
        let mean = Double(codes.reduce(0, +)) / Double(n)
        #expect(Swift.abs(mean - 0.3) < 3e-3)
        // Nearest rounding is biased: every 0.3 becomes 0.
        let nearest = try Quantizer.quantize(x, parameters: parameters).values
        #expect(nearest.allSatisfy { $0 == 0 })
    }

    @Test func negativeValuesAndExactIntegers() throws {
        let parameters = try QuantizationParameters(scale: 0.5, zeroPoint: 0, bits: 8, signed: true)
        let exact = Tensor([Float](repeating: -1.5, count: 4096))  // −3 exactly
        #expect(
            try Quantizer.quantize(exact, parameters: parameters, rounding: .stochastic(seed: 1)).values.allSatisfy {
                $0 == -3
            })
        let between = Tensor([Float](repeating: -1.2, count: 1 << 16))  // −2.4: −3 with p 0.4, −2 with p 0.6
        let codes = try Quantizer.quantize(between, parameters: parameters, rounding: .stochastic(seed: 2)).values
        #expect(Set(codes) == [-3, -2])
        let fractionDown = Double(codes.filter { $0 == -3 }.count) / Double(codes.count)
        #expect(Swift.abs(fractionDown - 0.4) < 0.01)
    }

    /// Same seed, same codes — whether the tensor is quantized whole (in parallel chunks) or
    /// each element through the rule with its index; a different seed gives different codes.
    @Test func isDeterministicAtAnyThreadCount() throws {
        let n = (1 << 18) + 17
        let x = try Tensor.randn([n], std: 1, seed: 4)
        let quantizer = try Quantizer(bits: 4, rounding: .stochastic(seed: 99))
        let parameters = try quantizer.parameters(for: x)
        let whole = try Quantizer.quantize(x, parameters: parameters, rounding: .stochastic(seed: 99)).values
        #expect(try quantizer.quantize(x).values == whole)
        for index in [0, 1, 4095, 4096, 131_072, n - 1] {
            // The rule applied to this one element with its index.
            let expected = Rounding.stochastic(seed: 99).apply(
                Swift.min(Swift.max(x.scalars[index] / parameters.scale, -7), 7), index: index)
            #expect(Float(whole[index]) == expected)
        }
        let other = try Quantizer.quantize(x, parameters: parameters, rounding: .stochastic(seed: 100)).values
        #expect(other != whole)
    }
}
