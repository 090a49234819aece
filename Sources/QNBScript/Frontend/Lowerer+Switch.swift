import SwiftSyntax

extension Lowerer {
    /// `switch` with literal, range, tuple, implicit member and binding patterns, `where`
    /// guards and `default`.
    func lowerSwitch(_ node: SwitchExprSyntax, label: String?) throws -> SwitchStatement {
        let subject = try lowerExpr(node.subject)
        var cases: [SwitchCase] = []
        context.jumpTargets.append((label, false))
        defer { context.jumpTargets.removeLast() }
        for element in node.cases {
            guard case .switchCase(let switchCase) = element else {
                throw error("conditional compilation ('#if') is not supported in qnb cells", at: element)
            }
            if let attribute = switchCase.attribute {
                throw error(
                    "attributes ('@\(attribute.attributeName.trimmedDescription)') are not supported in qnb cells",
                    at: attribute)
            }
            let lowered = try withScope { () throws -> SwitchCase in
                switch switchCase.label {
                case .default:
                    let body = try lowerBlockItems(switchCase.statements)
                    return SwitchCase(items: [], body: body, isDefault: true)
                case .case(let caseLabel):
                    var items: [(pattern: MatchPattern, guard: Expr?)] = []
                    for item in caseLabel.caseItems {
                        let pattern = try lowerMatchPattern(item.pattern, binding: nil)
                        let guardExpr = try item.whereClause.map { (clause) throws -> Expr in
                            try lowerExpr(clause.condition)
                        }
                        items.append((pattern, guardExpr))
                    }
                    let body = try lowerBlockItems(switchCase.statements)
                    return SwitchCase(items: items, body: body, isDefault: false)
                }
            }
            if lowered.body.statements.isEmpty && lowered.body.functions.isEmpty {
                throw error(
                    "'\(lowered.isDefault ? "default" : "case")' label in a 'switch' must have at least one executable statement",
                    at: switchCase)
            }
            cases.append(lowered)
        }
        return SwitchStatement(label: label, subject: subject, cases: cases, position: position(node))
    }

    /// `binding` is `let`/`var` when inside a `let` pattern (`case let (x, y)`).
    private func lowerMatchPattern(_ pattern: PatternSyntax, binding: Bool?) throws -> MatchPattern {
        if let expression = pattern.as(ExpressionPatternSyntax.self) {
            return try lowerMatchExpression(expression.expression, binding: binding)
        }
        if let valueBinding = pattern.as(ValueBindingPatternSyntax.self) {
            return try lowerMatchPattern(
                valueBinding.pattern, binding: valueBinding.bindingSpecifier.tokenKind == .keyword(.var))
        }
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            return try bind(identifier.identifier.text, isMutable: binding ?? false, at: identifier)
        }
        if pattern.is(WildcardPatternSyntax.self) { return .wildcard }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            let elements = try tuple.elements.map { (element) throws -> MatchPattern in
                try lowerMatchPattern(element.pattern, binding: binding)
            }
            return .tuple(elements, position(tuple))
        }
        if pattern.is(IsTypePatternSyntax.self) {
            throw error("'is' type patterns are not supported in qnb cells", at: pattern)
        }
        throw error("this pattern is not supported in qnb cells", at: pattern)
    }

    private func lowerMatchExpression(_ node: ExprSyntax, binding: Bool?) throws -> MatchPattern {
        if node.is(DiscardAssignmentExprSyntax.self) { return .wildcard }
        if let patternExpr = node.as(PatternExprSyntax.self) {
            return try lowerMatchPattern(patternExpr.pattern, binding: binding)
        }
        if let tuple = node.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            let elements = try tuple.elements.map { (element) throws -> MatchPattern in
                try lowerMatchExpression(element.expression, binding: binding)
            }
            return .tuple(elements, position(tuple))
        }
        if let binding, let reference = node.as(DeclReferenceExprSyntax.self) {
            return try bind(reference.baseName.text, isMutable: binding, at: reference)
        }
        if let call = node.as(FunctionCallExprSyntax.self),
            let member = call.calledExpression.as(MemberAccessExprSyntax.self),
            member.base == nil, call.arguments.contains(where: { $0.expression.is(PatternExprSyntax.self) })
        {
            throw error("binding associated values in 'case' patterns is not supported in qnb cells", at: call)
        }
        return .expression(try lowerExpr(node))
    }

    /// A name bound by a case pattern; the items of one case share it.
    private func bind(_ name: String, isMutable: Bool, at node: some SyntaxProtocol) throws -> MatchPattern {
        if let slot = context.scopes[context.scopes.count - 1][name] {
            return .binding(.local(slot), position(node))
        }
        let slot = newSlot(name, isMutable: isMutable, type: nil, at: position(node))
        context.scopes[context.scopes.count - 1][name] = slot
        return .binding(.local(slot), position(node))
    }
}
