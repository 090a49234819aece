/// Registers the members of a host object type with typed closures; see
/// `BuiltinLibrary.registerType(_:doc:_:)`.
///
///     library.registerType(Table.self, doc: "A table with named columns.") { t in
///         t.property("count", .int, doc: "Number of rows.") { .int($0.rows.count) }
///         t.mutatingMethod("append", [.unlabeled("row", .array(.any))], doc: "Adds a row.") { table, args, _ in
///             try table.append(args.array(0)); return .void
///         }
///     }
public struct ObjectTypeBuilder<T: ScriptObject> {
    private(set) var type: BuiltinType

    init(type: BuiltinType) {
        self.type = type
    }

    /// A read-only property.
    public mutating func property(
        _ name: String, _ resultType: ScriptType, doc: String, _ get: @escaping @Sendable (T) throws -> Value
    ) {
        type.add(BuiltinProperty(name, resultType, doc: doc, get: { value, _ in try get(Self.unwrap(value)) }))
    }

    /// A property that can be assigned (`t.title = "…"` on a `var`).
    public mutating func property(
        _ name: String, _ resultType: ScriptType, doc: String, get: @escaping @Sendable (T) throws -> Value,
        set: @escaping @Sendable (inout T, Value) throws -> Void
    ) {
        type.add(
            BuiltinProperty(
                name, resultType, doc: doc, get: { value, _ in try get(Self.unwrap(value)) },
                set: { value, newValue, _ in try Self.modify(&value) { try set(&$0, newValue) } }
            ))
    }

    /// A method that reads the object.
    public mutating func method(
        _ name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType, doc: String,
        _ body: @escaping @Sendable (T, inout BuiltinArguments, BuiltinContext) throws -> Value
    ) {
        type.add(
            BuiltinMethod(name, parameters, returns: returns, doc: doc) { receiver, args, context in
                try body(Self.unwrap(receiver), &args, context)
            })
    }

    /// A method that changes the object in place; on a `let` it is an error, on a `var` the
    /// change is stored back.
    public mutating func mutatingMethod(
        _ name: String, _ parameters: [BuiltinParameter] = [], returns: ScriptType = .void, doc: String,
        _ body: @escaping @Sendable (inout T, inout BuiltinArguments, BuiltinContext) throws -> Value
    ) {
        type.add(
            BuiltinMethod(mutating: name, parameters, returns: returns, doc: doc) { receiver, args, context in
                try Self.modify(&receiver) { try body(&$0, &args, context) }
            })
    }

    /// A binary operator; `lhs` or `rhs` (or both) should be this type. Use `.number` for a
    /// plain number operand (`w * 2`, `2 * w`).
    public mutating func binaryOperator(
        _ symbol: String, lhs: ScriptType, rhs: ScriptType, returns: ScriptType, doc: String,
        _ body: @escaping @Sendable (Value, Value, BuiltinContext) throws -> Value
    ) {
        type.add(BuiltinOperator(symbol, lhs: lhs, rhs: rhs, returns: returns, doc: doc, body))
    }

    /// A prefix operator (`-w`).
    public mutating func prefixOperator(
        _ symbol: String, returns: ScriptType, doc: String,
        _ body: @escaping @Sendable (T, BuiltinContext) throws -> Value
    ) {
        type.add(
            BuiltinOperator(prefix: symbol, operand: .object(T.scriptTypeName), returns: returns, doc: doc) {
                value, context in
                try body(Self.unwrap(value), context)
            })
    }

    /// A subscript (`w[0]`, `file["name"]`).
    public mutating func `subscript`(
        _ parameters: [BuiltinParameter], returns: ScriptType, doc: String,
        _ get: @escaping @Sendable (T, inout BuiltinArguments, BuiltinContext) throws -> Value
    ) {
        type.add(
            BuiltinSubscript(parameters, returns: returns, doc: doc) { receiver, args, context in
                try get(Self.unwrap(receiver), &args, context)
            })
    }

    /// Reads the object out of a value known to hold a `T`.
    static func unwrap(_ value: Value) throws -> T {
        guard case .object(let object) = value, let typed = object as? T else {
            throw ScriptError("expected a value of type '\(T.scriptTypeName)'")
        }
        return typed
    }

    /// Mutates the object held by `value` without copying its storage: the value is emptied
    /// first so the object is uniquely referenced while `body` runs.
    static func modify<R>(_ value: inout Value, _ body: (inout T) throws -> R) throws -> R {
        guard case .object(let object) = value, var typed = object as? T else {
            throw ScriptError("expected a value of type '\(T.scriptTypeName)'")
        }
        value = .void
        defer { value = .object(typed) }
        _ = consume object
        return try body(&typed)
    }
}
