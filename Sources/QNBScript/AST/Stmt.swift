/// A statement of qnb's own AST.
indirect enum Stmt {
    case expression(Expr)
    /// `let`/`var` with a pattern, an optional annotation and an optional initializer.
    case declaration(BindingPattern, ScriptType?, Expr?, SourcePosition)
    /// `path = value`, positioned at the path's root.
    case assign(LValue, Expr, SourcePosition)
    /// `path op= value`, positioned at the operator.
    case compoundAssign(BinaryOperator, LValue, Expr, SourcePosition)
    /// `_ = value`
    case discard(Expr)
    case ifStatement([ConditionalBranch], else: Block?)
    /// `guard conditions else { … }`: the bindings stay in scope after it.
    case guardStatement([Condition], Block, SourcePosition)
    case whileLoop(label: String?, [Condition], Block, SourcePosition)
    case repeatWhile(label: String?, Block, Expr, SourcePosition)
    case forIn(ForLoop)
    case breakStatement(label: String?, SourcePosition)
    case continueStatement(label: String?, SourcePosition)
    case returnStatement(Expr?, SourcePosition)
    case block(Block)
    case switchStatement(SwitchStatement)
    /// A local `func`: the function value is made here, capturing the variables declared
    /// before it.
    case function(VariableTarget, FunctionDecl)
}

struct Block {
    var statements: [Stmt]
    /// Functions declared at a cell's top level: created before its code runs, so they can be
    /// called from anywhere in the cell.
    var functions: [(target: VariableTarget, function: FunctionDecl)] = []
    /// Slots of local functions: given empty boxes when the block is entered, so functions
    /// declared in it can call each other whatever their order.
    var functionSlots: [VariableSlot] = []

    static var empty: Block { Block(statements: []) }
}

struct ConditionalBranch {
    var conditions: [Condition]
    var body: Block
}

enum Condition {
    case boolean(Expr)
    /// `let x = optional` (also `var`); the pattern binds the unwrapped value.
    case optionalBinding(BindingPattern, ScriptType?, Expr, SourcePosition)
}

/// What a declaration, a `for` loop or an optional binding binds.
indirect enum BindingPattern {
    case variable(VariableTarget, SourcePosition)
    case wildcard
    case tuple([BindingPattern], SourcePosition)
}

struct ForLoop {
    var label: String?
    var pattern: BindingPattern
    var sequence: Expr
    var filter: Expr?
    var body: Block
    var position: SourcePosition
}

struct SwitchStatement {
    var label: String?
    var subject: Expr
    var cases: [SwitchCase]
    var position: SourcePosition
}

struct SwitchCase {
    /// Empty for `default`.
    var items: [(pattern: MatchPattern, guard: Expr?)]
    var body: Block
    var isDefault: Bool
}

/// A `case` pattern of a `switch`.
indirect enum MatchPattern {
    case wildcard
    /// Matches with `~=`: equality, or membership for a range.
    case expression(Expr)
    case binding(VariableTarget, SourcePosition)
    case tuple([MatchPattern], SourcePosition)
}
