/// The arguments of one builtin call, one per parameter, in parameter order: defaults filled in,
/// a variadic parameter's arguments collected into an array, types already checked.
///
/// Typed accessors throw errors located at the argument in question.
public struct BuiltinArguments {
    /// The value of each parameter. For an `inout` parameter, what the implementation leaves
    /// here is stored back into the caller's variable.
    public var values: [Value]
    public let parameters: [BuiltinParameter]
    /// nil when every parameter got an argument.
    private let suppliedMask: [Bool]?
    /// Parameters whose argument was written as a number literal (`0`, `-1`, `2 * 3`).
    var literalMask: [Bool]?

    public init(values: [Value], parameters: [BuiltinParameter], supplied: [Bool]? = nil) {
        self.values = values
        self.parameters = parameters
        self.suppliedMask = supplied
    }

    /// Whether each parameter got an argument (false: its default is used).
    public var supplied: [Bool] { suppliedMask ?? Array(repeating: true, count: values.count) }

    public var count: Int { values.count }

    public subscript(index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    /// The value of the parameter named `name`.
    public subscript(name: String) -> Value? {
        parameters.firstIndex { $0.name == name }.map { values[$0] }
    }

    public func wasSupplied(_ index: Int) -> Bool { suppliedMask?[index] ?? true }

    /// Whether the argument was an integer literal expression, whose type Swift would infer
    /// from context (`reduce(0, +)` on Doubles starts from 0.0).
    public func isNumberLiteral(_ index: Int) -> Bool { literalMask?[index] ?? false }

    public func int(_ index: Int) throws -> Int { try convert(index) { try $0.asInt() } }
    public func double(_ index: Int) throws -> Double { try convert(index) { try $0.asDouble() } }
    public func string(_ index: Int) throws -> String { try convert(index) { try $0.asString() } }
    public func bool(_ index: Int) throws -> Bool { try convert(index) { try $0.asBool() } }
    public func array(_ index: Int) throws -> [Value] { try convert(index) { try $0.asArray() } }
    public func doubles(_ index: Int) throws -> [Double] { try convert(index) { try $0.asDoubles() } }
    public func ints(_ index: Int) throws -> [Int] { try convert(index) { try $0.asInts() } }
    public func strings(_ index: Int) throws -> [String] { try convert(index) { try $0.asStrings() } }
    public func option(_ index: Int) throws -> OptionValue { try convert(index) { try $0.asOption() } }
    public func intRange(_ index: Int) throws -> Range<Int> { try convert(index) { try $0.asIntRange() } }
    /// Nested arrays of numbers, flattened, with their shape (see `Value.asNumericArray()`).
    public func numericArray(_ index: Int) throws -> (values: [Double], shape: [Int]) {
        try convert(index) { try $0.asNumericArray() }
    }

    public func object<T: ScriptObject>(_ index: Int, as type: T.Type = T.self) throws -> T {
        try convert(index) { try $0.asObject(type) }
    }

    /// nil when the argument is `nil`.
    public func optional(_ index: Int) -> Value? { values[index].unwrapped }

    /// Mutates the object in argument `index` (an `inout` parameter) without copying its storage.
    public mutating func modifyObject<T: ScriptObject, R>(
        _ index: Int, as type: T.Type = T.self, _ body: (inout T) throws -> R
    ) throws -> R {
        do {
            return try ObjectTypeBuilder<T>.modify(&values[index], body)
        } catch var error as ScriptError {
            if error.argumentIndex == nil && error.position == nil { error.argumentIndex = index }
            throw error
        }
    }

    /// An error about argument `index`, located at it.
    public func error(_ index: Int, _ message: String) -> ScriptError {
        ScriptError(message, argument: index)
    }

    /// Converts argument `index`; an optional argument that holds a value (`seed: 1` for an
    /// `Int?` parameter) converts as that value.
    private func convert<T>(_ index: Int, _ body: (Value) throws -> T) throws -> T {
        do {
            var value = values[index]
            if case .optional(.some(let inner)) = value { value = inner }
            return try body(value)
        } catch var error as ScriptError {
            error.argumentIndex = index
            throw error
        }
    }
}
