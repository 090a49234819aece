import SwiftSyntax

extension Lowerer {
    // MARK: Variables

    func lowerVariableDeclaration(_ decl: VariableDeclSyntax) throws -> [Stmt] {
        try rejectAttributes(decl.attributes)
        if let modifier = decl.modifiers.first {
            throw error("'\(modifier.name.text)' is not supported in qnb cells", at: modifier)
        }
        let isMutable = decl.bindingSpecifier.tokenKind == .keyword(.var)
        var statements: [Stmt] = []
        for binding in decl.bindings {
            if let accessors = binding.accessorBlock {
                throw error("computed properties and property observers are not supported in qnb cells", at: accessors)
            }
            let type = try binding.typeAnnotation.map { (annotation) throws -> ScriptType in
                try lowerType(annotation.type)
            }
            var value: Expr?
            if let initializer = binding.initializer {
                if type == nil, let array = initializer.value.as(ArrayExprSyntax.self), array.elements.isEmpty {
                    throw error("empty collection literal requires an explicit type", at: array)
                }
                if type == nil, let dictionary = initializer.value.as(DictionaryExprSyntax.self),
                    case .colon = dictionary.content
                {
                    throw error("empty collection literal requires an explicit type", at: dictionary)
                }
                if type == nil, initializer.value.is(NilLiteralExprSyntax.self) {
                    throw error("'nil' requires a contextual type", at: initializer.value)
                }
                // The initializer is lowered before the name is declared: `let x = x + 1` in an
                // inner scope reads the outer `x`.
                value = try lowerExpr(initializer.value)
            } else if type == nil {
                throw error("type annotation missing in pattern", at: binding.pattern)
            }
            let inferred = type ?? binding.initializer.flatMap { inferredType(of: $0.value) }
            let pattern = try lowerBindingPattern(binding.pattern, isMutable: isMutable, type: inferred)
            if value == nil {
                // Declared now, given a value later: boxed so reads before that are caught.
                markDeferred(pattern)
            }
            statements.append(.declaration(pattern, type, value, position(binding)))
        }
        return statements
    }

    private func markDeferred(_ pattern: BindingPattern) {
        switch pattern {
        case .variable(.local(let slot), _):
            slot.isBoxed = true
            slot.isDeferredConstant = !slot.isMutable
        case .variable(.global(let global), _):
            global.isDeferredConstant = !global.isMutable
        case .wildcard: break
        case .tuple(let elements, _): elements.forEach(markDeferred)
        }
    }

    // MARK: Functions

    func lowerFunction(_ function: FunctionDeclSyntax) throws -> FunctionDecl {
        try rejectAttributes(function.attributes)
        if let modifier = function.modifiers.first {
            throw error("'\(modifier.name.text)' is not supported in qnb cells", at: modifier)
        }
        if let generics = function.genericParameterClause {
            throw error("generic functions are not supported in qnb cells", at: generics)
        }
        if let clause = function.genericWhereClause {
            throw error("generic 'where' clauses are not supported in qnb cells", at: clause)
        }
        try rejectEffects(function.signature.effectSpecifiers)
        guard let body = function.body else {
            throw error("expected '{' in body of function declaration", at: function)
        }
        let decl = FunctionDecl(name: function.name.text, isClosure: false, position: position(function.name))
        decl.returnType =
            try function.signature.returnClause.map { (clause) throws -> ScriptType in try lowerType(clause.type) }
            ?? .void

        // Default values are evaluated by the caller's call, so they may use globals and builtins.
        var defaults: [Expr?] = []
        for parameter in function.signature.parameterClause.parameters {
            defaults.append(
                try parameter.defaultValue.map { (initializer) throws -> Expr in try lowerExpr(initializer.value) })
        }

        let context = FunctionContext(decl: decl, allowsDollarParameters: false)
        contexts.append(context)
        defer { contexts.removeLast() }
        for (parameter, defaultValue) in zip(function.signature.parameterClause.parameters, defaults) {
            try rejectAttributes(parameter.attributes)
            var typeSyntax = parameter.type
            var isInout = false
            if let attributed = typeSyntax.as(AttributedTypeSyntax.self) {
                for specifier in attributed.specifiers {
                    guard case .simpleTypeSpecifier(let simple) = specifier,
                        simple.specifier.tokenKind == .keyword(.inout)
                    else {
                        throw error("this parameter specifier is not supported in qnb cells", at: specifier)
                    }
                    isInout = true
                }
                try rejectTypeAttributes(attributed.attributes)
                typeSyntax = attributed.baseType
            }
            var type = try lowerType(typeSyntax)
            let isVariadic = parameter.ellipsis != nil
            if isVariadic { type = .array(type) }
            let label = parameter.firstName.tokenKind == .wildcard ? nil : parameter.firstName.text
            let name = parameter.secondName?.text ?? parameter.firstName.text
            let target = try declare(name, isMutable: isInout, type: type, at: parameter)
            guard case .local(let slot) = target else {
                throw error("internal error: parameter is not local", at: parameter)
            }
            decl.parameters.append(
                FunctionDecl.Parameter(
                    label: label, name: name, type: type, defaultValue: defaultValue, isInout: isInout,
                    isVariadic: isVariadic, slot: slot))
        }
        context.jumpTargets = []
        decl.body = try withScope { () throws -> Block in try lowerBlockItems(body.statements) }
        decl.returnsSingleExpression = isSingleExpression(body.statements)
        decl.slotCount = context.slotCount
        decl.hasBoxedSlots = context.hasBoxedSlots
        decl.captures = context.captures
        return decl
    }

    // MARK: Closures

