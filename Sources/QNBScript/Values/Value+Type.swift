extension Value {
    /// The value's type as Swift would name it in a message: `Int`, `[Double]`, `[String: Int]`,
    /// `(Int, String)`, `Int?`, `Range<Int>`, `Tensor`. Collections are judged by their first
    /// element (`[Any]` when empty).
    public var typeName: String { staticType.name }

    /// The value's type, judged shallowly (a collection by its first element).
    public var staticType: ScriptType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .string: return .string
        case .array(let elements): return .array(elements.first?.staticType ?? .any)
        case .dictionary(let dict):
            return .dictionary(key: dict.keys.first?.staticType ?? .any, value: dict.values.first?.staticType ?? .any)
        case .tuple(let tuple):
            if tuple.elements.isEmpty { return .void }
            return .tuple(
                tuple.elements.map(\.staticType),
                labels: tuple.labels ?? Array(repeating: nil, count: tuple.elements.count))
        case .optional(let inner): return .optional(inner?.staticType ?? .any)
        case .range(let range):
            switch range {
            case .int(_, _, let closed): return closed ? .closedRange(.int) : .range(.int)
            case .double(_, _, let closed): return closed ? .closedRange(.double) : .range(.double)
            case .intStride(_, _, _, let inclusive): return .object(inclusive ? "StrideThrough<Int>" : "StrideTo<Int>")
            case .doubleStride(_, _, _, let inclusive):
                return .object(inclusive ? "StrideThrough<Double>" : "StrideTo<Double>")
            case .from: return .object("PartialRangeFrom<Int>")
            case .upTo: return .object("PartialRangeUpTo<Int>")
            case .through: return .object("PartialRangeThrough<Int>")
            }
        case .function(let function):
            if case .user(let decl, _) = function.kind {
                return .function(
                    parameters: decl.parameters.map { $0.type ?? .any }, result: decl.returnType ?? .any)
            }
            return .function(parameters: [], result: .any)
        case .option(let option): return .object(option.name.isEmpty ? "enum case" : "enum case '.\(option.name)'")
        case .object(let object): return .object(object.scriptTypeName)
        }
    }
}
