import SwiftSyntax

extension Lowerer {
    /// Postfix expressions that can form an optional chain (`a?.b(c)[d]!`).
    func isChainNode(_ node: ExprSyntax) -> Bool {
        if let member = node.as(MemberAccessExprSyntax.self) { return member.base != nil }
        return node.is(FunctionCallExprSyntax.self) || node.is(SubscriptCallExprSyntax.self)
            || node.is(ForceUnwrapExprSyntax.self) || node.is(OptionalChainingExprSyntax.self)
    }

    /// Lowers the base of a postfix expression, continuing the same optional chain.
    func lowerChainBase(_ node: ExprSyntax) throws -> Expr {
        isChainNode(node) ? try lowerChainNode(node) : try lowerExpr(node)
    }

    func lowerChainNode(_ node: ExprSyntax) throws -> Expr {
        if let member = node.as(MemberAccessExprSyntax.self) { return try lowerMemberAccess(member) }
        if let call = node.as(FunctionCallExprSyntax.self) { return try lowerCall(call) }
        if let sub = node.as(SubscriptCallExprSyntax.self) {
            let base = try lowerChainBase(sub.calledExpression)
            let arguments = try lowerArguments(
                sub.arguments, trailing: sub.trailingClosure, additional: sub.additionalTrailingClosures)
            return .subscriptRead(base, arguments, position(sub.leftSquare))
        }
        if let unwrap = node.as(ForceUnwrapExprSyntax.self) {
            return .forceUnwrap(try lowerChainBase(unwrap.expression), position(unwrap.exclamationMark))
        }
        if let link = node.as(OptionalChainingExprSyntax.self) {
            chainHasLink = true
            return .optionalChainLink(try lowerChainBase(link.expression), position(link.questionMark))
        }
        return try lowerExpr(node)
    }

    func lowerMemberAccess(_ member: MemberAccessExprSyntax) throws -> Expr {
        let nameToken = member.declName.baseName
        if let names = member.declName.argumentNames {
            throw error("method references with argument labels are not supported in qnb cells", at: names)
        }
        let namePosition = position(member.declName)
        guard let baseSyntax = member.base else {
            return .implicitMember(nameToken.text, nil, position(member))
        }
        let base = try lowerChainBase(baseSyntax)
        if case .integerLiteral = nameToken.tokenKind, let index = Int(nameToken.text) {
            return .tupleElement(base, index, namePosition)
        }
        if case .typeReference(let type, _) = base {
            return try lowerStaticMember(type, nameToken.text, at: member.declName)
        }
        return .member(base, nameToken.text, namePosition)
    }

    /// `Double.pi`, `Int.max`, `Int.random` (then called).
    func lowerStaticMember(
        _ type: ScriptType, _ name: String, at node: some SyntaxProtocol, arguments: [Argument]? = nil
    ) throws -> Expr {
        if case .option = type {
            // `Granularity.perChannel(axis: 0)` is the implicit member with its type spelled out.
            return .cast(.implicitMember(name, arguments, position(node)), type, position(node))
        }
        let typeName = staticTypeName(type)
        switch library.library.staticMember(typeName, name) {
        case .constant(let value, _, _)?:
            return .constant(value, position(node))
        case .function(let overloads)?:
            return .builtinFunction(
                BuiltinOverloadSet(name: "\(typeName).\(name)", overloads: overloads), position(node))
        case nil:
            if name == "init", let overloads = library.overloads(typeName) {
                return .builtinFunction(overloads, position(node))
            }
            throw error("type '\(typeName)' has no member '\(name)'", at: node)
        }
    }

    /// `Int(…)`, `Double(…)`, `Table(…)`: the builtin functions named after the type.
    func constructorOverloads(_ type: ScriptType) -> BuiltinOverloadSet? {
        switch type {
        case .int, .double, .float, .string, .bool, .object, .option: return library.overloads(staticTypeName(type))
        case .array: return library.overloads("Array")
        case .dictionary: return library.overloads("Dictionary")
        case .optional: return library.overloads("Optional")
        default: return nil
        }
    }

    func staticTypeName(_ type: ScriptType) -> String {
        switch type {
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        default: return type.name
        }
    }