    func lowerClosure(_ closure: ClosureExprSyntax) throws -> Expr {
        let decl = FunctionDecl(name: "closure", isClosure: true, position: position(closure))
        var named: [(label: String?, name: String, type: ScriptType?, node: Syntax)] = []
        if let signature = closure.signature {
            try rejectAttributes(signature.attributes)
            if let capture = signature.capture {
                throw error("closure capture lists are not supported in qnb cells", at: capture)
            }
            if let effects = signature.effectSpecifiers {
                if let throwsClause = effects.throwsClause {
                    throw error("'throws' is not supported in qnb cells (there is no error handling)", at: throwsClause)
                }
                if let asyncSpecifier = effects.asyncSpecifier {
                    throw error("'async' is not supported in qnb cells", at: asyncSpecifier)
                }
            }
            decl.returnType = try signature.returnClause.map { (clause) throws -> ScriptType in
                try lowerType(clause.type)
            }
            switch signature.parameterClause {
            case .simpleInput(let list)?:
                for parameter in list { named.append((nil, parameter.name.text, nil, Syntax(parameter))) }
            case .parameterClause(let clause)?:
                for parameter in clause.parameters {
                    var type = try parameter.type.map { (syntax) throws -> ScriptType in try lowerType(syntax) }
                    if parameter.ellipsis != nil, let element = type { type = .array(element) }
                    let name = parameter.secondName?.text ?? parameter.firstName.text
                    named.append((nil, name, type, Syntax(parameter)))
                }
            case nil: break
            }
        }

        let context = FunctionContext(decl: decl, allowsDollarParameters: closure.signature?.parameterClause == nil)
        contexts.append(context)
        defer { contexts.removeLast() }
        for parameter in named {
            let slotName = parameter.name == "_" ? "_\(decl.parameters.count)" : parameter.name
            let target = try declare(slotName, isMutable: false, type: parameter.type, at: parameter.node)
            guard case .local(let slot) = target else {
                throw error("internal error: parameter is not local", at: closure)
            }
            decl.parameters.append(
                FunctionDecl.Parameter(label: nil, name: parameter.name, type: parameter.type, slot: slot))
        }
        decl.body = try withScope { () throws -> Block in try lowerBlockItems(closure.statements) }
        if closure.signature?.parameterClause == nil {
            for (index, slot) in context.dollarSlots.enumerated() {
                decl.parameters.append(FunctionDecl.Parameter(label: nil, name: "$\(index)", type: nil, slot: slot))
            }
        }
        decl.returnsSingleExpression = isSingleExpression(closure.statements)
        decl.slotCount = context.slotCount
        decl.hasBoxedSlots = context.hasBoxedSlots
        decl.captures = context.captures
        return .closure(decl, position(closure))
    }

    /// The slot of `$n` in the innermost closure, creating `$0`…`$n` as needed.
    func dollarParameter(_ index: Int, at node: some SyntaxProtocol) throws -> VariableReference {
        guard let depth = contexts.lastIndex(where: { $0.decl?.isClosure == true }) else {
            throw error("anonymous closure argument not contained in a closure", at: node)
        }
        let owner = contexts[depth]
        guard owner.allowsDollarParameters else {
            throw error(
                "anonymous closure arguments cannot be used inside a closure that has explicit arguments", at: node)
        }
        while owner.dollarSlots.count <= index {
            let slot = VariableSlot(
                name: "$\(owner.dollarSlots.count)", isMutable: false, declaredType: nil, index: owner.slotCount,
                position: position(node))
            owner.slotCount += 1
            owner.slots.append(slot)
            owner.dollarSlots.append(slot)
        }
        let slot = owner.dollarSlots[index]
        if depth == contexts.count - 1 { return .local(slot) }
        // `$0` of an enclosing closure, used in a nested one: found through the scopes.
        owner.scopes[0][slot.name] = slot
        return resolveVariable(slot.name) ?? .local(slot)
    }

    /// Whether a body is one expression, whose value a closure or function returns implicitly.
    func isSingleExpression(_ items: CodeBlockItemListSyntax) -> Bool {
        guard items.count == 1, let item = items.first else { return false }
        switch item.item {
        case .expr(let expr):
            if let infix = expr.as(InfixOperatorExprSyntax.self) {
                if infix.operator.is(AssignmentExprSyntax.self) { return false }
                if let op = infix.operator.as(BinaryOperatorExprSyntax.self),
                    BinaryOperator(compoundAssignment: op.operator.text) != nil
                {
                    return false
                }
            }
            return !expr.is(IfExprSyntax.self) && !expr.is(SwitchExprSyntax.self)
        default:
            return false
        }
    }

    // MARK: Rejections

    func rejectAttributes(_ attributes: AttributeListSyntax) throws {
        guard let first = attributes.first else { return }
        let name: String
        if case .attribute(let attribute) = first {
            name = attribute.attributeName.trimmedDescription
        } else {
            name = "…"
        }
        throw error("attributes ('@\(name)') are not supported in qnb cells", at: first)
    }

    /// `@escaping` is accepted (and means nothing here); other type attributes are rejected.
    func rejectTypeAttributes(_ attributes: AttributeListSyntax) throws {
        for element in attributes {
            if case .attribute(let attribute) = element, attribute.attributeName.trimmedDescription == "escaping" {
                continue
            }
            try rejectAttributes([element])
        }
    }

    func rejectEffects(_ effects: FunctionEffectSpecifiersSyntax?) throws {
        guard let effects else { return }
        if let asyncSpecifier = effects.asyncSpecifier {
            throw error("'async' is not supported in qnb cells", at: asyncSpecifier)
        }
        if let throwsClause = effects.throwsClause {
            throw error("'throws' is not supported in qnb cells (there is no error handling)", at: throwsClause)
        }
    }
}
