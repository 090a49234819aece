/// The element-wise nonlinearities between layers.
public enum Activation: String, Sendable, CaseIterable, Equatable, CustomStringConvertible {
    /// `max(0, x)`; the derivative at 0 is taken as 0, as PyTorch does.
    case relu
    /// `x · Φ(x)` with the exact normal CDF Φ (PyTorch's default `GELU`, not the tanh
    /// approximation), computed in Double through `PortableMath.erf`.
    case gelu
    /// `tanh(x)`, through `PortableMath.tanh`.
    case tanh

    public var description: String { rawValue }

    /// The activation of one value.
    @inline(__always)
    func callAsFunction(_ x: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? x : 0
        case .gelu: return PortableMath.gelu(x)
        case .tanh: return PortableMath.tanh(x)
        }
    }

    /// `dy/dx` at input `x` with output `y`.
    @inline(__always)
    func derivative(input x: Float, output y: Float) -> Float {
        switch self {
        case .relu: return x > 0 ? 1 : 0
        case .gelu: return PortableMath.geluDerivative(x)
        case .tanh: return 1 - y * y
        }
    }
}
