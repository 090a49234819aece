/// gemmlowp's fixed-point primitives (`fixedpoint/fixedpoint.h`), with their exact integer
/// semantics, as TFLite uses them to requantize int32 accumulators.
public enum FixedPoint {
    /// gemmlowp `SaturatingRoundingDoublingHighMul`: the high 32 bits of `2 · a · b`, i.e.
    /// `a · b / 2³¹` rounded to nearest with ties away from zero — computed as
    /// `(a·b + nudge) / 2³¹` in Int64 with a division that truncates toward zero and
    /// `nudge = 2³⁰` for a non-negative product, `1 − 2³⁰` for a negative one. The one case whose
    /// result does not fit, `a = b = Int32.min` (2 · 2⁶² / 2³² = 2³¹), saturates to `Int32.max`.
    public static func saturatingRoundingDoublingHighMul(_ a: Int32, _ b: Int32) -> Int32 {
        if a == b && a == .min { return .max }
        let product = Int64(a) * Int64(b)  // |a · b| < 2⁶² here: cannot overflow
        let nudge: Int64 = product >= 0 ? 1 << 30 : 1 - (1 << 30)
        // |(product + nudge) / 2³¹| ≤ 2³¹ − 1 once Int32.min² is excluded.
        return Int32(truncatingIfNeeded: (product + nudge) / (1 << 31))
    }

    /// gemmlowp `RoundingDivideByPOT`: `x / 2^exponent` rounded to nearest with ties away from
    /// zero (−2.5 → −3, 2.5 → 3), by an arithmetic shift plus a correction from the remainder.
    ///
    /// - Throws: `invalidArgument` for an exponent outside 0…31 (gemmlowp asserts the same).
    public static func roundingDivideByPOT(_ x: Int32, exponent: Int) throws(QuantEngineError) -> Int32 {
        guard (0...31).contains(exponent) else {
            throw .invalidArgument("exponent must be between 0 and 31, got \(exponent)")
        }
        return roundingDivideByPOT(x, uncheckedExponent: exponent)
    }

    /// `roundingDivideByPOT` for an exponent known to be in 0…31.
    @inline(__always)
    static func roundingDivideByPOT(_ x: Int32, uncheckedExponent exponent: Int) -> Int32 {
        let mask = Int32(truncatingIfNeeded: (Int64(1) << exponent) - 1)
        let remainder = x & mask
        let threshold = (mask >> 1) &+ (x < 0 ? 1 : 0)
        return (x >> exponent) &+ (remainder > threshold ? 1 : 0)
    }

    /// gemmlowp `SaturatingRoundingMultiplyByPOT` for a non-negative exponent: `x · 2^exponent`,
    /// saturated to the Int32 range.
    @inline(__always)
    static func saturatingShiftLeft(_ x: Int32, by exponent: Int) -> Int32 {
        guard exponent > 0 else { return x }
        let wide = Int64(x) << exponent  // exponent ≤ 30, |x| ≤ 2³¹: fits in Int64
        return Int32(clamping: wide)
    }
}

/// A real multiplier as TFLite's fixed-point pair: `M ≈ quantizedMultiplier · 2^(shift − 31)`,
/// with `quantizedMultiplier` (M0) a Q31 integer in [2³⁰, 2³¹) — a significand in [0.5, 1).
/// For the usual `M < 1` that is `M = M0 · 2^−n` with the right shift `n = −shift`
/// (Jacob et al. 2018, eq. 5–6).
///
/// `init(_:)` is TFLite's `QuantizeMultiplier` (tensorflow/lite/kernels/internal/
/// quantization_util.cc) and `apply(_:)` its `MultiplyByQuantizedMultiplier`, bit for bit.
public struct FixedPointMultiplier: Sendable, Equatable, CustomStringConvertible {
    /// M0: the significand as a Q31 integer in [2³⁰, 2³¹), or 0 for a multiplier of 0 (and for
    /// multipliers below about 2⁻³², which TFLite flushes to zero).
    public let quantizedMultiplier: Int32
    /// The power of two, TFLite's convention: positive shifts left, negative right (−31…30).
    public let shift: Int

