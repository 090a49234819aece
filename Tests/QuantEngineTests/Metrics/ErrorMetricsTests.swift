import QuantEngine
import Testing

@Suite("Error metrics")
struct ErrorMetricsTests {
    /// x = [1, 2, 3, 4], x̂ = [1, 2, 3, 5]: e = [0, 0, 0, −1]; Σx² = 30, Σx̂² = 39, Σx·x̂ = 34.
    /// sqnr = 10·log10(30) = 14.771212547196624 dB, cosine = 34/√(30·39) = 0.9939990885479664
    /// (both from Python's math module).
    @Test func handExample() throws {
        let m = try ErrorMetrics.compare(Tensor([1, 2, 3, 4]), Tensor([1, 2, 3, 5]))
        #expect(m.count == 4)
        #expect(m.mse == 0.25)
        #expect(m.rmse == 0.5)
        #expect(m.mae == 0.25)
        #expect(m.maxError == 1)
        #expect(isClose(m.sqnr, 14.771_212_547_196_624, relative: 1e-14))
        #expect(isClose(m.cosine, 0.993_999_088_547_966_4, relative: 1e-14))
        #expect(m.clippedFraction == nil)
        #expect(m.levelsUsed == nil)
    }

    @Test func perfectAndDegenerateCases() throws {
        let x = Tensor([0.5, -1, 2])
        let perfect = try ErrorMetrics.compare(x, x)
        #expect(perfect.sqnr == .infinity)
        #expect(perfect.mse == 0)
        #expect(isClose(perfect.cosine, 1, relative: 1e-15))
        let zeros = try Tensor.zeros([3])
        let allZero = try ErrorMetrics.compare(zeros, zeros)
        #expect(allZero.sqnr == .infinity)
        #expect(allZero.cosine == 1)
        let noSignal = try ErrorMetrics.compare(zeros, x)
        #expect(noSignal.sqnr == -.infinity)
        #expect(noSignal.cosine == 0)
    }

    /// x = [−1, 0, 0.5, 0.5, 3, 5] with scale 0.5, 4-bit signed [−8, 7]: codes
    /// [−2, 0, 1, 1, 6, 7]; 5/0.5 = 10 saturates to 7 (the only clipped element);
    /// distinct codes {−2, 0, 1, 6, 7} = 5; the error is 5 − 3.5 = 1.5 on that element only.
    @Test func quantizedExample() throws {
        let x = Tensor([-1, 0, 0.5, 0.5, 3, 5])
        let p = try QuantizationParameters(scale: 0.5, zeroPoint: 0, bits: 4, signed: true)
        let q = try quantize(x, parameters: p)
        #expect(q.values == [-2, 0, 1, 1, 6, 7])
        let m = try ErrorMetrics.compare(x, q)
        #expect(m.clippedFraction == 1.0 / 6)
        #expect(m.levelsUsed == 5)
        #expect(m.maxError == 1.5)
        #expect(m.mse == 2.25 / 6)
        // Σx² = 1 + 0.25 + 0.25 + 9 + 25 = 35.5; Σe² = 2.25 → 10·log10(35.5/2.25) = 11.98045…
        // (11.980458349437315 from Python's math.log10).
        #expect(isClose(m.sqnr, 11.980_458_349_437_315, relative: 1e-13))
    }

    @Test func shapesMustMatch() throws {
        let a = try Tensor.zeros([3, 4])
        let b = try Tensor.zeros([4, 3])
        #expect(throws: QuantEngineError.shapeMismatch([3, 4], [4, 3], operation: "compare")) {
            try ErrorMetrics.compare(a, b)
        }
        #expect(
            QuantEngineError.shapeMismatch([3, 4], [4, 3], operation: "compare").description
                == "compare needs tensors of the same shape, got [3, 4] and [4, 3]")
        #expect(throws: QuantEngineError.emptyTensor(operation: "compare")) {
            try ErrorMetrics.compare(Tensor([]), Tensor([]))
        }
    }

    /// More bits, less error: the SQNR of uniform quantization grows about 6.02 dB per bit.
    @Test func sqnrGrowsSixDecibelsPerBit() throws {
        let x = try Tensor.rand([200_000], in: -1...1, seed: 4)
        let s8 = try ErrorMetrics.compare(x, quantize(x, bits: 8)).sqnr
        let s9 = try ErrorMetrics.compare(x, quantize(x, bits: 9)).sqnr
        #expect(Swift.abs(s9 - s8 - 6.02) < 0.2)
        // Uniform on [−1, 1] with step Δ = 1/127: SQNR = (1/3)/(Δ²/12) = 4·127² → 48.10 dB.
        #expect(Swift.abs(s8 - 48.10) < 0.2)
    }

    @Test func largeComparisonIsDeterministic() throws {
        let x = try Tensor.randn([600_000], seed: 5)
        let y = try fakeQuantize(x, bits: 4)
        let first = try ErrorMetrics.compare(x, y)
        let second = try ErrorMetrics.compare(x, y)
        #expect(first == second)
        var naive = 0.0
        for i in 0..<x.count {
            let e = Double(x.scalars[i]) - Double(y.scalars[i])
            naive += e * e
        }
        #expect(isClose(first.mse, naive / Double(x.count), relative: 1e-10))
    }
}
