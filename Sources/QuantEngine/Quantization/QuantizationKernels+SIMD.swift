/// Portable vector loops: element-wise Swift written so that LLVM vectorises every step for any
/// target (SSE2 on baseline x86-64, NEON on arm64) — no libm call, no branch, selects that map
/// to `maxps`/`minps`.
///
/// Rounding: `v + magic` rounds the clamped quotient to the nearest integer, ties to even (see
/// `magic`), and `(v + magic) − magic` is that integer as an exact Float `n`. The other rules
/// correct `n` by one where it lies on the wrong side of `v`; `v − n` is exact (|v| ≤ 2^16, so
/// `v` and `n` are multiples of `v`'s ulp and differ by at most ½):
/// - down: `n − 1` where `n > v`;  up: `n + 1` where `n < v`;
/// - toward zero: down for positive `v`, up for negative `v`;
/// - half away from zero: `n + 1` where `v − n = ½` and `v > 0`, `n − 1` where `v − n = −½` and
///   `v < 0` (a tie that half-to-even already rounded away needs nothing).
///
/// The clamp `v > lower ? v : lower` differs from the reference's `v < lower ? lower : v` only for
/// NaN, whose codes are discarded. Non-finite inputs are found with `x − x`, which is +0 for every
/// finite `x` and NaN otherwise: the bit patterns are ORed together, two instructions per vector
/// instead of four for a test of the exponent bits.
extension QuantizationKernels {
    /// Corrects the half-to-even integer `level` (also `nearest` as a Float) of the quotient `v`.
    typealias RoundingFix = (_ v: Float, _ nearest: Float, _ level: Int32) -> Int32

    /// The correction for a deterministic rule (stochastic rounding never reaches these loops).
    @inline(__always)
    static func withRoundingFix<Result>(_ rounding: Rounding, _ body: (RoundingFix) -> Result) -> Result {
        switch rounding {
        case .down:
            return body { v, nearest, level in nearest > v ? level &- 1 : level }
        case .up:
            return body { v, nearest, level in nearest < v ? level &+ 1 : level }
        case .towardZero:
            return body { v, nearest, level in
                let down = nearest > v && v > 0 ? level &- 1 : level
                return nearest < v && v < 0 ? level &+ 1 : down
            }
        case .nearestAway:
            return body { v, nearest, level in
                let fraction = v - nearest
                let up = fraction == 0.5 && v > 0 ? level &+ 1 : level
                return fraction == -0.5 && v < 0 ? level &- 1 : up
            }
        case .nearestEven, .stochastic:
            return body { _, _, level in level }
        }
    }

    /// The rounded, clamped quotient of one element; ORs the bits of `x − x` into `bad`.
    @inline(__always)
    static func level(_ x: Float, _ grid: Grid, _ fix: RoundingFix, _ bad: inout UInt32) -> Int32 {
        bad |= (x - x).bitPattern
        var v = x / grid.scale
        v = v > grid.lower ? v : grid.lower
        v = v < grid.upper ? v : grid.upper
        let shifted = v + magic
        return fix(v, shifted - magic, Int32(bitPattern: shifted.bitPattern) &- magicBits)
    }

    static func quantizeSIMD<Code: FixedWidthInteger>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>, grid: Grid
    ) -> Bool {
        withRoundingFix(grid.rounding) { fix in
            guard let x = input.baseAddress, let q = output.baseAddress else { return true }
            var bad: UInt32 = 0
            for i in 0..<input.count {
                q[i] = Code(truncatingIfNeeded: level(x[i], grid, fix, &bad) &+ grid.zeroPoint)
            }
            return bad == 0
        }
    }

    static func fakeQuantizeSIMD(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, grid: Grid
    ) -> Bool {
        withRoundingFix(grid.rounding) { fix in
            guard let x = input.baseAddress, let y = output.baseAddress else { return true }
            var bad: UInt32 = 0
            for i in 0..<input.count {
                // Through the integer, so a zero level is +0 as in `Float(q − z)`.
                y[i] = Float(level(x[i], grid, fix, &bad)) * grid.scale
            }
            return bad == 0
        }
    }
}
