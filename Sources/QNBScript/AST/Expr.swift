/// An expression of qnb's own AST, lowered from swift-syntax. Every node carries the cell
/// position errors about it are reported at.
indirect enum Expr {
    /// A Double, String or Bool literal, or a folded constant.
    case constant(Value, SourcePosition)
    case intLiteral(Int, SourcePosition)
    /// Literal arithmetic such as `-1`, `1 / 3` (see `PolyLiteral`).
    case polyLiteral(PolyLiteral, SourcePosition)
    case nilLiteral(SourcePosition)
    case interpolation([InterpolationPart], SourcePosition)
    case arrayLiteral([Expr], SourcePosition)
    case dictionaryLiteral(keys: [Expr], values: [Expr], SourcePosition)
    case tupleLiteral([Expr], labels: [String?]?, SourcePosition)
    case variable(VariableReference, SourcePosition)
    /// A builtin free function used by name (`print`, `quantize`).
    case builtinFunction(BuiltinOverloadSet, SourcePosition)
    /// A type name in expression position: `Int` in `Int.max`, `Double` in `Double(x)`.
    case typeReference(ScriptType, SourcePosition)
    /// `.symmetric`, `.perChannel(axis: 0)`: nil arguments for a case without parentheses.
    case implicitMember(String, [Argument]?, SourcePosition)
    /// `base.name`, positioned at `name`.
    case member(Expr, String, SourcePosition)
    /// `base.0`, positioned at the index.
    case tupleElement(Expr, Int, SourcePosition)
    case call(CallSite)
    case methodCall(MethodCallSite)
    /// `base[arguments]`, positioned at the base's start.
    case subscriptRead(Expr, [Argument], SourcePosition)
    /// Positioned at the operator.
    case binary(BinaryOperator, Expr, Expr, SourcePosition)
    case logicalAnd(Expr, Expr, SourcePosition)
    case logicalOr(Expr, Expr, SourcePosition)
    case nilCoalescing(Expr, Expr, SourcePosition)
    case unary(UnaryOperator, Expr, SourcePosition)
    /// `a..<b` or `a...b`, positioned at the operator.
    case range(Expr, Expr, closed: Bool, SourcePosition)
    case partialRange(PartialRangeKind, Expr, SourcePosition)
    case ternary(Expr, Expr, Expr, SourcePosition)
    case closure(FunctionDecl, SourcePosition)
    /// An operator used as a function value: `reduce(0, +)`, `sorted(by: >)`.
    case operatorFunction(BinaryOperator, SourcePosition)
    case forceUnwrap(Expr, SourcePosition)
    /// The outermost expression of an optional chain (`a?.b.c`): nil if any link is nil.
    case optionalChain(Expr, SourcePosition)
    /// The `a?` link of an optional chain.
    case optionalChainLink(Expr, SourcePosition)
    /// `if`/`switch` used as an expression: `let x = if c { 1 } else { 2 }`.
    case statementExpression(Stmt, SourcePosition)
    /// `expr as T`.
    case cast(Expr, ScriptType, SourcePosition)
    /// `[Double](repeating: 0, count: 3)`, `[String: Int]()`: a constructor call with the
    /// collection type as context.
    case construct(ScriptType, CallSite)

    var position: SourcePosition {
        switch self {
        case .constant(_, let p), .intLiteral(_, let p), .polyLiteral(_, let p), .nilLiteral(let p),
            .interpolation(_, let p), .arrayLiteral(_, let p), .dictionaryLiteral(_, _, let p),
            .tupleLiteral(_, _, let p), .variable(_, let p), .builtinFunction(_, let p),
            .typeReference(_, let p), .implicitMember(_, _, let p), .member(_, _, let p),
            .tupleElement(_, _, let p), .subscriptRead(_, _, let p), .binary(_, _, _, let p),
            .logicalAnd(_, _, let p), .logicalOr(_, _, let p), .nilCoalescing(_, _, let p),
            .unary(_, _, let p), .range(_, _, _, let p), .partialRange(_, _, let p),
            .ternary(_, _, _, let p), .closure(_, let p), .operatorFunction(_, let p),
            .forceUnwrap(_, let p), .optionalChain(_, let p), .optionalChainLink(_, let p),
            .statementExpression(_, let p), .cast(_, _, let p):
            return p
        case .call(let site), .construct(_, let site): return site.position
        case .methodCall(let site): return site.position
        }
    }

    /// The start of the expression in the source (for binary operators, the left operand's).
    var startPosition: SourcePosition {
        switch self {
        case .binary(_, let lhs, _, _), .logicalAnd(let lhs, _, _), .logicalOr(let lhs, _, _),
            .nilCoalescing(let lhs, _, _), .range(let lhs, _, _, _), .ternary(let lhs, _, _, _):
            return lhs.startPosition
        case .member(let base, _, _), .tupleElement(let base, _, _), .forceUnwrap(let base, _),
            .optionalChainLink(let base, _), .optionalChain(let base, _), .cast(let base, _, _):
            return base.startPosition
        case .methodCall(let site): return site.receiver.startPosition
        case .polyLiteral(_, let p): return p
        default: return position
        }
    }

    /// Whether the expression is number literals only, whose type follows the context.
    var isNumberLiteral: Bool {
        switch self {
        case .intLiteral, .polyLiteral: return true
        default: return false
        }
    }
}

