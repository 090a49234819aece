/// What one example documents: a free function (all its overloads), a type, one member name of
/// a type (its overloads, or every operator overload of one symbol), an option type with its
/// cases, or a static member.
public struct BuiltinReferenceKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: Int, Hashable, Sendable {
        case function, type, member, options, staticMember
    }

    public var kind: Kind
    /// The type a member or static member belongs to; nil otherwise.
    public var owner: String?
    /// The function, type, member, option type or static member name (`subscript` for
    /// subscripts, the symbol for operators).
    public var name: String

    public init(_ kind: Kind, owner: String? = nil, _ name: String) {
        self.kind = kind
        self.owner = owner
        self.name = name
    }

    /// How the key is written in messages: `quantize`, `type Tensor`, `Tensor.mean`,
    /// `options Scheme`, `static Double.pi`.
    public var description: String {
        switch kind {
        case .function: return name
        case .type: return "type \(name)"
        case .member: return "\(owner ?? "?").\(name)"
        case .options: return "options \(name)"
        case .staticMember: return "static \(owner ?? "?").\(name)"
        }
    }

    /// The name as a reader looks it up: `quantize`, `Tensor`, `Tensor.mean`, `Double.pi`.
    public var qualifiedName: String {
        owner.map { "\($0).\(name)" } ?? name
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.kind.rawValue, a.owner ?? "", a.name) < (b.kind.rawValue, b.owner ?? "", b.name)
    }
}

extension BuiltinReferenceEntry {
    /// The group this entry is documented in: option cases belong to their option type.
    public var groupKey: BuiltinReferenceKey {
        switch kind {
        case .function: return .init(.function, name)
        case .type: return .init(.type, name)
        case .property, .method, .operator, .subscript: return .init(.member, owner: owner, name)
        case .optionType: return .init(.options, name)
        case .optionCase: return .init(.options, owner ?? name)
        case .staticMember: return .init(.staticMember, owner: owner, name)
        }
    }
}

/// The entries one example documents, in reference order.
public struct BuiltinReferenceGroup: Sendable {
    public var key: BuiltinReferenceKey
    public var entries: [BuiltinReferenceEntry]
}

extension BuiltinLibrary {
    /// The reference's entries grouped by `groupKey`, each group where its first entry is.
    public var referenceGroups: [BuiltinReferenceGroup] {
        var groups: [BuiltinReferenceGroup] = []
        var index: [BuiltinReferenceKey: Int] = [:]
        for entry in reference {
            let key = entry.groupKey
            if let position = index[key] {
                groups[position].entries.append(entry)
            } else {
                index[key] = groups.count
                groups.append(BuiltinReferenceGroup(key: key, entries: [entry]))
            }
        }
        return groups
    }
}
