import SwiftSyntax

extension Lowerer {
    func lowerExpr(_ node: ExprSyntax) throws -> Expr {
        if isChainNode(node) {
            let saved = chainHasLink
            chainHasLink = false
            defer { chainHasLink = saved }
            let lowered = try lowerChainNode(node)
            return chainHasLink ? .optionalChain(lowered, position(node)) : lowered
        }
        if let member = node.as(MemberAccessExprSyntax.self) { return try lowerMemberAccess(member) }
        if let literal = node.as(IntegerLiteralExprSyntax.self) { return try lowerInteger(literal, negated: false) }
        if let literal = node.as(FloatLiteralExprSyntax.self) {
            guard let value = literal.representedLiteralValue else {
                throw error("invalid floating-point literal '\(literal.literal.text)'", at: literal)
            }
            return .constant(.double(value), position(literal))
        }
        if let literal = node.as(StringLiteralExprSyntax.self) { return try lowerString(literal) }
        if let literal = node.as(BooleanLiteralExprSyntax.self) {
            return .constant(.bool(literal.literal.tokenKind == .keyword(.true)), position(literal))
        }
        if node.is(NilLiteralExprSyntax.self) { return .nilLiteral(position(node)) }
        if let array = node.as(ArrayExprSyntax.self) {
            return .arrayLiteral(
                try array.elements.map { (element) throws -> Expr in try lowerExpr(element.expression) },
                position(array))
        }
        if let dictionary = node.as(DictionaryExprSyntax.self) { return try lowerDictionary(dictionary) }
        if let tuple = node.as(TupleExprSyntax.self) { return try lowerTuple(tuple) }
        if let reference = node.as(DeclReferenceExprSyntax.self) { return try lowerReference(reference) }
        if let infix = node.as(InfixOperatorExprSyntax.self) { return try lowerInfix(infix) }
        if let prefix = node.as(PrefixOperatorExprSyntax.self) { return try lowerPrefix(prefix) }
        if let postfix = node.as(PostfixOperatorExprSyntax.self) {
            guard postfix.operator.text == "..." else {
                throw error(
                    "postfix operator '\(postfix.operator.text)' is not supported in qnb cells", at: postfix.operator)
            }
            return .partialRange(.from, try lowerExpr(postfix.expression), position(postfix.operator))
        }
        if let ternary = node.as(TernaryExprSyntax.self) {
            return .ternary(
                try lowerExpr(ternary.condition), try lowerExpr(ternary.thenExpression),
                try lowerExpr(ternary.elseExpression), position(ternary.questionMark))
        }
        if let closure = node.as(ClosureExprSyntax.self) { return try lowerClosure(closure) }
        if let ifExpr = node.as(IfExprSyntax.self) { return try lowerIfExpression(ifExpr) }
        if let switchExpr = node.as(SwitchExprSyntax.self) {
            let statement = try lowerSwitch(switchExpr, label: nil)
            for switchCase in statement.cases where !isSingleValue(switchCase.body) {
                throw error("each 'switch' case must be a single expression to use 'switch' as a value", at: switchExpr)
            }
            return .statementExpression(.switchStatement(statement), position(switchExpr))
        }
        if let cast = node.as(AsExprSyntax.self) {
            if let mark = cast.questionOrExclamationMark {
                throw error("'as\(mark.text)' casts are not supported in qnb cells", at: cast.asKeyword)
            }
            return .cast(try lowerExpr(cast.expression), try lowerType(cast.type), position(cast.asKeyword))
        }
        if let inoutExpr = node.as(InOutExprSyntax.self) {
            throw error("'&' may only be used to pass an argument to an 'inout' parameter", at: inoutExpr)
        }
        if node.is(DiscardAssignmentExprSyntax.self) {
            throw error("'_' can only appear in a pattern or on the left side of an assignment", at: node)
        }
        throw unsupported(node)
    }

    private func isSingleValue(_ block: Block) -> Bool {
        if block.statements.count == 1, case .expression = block.statements[0] { return true }
        return false
    }

    // MARK: Literals

