/// Overloads (of a function, a method or an option case) prepared once for fast calls: their
/// parameter lists, label matchers, signatures for messages, and generic placeholders.
final class OverloadTable {
    let name: String
    let parameterLists: [[BuiltinParameter]]
    let matchers: [ArgumentMatcher]
    let signatures: [String]
    /// The generic placeholder names each overload's parameters use.
    let genericNames: [[String]]
    let hasInout: [Bool]

    init(name: String, parameterLists: [[BuiltinParameter]], signatures: [String]) {
        self.name = name
        self.parameterLists = parameterLists
        self.matchers = parameterLists.map { ArgumentMatcher(builtin: $0) }
        self.signatures = signatures
        self.genericNames = parameterLists.map { parameters in
            var names: [String] = []
            for parameter in parameters {
                for name in parameter.type.genericNames where !names.contains(name) { names.append(name) }
            }
            return names
        }
        self.hasInout = parameterLists.map { $0.contains(where: \.isInout) }
    }

    var count: Int { parameterLists.count }
}

/// The methods of one name on one type, with their overload table.
final class MethodOverloads {
    let methods: [BuiltinMethod]
    let table: OverloadTable

    init(name: String, methods: [BuiltinMethod]) {
        self.methods = methods
        self.table = OverloadTable(
            name: name, parameterLists: methods.map(\.parameters),
            signatures: methods.map { "\($0.name)\($0.parameters.labelsText)" })
    }
}

/// Types bound to generic placeholders: an array's `Element`, a dictionary's `Key` and `Value`,
/// and whatever a call's arguments unify `T` to.
struct GenericBindings {
    var element: ScriptType?
    var key: ScriptType?
    var value: ScriptType?
    var others: [String: ScriptType] = [:]

    static let none = GenericBindings()

    var isEmpty: Bool { element == nil && key == nil && value == nil && others.isEmpty }

    subscript(name: String) -> ScriptType? {
        get {
            switch name {
            case "Element": return element
            case "Key": return key
            case "Value": return value
            default: return others[name]
            }
        }
        set {
            switch name {
            case "Element": element = newValue
            case "Key": key = newValue
            case "Value": value = newValue
            default: others[name] = newValue
            }
        }
    }

    func binds(all names: [String]) -> Bool {
        names.allSatisfy { self[$0] != nil }
    }
}

extension ScriptType {
    /// The generic placeholders the type mentions.
    var genericNames: [String] {
        switch self {
        case .generic(let name): return [name]
        case .array(let element), .optional(let element), .range(let element), .closedRange(let element):
            return element.genericNames
        case .dictionary(let key, let value): return key.genericNames + value.genericNames
        case .tuple(let elements, _): return elements.flatMap(\.genericNames)
        case .function(let parameters, let result): return parameters.flatMap(\.genericNames) + result.genericNames
        default: return []
        }
    }

    /// The type with bound placeholders replaced.
    func substituting(_ bindings: GenericBindings) -> ScriptType {
        if bindings.isEmpty { return self }
        switch self {
        case .generic(let name): return bindings[name] ?? self
        case .array(let element): return .array(element.substituting(bindings))
        case .optional(let wrapped): return .optional(wrapped.substituting(bindings))
        case .dictionary(let key, let value):
            return .dictionary(key: key.substituting(bindings), value: value.substituting(bindings))
        case .tuple(let elements, let labels): return .tuple(elements.map { $0.substituting(bindings) }, labels: labels)
        case .range(let bound): return .range(bound.substituting(bindings))
        case .closedRange(let bound): return .closedRange(bound.substituting(bindings))
        case .function(let parameters, let result):
            return .function(
                parameters: parameters.map { $0.substituting(bindings) }, result: result.substituting(bindings))
        default: return self
        }
    }
}

/// What a call site learned about matching its arguments: the labels at a site never change,
/// so the result for a given overload table (or function) is kept for the next call.
final class MatchCache {
    var table: OverloadTable?
    var matches: [OverloadMatch] = []
    var function: FunctionDecl?
    var functionBindings: [ArgumentMatcher.Binding] = []
}

/// An overload whose labels fit a call, and how its parameters get their arguments.
struct OverloadMatch {
    var index: Int
    var bindings: [ArgumentMatcher.Binding]
}

/// An `&` argument of a builtin call, written back after it.
struct InoutArgument {
    var parameter: Int
    var path: LValue
    var components: [ResolvedComponent]
}
