/// Structural equality and hashing: `Int(1)` and `Double(1)` are different values, as they are
/// different types in Swift. Used for dictionary keys and option values; the `==` operator of the
/// language adds Swift's literal and optional promotions on top.
extension Value: Hashable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in zip(a.keys, a.values) where b[key] != value { return false }
            return true
        case (.tuple(let a), .tuple(let b)): return a.elements == b.elements
        case (.optional(let a), .optional(let b)): return a == b
        case (.range(let a), .range(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        case (.option(let a), .option(let b)): return a == b
        case (.object(let a), .object(let b)): return a.scriptEquals(b)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .int(let v): hasher.combine(0); hasher.combine(v)
        case .double(let v): hasher.combine(1); hasher.combine(v)
        case .bool(let v): hasher.combine(2); hasher.combine(v)
        case .string(let v): hasher.combine(3); hasher.combine(v)
        case .array(let v): hasher.combine(4); hasher.combine(v)
        case .dictionary(let v): hasher.combine(5); hasher.combine(v.count)
        case .tuple(let v): hasher.combine(6); hasher.combine(v.elements)
        case .optional(let v): hasher.combine(7); hasher.combine(v)
        case .range(let v): hasher.combine(8); hasher.combine(v)
        case .function(let v): hasher.combine(9); hasher.combine(ObjectIdentifier(v))
        case .option(let v): hasher.combine(10); hasher.combine(v)
        case .object(let v): hasher.combine(11); hasher.combine(v.scriptTypeName)
        }
    }
}
