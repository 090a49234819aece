/// The rounding rule applied to `x / scale` before saturation.
///
/// `nearestEven` is what ONNX `QuantizeLinear`, PyTorch and numpy's `rint` do and is the
/// default; the others are there so that tutorials can show why it matters. (Stochastic rounding
/// arrives later as a case carrying a seed.)
public enum Rounding: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Round to nearest, ties to even (IEEE 754 `roundTiesToEven`): 0.5 → 0, 1.5 → 2, −2.5 → −2.
    case nearestEven
    /// Round to nearest, ties away from zero (C's `roundf`, ggml): 0.5 → 1, −2.5 → −3.
    case nearestAway
    /// Truncation: 1.7 → 1, −1.7 → −1.
    case towardZero
    /// Floor: 1.7 → 1, −1.2 → −2.
    case down
    /// Ceiling: 1.2 → 2, −1.7 → −1.
    case up

    public var description: String { rawValue }

    /// The matching Swift rounding rule.
    public var rule: FloatingPointRoundingRule {
        switch self {
        case .nearestEven: return .toNearestOrEven
        case .nearestAway: return .toNearestOrAwayFromZero
        case .towardZero: return .towardZero
        case .down: return .down
        case .up: return .up
        }
    }

    /// `value` rounded to an integer by this rule.
    @inline(__always)
    public func apply(_ value: Float) -> Float {
        value.rounded(rule)
    }
}
