/// Which elements share one scale and zero point.
///
/// Only `perTensor` exists today; per-channel (any axis) and per-group (along the last axis)
/// arrive as new cases, and `QuantizedTensor.parameters` already holds one entry per group.
public enum Granularity: Sendable, Equatable, CustomStringConvertible {
    /// One scale and zero point for the whole tensor.
    case perTensor

    public var description: String {
        switch self {
        case .perTensor: return "per-tensor"
        }
    }
}
