/// A type of the cell language, as written in annotations (`let x: [Double]`), parameter lists
/// of user functions, and the signatures of builtins.
///
/// The language is dynamically typed, but it checks values against these types where Swift
/// would, and uses them as the context that makes integer literals Doubles
/// (`let x: Double = 1`, `sqrt(2)`, `xs.append(1)` on a `[Double]`).
public indirect enum ScriptType: Hashable, Sendable {
    /// Any value (Swift's `Any`); no check, no conversion.
    case any
    case int
    case double
    /// Swift's `Float`: stored as a Double rounded to the nearest Float32, so `Float(0.1)` prints
    /// `0.10000000149011612` (Swift prints `0.1`).
    case float
    case bool
    case string
    /// `()`, what a function without a result returns.
    case void
    /// For builtins only: an Int or a Double (an Int variable is accepted too, unlike `.double`).
    /// Documented as `Double`.
    case number
    case array(ScriptType)
    case dictionary(key: ScriptType, value: ScriptType)
    case optional(ScriptType)
    case tuple([ScriptType], labels: [String?])
    /// `Range<T>` (`a..<b`) — integer or Double bounds.
    case range(ScriptType)
    /// `ClosedRange<T>` (`a...b`).
    case closedRange(ScriptType)
    /// Any function value; the parameter and result types are documentation only.
    case function(parameters: [ScriptType], result: ScriptType)
    /// A host object type registered in the builtin library, e.g. `Tensor`.
    case object(String)
    /// An enum-like option type registered in the builtin library, e.g. `Scheme`, whose values
    /// are written as implicit members (`.symmetric`).
    case option(String)
    /// A generic placeholder in a builtin signature (`T`, `Element`): arguments bound to the
    /// same placeholder must have the same type; integer literals adapt to Doubles among them.
    case generic(String)

    /// The type as Swift writes it: `[Double]`, `[String: Int]`, `Int?`, `(Int, Double)`.
    public var name: String {
        switch self {
        case .any: return "Any"
        case .int: return "Int"
        case .double, .number: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .void: return "Void"
        case .array(let element): return "[\(element.name)]"
        case .dictionary(let key, let value): return "[\(key.name): \(value.name)]"
        case .optional(let wrapped):
            if case .function = wrapped { return "(\(wrapped.name))?" }
            return "\(wrapped.name)?"
        case .tuple(let elements, let labels):
            let parts = zip(elements, labels).map { type, label in
                label.map { "\($0): \(type.name)" } ?? type.name
            }
            return "(\(parts.joined(separator: ", ")))"
        case .range(let bound): return "Range<\(bound.name)>"
        case .closedRange(let bound): return "ClosedRange<\(bound.name)>"
        case .function(let parameters, let result):
            return "(\(parameters.map(\.name).joined(separator: ", "))) -> \(result.name)"
        case .object(let name), .option(let name), .generic(let name): return name
        }
    }

    /// The name as `print(type(of:))` writes it: `Array<Int>`, `Dictionary<String, Int>`,
    /// `Optional<Int>`.
    public var genericName: String {
        switch self {
        case .array(let element): return "Array<\(element.genericName)>"
        case .dictionary(let key, let value): return "Dictionary<\(key.genericName), \(value.genericName)>"
        case .optional(let wrapped): return "Optional<\(wrapped.genericName)>"
        case .tuple(let elements, let labels):
            let parts = zip(elements, labels).map { type, label in
                label.map { "\($0): \(type.genericName)" } ?? type.genericName
            }
            return "(\(parts.joined(separator: ", ")))"
        case .range(let bound): return "Range<\(bound.genericName)>"
        case .closedRange(let bound): return "ClosedRange<\(bound.genericName)>"
        default: return name
        }
    }

    /// Whether the type is a placeholder or `Any`, which accept every value.
    var isUnconstrained: Bool {
        switch self {
        case .any, .generic: return true
        default: return false
        }
    }

    /// Whether integer literals given where this type is expected become Doubles.
    var prefersDouble: Bool {
        switch self {
        case .double, .float, .number: return true
        case .optional(let wrapped): return wrapped.prefersDouble
        default: return false
        }
    }
}
