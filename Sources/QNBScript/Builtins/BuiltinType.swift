/// Which member table a value's methods and properties come from.
public enum TypeKey: Hashable, Sendable {
    case int, double, bool, string, array, dictionary, tuple, optional, range, function, option
    /// A host object type, by its Swift type.
    case object(ObjectIdentifier)

    static func of(_ value: Value) -> TypeKey {
        switch value {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .string: return .string
        case .array: return .array
        case .dictionary: return .dictionary
        case .tuple: return .tuple
        case .optional: return .optional
        case .range: return .range
        case .function: return .function
        case .option: return .option
        case .object(let object): return .object(ObjectIdentifier(type(of: object)))
        }
    }
}

/// The members of one type: a value kind of the language (`Array`, `String`, …) or a host object
/// type (`Tensor`).
public struct BuiltinType: Sendable {
    public var name: String
    public var doc: String
    public private(set) var properties: [String: BuiltinProperty] = [:]
    public private(set) var methods: [String: [BuiltinMethod]] = [:]
    public private(set) var operators: [BuiltinOperator] = []
    public private(set) var subscripts: [BuiltinSubscript] = []
    /// Member names in registration order, for the reference.
    private(set) var order: [String] = []

    public init(name: String, doc: String) {
        self.name = name
        self.doc = doc
    }

    public mutating func add(_ property: BuiltinProperty) {
        if properties[property.name] == nil && methods[property.name] == nil { order.append(property.name) }
        properties[property.name] = property
    }

    /// Adds a method; one with the same labels and parameter types replaces the earlier one.
    public mutating func add(_ method: BuiltinMethod) {
        if properties[method.name] == nil && methods[method.name] == nil { order.append(method.name) }
        var overloads = methods[method.name] ?? []
        overloads.removeAll { $0.parameters.hasSameShape(as: method.parameters) }
        overloads.append(method)
        methods[method.name] = overloads
    }

    public mutating func add(_ op: BuiltinOperator) {
        operators.append(op)
    }

    public mutating func add(_ sub: BuiltinSubscript) {
        subscripts.append(sub)
    }

    mutating func merge(_ other: BuiltinType) {
        if doc.isEmpty { doc = other.doc }
        for name in other.order {
            if let property = other.properties[name] { add(property) }
            for method in other.methods[name] ?? [] { add(method) }
        }
        operators += other.operators
        subscripts += other.subscripts
    }

    /// Adds the members of `other` whose names this type does not have yet, except `excluded`.
    mutating func mergeMissing(_ other: BuiltinType, except excluded: Set<String> = []) {
        for name in other.order where properties[name] == nil && methods[name] == nil && !excluded.contains(name) {
            if let property = other.properties[name] { add(property) }
            for method in other.methods[name] ?? [] { add(method) }
        }
    }

    var orderedMemberNames: [String] { order }
}

/// An enum-like type whose values are written as implicit members: `Scheme` with `.symmetric`,
/// `.asymmetric`; `Granularity` with `.perTensor`, `.perChannel(axis:)`.
///
/// A builtin parameter of type `.option("Scheme")` only accepts these cases; associated values
/// are matched like arguments, and left-out ones get their defaults, so the implementation
/// always sees every associated value.
public struct BuiltinOptionType: Sendable {
    public struct Case: Sendable {
        public var name: String
        /// Empty for a case without associated values.
        public var parameters: [BuiltinParameter]
        public var doc: String

        public init(_ name: String, _ parameters: [BuiltinParameter] = [], doc: String = "") {
            self.name = name
            self.parameters = parameters
            self.doc = doc
        }

        /// `.perChannel(axis: Int = 0)`
        public var signature: String {
            parameters.isEmpty ? ".\(name)" : ".\(name)(\(parameters.map(\.signatureText).joined(separator: ", ")))"
        }
    }

    public var name: String
    public var doc: String
    public var cases: [Case]

    public init(_ name: String, doc: String, cases: [Case]) {
        self.name = name
        self.doc = doc
        self.cases = cases
    }

    public func `case`(named name: String) -> Case? {
        cases.first { $0.name == name }
    }
}
