import SwiftSyntax

extension Lowerer {
    /// Lowers a list of statements in the current scope. Functions declared in it are collected
    /// first (so they can call each other in any order) and created when the block is entered.
    func lowerBlockItems(_ items: CodeBlockItemListSyntax) throws -> Block {
        var block = Block(statements: [])
        var pending: [(FunctionDeclSyntax, VariableTarget)] = []
        for item in items {
            guard case .decl(let decl) = item.item, let function = decl.as(FunctionDeclSyntax.self) else { continue }
            let target = try declare(function.name.text, isMutable: false, type: nil, at: function.name)
            pending.append((function, target))
        }
        let hoisted = isTopLevel
        for (_, target) in pending {
            if case .local(let slot) = target { block.functionSlots.append(slot) }
        }
        var functionIndex = 0
        for item in items {
            if case .decl(let decl) = item.item, let function = decl.as(FunctionDeclSyntax.self) {
                let target = pending[functionIndex].1
                functionIndex += 1
                let lowered = try lowerFunction(function)
                if hoisted {
                    block.functions.append((target, lowered))
                } else {
                    block.statements.append(.function(target, lowered))
                }
                continue
            }
            block.statements += try lowerItem(item)
        }
        return block
    }

    func lowerCodeBlock(_ block: CodeBlockSyntax) throws -> Block {
        try withScope { () throws -> Block in try lowerBlockItems(block.statements) }
    }

    func lowerItem(_ item: CodeBlockItemSyntax) throws -> [Stmt] {
        switch item.item {
        case .decl(let decl): return try lowerDeclaration(decl)
        case .stmt(let stmt): return [try lowerStatement(stmt)]
        case .expr(let expr): return [try lowerExpressionStatement(expr)]
        }
    }

    func lowerDeclaration(_ decl: DeclSyntax) throws -> [Stmt] {
        if let variable = decl.as(VariableDeclSyntax.self) { return try lowerVariableDeclaration(variable) }
        throw unsupported(decl)
    }

    // MARK: Statements

    func lowerStatement(_ stmt: StmtSyntax) throws -> Stmt {
        if let expression = stmt.as(ExpressionStmtSyntax.self) {
            return try lowerExpressionStatement(expression.expression)
        }
        if let forStmt = stmt.as(ForStmtSyntax.self) { return try lowerFor(forStmt, label: nil) }
        if let whileStmt = stmt.as(WhileStmtSyntax.self) { return try lowerWhile(whileStmt, label: nil) }
        if let repeatStmt = stmt.as(RepeatStmtSyntax.self) { return try lowerRepeat(repeatStmt, label: nil) }
        if let guardStmt = stmt.as(GuardStmtSyntax.self) { return try lowerGuard(guardStmt) }
        if let returnStmt = stmt.as(ReturnStmtSyntax.self) { return try lowerReturn(returnStmt) }
        if let breakStmt = stmt.as(BreakStmtSyntax.self) {
            let label = breakStmt.label?.text
            try checkJump(label: label, isContinue: false, at: breakStmt)
            return .breakStatement(label: label, position(breakStmt))
        }
        if let continueStmt = stmt.as(ContinueStmtSyntax.self) {
            let label = continueStmt.label?.text
            try checkJump(label: label, isContinue: true, at: continueStmt)
            return .continueStatement(label: label, position(continueStmt))
        }
        if let labeled = stmt.as(LabeledStmtSyntax.self) { return try lowerLabeled(labeled) }
        if let doStmt = stmt.as(DoStmtSyntax.self) {
            if !doStmt.catchClauses.isEmpty || doStmt.throwsClause != nil {
                throw error("'do'-'catch' is not supported in qnb cells (there is no error handling)", at: doStmt)
            }
            return .block(try lowerCodeBlock(doStmt.body))
        }
        throw unsupported(stmt)
    }

    func lowerLabeled(_ labeled: LabeledStmtSyntax) throws -> Stmt {
        let label = labeled.label.text
        let statement = labeled.statement
        if let forStmt = statement.as(ForStmtSyntax.self) { return try lowerFor(forStmt, label: label) }
        if let whileStmt = statement.as(WhileStmtSyntax.self) { return try lowerWhile(whileStmt, label: label) }
        if let repeatStmt = statement.as(RepeatStmtSyntax.self) { return try lowerRepeat(repeatStmt, label: label) }
        if let expression = statement.as(ExpressionStmtSyntax.self),
            let switchExpr = expression.expression.as(SwitchExprSyntax.self)
        {
            return .switchStatement(try lowerSwitch(switchExpr, label: label))
        }
        throw error("labels are only supported on loops and 'switch' in qnb cells", at: labeled)
    }