    func lowerInteger(_ literal: IntegerLiteralExprSyntax, negated: Bool) throws -> Expr {
        let text = literal.literal.text
        if let value = literal.representedLiteralValue {
            return .intLiteral(negated ? -value : value, position(literal))
        }
        if negated, text.filter({ $0 != "_" }) == "9223372036854775808" {
            return .intLiteral(.min, position(literal))
        }
        throw error("integer literal '\(negated ? "-" : "")\(text)' overflows when stored into 'Int'", at: literal)
    }

    func lowerString(_ literal: StringLiteralExprSyntax) throws -> Expr {
        if let value = literal.representedLiteralValue { return .constant(.string(value), position(literal)) }
        var parts: [InterpolationPart] = []
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let text):
                // Unescape one segment by giving it the literal's own delimiters.
                let single = StringLiteralExprSyntax(
                    openingPounds: literal.openingPounds, openingQuote: literal.openingQuote,
                    segments: StringLiteralSegmentListSyntax([.stringSegment(text)]),
                    closingQuote: literal.closingQuote, closingPounds: literal.closingPounds)
                parts.append(.text(single.representedLiteralValue ?? text.content.text))
            case .expressionSegment(let interpolation):
                guard interpolation.expressions.count == 1, let only = interpolation.expressions.first,
                    only.label == nil
                else {
                    throw error(
                        "string interpolation takes exactly one unlabelled value in qnb cells", at: interpolation)
                }
                parts.append(.value(try lowerExpr(only.expression)))
            }
        }
        return .interpolation(parts, position(literal))
    }

    func lowerDictionary(_ dictionary: DictionaryExprSyntax) throws -> Expr {
        switch dictionary.content {
        case .colon:
            return .dictionaryLiteral(keys: [], values: [], position(dictionary))
        case .elements(let elements):
            var keys: [Expr] = []
            var values: [Expr] = []
            for element in elements {
                keys.append(try lowerExpr(element.key))
                values.append(try lowerExpr(element.value))
            }
            return .dictionaryLiteral(keys: keys, values: values, position(dictionary))
        }
    }

    func lowerTuple(_ tuple: TupleExprSyntax) throws -> Expr {
        if tuple.elements.isEmpty { return .constant(.void, position(tuple)) }
        if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try lowerExpr(only.expression)
        }
        var elements: [Expr] = []
        var labels: [String?] = []
        for element in tuple.elements {
            elements.append(try lowerExpr(element.expression))
            labels.append(element.label?.text)
        }
        return .tupleLiteral(elements, labels: labels.contains { $0 != nil } ? labels : nil, position(tuple))
    }

    // MARK: Names

    func lowerReference(_ reference: DeclReferenceExprSyntax) throws -> Expr {
        if let names = reference.argumentNames {
            throw error("function references with argument labels are not supported in qnb cells", at: names)
        }
        return try lowerIdentifier(reference.baseName.text, at: reference)
    }

    func lowerIdentifier(_ name: String, at node: some SyntaxProtocol) throws -> Expr {
        let position = self.position(node)
        if name.hasPrefix("$"), let index = Int(name.dropFirst()) {
            return .variable(try dollarParameter(index, at: node), position)
        }
        switch name {
        case "self", "Self", "super":
            throw error("'\(name)' is not supported in qnb cells (there are no types to define)", at: node)
        default: break
        }
        if let reference = resolveVariable(name) { return .variable(reference, position) }
        if let op = BinaryOperator(rawValue: name) { return .operatorFunction(op, position) }
        if let type = namedType(name) { return .typeReference(type, position) }
        if let overloads = library.overloads(name) { return .builtinFunction(overloads, position) }
        if mode == .check { return .constant(.void, position) }
        throw error("cannot find '\(name)' in scope", at: node)
    }

    /// A type name usable in expressions: the language's own and the library's.
    func namedType(_ name: String) -> ScriptType? {
        switch name {
        case "Int": return .int
        case "Double": return .double
        case "Float": return .float
        case "String", "Character": return .string
        case "Bool": return .bool
        case "Array": return .array(.any)
        case "Dictionary": return .dictionary(key: .any, value: .any)
        case "Optional": return .optional(.any)
        default: return library.library.namedType(name)?.type
        }
    }

    // MARK: Operators

    func lowerInfix(_ infix: InfixOperatorExprSyntax) throws -> Expr {
        guard let op = infix.operator.as(BinaryOperatorExprSyntax.self) else {
            if infix.operator.is(AssignmentExprSyntax.self) {
                throw error("assignments cannot be used as values in qnb cells", at: infix.operator)
            }
            throw unsupported(infix.operator)
        }
        let symbol = op.operator.text
        let opPosition = position(op)
        if BinaryOperator(compoundAssignment: symbol) != nil {
            throw error("'\(symbol)' cannot be used as a value in qnb cells", at: op)
        }
        let lhs = try lowerExpr(infix.leftOperand)
        let rhs = try lowerExpr(infix.rightOperand)
        switch symbol {
        case "&&": return .logicalAnd(lhs, rhs, opPosition)
        case "||": return .logicalOr(lhs, rhs, opPosition)
        case "??": return .nilCoalescing(lhs, rhs, opPosition)
        case "..<": return .range(lhs, rhs, closed: false, opPosition)
        case "...": return .range(lhs, rhs, closed: true, opPosition)
        default: break
        }
        guard let binary = BinaryOperator(rawValue: symbol) else {
            throw error("operator '\(symbol)' is not supported in qnb cells", at: op)
        }
        if binary.isArithmetic, let left = polyLiteral(lhs), let right = polyLiteral(rhs) {
            return .polyLiteral(.binary(binary, left, right, opPosition), lhs.startPosition)
        }
        return .binary(binary, lhs, rhs, opPosition)
    }

    private func polyLiteral(_ expr: Expr) -> PolyLiteral? {
        switch expr {
        case .intLiteral(let v, _): return .int(v)
        case .constant(.double(let v), _): return .double(v)
        case .polyLiteral(let p, _): return p
        default: return nil
        }
    }

    func lowerPrefix(_ prefix: PrefixOperatorExprSyntax) throws -> Expr {
        let symbol = prefix.operator.text
        let opPosition = position(prefix.operator)
        switch symbol {
        case "-":
            if let literal = prefix.expression.as(IntegerLiteralExprSyntax.self) {
                if case .intLiteral(let value, _) = try lowerInteger(literal, negated: true) {
                    return .intLiteral(value, opPosition)
                }
            }
            let operand = try lowerExpr(prefix.expression)
            switch operand {
            case .constant(.double(let v), _): return .constant(.double(-v), opPosition)
            case .intLiteral(let v, _): return .polyLiteral(.negate(.int(v)), opPosition)
            case .polyLiteral(let p, _): return .polyLiteral(.negate(p), opPosition)
            default: return .unary(.negate, operand, opPosition)
            }
        case "+":
            let operand = try lowerExpr(prefix.expression)
            if polyLiteral(operand) != nil { return operand }
            return .unary(.plus, operand, opPosition)
        case "!": return .unary(.not, try lowerExpr(prefix.expression), opPosition)
        case "~": return .unary(.bitNot, try lowerExpr(prefix.expression), opPosition)
        case "..<": return .partialRange(.upTo, try lowerExpr(prefix.expression), opPosition)
        case "...": return .partialRange(.through, try lowerExpr(prefix.expression), opPosition)
        default:
            throw error("prefix operator '\(symbol)' is not supported in qnb cells", at: prefix.operator)
        }
    }

    // MARK: If expressions

    func lowerIfExpression(_ ifExpr: IfExprSyntax) throws -> Expr {
        let statement = try lowerIf(ifExpr)
        guard case .ifStatement(let branches, let elseBlock) = statement, let elseBlock else {
            throw error("'if' must have an unconditional 'else' to be used as expression", at: ifExpr)
        }
        for block in branches.map(\.body) + [elseBlock] where !isSingleValue(block) {
            throw error("each branch of an 'if' used as a value must be a single expression", at: ifExpr)
        }
        return .statementExpression(statement, position(ifExpr))
    }
}
