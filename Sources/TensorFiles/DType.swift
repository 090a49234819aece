/// The element types the tensor readers and writers understand.
public enum DType: String, Sendable, CaseIterable, Hashable {
    case bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64
    case float16, bfloat16, float32, float64

    /// The number of bytes one element takes in a file.
    public var itemSize: Int {
        switch self {
        case .bool, .int8, .uint8: return 1
        case .int16, .uint16, .float16, .bfloat16: return 2
        case .int32, .uint32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        }
    }

    /// Whether the type is a floating-point type.
    public var isFloatingPoint: Bool {
        switch self {
        case .float16, .bfloat16, .float32, .float64: return true
        default: return false
        }
    }

    /// Whether every value of this type converts to `Float` without rounding.
    var isExactInFloat: Bool {
        switch self {
        case .float16, .bfloat16, .float32: return true
        default: return false
        }
    }
}