    /// An expression in statement position: assignments, `if`/`switch` statements, or an
    /// expression evaluated for its effect (or shown, if last in the cell).
    func lowerExpressionStatement(_ expr: ExprSyntax) throws -> Stmt {
        if let infix = expr.as(InfixOperatorExprSyntax.self) {
            if infix.operator.is(AssignmentExprSyntax.self) { return try lowerAssignment(infix) }
            if let op = infix.operator.as(BinaryOperatorExprSyntax.self),
                let binary = BinaryOperator(compoundAssignment: op.operator.text)
            {
                let target = try lowerLValue(infix.leftOperand, purpose: .compoundAssignment, errorNode: Syntax(op))
                let value = try lowerExpr(infix.rightOperand)
                return .compoundAssign(binary, target, value, position(op))
            }
        }
        if let ifExpr = expr.as(IfExprSyntax.self) { return try lowerIf(ifExpr) }
        if let switchExpr = expr.as(SwitchExprSyntax.self) {
            return .switchStatement(try lowerSwitch(switchExpr, label: nil))
        }
        return .expression(try lowerExpr(expr))
    }

    func lowerAssignment(_ infix: InfixOperatorExprSyntax) throws -> Stmt {
        let value = try lowerExpr(infix.rightOperand)
        if infix.leftOperand.is(DiscardAssignmentExprSyntax.self) { return .discard(value) }
        if let tuple = infix.leftOperand.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            // `(a, b) = (b, a)`: evaluate the right side first, then assign element-wise.
            var statements: [Stmt] = []
            let temporary = newSlot("tuple", isMutable: false, type: nil, at: position(infix))
            statements.append(.declaration(.variable(.local(temporary), position(infix)), nil, value, position(infix)))
            for (index, element) in tuple.elements.enumerated() {
                if element.expression.is(DiscardAssignmentExprSyntax.self) { continue }
                let target = try lowerLValue(element.expression, purpose: .assignment)
                let part = Expr.tupleElement(.variable(.local(temporary), position(element)), index, position(element))
                statements.append(.assign(target, part, position(element)))
            }
            return .block(Block(statements: statements))
        }
        let target = try lowerLValue(infix.leftOperand, purpose: .assignment)
        return .assign(target, value, target.rootPosition)
    }

    // MARK: Conditionals

    func lowerIf(_ ifExpr: IfExprSyntax) throws -> Stmt {
        var branches: [ConditionalBranch] = []
        var elseBlock: Block?
        var current: IfExprSyntax? = ifExpr
        while let node = current {
            let branch = try withScope { () throws -> ConditionalBranch in
                let conditions = try lowerConditions(node.conditions)
                return ConditionalBranch(conditions: conditions, body: try lowerCodeBlock(node.body))
            }
            branches.append(branch)
            current = nil
            switch node.elseBody {
            case .ifExpr(let next)?: current = next
            case .codeBlock(let block)?: elseBlock = try lowerCodeBlock(block)
            case nil: break
            }
        }
        return .ifStatement(branches, else: elseBlock)
    }

    /// Lowers conditions in order; optional bindings declare their names in the current scope.
    func lowerConditions(_ list: ConditionElementListSyntax) throws -> [Condition] {
        var conditions: [Condition] = []
        for element in list {
            switch element.condition {
            case .expression(let expr):
                conditions.append(.boolean(try lowerExpr(expr)))
            case .optionalBinding(let binding):
                let isMutable = binding.bindingSpecifier.tokenKind == .keyword(.var)
                let type = try binding.typeAnnotation.map { (annotation) throws -> ScriptType in
                    try lowerType(annotation.type)
                }
                let value: Expr
                if let initializer = binding.initializer {
                    value = try lowerExpr(initializer.value)
                } else {
                    // `if let x` is shorthand for `if let x = x`.
                    guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
                        throw error("expected '=' in optional binding", at: binding)
                    }
                    value = try lowerIdentifier(identifier.identifier.text, at: identifier)
                }
                let pattern = try lowerBindingPattern(binding.pattern, isMutable: isMutable, type: type)
                conditions.append(.optionalBinding(pattern, type, value, position(binding)))
            case .matchingPattern(let matching):
                throw error(
                    "'case' patterns in conditions are not supported in qnb cells; use '==' or 'switch'", at: matching)
            case .availability(let availability):
                throw error("availability conditions ('#available') are not supported in qnb cells", at: availability)
            }
        }
        return conditions
    }

    func lowerGuard(_ guardStmt: GuardStmtSyntax) throws -> Stmt {
        // The else body cannot see the bindings: lower it first, in its own scope.
        let elseBody = try lowerCodeBlock(guardStmt.body)
        guard let last = guardStmt.body.statements.last, exitsScope(last) else {
            throw error(
                "'guard' body must not fall through, consider using a 'return' or 'break' to exit the scope",
                at: guardStmt.guardKeyword)
        }
        let conditions = try lowerConditions(guardStmt.conditions)
        return .guardStatement(conditions, elseBody, position(guardStmt))
    }

    private func exitsScope(_ item: CodeBlockItemSyntax) -> Bool {
        if case .expr(let expr) = item.item, let call = expr.as(FunctionCallExprSyntax.self),
            let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
            ["fatalError", "preconditionFailure"].contains(callee.baseName.text)
        {
            return true
        }
        guard case .stmt(let stmt) = item.item else { return false }
        return stmt.is(ReturnStmtSyntax.self) || stmt.is(BreakStmtSyntax.self) || stmt.is(ContinueStmtSyntax.self)
    }

    // MARK: Loops

    func lowerFor(_ forStmt: ForStmtSyntax, label: String?) throws -> Stmt {
        if let keyword = forStmt.caseKeyword { throw error("'for case' is not supported in qnb cells", at: keyword) }
        if let keyword = forStmt.tryKeyword {
            throw error("'try' is not supported in qnb cells (there is no error handling)", at: keyword)
        }
        if let keyword = forStmt.awaitKeyword { throw error("'await' is not supported in qnb cells", at: keyword) }
        let sequence = try lowerExpr(forStmt.sequence)
        return try withScope { () throws -> Stmt in
            let type = try forStmt.typeAnnotation.map { (annotation) throws -> ScriptType in
                try lowerType(annotation.type)
            }
            var patternNode = forStmt.pattern
            var isMutable = false
            if let binding = patternNode.as(ValueBindingPatternSyntax.self) {
                isMutable = binding.bindingSpecifier.tokenKind == .keyword(.var)
                patternNode = binding.pattern
            }
            let pattern = try lowerBindingPattern(patternNode, isMutable: isMutable, type: type)
            let filter = try forStmt.whereClause.map { (clause) throws -> Expr in try lowerExpr(clause.condition) }
            context.jumpTargets.append((label, true))
            defer { context.jumpTargets.removeLast() }
            let body = try lowerCodeBlock(forStmt.body)
            return .forIn(
                ForLoop(
                    label: label, pattern: pattern, sequence: sequence, filter: filter, body: body,
                    position: position(forStmt)))
        }
    }

    func lowerWhile(_ whileStmt: WhileStmtSyntax, label: String?) throws -> Stmt {
        try withScope { () throws -> Stmt in
            let conditions = try lowerConditions(whileStmt.conditions)
            context.jumpTargets.append((label, true))
            defer { context.jumpTargets.removeLast() }
            let body = try lowerCodeBlock(whileStmt.body)
            return .whileLoop(label: label, conditions, body, position(whileStmt))
        }
    }

    func lowerRepeat(_ repeatStmt: RepeatStmtSyntax, label: String?) throws -> Stmt {
        context.jumpTargets.append((label, true))
        let body: Block
        do {
            defer { context.jumpTargets.removeLast() }
            body = try lowerCodeBlock(repeatStmt.body)
        }
        let condition = try lowerExpr(repeatStmt.condition)
        return .repeatWhile(label: label, body, condition, position(repeatStmt))
    }

    private func checkJump(label: String?, isContinue: Bool, at node: some SyntaxProtocol) throws {
        let targets = context.jumpTargets
        if let label {
            guard let target = targets.last(where: { $0.label == label }) else {
                throw error("cannot find label '\(label)' in scope", at: node)
            }
            if isContinue && !target.isLoop {
                throw error("'continue' cannot be used with a 'switch' label", at: node)
            }
            return
        }
        if isContinue {
            if !targets.contains(where: \.isLoop) { throw error("'continue' is only allowed inside a loop", at: node) }
        } else if targets.isEmpty {
            throw error("'break' is only allowed inside a loop or 'switch'", at: node)
        }
    }

    func lowerReturn(_ returnStmt: ReturnStmtSyntax) throws -> Stmt {
        guard context.decl != nil else {
            throw error("'return' is only allowed inside a function or closure", at: returnStmt)
        }
        let value = try returnStmt.expression.map { (expr) throws -> Expr in try lowerExpr(expr) }
        return .returnStatement(value, position(returnStmt))
    }

    // MARK: Patterns

    /// A pattern that binds names (`x`, `_`, `(i, x)`), declared in the current scope.
    func lowerBindingPattern(_ pattern: PatternSyntax, isMutable: Bool, type: ScriptType?) throws -> BindingPattern {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            let target = try declare(identifier.identifier.text, isMutable: isMutable, type: type, at: identifier)
            return .variable(target, position(identifier))
        }
        if pattern.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            var elementTypes: [ScriptType?] = Array(repeating: nil, count: tuple.elements.count)
            if case .tuple(let types, _)? = type, types.count == elementTypes.count { elementTypes = types }
            var elements: [BindingPattern] = []
            for (element, elementType) in zip(tuple.elements, elementTypes) {
                elements.append(try lowerBindingPattern(element.pattern, isMutable: isMutable, type: elementType))
            }
            return .tuple(elements, position(tuple))
        }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            return try lowerBindingPattern(
                binding.pattern, isMutable: binding.bindingSpecifier.tokenKind == .keyword(.var), type: type)
        }
        throw error("this pattern is not supported in qnb cells", at: pattern)
    }
}
