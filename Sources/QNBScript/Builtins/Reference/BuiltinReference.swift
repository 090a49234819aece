/// One entry of the builtin reference that `qnb builtins` prints, generated from the same
/// tables the interpreter uses.
public struct BuiltinReferenceEntry: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case function, type, property, method, `operator`, `subscript`, optionType, optionCase, staticMember
    }

    public var kind: Kind
    /// The function or member name (the type name for `.type` and `.optionType`).
    public var name: String
    /// The type the member belongs to; nil for free functions and types.
    public var owner: String?
    /// Swift-style signature, e.g. `quantize(_ x: Tensor, bits: Int = 8) -> QuantizedTensor`.
    public var signature: String
    public var doc: String

    public init(kind: Kind, name: String, owner: String? = nil, signature: String, doc: String) {
        self.kind = kind
        self.name = name
        self.owner = owner
        self.signature = signature
        self.doc = doc
    }
}

extension BuiltinLibrary {
    /// Everything in the library, in registration order: free functions (each overload), then
    /// each type with its properties, methods, subscripts and operators, then option types
    /// with their cases, then static members (`Double.pi`).
    public var reference: [BuiltinReferenceEntry] {
        var entries: [BuiltinReferenceEntry] = []
        for name in functionOrder {
            for function in functions[name] ?? [] {
                entries.append(.init(kind: .function, name: name, signature: function.signature, doc: function.doc))
            }
        }
        for key in typeOrder {
            guard let type = types[key] else { continue }
            entries.append(.init(kind: .type, name: type.name, signature: type.name, doc: type.doc))
            for member in type.orderedMemberNames {
                if let property = type.properties[member] {
                    entries.append(
                        .init(
                            kind: .property, name: member, owner: type.name, signature: property.signature,
                            doc: property.doc))
                }
                for method in type.methods[member] ?? [] {
                    entries.append(
                        .init(
                            kind: .method, name: member, owner: type.name, signature: method.signature, doc: method.doc)
                    )
                }
            }
            for sub in type.subscripts {
                entries.append(
                    .init(kind: .subscript, name: "subscript", owner: type.name, signature: sub.signature, doc: sub.doc)
                )
            }
            for op in type.operators {
                entries.append(
                    .init(kind: .operator, name: op.symbol, owner: type.name, signature: op.signature, doc: op.doc))
            }
        }
        for name in optionOrder {
            guard let option = optionTypes[name] else { continue }
            entries.append(.init(kind: .optionType, name: name, signature: name, doc: option.doc))
            for optionCase in option.cases {
                entries.append(
                    .init(
                        kind: .optionCase, name: optionCase.name, owner: name, signature: optionCase.signature,
                        doc: optionCase.doc))
            }
        }
        for typeName in staticMembers.keys.sorted() {
            for (name, member) in (staticMembers[typeName] ?? [:]).sorted(by: { $0.key < $1.key }) {
                switch member {
                case .constant(let value, let type, let doc):
                    entries.append(
                        .init(
                            kind: .staticMember, name: name, owner: typeName,
                            signature: "static let \(typeName).\(name): \(type.name) = \(value.literalDescription)",
                            doc: doc))
                case .function(let overloads):
                    for function in overloads {
                        entries.append(
                            .init(
                                kind: .staticMember, name: name, owner: typeName,
                                signature: "static func " + function.signature, doc: function.doc))
                    }
                }
            }
        }
        return entries
    }
}
