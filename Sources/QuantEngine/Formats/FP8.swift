import CQuantize

/// 8-bit floating point formats of the OCP 8-bit Floating Point Specification (OFP8), with the cast
/// semantics of ONNX `Cast` / `QuantizeLinear` (opset 19+) and `ml_dtypes`.
///
/// Encoding rounds the exact `Float` value to nearest, ties to even; subnormals are exact.
///
/// | input                  | E4M3FN saturate | E4M3FN no saturate | E5M2 saturate | E5M2 no saturate |
/// |------------------------|-----------------|--------------------|---------------|------------------|
/// | ±0                     | ±0              | ±0                 | ±0            | ±0               |
/// | NaN                    | NaN (`S.1111.111`) | NaN             | NaN (`S.11111.10`) | NaN         |
/// | ±inf                   | ±448            | NaN                | ±57344        | ±inf             |
/// | rounds to above max    | ±448            | NaN                | ±57344        | ±inf             |
/// | otherwise              | RNE             | RNE                | RNE           | RNE              |
///
/// "Rounds to above max" means the RNE result exceeds the largest finite value: for E4M3FN every
/// |x| > 464 (464 itself is a tie and rounds to even, 448); for E5M2 every |x| >= 61440.
/// The sign of a NaN input is kept, as `ml_dtypes` does. Without saturation the result equals
/// `ml_dtypes`' `astype(float8_e4m3fn)` / `astype(float8_e5m2)`; with saturation it equals the ONNX
/// reference implementation (`np.clip(x, -max, max)` followed by that cast).
///
/// Like every kernel of this module, the encoders assume Swift's default floating-point environment
/// (round to nearest even, subnormals not flushed to zero).
public enum FP8 {
    /// An OFP8 format.
    public enum Format: Sendable, Hashable, CaseIterable {
        /// 1 sign, 4 exponent (bias 7), 3 mantissa bits; no infinities, NaN is `S.1111.111`; max 448.
        case e4m3fn
        /// 1 sign, 5 exponent (bias 15), 2 mantissa bits; IEEE-like with infinities; max 57344.
        case e5m2
    }

    /// The largest finite value of `format`: 448 for E4M3FN, 57344 for E5M2.
    @inlinable
    public static func maxFinite(_ format: Format) -> Float {
        switch format {
        case .e4m3fn: return 448
        case .e5m2: return 57344
        }
    }

    /// Encodes `x` in `format`, rounding to nearest even.
    ///
    /// - Parameter saturate: `true` (ONNX default) clamps out-of-range values and infinities to
    ///   ±``maxFinite(_:)``; `false` maps them to NaN (E4M3FN) or ±inf (E5M2).
    @inlinable
    public static func encode(_ x: Float, _ format: Format, saturate: Bool = true) -> UInt8 {
        switch format {
        case .e4m3fn: return encodeE4M3FN(x, saturate: saturate)
        case .e5m2: return encodeE5M2(x, saturate: saturate)
        }
    }

    /// Decodes the bit pattern `bits` of `format` to its exact `Float` value.
    ///
    /// NaN codes decode to the canonical quiet NaN with the code's sign (as `ml_dtypes` does).
    @inlinable
    public static func decode(_ bits: UInt8, _ format: Format) -> Float {
        switch format {
        case .e4m3fn: return decodeE4M3FN(bits)
        case .e5m2: return decodeE5M2(bits)
        }
    }

    /// Encodes `src` element by element into `into`; see ``encode(_:_:saturate:)``.
    ///
    /// Encodes `min(src.count, into.count)` elements.
    public static func encode(
        _ src: UnsafeBufferPointer<Float>,
        into dst: UnsafeMutableBufferPointer<UInt8>,
        _ format: Format,
        saturate: Bool
    ) {
        let n = Swift.min(src.count, dst.count)
        guard n > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
        // Four specialised loops so that the per-element body is constant-folded and vectorisable.
        switch (format, saturate) {
        case (.e4m3fn, true):
            for i in 0..<n { d[i] = encodeE4M3FN(s[i], saturate: true) }
        case (.e4m3fn, false):
            for i in 0..<n { d[i] = encodeE4M3FN(s[i], saturate: false) }
        case (.e5m2, true):
            for i in 0..<n { d[i] = encodeE5M2(s[i], saturate: true) }
        case (.e5m2, false):
            for i in 0..<n { d[i] = encodeE5M2(s[i], saturate: false) }
        }
    }

    /// `encode(src[i] / scale)` for every element: the Float32 quotient, then the cast (ONNX
    /// `QuantizeLinear` to FP8). CQuantize's AVX2 copy of the encoders where the CPU has AVX2,
    /// else one vectorised Swift loop per format and saturation mode.
    static func encode(
        _ src: UnsafeBufferPointer<Float>, dividedBy scale: Float, into dst: UnsafeMutableBufferPointer<UInt8>,
        _ format: Format, saturate: Bool, using implementation: QuantizationKernels.Implementation = .fastest
    ) {
        let n = Swift.min(src.count, dst.count)
        guard n > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
        if implementation == .avx2 {
            cq_fp8_encode_avx2(s, d, n, scale, format == .e5m2 ? 1 : 0, saturate ? 1 : 0)
            return
        }
        switch (format, saturate) {
        case (.e4m3fn, true):
            for i in 0..<n { d[i] = encodeE4M3FN(s[i] / scale, saturate: true) }
        case (.e4m3fn, false):
            for i in 0..<n { d[i] = encodeE4M3FN(s[i] / scale, saturate: false) }
        case (.e5m2, true):
            for i in 0..<n { d[i] = encodeE5M2(s[i] / scale, saturate: true) }
        case (.e5m2, false):
            for i in 0..<n { d[i] = encodeE5M2(s[i] / scale, saturate: false) }
        }
    }