    func lowerCall(_ call: FunctionCallExprSyntax) throws -> Expr {
        let arguments = try lowerArguments(
            call.arguments, trailing: call.trailingClosure, additional: call.additionalTrailingClosures)
        let leftParen =
            call.leftParen.map { position($0) } ?? call.trailingClosure.map { position($0) } ?? position(call)
        let rightParen = call.rightParen.map { position($0) } ?? leftParen
        let callee = call.calledExpression

        if let member = callee.as(MemberAccessExprSyntax.self) {
            if let names = member.declName.argumentNames {
                throw error("method references with argument labels are not supported in qnb cells", at: names)
            }
            let name = member.declName.baseName.text
            guard let baseSyntax = member.base else {
                return .implicitMember(name, arguments, position(member))
            }
            let base = try lowerChainBase(baseSyntax)
            if case .typeReference(let type, _) = base {
                if case .option = type {
                    return try lowerStaticMember(type, name, at: member.declName, arguments: arguments)
                }
                let function = try lowerStaticMember(type, name, at: member.declName)
                return .call(
                    CallSite(
                        callee: function, arguments: arguments, position: position(member.declName),
                        leftParen: leftParen, rightParen: rightParen))
            }
            let path = library.mutatingMethodNames.contains(name) ? lvalue(from: base) : nil
            let receiverType = path?.staticType
            return .methodCall(
                MethodCallSite(
                    receiver: base, receiverPath: path, name: name, arguments: arguments,
                    position: position(member.declName), leftParen: leftParen, rightParen: rightParen,
                    receiverType: receiverType))
        }
        if callee.is(ArrayExprSyntax.self) || callee.is(DictionaryExprSyntax.self),
            let type = try? collectionType(callee)
        {
            let site = CallSite(
                callee: .typeReference(type, position(callee)), arguments: arguments, position: position(callee),
                leftParen: leftParen, rightParen: rightParen)
            return .construct(type, site)
        }
        var function = try lowerChainBase(callee)
        if case .typeReference(let type, let typePosition) = function, let overloads = constructorOverloads(type) {
            function = .builtinFunction(overloads, typePosition)
        }
        return .call(
            CallSite(
                callee: function, arguments: arguments, position: function.startPosition, leftParen: leftParen,
                rightParen: rightParen))
    }

    func lowerArguments(
        _ list: LabeledExprListSyntax, trailing: ClosureExprSyntax?,
        additional: MultipleTrailingClosureElementListSyntax
    ) throws -> [Argument] {
        var arguments: [Argument] = []
        for element in list {
            let label = element.label?.text
            if let inoutExpr = element.expression.as(InOutExprSyntax.self) {
                let path = try lowerLValue(inoutExpr.expression, purpose: .inoutArgument, errorNode: Syntax(inoutExpr))
                arguments.append(
                    Argument(
                        label: label, payload: .reference(path), position: position(inoutExpr),
                        labelPosition: element.label.map { position($0) }))
            } else {
                arguments.append(
                    Argument(
                        label: label, payload: .value(try lowerExpr(element.expression)),
                        position: position(element.expression),
                        labelPosition: element.label.map { position($0) }))
            }
        }
        if let trailing {
            arguments.append(
                Argument(
                    label: nil, payload: .value(try lowerClosure(trailing)), position: position(trailing),
                    isTrailingClosure: true))
        }
        for element in additional {
            arguments.append(
                Argument(
                    label: element.label.text, payload: .value(try lowerClosure(element.closure)),
                    position: position(element.closure)))
        }
        return arguments
    }

    // MARK: Assignable paths

    enum LValuePurpose {
        case assignment
        case compoundAssignment
        case inoutArgument
    }

