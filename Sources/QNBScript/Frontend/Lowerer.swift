import SwiftSyntax

/// Lowers a folded swift-syntax tree to qnb's AST: resolves every name to a local slot, a
/// captured variable, a global or a builtin; rejects what the language does not support with a
/// message naming the construct; and records source positions.
final class Lowerer {
    enum Mode {
        /// Lowering a cell to run it: unknown names are errors.
        case run
        /// Only checking syntax and supported constructs: names are not resolved against state
        /// that earlier cells would create.
        case check
    }

    /// The lowering state of one function, closure, or a cell's top-level code.
    final class FunctionContext {
        var scopes: [[String: VariableSlot]] = [[:]]
        var slotCount = 0
        var captures: [CaptureSource] = []
        var captureIndex: [ObjectIdentifier: Int] = [:]
        /// nil for a cell's top-level code.
        let decl: FunctionDecl?
        /// Anonymous closure parameters `$0`, `$1`… used so far (closures without a signature).
        var dollarSlots: [VariableSlot] = []
        let allowsDollarParameters: Bool
        /// Enclosing loops and switches, innermost last, for `break`/`continue`.
        var jumpTargets: [(label: String?, isLoop: Bool)] = []
        /// Every slot of this function, to know whether any is boxed.
        var slots: [VariableSlot] = []

        var hasBoxedSlots: Bool { slots.contains(where: \.isBoxed) }

        init(decl: FunctionDecl?, allowsDollarParameters: Bool) {
            self.decl = decl
            self.allowsDollarParameters = allowsDollarParameters
        }
    }

    let converter: SourceLocationConverter
    let library: ResolvedLibrary
    let globals: GlobalScope
    let mode: Mode
    /// Variables and functions declared at the top level of this cell.
    var cellGlobals: [String: GlobalVariable] = [:]
    var contexts: [FunctionContext] = []
    /// Whether the optional chain being lowered has a `?` link.
    var chainHasLink = false

    init(converter: SourceLocationConverter, library: ResolvedLibrary, globals: GlobalScope, mode: Mode) {
        self.converter = converter
        self.library = library
        self.globals = globals
        self.mode = mode
    }

    var context: FunctionContext { contexts[contexts.count - 1] }

    /// Whether declarations go to globals: the outermost scope of a cell's top-level code.
    var isTopLevel: Bool { contexts.count == 1 && context.scopes.count == 1 }

    // MARK: Positions

    func position(_ node: some SyntaxProtocol) -> SourcePosition {
        let location = converter.location(for: node.positionAfterSkippingLeadingTrivia)
        return SourcePosition(line: location.line, column: location.column)
    }

    func error(_ message: String, at node: some SyntaxProtocol) -> ScriptError {
        ScriptError(message, at: position(node))
    }

    // MARK: Scopes

    func pushScope() { context.scopes.append([:]) }

    func popScope() { context.scopes.removeLast() }

    func withScope<T>(_ body: () throws -> T) throws -> T {
        pushScope()
        defer { popScope() }
        return try body()
    }

    /// Declares a name in the current scope: a global at a cell's top level, a local slot
    /// otherwise.
    func declare(
        _ name: String, isMutable: Bool, type: ScriptType?, at node: some SyntaxProtocol
    ) throws -> VariableTarget {
        if isTopLevel {
            guard let global = cellGlobals[name] else {
                throw error("internal error: top-level name '\(name)' was not pre-declared", at: node)
            }
            return .global(global)
        }
        if context.scopes[context.scopes.count - 1][name] != nil {
            throw error("invalid redeclaration of '\(name)'", at: node)
        }
        let slot = newSlot(name, isMutable: isMutable, type: type, at: position(node))
        context.scopes[context.scopes.count - 1][name] = slot
        return .local(slot)
    }

    func newSlot(_ name: String, isMutable: Bool, type: ScriptType?, at position: SourcePosition) -> VariableSlot {
        let slot = VariableSlot(
            name: name, isMutable: isMutable, declaredType: type, index: context.slotCount, position: position)
        context.slotCount += 1
        context.slots.append(slot)
        return slot
    }

