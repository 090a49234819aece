/// Exact bit-level conversions between `Float` and the 16-bit float formats, independent of the platform's
/// `Float16` support.
public enum HalfFloat {
    /// Converts IEEE 754 binary16 bits to `Float`, exactly: subnormals, infinities, signed zeros and NaNs
    /// (payload kept, not quieted, as numpy does) included.
    @inlinable
    public static func float(fromFloat16Bits bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x03FF)
        if exponent == 0 {
            // Zero or subnormal: mantissa × 2⁻²⁴, exact in Float.
            let magnitude = Float(mantissa) * 0x1p-24
            return Float(bitPattern: sign | magnitude.bitPattern)
        }
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
    }

    /// Converts bfloat16 bits (the upper half of a `Float`) to `Float`, exactly.
    @inlinable
    public static func float(fromBFloat16Bits bits: UInt16) -> Float {
        Float(bitPattern: UInt32(bits) << 16)
    }

    /// Rounds a `Float` to the nearest binary16 value (ties to even) and returns its bits.
    /// Values beyond the binary16 range become infinity; NaNs stay NaN (quiet, top payload bits kept).
    public static func float16Bits(from value: Float) -> UInt16 {
        let bits = value.bitPattern
        let sign = UInt16(truncatingIfNeeded: (bits >> 16) & 0x8000)
        let magnitude = bits & 0x7FFF_FFFF
        if value.isNaN {
            return sign | 0x7E00 | UInt16(truncatingIfNeeded: (magnitude >> 13) & 0x03FF)
        }
        if magnitude >= 0x4780_0000 {
            // |value| ≥ 65 536: infinity (and infinity itself).
            return sign | 0x7C00
        }
        if magnitude < 0x3880_0000 {
            // |value| < 2⁻¹⁴: subnormal or zero in binary16. Scaling by 2²⁴ is exact; round to an integer.
            let scaled = Float(bitPattern: magnitude) * 0x1p24
            let rounded = scaled.rounded(.toNearestOrEven)
            return sign | UInt16(rounded)
        }
        // Normal: rebias the exponent, round the 13 dropped mantissa bits to nearest even.
        var half = (magnitude >> 13) &- (112 << 10)
        let dropped = magnitude & 0x1FFF
        if dropped > 0x1000 || (dropped == 0x1000 && half & 1 == 1) {
            half &+= 1
        }
        // A carry out of the largest finite value lands exactly on infinity (0x7C00), which is correct.
        return sign | UInt16(truncatingIfNeeded: min(half, 0x7C00))
    }

    /// Rounds a `Float` to the nearest bfloat16 value (ties to even) and returns its bits.
    /// NaNs stay NaN (quiet).
    public static func bfloat16Bits(from value: Float) -> UInt16 {
        let bits = value.bitPattern
        if value.isNaN {
            return UInt16(truncatingIfNeeded: bits >> 16) | 0x0040
        }
        let rounding: UInt32 = 0x7FFF + ((bits >> 16) & 1)
        return UInt16(truncatingIfNeeded: (bits &+ rounding) >> 16)
    }
}
