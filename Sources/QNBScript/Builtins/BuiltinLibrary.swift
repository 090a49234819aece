/// The table of everything cells can call that is not written in the cell: free functions,
/// members of the language's value types, host object types, option types and static members.
///
/// The interpreter resolves names against it, checks arguments against its signatures, and
/// `reference` documents it, so behaviour and documentation come from one table.
/// Libraries compose: `BuiltinLibrary.standard.merging(engine)`.
public struct BuiltinLibrary: Sendable {
    private(set) var functions: [String: [BuiltinFunction]] = [:]
    private(set) var functionOrder: [String] = []
    private(set) var types: [TypeKey: BuiltinType] = [:]
    private(set) var typeOrder: [TypeKey] = []
    /// Type names usable in annotations and as `Type.member`, mapped to their types.
    private(set) var namedTypes: [String: (type: ScriptType, key: TypeKey?)] = [:]
    private(set) var optionTypes: [String: BuiltinOptionType] = [:]
    private(set) var optionOrder: [String] = []
    private(set) var staticMembers: [String: [String: BuiltinStaticMember]] = [:]

    /// An empty library.
    public init() {}

    /// The language-level builtins: `print`, math, `min`/`max`, `stride`, `zip`, conversions and
    /// the members of arrays, strings, dictionaries, numbers and ranges.
    public static let standard: BuiltinLibrary = StandardLibrary.make()

    // MARK: Registration

    /// Adds a free function: an overload if the name exists with other labels or parameter
    /// types; one with the same labels and types replaces the earlier one.
    public mutating func register(_ function: BuiltinFunction) {
        var overloads = functions[function.name] ?? []
        if overloads.isEmpty { functionOrder.append(function.name) }
        overloads.removeAll { $0.parameters.hasSameShape(as: function.parameters) }
        overloads.append(function)
        functions[function.name] = overloads
    }

    /// Adds a free function.
    public mutating func register(
        _ name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType = .void, doc: String,
        _ implementation: @escaping BuiltinFunction.Implementation
    ) {
        register(BuiltinFunction(name, parameters, returns: returns, doc: doc, implementation))
    }

    /// Adds members to a value kind of the language (`.array`, `.string`, …) or an object type.
    /// The first non-empty `doc` documents the type, whichever call registered it first.
    public mutating func extend(_ key: TypeKey, name: String, doc: String = "", _ build: (inout BuiltinType) -> Void) {
        var type = types[key] ?? BuiltinType(name: name, doc: doc)
        if type.doc.isEmpty { type.doc = doc }
        if types[key] == nil { typeOrder.append(key) }
        build(&type)
        types[key] = type
    }

    /// Registers a host object type and its members.
    public mutating func registerType<T: ScriptObject>(
        _ type: T.Type, doc: String, _ build: (inout ObjectTypeBuilder<T>) -> Void
    ) {
        var builder = ObjectTypeBuilder<T>(
            type: types[.object(ObjectIdentifier(type))] ?? BuiltinType(name: T.scriptTypeName, doc: doc))
        build(&builder)
        let key = TypeKey.object(ObjectIdentifier(type))
        if types[key] == nil { typeOrder.append(key) }
        types[key] = builder.type
        namedTypes[T.scriptTypeName] = (.object(T.scriptTypeName), key)
    }

    /// Registers an option type (`Scheme`) so parameters of type `.option("Scheme")` validate
    /// their implicit members against its cases.
    public mutating func register(_ option: BuiltinOptionType) {
        if optionTypes[option.name] == nil { optionOrder.append(option.name) }
        optionTypes[option.name] = option
        namedTypes[option.name] = (.option(option.name), .option)
    }

    /// Adds `TypeName.member`: a constant (`Double.pi`) or functions (`Int.random(in:)`).
    public mutating func registerStatic(_ typeName: String, _ member: String, _ value: BuiltinStaticMember) {
        staticMembers[typeName, default: [:]][member] = value
    }

    /// Makes a type name usable in annotations (`let x: Range<Int>`), e.g. for value kinds.
    mutating func registerTypeName(_ name: String, _ type: ScriptType, key: TypeKey?) {
        namedTypes[name] = (type, key)
    }

    // MARK: Composition

    /// This library with `other`'s entries added: functions with new labels become overloads,
    /// the same labels replace; type members and option types are merged the same way.
    public func merging(_ other: BuiltinLibrary) -> BuiltinLibrary {
        var result = self
        result.merge(other)
        return result
    }

    public mutating func merge(_ other: BuiltinLibrary) {
        for name in other.functionOrder {
            for function in other.functions[name] ?? [] { register(function) }
        }
        for key in other.typeOrder {
            guard let type = other.types[key] else { continue }
            if var existing = types[key] {
                existing.merge(type)
                types[key] = existing
            } else {
                types[key] = type
                typeOrder.append(key)
            }
        }
        for (name, entry) in other.namedTypes { namedTypes[name] = entry }
        for name in other.optionOrder {
            if let option = other.optionTypes[name] { register(option) }
        }
        for (typeName, members) in other.staticMembers {
            for (name, member) in members { staticMembers[typeName, default: [:]][name] = member }
        }
    }

    // MARK: Lookup

    public func functions(named name: String) -> [BuiltinFunction] { functions[name] ?? [] }

    public func type(for key: TypeKey) -> BuiltinType? { types[key] }

    public func optionType(named name: String) -> BuiltinOptionType? { optionTypes[name] }

    func namedType(_ name: String) -> (type: ScriptType, key: TypeKey?)? { namedTypes[name] }

    func staticMember(_ typeName: String, _ name: String) -> BuiltinStaticMember? {
        staticMembers[typeName]?[name]
    }

    /// Every method name that is mutating for some type: calls with these names go through the
    /// receiver's storage so they can change it in place.
    var mutatingMethodNames: Set<String> {
        var names = Set<String>()
        for type in types.values {
            for (name, overloads) in type.methods where overloads.contains(where: \.isMutating) {
                names.insert(name)
            }
        }
        return names
    }
}
