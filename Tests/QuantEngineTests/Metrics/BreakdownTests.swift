import QuantEngine
import Testing

@Suite("Per-channel error breakdown, clipping and levels")
struct BreakdownTests {
    @Test func perSliceMetricsEqualTheMetricsOfEachSlice() throws {
        let w = try Tensor.randn([4, 64], std: 1, seed: 3)
        let q = try Quantizer(bits: 4).quantize(w)
        let rows = try ErrorMetrics.perSlice(w, q.dequantized(), axis: 0)
        #expect(rows.count == 4)
        for row in 0..<4 {
            let slice = Tensor(Array(w.scalars[(row * 64)..<(row * 64 + 64)]))
            let approx = Tensor(Array(q.dequantized().scalars[(row * 64)..<(row * 64 + 64)]))
            #expect(rows[row] == (try ErrorMetrics.compare(slice, approx)))
        }
        #expect(throws: QuantEngineError.invalidArgument("axis 2 is out of range for shape [4, 64] (axes 0…1)")) {
            try ErrorMetrics.perSlice(w, w, axis: 2)
        }
    }

    /// Per-channel grids clip nothing with min/max calibration; a fixed range clips exactly the
    /// values beyond it, group by group.
    @Test func clippedFractionAndLevelsUsedPerGroup() throws {
        let x = try Tensor(shape: [2, 4], scalars: [0.5, 1, 2, 4, -0.1, 0.1, 0.2, -8])
        let perChannel = try Quantizer(bits: 8, granularity: .perChannel(axis: 0)).quantize(x)
        #expect(try ErrorMetrics.compare(x, perChannel).clippedFraction == 0)
        let fixed = try Quantizer(bits: 8, range: .fixed(-1, 1), granularity: .perChannel(axis: 0)).quantize(x)
        // 2, 4 and −8 lie outside [−1, 1].
        #expect(try ErrorMetrics.compare(x, fixed).clippedFraction == 3.0 / 8)
        // Codes of the 2-bit grid {−1, 0, 1}: data [0.1, 0.9, −0.9, 0.2] uses all three.
        let tiny = try Quantizer(bits: 2).quantize(Tensor([0.1, 0.9, -0.9, 0.2]))
        #expect(tiny.levelsUsed == 3)
        #expect(try Quantizer(bits: 8).quantize(Tensor([1, 1, 1])).levelsUsed == 1)
    }
}
