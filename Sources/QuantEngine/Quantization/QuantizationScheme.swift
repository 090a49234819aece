/// How a real range is mapped onto the integer grid.
public enum QuantizationScheme: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Zero point 0, signed codes, range `[−absMax, absMax]`: what weights usually use, because
    /// it makes integer matrix products cheap.
    case symmetric
    /// Affine: a scale and an integer zero point cover `[min, max]` (widened to include 0), so
    /// one-sided data such as ReLU activations use the full grid.
    case asymmetric
    /// Fixed point: zero point 0, signed codes and a scale that is a power of two, `2^−n` with
    /// `n` fractional bits — the largest `n` for which the range still fits — so that rescaling
    /// is a bit shift (`x_int = round(x · 2^n)`).
    case powerOfTwo

    public var description: String { rawValue }
}
