/// The inner loops of per-tensor quantize, dequantize and fake-quantize.
///
/// Each loop is branch-free over contiguous buffers (auto-vectorised by LLVM), allocates
/// nothing per element, and is split over cores in fixed chunks for large inputs; the result of
/// every element depends only on that element, so it is the same whatever the split.
///
/// Quantization per element, exactly ONNX `QuantizeLinear`:
///
///     v = x / scale                       // a true Float32 division, not x · (1/scale)
///     v = clamp(v, qmin − z, qmax − z)    // saturation, moved before rounding (see below)
///     q = round(v) + z                    // the chosen rounding rule
///
/// Clamping before rounding is equivalent to `saturate(round(x/scale) + z)`: the bounds are
/// integers, and every rounding rule is monotone and leaves integers unchanged. It also keeps `v`
/// small, which the fast rounding below requires.
enum QuantizationKernels {
    /// 1.5 · 2^23. For |v| ≤ 2^22, `v + magic` lies in [2^23, 2^24), where the Float32 spacing is
    /// exactly 1, so the addition itself rounds `v` to an integer — half to even, the default IEEE
    /// rounding mode — and that integer sits in the low mantissa bits. This avoids a libm call for
    /// `rounded(.toNearestOrEven)` on baseline x86-64 (no SSE4.1 `roundps`) and vectorises.
    static let magic: Float = 0x1.8p23
    static let magicBits = Int32(bitPattern: magic.bitPattern)

    /// `v` rounded to the nearest integer, ties to even, as an `Int32`; valid for |v| ≤ 2^22
    /// (and harmless — no trap — for NaN, whose result is meaningless).
    @inline(__always)
    static func roundHalfEvenToInt32(_ v: Float) -> Int32 {
        Int32(bitPattern: (v + magic).bitPattern) &- magicBits
    }

    /// The exact integer `Int32` value of an integral `v` with |v| ≤ 2^22 (no trap on NaN).
    @inline(__always)
    static func integralToInt32(_ v: Float) -> Int32 {
        roundHalfEvenToInt32(v)
    }

    /// Scale, zero point and clamp bounds of one parameter set, in the types the loops use.
    struct Grid {
        let scale: Float
        let zeroPoint: Int32
        /// `qmin − zeroPoint` and `qmax − zeroPoint`: integers with |·| ≤ 2^16.
        let lower: Float
        let upper: Float
        let rounding: Rounding

        init(_ parameters: QuantizationParameters, rounding: Rounding) {
            scale = parameters.scale
            zeroPoint = Int32(parameters.zeroPoint)
            lower = Float(parameters.qmin - parameters.zeroPoint)
            upper = Float(parameters.qmax - parameters.zeroPoint)
            self.rounding = rounding
        }

        /// `x / scale` clamped to `[lower, upper]` (NaN passes through).
        @inline(__always)
        func clampedQuotient(_ x: Float) -> Float {
            var v = x / scale
            v = v < lower ? lower : v
            v = v > upper ? upper : v
            return v
        }
    }

    /// 1 if `x` is NaN or ±infinity (all exponent bits set), else 0 — branch-free.
    @inline(__always)
    static func nonFiniteFlag(_ x: Float) -> UInt32 {
        (x.bitPattern & 0x7F80_0000) == 0x7F80_0000 ? 1 : 0
    }

    /// Quantizes `input` into `output`; returns false if any input element is NaN or infinite
    /// (the output is then meaningless and the caller throws).
    /// `offset` is the index of `input[0]` in the whole tensor (it keys stochastic rounding).
    static func quantize<Code: FixedWidthInteger>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>, grid: Grid,
        offset: Int = 0
    ) -> Bool {
        forEachChunkAllFinite(count: input.count) { range in
            var bad: UInt32 = 0
            if grid.rounding == .nearestEven {
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let q = roundHalfEvenToInt32(grid.clampedQuotient(x)) &+ grid.zeroPoint
                    output[i] = Code(truncatingIfNeeded: q)
                }
            } else if case .stochastic = grid.rounding {
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let rounded = grid.rounding.apply(grid.clampedQuotient(x), index: offset &+ i)
                    output[i] = Code(truncatingIfNeeded: integralToInt32(rounded) &+ grid.zeroPoint)
                }
            } else {
                let rule = grid.rounding.rule
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let rounded = grid.clampedQuotient(x).rounded(rule)  // the configured rule
                    output[i] = Code(truncatingIfNeeded: integralToInt32(rounded) &+ grid.zeroPoint)
                }
            }
            return bad == 0
        }
    }

    /// `x̂ = Float(q − zeroPoint) · scale`: the integer difference is exact in Int32 and converts
    /// exactly to Float32 (|q − z| < 2^17); the product is one Float32 multiplication.
    static func dequantize<Code: FixedWidthInteger>(
        _ codes: UnsafeBufferPointer<Code>, into output: UnsafeMutableBufferPointer<Float>,
        scale: Float, zeroPoint: Int32
    ) {
        Parallel.forEachChunk(count: codes.count) { range in
            for i in range {
                output[i] = Float(Int32(truncatingIfNeeded: codes[i]) &- zeroPoint) * scale
            }
        }
    }

    /// dequantize(quantize(x)) in one pass. Bit-identical to the two-step result: the rounded,
    /// clamped quotient equals `q − zeroPoint` exactly, and it is converted to Float through the
    /// integer (so a zero is always +0, as in `Float(q − z)`).
    static func fakeQuantize(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, grid: Grid,
        offset: Int = 0
    ) -> Bool {
        forEachChunkAllFinite(count: input.count) { range in
            var bad: UInt32 = 0
            if grid.rounding == .nearestEven {
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let level = roundHalfEvenToInt32(grid.clampedQuotient(x))
                    output[i] = Float(level) * grid.scale
                }
            } else if case .stochastic = grid.rounding {
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let rounded = grid.rounding.apply(grid.clampedQuotient(x), index: offset &+ i)
                    output[i] = Float(integralToInt32(rounded)) * grid.scale
                }
            } else {
                let rule = grid.rounding.rule
                for i in range {
                    let x = input[i]
                    bad |= nonFiniteFlag(x)
                    let rounded = grid.clampedQuotient(x).rounded(rule)  // the configured rule
                    output[i] = Float(integralToInt32(rounded)) * grid.scale
                }
            }
            return bad == 0
        }
    }

    /// Runs `body` over fixed chunks (concurrently when large) and reports whether every chunk
    /// returned true.
    private static func forEachChunkAllFinite(count: Int, _ body: (Range<Int>) -> Bool) -> Bool {
        let chunks = Parallel.chunkCount(count)
        guard chunks > 1 else { return count == 0 || body(0..<count) }
        var flags = [Bool](repeating: true, count: chunks)
        flags.withUnsafeMutableBufferPointer { flags in
            Parallel.forEachChunk(count: count) { range in
                flags[range.lowerBound / Parallel.chunkSize] = body(range)
            }
        }
        return !flags.contains(false)
    }
}
