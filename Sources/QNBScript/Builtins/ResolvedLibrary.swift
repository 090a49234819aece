/// A builtin library prepared for one session: overload sets and member tables as shared
/// references, so lookups during a run do not copy tables.
final class ResolvedLibrary {
    final class TypeTable {
        let type: BuiltinType
        let methods: [String: MethodOverloads]

        init(_ type: BuiltinType) {
            self.type = type
            var methods: [String: MethodOverloads] = [:]
            for (name, overloads) in type.methods { methods[name] = MethodOverloads(name: name, methods: overloads) }
            self.methods = methods
        }
    }

    let library: BuiltinLibrary
    private let overloadSets: [String: BuiltinOverloadSet]
    private let typeTables: [TypeKey: TypeTable]
    /// Names of methods that are mutating for some type.
    let mutatingMethodNames: Set<String>

    init(_ library: BuiltinLibrary) {
        self.library = library
        var sets: [String: BuiltinOverloadSet] = [:]
        for (name, overloads) in library.functions {
            sets[name] = BuiltinOverloadSet(name: name, overloads: overloads)
        }
        overloadSets = sets
        var tables: [TypeKey: TypeTable] = [:]
        for (key, type) in library.types { tables[key] = TypeTable(type) }
        typeTables = tables
        mutatingMethodNames = library.mutatingMethodNames
    }

    func overloads(_ name: String) -> BuiltinOverloadSet? { overloadSets[name] }

    func type(_ key: TypeKey) -> BuiltinType? { typeTables[key]?.type }

    func table(_ key: TypeKey) -> TypeTable? { typeTables[key] }

    func typeName(for key: TypeKey) -> String? { typeTables[key]?.type.name }
}
