/// The rounding rule applied to `x / scale` before saturation.
///
/// `nearestEven` is what ONNX `QuantizeLinear`, PyTorch and numpy's `rint` do and is the
/// default; the others are there so that tutorials can show why it matters.
public enum Rounding: Sendable, Equatable, Hashable, CustomStringConvertible {
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
    /// Stochastic rounding: `floor(v + u)` with `u` uniform in [0, 1), so `v` rounds up with
    /// probability equal to its fractional part and the mean of many roundings converges to `v`
    /// (unbiased). `u` comes from a counter-based generator keyed by the seed and the element's
    /// index, so the result is the same at any thread count.
    case stochastic(seed: UInt64)

    /// The deterministic rules, for tests and listings.
    public static let deterministic: [Rounding] = [.nearestEven, .nearestAway, .towardZero, .down, .up]

    public var description: String {
        switch self {
        case .nearestEven: return "nearestEven"
        case .nearestAway: return "nearestAway"
        case .towardZero: return "towardZero"
        case .down: return "down"
        case .up: return "up"
        case .stochastic(let seed): return "stochastic(seed: \(seed))"
        }
    }

    /// The matching Swift rounding rule (`.down` for stochastic, which adds its noise first).
    public var rule: FloatingPointRoundingRule {
        switch self {
        case .nearestEven: return .toNearestOrEven
        case .nearestAway: return .toNearestOrAwayFromZero
        case .towardZero: return .towardZero
        case .down, .stochastic: return .down
        case .up: return .up
        }
    }

    /// `value` rounded to an integer by this rule; `index` keys the noise of stochastic rounding.
    @inline(__always)
    public func apply(_ value: Float, index: Int = 0) -> Float {
        guard case .stochastic(let seed) = self else { return value.rounded(rule) }
        return Float((Double(value) + Rounding.uniform(seed: seed, index: index)).rounded(.down))
    }

    /// A uniform number in [0, 1) with 53 random bits, from SplitMix64's mixing function applied
    /// to the seed and the index (a counter-based generator: no state, any order).
    @inline(__always)
    static func uniform(seed: UInt64, index: Int) -> Double {
        var z = seed &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53
    }
}
