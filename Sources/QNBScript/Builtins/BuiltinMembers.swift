/// A method of a value type or host object type.
public struct BuiltinMethod: Sendable {
    public typealias Nonmutating = @Sendable (Value, inout BuiltinArguments, BuiltinContext) throws -> Value
    public typealias Mutating = @Sendable (inout Value, inout BuiltinArguments, BuiltinContext) throws -> Value

    enum Implementation {
        case nonmutating(Nonmutating)
        case mutating(Mutating)
    }

    public var name: String
    public var parameters: [BuiltinParameter]
    public var returns: ScriptType
    public var doc: String
    let implementation: Implementation

    public var isMutating: Bool {
        if case .mutating = implementation { return true }
        return false
    }

    /// A method that reads its receiver.
    public init(
        _ name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType, doc: String,
        _ implementation: @escaping Nonmutating
    ) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.implementation = .nonmutating(implementation)
    }

    /// A method that changes its receiver in place (`append`); calling it on a `let` is an error.
    public init(
        mutating name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType = .void, doc: String,
        _ implementation: @escaping Mutating
    ) {
        self.name = name
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.implementation = .mutating(implementation)
    }

    public var signature: String {
        let result = returns == .void ? "" : " -> \(returns.name)"
        let prefix = isMutating ? "mutating " : ""
        return "\(prefix)\(name)(\(parameters.map(\.signatureText).joined(separator: ", ")))\(result)"
    }
}

/// A property of a value type or host object type (`w.shape`, `q.scale`).
public struct BuiltinProperty: Sendable {
    public typealias Getter = @Sendable (Value, BuiltinContext) throws -> Value
    public typealias Setter = @Sendable (inout Value, Value, BuiltinContext) throws -> Void

    public var name: String
    public var type: ScriptType
    public var doc: String
    public var get: Getter
    /// nil for a read-only property; assigning to it is an error.
    public var set: Setter?

    public init(_ name: String, _ type: ScriptType, doc: String, get: @escaping Getter, set: Setter? = nil) {
        self.name = name
        self.type = type
        self.doc = doc
        self.get = get
        self.set = set
    }

    public var signature: String {
        "var \(name): \(type.name)" + (set == nil ? " { get }" : "")
    }
}

/// An operator overload involving a host object: `Tensor + Tensor`, `Tensor * Double`,
/// `Double * Tensor`, or prefix `-Tensor` (rhs nil).
public struct BuiltinOperator: Sendable {
    public typealias Implementation = @Sendable (Value, Value, BuiltinContext) throws -> Value
    public typealias PrefixImplementation = @Sendable (Value, BuiltinContext) throws -> Value

    public var symbol: String
    public var lhs: ScriptType
    /// nil for a prefix operator.
    public var rhs: ScriptType?
    public var returns: ScriptType
    public var doc: String
    let binary: Implementation?
    let prefix: PrefixImplementation?

    public init(
        _ symbol: String, lhs: ScriptType, rhs: ScriptType, returns: ScriptType, doc: String,
        _ implementation: @escaping Implementation
    ) {
        self.symbol = symbol
        self.lhs = lhs
        self.rhs = rhs
        self.returns = returns
        self.doc = doc
        self.binary = implementation
        self.prefix = nil
    }

    public init(
        prefix symbol: String, operand: ScriptType, returns: ScriptType, doc: String,
        _ implementation: @escaping PrefixImplementation
    ) {
        self.symbol = symbol
        self.lhs = operand
        self.rhs = nil
        self.returns = returns
        self.doc = doc
        self.binary = nil
        self.prefix = implementation
    }

    public var signature: String {
        if let rhs { return "\(lhs.name) \(symbol) \(rhs.name) -> \(returns.name)" }
        return "\(symbol)\(lhs.name) -> \(returns.name)"
    }
}

/// A subscript of a host object type (`w[0]`, `weights["encoder.0.weight"]`).
public struct BuiltinSubscript: Sendable {
    public typealias Getter = @Sendable (Value, inout BuiltinArguments, BuiltinContext) throws -> Value
    public typealias Setter = @Sendable (inout Value, inout BuiltinArguments, Value, BuiltinContext) throws -> Void

    public var parameters: [BuiltinParameter]
    public var returns: ScriptType
    public var doc: String
    public var get: Getter
    public var set: Setter?

    public init(
        _ parameters: [BuiltinParameter], returns: ScriptType, doc: String, get: @escaping Getter, set: Setter? = nil
    ) {
        self.parameters = parameters
        self.returns = returns
        self.doc = doc
        self.get = get
        self.set = set
    }

    public var signature: String {
        "subscript(\(parameters.map(\.signatureText).joined(separator: ", "))) -> \(returns.name)"
            + (set == nil ? " { get }" : "")
    }
}

/// A member reached through a type name: `Double.pi`, `Int.max`, `Int.random(in:)`. Also used
/// for implicit members where that type is expected (`let x: Double = .pi`).
public enum BuiltinStaticMember: Sendable {
    case constant(Value, ScriptType, doc: String)
    case function([BuiltinFunction])
}
