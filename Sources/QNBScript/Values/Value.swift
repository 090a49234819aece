/// A value of the cell language: Swift's value kinds, held dynamically.
///
/// Every case has value semantics, as in Swift: collections are copy-on-write, and host objects
/// are structs behind an existential, so `var b = a; b.append(1)` never changes `a`. Payloads are
/// kept to at most 16 bytes (larger ones are `indirect`), so arrays of values stay compact.
public enum Value {
    case int(Int)
    /// A `Double`; `Float` values are Doubles rounded to Float32 (see `ScriptType.float`).
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    /// An ordered dictionary: iteration follows insertion order (Swift's order is unspecified;
    /// ours is deterministic so snapshots are stable).
    indirect case dictionary(ScriptDictionary)
    /// A tuple, possibly with labels; `()` is `Value.void`.
    case tuple(ScriptTuple)
    /// A Swift optional: `.optional(nil)` is `nil`, `.optional(v)` is `Optional(v)`.
    indirect case optional(Value?)
    indirect case range(ScriptRange)
    /// A function, closure, builtin or operator used as a value.
    case function(ScriptFunction)
    /// An implicit member expression such as `.symmetric` or `.perChannel(axis: 0)`.
    indirect case option(OptionValue)
    /// A value provided by a builtin library (a tensor, a table, …).
    indirect case object(any ScriptObject)

    /// The empty tuple `()`, what `print` and functions without a result return.
    public static let void = Value.tuple(ScriptTuple([]))
    /// `nil`.
    public static let null = Value.optional(nil)
}

// Values cross threads only as a whole session's state (a cell runs on a worker thread while the
// caller waits), and a builtin library stores only constants; function values and their captured
// environments are never shared between sessions.
extension Value: @unchecked Sendable {}

extension Value {
    /// Whether this is `()`.
    public var isVoid: Bool {
        if case .tuple(let t) = self, t.elements.isEmpty { return true }
        return false
    }

    /// `Optional(x)` gives `x`, `nil` gives nil, a non-optional value gives itself.
    public var unwrapped: Value? {
        if case .optional(let inner) = self { return inner }
        return self
    }

    /// A convenience for arrays of Doubles.
    public static func doubles(_ values: [Double]) -> Value { .array(values.map(Value.double)) }
    /// A convenience for arrays of Ints.
    public static func ints(_ values: [Int]) -> Value { .array(values.map(Value.int)) }
    /// A convenience for arrays of Strings.
    public static func strings(_ values: [String]) -> Value { .array(values.map(Value.string)) }
    /// Wraps a value in an optional (`Optional(v)`), or gives `nil` for a Swift nil.
    public static func wrap(_ value: Value?) -> Value { .optional(value) }
}