    /// Decodes `src` element by element into `into`; see ``decode(_:_:)``.
    ///
    /// Decodes `min(src.count, into.count)` elements.
    public static func decode(
        _ src: UnsafeBufferPointer<UInt8>,
        into dst: UnsafeMutableBufferPointer<Float>,
        _ format: Format
    ) {
        let n = Swift.min(src.count, dst.count)
        guard n > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
        // A 256-entry table on the stack: one load per element.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 256) { table in
            guard let t = table.baseAddress else { return }
            for code in 0..<256 {
                t[code] = decode(UInt8(truncatingIfNeeded: code), format)
            }
            for i in 0..<n { d[i] = t[Int(s[i])] }
        }
    }

    // MARK: - Kernels

    /// E4M3FN encoder: bit manipulation for normals, one FPU add for subnormals, no branches.
    @inlinable @inline(__always)
    static func encodeE4M3FN(_ x: Float, saturate: Bool) -> UInt8 {
        let bits = x.bitPattern
        let sign = UInt32(bits >> 24) & 0x80
        let mag = bits & 0x7FFF_FFFF
        // Normal range: exponent bias 127 -> 7 (subtract 120 << 23), round 23 -> 3 mantissa bits.
        let rebased = mag &- (120 << 23)
        let normal = (rebased &+ 0x7_FFFF &+ ((rebased >> 20) & 1)) >> 20
        // Subnormal range (|x| < 2^-6): FPU rounds |x| + 2^14 to a multiple of 2^-9 (RNE);
        // a result of 8 is the smallest normal, which is also the right code.
        let magic: Float = 0x1p14
        let sub = (Float(bitPattern: mag) + magic).bitPattern &- magic.bitPattern
        // All quantities below are < 2^31, so signed compares (cheaper in SSE2) are exact.
        let m = Int32(bitPattern: mag)
        var code = Int32(bitPattern: m < 0x3C80_0000 ? sub : normal)
        // 0x7F would be 480 (the NaN code); anything above 0x7E is overflow (this covers inf).
        code = code > 0x7E ? (saturate ? 0x7E : 0x7F) : code
        code = m > 0x7F80_0000 ? 0x7F : code
        return UInt8(truncatingIfNeeded: sign | UInt32(bitPattern: code))
    }

    /// E5M2 encoder: bit manipulation for normals, one FPU add for subnormals, no branches.
    @inlinable @inline(__always)
    static func encodeE5M2(_ x: Float, saturate: Bool) -> UInt8 {
        let bits = x.bitPattern
        let sign = UInt32(bits >> 24) & 0x80
        let mag = bits & 0x7FFF_FFFF
        // Normal range: exponent bias 127 -> 15 (subtract 112 << 23), round 23 -> 2 mantissa bits.
        let rebased = mag &- (112 << 23)
        let normal = (rebased &+ 0xF_FFFF &+ ((rebased >> 21) & 1)) >> 21
        // Subnormal range (|x| < 2^-14): FPU rounds |x| + 2^7 to a multiple of 2^-16 (RNE).
        let magic: Float = 0x1p7
        let sub = (Float(bitPattern: mag) + magic).bitPattern &- magic.bitPattern
        let m = Int32(bitPattern: mag)
        var code = Int32(bitPattern: m < 0x3880_0000 ? sub : normal)
        // 0x7C is inf; anything above 0x7B (57344) is overflow, including an infinite input.
        code = code > 0x7B ? (saturate ? 0x7B : 0x7C) : code
        code = m > 0x7F80_0000 ? 0x7E : code
        return UInt8(truncatingIfNeeded: sign | UInt32(bitPattern: code))
    }

    @inlinable @inline(__always)
    static func decodeE4M3FN(_ bits: UInt8) -> Float {
        let b = UInt32(bits)
        let sign = (b & 0x80) << 24
        let exponent = (b >> 3) & 0xF
        let mantissa = b & 0x7
        let magnitude: UInt32
        if b & 0x7F == 0x7F {
            magnitude = 0x7FC0_0000
        } else if exponent == 0 {
            magnitude = (Float(mantissa) * 0x1p-9).bitPattern
        } else {
            magnitude = ((exponent &+ 120) << 23) | (mantissa << 20)
        }
        return Float(bitPattern: sign | magnitude)
    }

    @inlinable @inline(__always)
    static func decodeE5M2(_ bits: UInt8) -> Float {
        let b = UInt32(bits)
        let sign = (b & 0x80) << 24
        let exponent = (b >> 2) & 0x1F
        let mantissa = b & 0x3
        let magnitude: UInt32
        if exponent == 0x1F {
            magnitude = mantissa == 0 ? 0x7F80_0000 : 0x7FC0_0000
        } else if exponent == 0 {
            magnitude = (Float(mantissa) * 0x1p-16).bitPattern
        } else {
            magnitude = ((exponent &+ 112) << 23) | (mantissa << 21)
        }
        return Float(bitPattern: sign | magnitude)
    }
}