    /// TFLite `QuantizeMultiplier`: `frexp` splits `M = q · 2^shift` with q in [0.5, 1);
    /// `M0 = round(q · 2³¹)` rounding half away from zero (`std::round`); an `M0` that rounds up
    /// to 2³¹ becomes 2³⁰ with `shift + 1`; a shift below −31 flushes to `M0 = 0, shift = 0`.
    ///
    /// - Throws: `invalidArgument` for a multiplier that is negative, NaN, infinite, or so large
    ///   (about 2³⁰ or more) that it needs a shift above 30 — a left shift that would overflow
    ///   every accumulator but 0 and ±1.
    public init(_ realMultiplier: Double) throws(QuantEngineError) {
        guard realMultiplier.isFinite, realMultiplier >= 0 else {
            throw .invalidArgument("a requantization multiplier must be finite and not negative, got \(realMultiplier)")
        }
        guard realMultiplier > 0 else {
            (quantizedMultiplier, shift) = (0, 0)
            return
        }
        // frexp: realMultiplier = q · 2^e, q in [0.5, 1) (exact, also for subnormals).
        var e = Int(realMultiplier.exponent) + 1
        let q = realMultiplier.significand / 2
        var fixed = Int64((q * 0x1p31).rounded(.toNearestOrAwayFromZero))  // q · 2³¹ is exact
        if fixed == 1 << 31 {
            fixed /= 2
            e += 1
        }
        if e < -31 {
            (fixed, e) = (0, 0)
        }
        guard e <= 30 else {
            throw .invalidArgument(
                "a requantization multiplier must be below 2^30, got \(realMultiplier)")
        }
        quantizedMultiplier = Int32(truncatingIfNeeded: fixed)  // ≤ 2³¹ − 1 by construction
        shift = e
    }

    /// An explicit pair, as stored in a TFLite model.
    ///
    /// - Throws: `invalidArgument` for a negative multiplier or a shift outside −31…30.
    public init(quantizedMultiplier: Int32, shift: Int) throws(QuantEngineError) {
        guard quantizedMultiplier >= 0 else {
            throw .invalidArgument("quantizedMultiplier must not be negative, got \(quantizedMultiplier)")
        }
        guard (-31...30).contains(shift) else {
            throw .invalidArgument("shift must be between -31 and 30, got \(shift)")
        }
        self.quantizedMultiplier = quantizedMultiplier
        self.shift = shift
    }

    /// The right shift `n` of `M = M0 · 2^−n` (0 when the multiplier shifts left).
    public var rightShift: Int { Swift.max(-shift, 0) }
    /// The left shift applied before the multiplication (0 for multipliers below 1).
    public var leftShift: Int { Swift.max(shift, 0) }

    /// The real multiplier the pair stands for: `M0 · 2^(shift − 31)` (exact in Double).
    public var realValue: Double {
        Double(quantizedMultiplier) * Double(sign: .plus, exponent: shift - 31, significand: 1)
    }

    /// TFLite `MultiplyByQuantizedMultiplier` (the double-rounding reference version):
    ///
    ///     RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(x · 2^leftShift, M0), rightShift)
    ///
    /// `x · 2^leftShift` saturates where TFLite's C code would overflow (undefined behaviour
    /// there), as gemmlowp's `SaturatingRoundingMultiplyByPOT` does.
    @inline(__always)
    public func apply(_ x: Int32) -> Int32 {
        let shifted = FixedPoint.saturatingShiftLeft(x, by: leftShift)
        return FixedPoint.roundingDivideByPOT(
            FixedPoint.saturatingRoundingDoublingHighMul(shifted, quantizedMultiplier), uncheckedExponent: rightShift)
    }

    public var description: String {
        "\(quantizedMultiplier) · 2^(\(shift) − 31) ≈ \(realValue)"
    }
}
