/// A notebook parameter's value (front matter `params`, `qnb run -p bits=4`), defined as a
/// constant before the first cell runs.
public enum ParameterValue: Sendable, Hashable {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case array([ParameterValue])

    var value: Value {
        switch self {
        case .int(let v): return .int(v)
        case .double(let v): return .double(v)
        case .string(let v): return .string(v)
        case .bool(let v): return .bool(v)
        case .array(let elements): return .array(elements.map(\.value))
        }
    }
}
