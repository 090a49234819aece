/// A function value: a user function or closure with its captured variables, a builtin, or an
/// operator used as a function (`reduce(0, +)`). Compared by identity.
public final class ScriptFunction {
    enum Kind {
        case user(FunctionDecl, captures: [Box])
        case builtin(BuiltinOverloadSet)
        case binaryOperator(BinaryOperator)
        /// A method bound to its receiver, e.g. `xs.contains` passed as a value.
        case boundMethod(Value, [BuiltinMethod])
    }

    let kind: Kind
    /// Parameter and result types a closure got from its context (`let f: (Double) -> Double =
    /// { x in … }`, a function's return type), used where its own parameters have none.
    let contextType: (parameters: [ScriptType], result: ScriptType)?

    init(_ kind: Kind, contextType: (parameters: [ScriptType], result: ScriptType)? = nil) {
        self.kind = kind
        self.contextType = contextType
    }

    /// The name used in messages.
    var name: String {
        switch kind {
        case .user(let decl, _): return decl.isClosure ? "closure" : decl.name
        case .builtin(let set): return set.name
        case .binaryOperator(let op): return op.symbol
        case .boundMethod(_, let methods): return methods.first?.name ?? "method"
        }
    }
}