    /// How a name is reached from the current function, or nil if it is not a variable.
    func resolveVariable(_ name: String) -> VariableReference? {
        for depth in stride(from: contexts.count - 1, through: 0, by: -1) {
            let owner = contexts[depth]
            for scope in owner.scopes.reversed() {
                guard let slot = scope[name] else { continue }
                if depth == contexts.count - 1 { return .local(slot) }
                slot.isBoxed = true
                return .captured(captureIndex(of: slot, declaredAt: depth), slot)
            }
        }
        if let global = cellGlobals[name] { return .global(global) }
        if let global = globals.lookup(name) { return .global(global) }
        return nil
    }

    /// Threads a captured local through every closure between its function and the current one.
    private func captureIndex(of slot: VariableSlot, declaredAt depth: Int) -> Int {
        var index = -1
        for level in (depth + 1)..<contexts.count {
            let ctx = contexts[level]
            if let existing = ctx.captureIndex[ObjectIdentifier(slot)] {
                index = existing
                continue
            }
            let source: CaptureSource = level == depth + 1 ? .local(slot) : .captured(index)
            ctx.captures.append(source)
            index = ctx.captures.count - 1
            ctx.captureIndex[ObjectIdentifier(slot)] = index
        }
        return index
    }

    // MARK: Cells

    /// A lowered cell: its top-level code, and whether its last statement's value is shown.
    struct Cell {
        var body: Block
        var slotCount: Int
        var hasBoxedSlots: Bool
        var displaysLastExpression: Bool
    }

    func lowerCell(_ file: SourceFileSyntax) throws -> Cell {
        let top = FunctionContext(decl: nil, allowsDollarParameters: false)
        contexts = [top]
        try predeclareTopLevel(file.statements)
        let block = try lowerBlockItems(file.statements)
        var displays = false
        if case .expression? = block.statements.last, let lastItem = file.statements.last {
            displays = !isFunctionDeclaration(lastItem)
        }
        return Cell(
            body: block, slotCount: top.slotCount, hasBoxedSlots: top.hasBoxedSlots, displaysLastExpression: displays)
    }

    private func isFunctionDeclaration(_ item: CodeBlockItemSyntax) -> Bool {
        if case .decl(let decl) = item.item { return decl.is(FunctionDeclSyntax.self) }
        return false
    }

    /// Creates the globals a cell declares at its top level, so that functions (and code before
    /// the declaration) can refer to them.
    private func predeclareTopLevel(_ items: CodeBlockItemListSyntax) throws {
        for item in items {
            guard case .decl(let decl) = item.item else { continue }
            if let variable = decl.as(VariableDeclSyntax.self) {
                let isMutable = variable.bindingSpecifier.tokenKind == .keyword(.var)
                for binding in variable.bindings {
                    let type =
                        try binding.typeAnnotation.map { (annotation) throws in
                            try lowerType(annotation.type)
                        } ?? binding.initializer.flatMap { inferredType(of: $0.value) }
                    for (name, node) in patternNames(binding.pattern) {
                        try predeclareGlobal(name, isMutable: isMutable, type: type, at: node)
                    }
                }
            } else if let function = decl.as(FunctionDeclSyntax.self) {
                try predeclareGlobal(function.name.text, isMutable: false, type: nil, at: function.name)
            }
        }
    }

    private func predeclareGlobal(_ name: String, isMutable: Bool, type: ScriptType?, at node: some SyntaxProtocol)
        throws
    {
        if cellGlobals[name] != nil { throw error("invalid redeclaration of '\(name)'", at: node) }
        cellGlobals[name] = GlobalVariable(name: name, isMutable: isMutable, declaredType: type)
    }

    /// The names a declaration pattern binds, with their nodes.
    func patternNames(_ pattern: PatternSyntax) -> [(String, Syntax)] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            return [(identifier.identifier.text, Syntax(identifier))]
        }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            return tuple.elements.flatMap { patternNames($0.pattern) }
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            return patternNames(binding.pattern)
        }
        return []
    }

    /// The type of an unannotated variable when its initializer states it: `[Double]()`,
    /// `[Double](repeating: 0, count: n)`, `[String: Int]()`.
    func inferredType(of expression: ExprSyntax) -> ScriptType? {
        if let call = expression.as(FunctionCallExprSyntax.self),
            call.calledExpression.is(ArrayExprSyntax.self) || call.calledExpression.is(DictionaryExprSyntax.self)
        {
            return try? collectionType(call.calledExpression)
        }
        return nil
    }
}
