/// How a real range is mapped onto the integer grid.
///
/// Future schemes (power-of-two scales for fixed-point arithmetic) are added as new cases.
public enum QuantizationScheme: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Zero point 0, signed codes, range `[−absMax, absMax]`: what weights usually use, because
    /// it makes integer matrix products cheap.
    case symmetric
    /// Affine: a scale and an integer zero point cover `[min, max]` (widened to include 0), so
    /// one-sided data such as ReLU activations use the full grid.
    case asymmetric

    public var description: String { rawValue }
}
