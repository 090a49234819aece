/// Exact conversions between `Float` and the 16-bit formats IEEE binary16 ("fp16") and bfloat16.
///
/// All narrowing conversions round to nearest, ties to even, on the exact `Float` value, and handle
/// subnormals exactly. Infinities are preserved; finite values too large for the target become
/// infinity (IEEE overflow). NaN stays NaN:
///
/// - fp16: the sign and the top 10 payload bits are kept, exactly like numpy's `float32 -> float16`
///   cast (a NaN whose kept payload would be zero gets payload `1`, so it never turns into infinity).
/// - bfloat16: NaN becomes the canonical quiet NaN `0x7FC0` with the input's sign, like
///   `ml_dtypes.bfloat16`.
///
/// Widening conversions are exact, and NaN payloads are shifted into place unchanged.
public enum Half {
    /// Bit pattern of the IEEE binary16 value nearest to `x` (round to nearest, ties to even).
    @inlinable
    public static func float16Bits(_ x: Float) -> UInt16 {
        let bits = x.bitPattern
        let sign = UInt16(truncatingIfNeeded: bits >> 16) & 0x8000
        let mag = bits & 0x7FFF_FFFF
        // Normal range: rebias the exponent (127 -> 15) and round the 23-bit mantissa to 10 bits.
        // A carry out of the mantissa correctly bumps the exponent (and reaches 0x7C00 = inf).
        let rebased = mag &- (112 << 23)
        let normal = (rebased &+ 0xFFF &+ ((rebased >> 13) & 1)) >> 13
        // Subnormal range (|x| < 2^-14): let the FPU round |x| to a multiple of 2^-24 (ulp of 0.5).
        let sub = (Float(bitPattern: mag) + 0.5).bitPattern &- Float(0.5).bitPattern
        var code = mag < 0x3880_0000 ? sub : normal
        code = code > 0x7C00 ? 0x7C00 : code
        if mag > 0x7F80_0000 {
            let payload = (mag >> 13) & 0x3FF
            code = 0x7C00 | (payload == 0 ? 1 : payload)
        }
        return sign | UInt16(truncatingIfNeeded: code)
    }

    /// The exact `Float` value of the IEEE binary16 bit pattern `bits`.
    @inlinable
    public static func float(fromFloat16Bits bits: UInt16) -> Float {
        let b = UInt32(bits)
        let sign = (b & 0x8000) << 16
        let exponent = (b >> 10) & 0x1F
        let mantissa = b & 0x3FF
        let magnitude: UInt32
        if exponent == 0 {
            // Zero or subnormal: mantissa * 2^-24 is exact in Float.
            magnitude = (Float(mantissa) * 0x1p-24).bitPattern
        } else if exponent == 0x1F {
            magnitude = 0x7F80_0000 | (mantissa << 13)
        } else {
            magnitude = ((exponent &+ 112) << 23) | (mantissa << 13)
        }
        return Float(bitPattern: sign | magnitude)
    }

    /// Bit pattern of the bfloat16 value nearest to `x` (round to nearest, ties to even).
    @inlinable
    public static func bfloat16Bits(_ x: Float) -> UInt16 {
        let bits = x.bitPattern
        if bits & 0x7FFF_FFFF > 0x7F80_0000 {
            return UInt16(truncatingIfNeeded: bits >> 16) & 0x8000 | 0x7FC0
        }
        // Cannot overflow: the largest finite input rounds to 0x7F80 (inf) at most.
        let rounded = bits &+ 0x7FFF &+ ((bits >> 16) & 1)
        return UInt16(truncatingIfNeeded: rounded >> 16)
    }

    /// The exact `Float` value of the bfloat16 bit pattern `bits`.
    @inlinable
    public static func float(fromBFloat16Bits bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Converts `src` to IEEE binary16 bit patterns, element by element, into `dst`.
    ///
    /// Converts `min(src.count, dst.count)` elements.
    @inlinable
    public static func float16Bits(_ src: UnsafeBufferPointer<Float>, into dst: UnsafeMutableBufferPointer<UInt16>) {
        let n = Swift.min(src.count, dst.count)
        guard n > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
        for i in 0..<n {
            d[i] = float16Bits(s[i])
        }
    }

    /// Converts `src` to bfloat16 bit patterns, element by element, into `dst`.
    ///
    /// Converts `min(src.count, dst.count)` elements.
    @inlinable
    public static func bfloat16Bits(_ src: UnsafeBufferPointer<Float>, into dst: UnsafeMutableBufferPointer<UInt16>) {
        let n = Swift.min(src.count, dst.count)
        guard n > 0, let s = src.baseAddress, let d = dst.baseAddress else { return }
        for i in 0..<n {
            d[i] = bfloat16Bits(s[i])
        }
    }
}