enum PartialRangeKind: Sendable {
    /// `a...`
    case from
    /// `..<b`
    case upTo
    /// `...b`
    case through
}

enum InterpolationPart {
    case text(String)
    case value(Expr)
}

/// One argument of a call, subscript or implicit member.
struct Argument {
    enum Payload {
        case value(Expr)
        /// `&lvalue`
        case reference(LValue)
    }

    var label: String?
    var payload: Payload
    var position: SourcePosition
    /// A trailing closure without a label matches the next parameter whatever its label.
    var isTrailingClosure = false
    /// Where the label is, if there is one.
    var labelPosition: SourcePosition?

    var expression: Expr? {
        if case .value(let e) = payload { return e }
        return nil
    }
}

/// A call `callee(arguments)`.
final class CallSite {
    let callee: Expr
    let arguments: [Argument]
    /// Where the call starts (the callee).
    let position: SourcePosition
    /// Where Swift reports label mismatches: the opening parenthesis.
    let leftParen: SourcePosition
    /// Where Swift reports missing arguments: the closing parenthesis.
    let rightParen: SourcePosition
    let cache = MatchCache()

    init(
        callee: Expr, arguments: [Argument], position: SourcePosition, leftParen: SourcePosition,
        rightParen: SourcePosition
    ) {
        self.callee = callee
        self.arguments = arguments
        self.position = position
        self.leftParen = leftParen
        self.rightParen = rightParen
    }
}

/// A method call `receiver.name(arguments)`.
final class MethodCallSite {
    let receiver: Expr
    /// The receiver as an assignable path, when it is one and `name` may be a mutating method.
    let receiverPath: LValue?
    let name: String
    let arguments: [Argument]
    /// The method name's position.
    let position: SourcePosition
    let leftParen: SourcePosition
    let rightParen: SourcePosition
    /// The static type of the receiver when known from a declaration (`var a: [Double] = []`).
    let receiverType: ScriptType?
    /// The method found for the last receiver type, for the next call.
    var cachedKey: TypeKey?
    var cachedMethods: MethodOverloads?
    let cache = MatchCache()

    init(
        receiver: Expr, receiverPath: LValue?, name: String, arguments: [Argument], position: SourcePosition,
        leftParen: SourcePosition, rightParen: SourcePosition, receiverType: ScriptType?
    ) {
        self.receiver = receiver
        self.receiverPath = receiverPath
        self.name = name
        self.arguments = arguments
        self.position = position
        self.leftParen = leftParen
        self.rightParen = rightParen
        self.receiverType = receiverType
    }
}

/// An assignable path: a variable followed by subscripts, members and tuple elements
/// (`a[i][j]`, `t.x`, `pair.0`).
struct LValue {
    enum Component {
        case subscripted([Argument], SourcePosition)
        case member(String, SourcePosition)
        case tupleElement(Int, SourcePosition)
        /// `path!` (e.g. `counts[key]!.append(x)`).
        case forceUnwrap(SourcePosition)
    }

    var root: VariableReference
    var rootPosition: SourcePosition
    var components: [Component]

    /// The static type of the path's target, where the root's declared type tells it.
    var staticType: ScriptType? {
        var type = root.declaredType
        for component in components {
            guard let current = type else { return nil }
            switch (component, current) {
            case (.subscripted, .array(let element)): type = element
            case (.subscripted, .dictionary(_, let value)): type = .optional(value)
            case (.tupleElement(let i, _), .tuple(let elements, _)) where i < elements.count: type = elements[i]
            case (.member(let name, _), .tuple(let elements, let labels)):
                guard let i = labels.firstIndex(of: name) else { return nil }
                type = elements[i]
            case (.forceUnwrap, .optional(let wrapped)): type = wrapped
            default: return nil
            }
        }
        return type
    }
}
