import CQuantize

/// The inner loops of quantize, dequantize and fake-quantize over one contiguous run of elements
/// that shares a parameter set. They run on the calling thread and allocate nothing; callers
/// split large tensors into fixed chunks (`Parallel`). The result of every element depends only
/// on that element, so it is the same whatever the split.
///
/// Quantization per element, exactly ONNX `QuantizeLinear`:
///
///     v = x / scale                       // a true Float32 division, not x · (1/scale)
///     v = clamp(v, qmin − z, qmax − z)    // saturation, moved before rounding (see below)
///     q = round(v) + z                    // the chosen rounding rule
///
/// Clamping before rounding is equivalent to `saturate(round(x/scale) + z)`: the bounds are
/// integers, and every rounding rule is monotone and leaves integers unchanged. It also keeps `v`
/// small (|v| ≤ 2^16), which the fast rounding below requires.
///
/// Three implementations compute the same codes for every finite input (NaN and infinities are
/// reported, and their codes are discarded by the callers): CQuantize's AVX2 loops when the CPU
/// has AVX2, explicit `SIMD8` Swift otherwise, and the element-by-element reference loops
/// (`QuantizationKernels+Scalar.swift`) they are tested against. Stochastic rounding always runs
/// the reference loop.
enum QuantizationKernels {
    /// Which loop computes a run.
    enum Implementation: CaseIterable, CustomStringConvertible {
        /// CQuantize's AVX2 loops (x86-64 CPUs with AVX2).
        case avx2
        /// `SIMD8<Float>` Swift, vectorised on any target (SSE2 on baseline x86-64, NEON on arm64).
        case simd
        /// One element at a time: the reference.
        case scalar

        /// The fastest implementation this CPU runs.
        static let fastest: Implementation = cq_avx2_available() != 0 ? .avx2 : .simd

        /// Whether this CPU runs it.
        var isAvailable: Bool { self != .avx2 || Implementation.fastest == .avx2 }

        var description: String {
            switch self {
            case .avx2: return "avx2"
            case .simd: return "simd"
            case .scalar: return "scalar"
            }
        }
    }

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

    /// Quantizes `input` into `output` (the same count); returns false if any input element is
    /// NaN or infinite (the output is then meaningless and the caller throws).
    /// `offset` is the index of `input[0]` in the whole tensor (it keys stochastic rounding).
    static func quantize<Code: FixedWidthInteger & SIMDScalar>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>, grid: Grid,
        offset: Int = 0, using implementation: Implementation = .fastest
    ) -> Bool {
        if case .stochastic = grid.rounding {
            return quantizeScalar(input, into: output, grid: grid, offset: offset)
        }
        switch implementation {
        case .avx2: return quantizeAVX2(input, into: output, grid: grid)
        case .simd: return quantizeSIMD(input, into: output, grid: grid)
        case .scalar: return quantizeScalar(input, into: output, grid: grid, offset: offset)
        }
    }

    /// `x̂ = Float(q − zeroPoint) · scale`: the integer difference is exact in Int32 and converts
    /// exactly to Float32 (|q − z| < 2^17); the product is one Float32 multiplication.
    static func dequantize<Code: FixedWidthInteger & SIMDScalar>(
        _ codes: UnsafeBufferPointer<Code>, into output: UnsafeMutableBufferPointer<Float>,
        scale: Float, zeroPoint: Int32, using implementation: Implementation = .fastest
    ) {
        switch implementation {
        case .avx2: dequantizeAVX2(codes, into: output, scale: scale, zeroPoint: zeroPoint)
        case .simd, .scalar: dequantizeScalar(codes, into: output, scale: scale, zeroPoint: zeroPoint)
        }
    }

    /// dequantize(quantize(x)) in one pass. Bit-identical to the two-step result: the rounded,
    /// clamped quotient equals `q − zeroPoint` exactly, and it is converted to Float through the
    /// integer (so a zero is always +0, as in `Float(q − z)`).
    static func fakeQuantize(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, grid: Grid,
        offset: Int = 0, using implementation: Implementation = .fastest
    ) -> Bool {
        if case .stochastic = grid.rounding {
            return fakeQuantizeScalar(input, into: output, grid: grid, offset: offset)
        }
        switch implementation {
        case .avx2: return fakeQuantizeAVX2(input, into: output, grid: grid)
        case .simd: return fakeQuantizeSIMD(input, into: output, grid: grid)
        case .scalar: return fakeQuantizeScalar(input, into: output, grid: grid, offset: offset)
        }
    }
}
