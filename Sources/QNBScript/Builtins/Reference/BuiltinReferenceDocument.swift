/// The reference as a document: every group of the library with its example and what the
/// example produced, arranged in parts (functions by area, each type with its members, option
/// types, static members). `text` and `markdown` render it.
public struct BuiltinReferenceDocument: Sendable {
    public struct Item: Sendable {
        public var group: BuiltinReferenceGroup
        public var example: BuiltinExample?
        /// nil when the examples were not run, or the group has none.
        public var result: BuiltinExampleResult?
    }

    public struct Section: Sendable {
        public var title: String
        /// For a type or option type, its documentation.
        public var doc: String
        public var items: [Item]
    }

    public struct Part: Sendable {
        public enum Kind: Sendable { case functions, types, options, staticMembers }
        public var kind: Kind
        public var title: String
        public var sections: [Section]
    }

    public var parts: [Part]

    /// The title free functions without an example are listed under.
    static let unsortedFunctions = "Other functions"

    /// - Parameters:
    ///   - runner: runs the examples; nil leaves results out (a reference of signatures only).
    ///   - queries: keep only groups whose name contains one of them (ignoring case); a query
    ///     naming a type exactly also keeps all its members; a query with a dot (`Tensor.m`)
    ///     matches the start of `Type.member` names instead. Empty: everything.
    public init(
        library: BuiltinLibrary, catalog: BuiltinExampleCatalog, runner: BuiltinExampleRunner?, queries: [String] = []
    ) {
        let examples = catalog.examplesByKey
        var sectionOfFunction: [String: String] = [:]
        var functionSectionTitles: [String] = []
        for section in catalog.sections {
            for example in section.examples where example.key.kind == .function {
                sectionOfFunction[example.key.name] = sectionOfFunction[example.key.name] ?? section.title
            }
            if section.examples.contains(where: { $0.key.kind == .function }),
                !functionSectionTitles.contains(section.title)
            {
                functionSectionTitles.append(section.title)
            }
        }
        let catalogOrder = Dictionary(
            catalog.examples.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })

        func item(_ group: BuiltinReferenceGroup) -> Item {
            let example = examples[group.key]
            return Item(group: group, example: example, result: example.flatMap { runner?.run($0) })
        }
        let groups = library.referenceGroups.filter { Self.matches($0, queries) }

        var functionSections: [String: [BuiltinReferenceGroup]] = [:]
        var typeSections: [Section] = []
        var optionSections: [Section] = []
        var staticSections: [Section] = []
        for group in groups {
            switch group.key.kind {
            case .function:
                functionSections[sectionOfFunction[group.key.name] ?? Self.unsortedFunctions, default: []].append(group)
            case .type:
                typeSections.append(Section(title: group.key.name, doc: group.entries[0].doc, items: [item(group)]))
            case .member:
                let owner = group.key.owner ?? ""
                if let index = typeSections.lastIndex(where: { $0.title == owner }) {
                    typeSections[index].items.append(item(group))
                } else {
                    // A member matched by a query whose type did not: the type's section without
                    // the type's own entry.
                    let doc = library.referenceGroups.first { $0.key == .init(.type, owner) }?.entries[0].doc ?? ""
                    typeSections.append(Section(title: owner, doc: doc, items: [item(group)]))
                }
            case .options:
                optionSections.append(Section(title: group.key.name, doc: group.entries[0].doc, items: [item(group)]))
            case .staticMember:
                let owner = group.key.owner ?? ""
                if let index = staticSections.firstIndex(where: { $0.title == owner }) {
                    staticSections[index].items.append(item(group))
                } else {
                    staticSections.append(Section(title: owner, doc: "", items: [item(group)]))
                }
            }
        }
        var functionParts: [Section] = []
        for title in functionSectionTitles + [Self.unsortedFunctions] {
            guard let groups = functionSections[title] else { continue }
            let ordered = groups.sorted { (catalogOrder[$0.key] ?? .max) < (catalogOrder[$1.key] ?? .max) }
            functionParts.append(Section(title: title, doc: "", items: ordered.map(item)))
        }
        parts = [
            Part(kind: .functions, title: "Functions", sections: functionParts),
            Part(kind: .types, title: "Types", sections: typeSections),
            Part(kind: .options, title: "Option types", sections: optionSections),
            Part(kind: .staticMembers, title: "Static members", sections: staticSections),
        ].filter { !$0.sections.isEmpty }
    }

    public var items: [Item] { parts.flatMap { $0.sections.flatMap(\.items) } }

    /// An option type also matches by its cases' names (`perChannel` finds `Granularity`).
    static func matches(_ group: BuiltinReferenceGroup, _ queries: [String]) -> Bool {
        guard !queries.isEmpty else { return true }
        let names = [group.key.name] + (group.key.kind == .options ? group.entries.map(\.name) : [])
        return queries.contains { query in
            let query = query.lowercased()
            if query.contains(".") { return group.key.qualifiedName.lowercased().hasPrefix(query) }
            if group.key.kind == .member, group.key.owner?.lowercased() == query { return true }
            return names.contains { $0.lowercased().contains(query) }
        }
    }
}