    /// Lowers an expression that must be assignable, checking that its variable is a `var`.
    func lowerLValue(_ node: ExprSyntax, purpose: LValuePurpose, errorNode: Syntax? = nil) throws -> LValue {
        if node.is(OptionalChainingExprSyntax.self) || containsOptionalChain(node) {
            throw error("assigning through an optional chain is not supported in qnb cells", at: node)
        }
        let expr = try lowerExpr(node)
        guard let path = lvalue(from: expr) else {
            if mode == .check {
                return LValue(
                    root: .global(GlobalVariable(name: "_", isMutable: true, declaredType: nil)),
                    rootPosition: position(node), components: [])
            }
            if case .constant(.void, _) = expr, mode == .check {
                return LValue(
                    root: .global(GlobalVariable(name: "_", isMutable: true, declaredType: nil)),
                    rootPosition: position(node), components: [])
            }
            throw error(
                purpose == .inoutArgument
                    ? "cannot pass this expression as an 'inout' argument" : "cannot assign to this expression",
                at: node)
        }
        if !path.root.isMutable && !(path.root.isDeferredConstant && path.components.isEmpty && purpose == .assignment)
        {
            let name = path.root.name
            let message: String
            switch (purpose, path.components.last) {
            case (.compoundAssignment, _):
                message = "left side of mutating operator isn't mutable: '\(name)' is a 'let' constant"
            case (.inoutArgument, _):
                message = "cannot pass immutable value as inout argument: '\(name)' is a 'let' constant"
            case (.assignment, nil): message = "cannot assign to value: '\(name)' is a 'let' constant"
            case (.assignment, .member?), (.assignment, .tupleElement?):
                message = "cannot assign to property: '\(name)' is a 'let' constant"
            case (.assignment, .subscripted?), (.assignment, .forceUnwrap?):
                message = "cannot assign through subscript: '\(name)' is a 'let' constant"
            }
            let position: SourcePosition
            switch path.components.last {
            case _ where errorNode != nil: position = self.position(errorNode!)
            case .subscripted(_, let p)?, .member(_, let p)?, .tupleElement(_, let p)?, .forceUnwrap(let p)?:
                position = p
            case nil: position = path.rootPosition
            }
            throw ScriptError(message, at: position)
        }
        return path
    }

    private func containsOptionalChain(_ node: ExprSyntax) -> Bool {
        var current: ExprSyntax? = node
        while let expr = current {
            if expr.is(OptionalChainingExprSyntax.self) { return true }
            if let member = expr.as(MemberAccessExprSyntax.self) {
                current = member.base
            } else if let sub = expr.as(SubscriptCallExprSyntax.self) {
                current = sub.calledExpression
            } else if let unwrap = expr.as(ForceUnwrapExprSyntax.self) {
                current = unwrap.expression
            } else {
                current = nil
            }
        }
        return false
    }

    /// The assignable path an already lowered expression denotes, if any.
    func lvalue(from expr: Expr) -> LValue? {
        switch expr {
        case .variable(let reference, let position):
            return LValue(root: reference, rootPosition: position, components: [])
        case .subscriptRead(let base, let arguments, let position):
            guard var path = lvalue(from: base) else { return nil }
            path.components.append(.subscripted(arguments, position))
            return path
        case .member(let base, let name, let position):
            guard var path = lvalue(from: base) else { return nil }
            path.components.append(.member(name, position))
            return path
        case .tupleElement(let base, let index, let position):
            guard var path = lvalue(from: base) else { return nil }
            path.components.append(.tupleElement(index, position))
            return path
        case .forceUnwrap(let base, let position):
            guard var path = lvalue(from: base) else { return nil }
            path.components.append(.forceUnwrap(position))
            return path
        default:
            return nil
        }
    }

    /// The type written as an expression in `[Double](…)` or `[String: Int]()`.
    func collectionType(_ node: ExprSyntax) throws -> ScriptType {
        if let array = node.as(ArrayExprSyntax.self), array.elements.count == 1, let element = array.elements.first {
            return .array(try typeExpression(element.expression))
        }
        if let dictionary = node.as(DictionaryExprSyntax.self), case .elements(let elements) = dictionary.content,
            elements.count == 1, let element = elements.first
        {
            return .dictionary(key: try typeExpression(element.key), value: try typeExpression(element.value))
        }
        throw error("expected a type", at: node)
    }

    private func typeExpression(_ node: ExprSyntax) throws -> ScriptType {
        if let reference = node.as(DeclReferenceExprSyntax.self) {
            guard let type = namedType(reference.baseName.text) ?? lowerNamedTypeOrNil(reference.baseName.text) else {
                throw error("cannot find type '\(reference.baseName.text)' in scope", at: node)
            }
            return type
        }
        if node.is(ArrayExprSyntax.self) || node.is(DictionaryExprSyntax.self) { return try collectionType(node) }
        if let optional = node.as(OptionalChainingExprSyntax.self) {
            return .optional(try typeExpression(optional.expression))
        }
        if let typeExpr = node.as(TypeExprSyntax.self) { return try lowerType(typeExpr.type) }
        if let tuple = node.as(TupleExprSyntax.self) {
            let elements = try tuple.elements.map { (element) throws -> ScriptType in
                try typeExpression(element.expression)
            }
            return .tuple(elements, labels: tuple.elements.map { $0.label?.text })
        }
        throw error("expected a type", at: node)
    }

    private func lowerNamedTypeOrNil(_ name: String) -> ScriptType? {
        name == "Any" ? .any : nil
    }
}
