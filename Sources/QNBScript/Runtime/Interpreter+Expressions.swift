/// Thrown by a `?` link of an optional chain whose value is nil; caught by the chain's root.
struct OptionalChainNil: Error {}

extension Interpreter {
    func evaluate(_ expr: Expr) throws -> Value {
        switch expr {
        case .constant(let value, _):
            return value
        case .intLiteral(let value, _):
            return .int(value)
        case .polyLiteral(let literal, _):
            return try evaluatePoly(literal, asDouble: literal.containsDouble)
        case .nilLiteral:
            return .null
        case .interpolation(let parts, _):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .value(let expr): try evaluate(expr).write(to: &text, nested: false)
                }
            }
            return .string(text)
        case .arrayLiteral(let elements, let position):
            return try evaluateArrayLiteral(elements, elementType: nil, at: position)
        case .dictionaryLiteral(let keys, let values, let position):
            return try evaluateDictionaryLiteral(keys, values, keyType: nil, valueType: nil, at: position)
        case .tupleLiteral(let elements, let labels, _):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluate(element)) }
            return .tuple(ScriptTuple(values, labels: labels))
        case .variable(let reference, let position):
            return try read(reference, at: position)
        case .builtinFunction(let overloads, _):
            return .function(ScriptFunction(.builtin(overloads)))
        case .typeReference(let type, let position):
            throw ScriptError("expected member name or constructor call after type name '\(type.name)'", at: position)
        case .implicitMember(let name, let arguments, let position):
            return try evaluateImplicitMember(name, arguments, expected: nil, at: position)
        case .member(let base, let name, let position):
            return try member(of: try evaluate(base), name, at: position)
        case .tupleElement(let base, let index, let position):
            let value = try evaluate(base)
            guard case .tuple(let tuple) = value, index < tuple.elements.count else {
                throw ScriptError("value of type '\(value.typeName)' has no member '\(index)'", at: position)
            }
            return tuple.elements[index]
        case .call(let site):
            return try call(site)
        case .methodCall(let site):
            return try callMethod(site)
        case .subscriptRead(let base, let arguments, let position):
            let value = try evaluate(base)
            if case .string = value {
                // Swift reports this at the string, not the bracket.
                throw ScriptError(
                    "'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.",
                    at: base.startPosition)
            }
            return try subscriptGet(value, try evaluateSubscriptArguments(arguments), at: position)
        case .binary(let op, let lhs, let rhs, let position):
            let left = try evaluate(lhs)
            let right = try evaluate(rhs)
            switch (left, right) {
            case (.int(let a), .int(let b)): return try intOperation(op, a, b, at: position)
            case (.double(let a), .double(let b)): return try doubleOperation(op, a, b, at: position)
            default: return try binarySlow(op, left, right, lhs: lhs, rhs: rhs, at: position)
            }
        case .logicalAnd(let lhs, let rhs, _):
            guard try evaluateCondition(lhs) else { return .bool(false) }
            return .bool(try evaluateCondition(rhs))
        case .logicalOr(let lhs, let rhs, _):
            if try evaluateCondition(lhs) { return .bool(true) }
            return .bool(try evaluateCondition(rhs))
        case .nilCoalescing(let lhs, let rhs, _):
            let value = try evaluate(lhs)
            if case .optional(let inner) = value {
                if let inner { return inner }
                return try evaluate(rhs)
            }
            return value
        case .unary(let op, let operand, let position):
            return try unary(op, try evaluate(operand), at: position)
        case .range(let lhs, let rhs, let closed, let position):
            return try makeRange(lhs, rhs, closed: closed, at: position)
        case .partialRange(let kind, let bound, let position):
            let value = try evaluate(bound)
            guard case .int(let v) = value else {
                throw ScriptError("one-sided ranges need an 'Int' bound, not '\(value.typeName)'", at: position)
            }
            switch kind {
            case .from: return .range(.from(v))
            case .upTo: return .range(.upTo(v))
            case .through: return .range(.through(v))
            }
        case .ternary(let condition, let then, let otherwise, _):
            let flag = try evaluateCondition(condition)
            let chosen = flag ? then : otherwise
            let other = flag ? otherwise : then
            let value = try evaluate(chosen)
            if case .int = value, chosen.isNumberLiteral, case .constant(.double, _) = other {
                return try evaluate(chosen, as: .double, site: .element)
            }
            return value
        case .closure(let decl, _):
            return .function(makeClosure(decl))
        case .operatorFunction(let op, _):
            return .function(ScriptFunction(.binaryOperator(op)))
        case .forceUnwrap(let base, let position):
            let value = try evaluate(base)
            if case .optional(let inner) = value {
                guard let inner else {
                    throw ScriptError("unexpectedly found nil while unwrapping an Optional value", at: position)
                }
                return inner
            }
            return value
        case .optionalChain(let inner, _):
            do {
                let value = try evaluate(inner)
                if case .optional = value { return value }
                return .optional(value)
            } catch is OptionalChainNil {
                return .null
            }
        case .optionalChainLink(let base, _):
            let value = try evaluate(base)
            if case .optional(let inner) = value {
                guard let inner else { throw OptionalChainNil() }
                return inner
            }
            return value
        case .statementExpression(let statement, let position):
            return try evaluateStatementExpression(statement, at: position)
        case .cast(let inner, let type, _):
            return try evaluate(inner, as: type, site: .coercion)
        case .construct(let type, let site):
            return try construct(type, site)
        }
    }

    // MARK: Collections

    func evaluateArrayLiteral(_ elements: [Expr], elementType: ScriptType?, at position: SourcePosition) throws -> Value
    {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        if let elementType, !elementType.isUnconstrained {
            for element in elements { values.append(try evaluate(element, as: elementType, site: .element)) }
            return .array(values)
        }
        for element in elements { values.append(try evaluate(element)) }
        if elementType == nil, values.count > 1 {
            try unifyLiteralElements(&values, elements, at: position)
        }
        return .array(values)
    }

    /// Swift infers one element type for a collection literal: integer literals among Doubles
    /// become Doubles; other mixtures are an error.
    func unifyLiteralElements(_ values: inout [Value], _ elements: [Expr], at position: SourcePosition) throws {
        let firstKind = TypeKey.of(values[0])
        var mixed = false
        var hasDouble = false
        for value in values {
            let kind = TypeKey.of(value)
            if kind != firstKind { mixed = true }
            if kind == .double { hasDouble = true }
        }
        guard mixed else { return }
        if hasDouble {
            var converted = true
            for index in values.indices {
                if case .int = values[index] {
                    if elements[index].isNumberLiteral {
                        values[index] = try evaluate(elements[index], as: .double, site: .element)
                    } else {
                        converted = false
                    }
                } else if case .double = values[index] {
                } else {
                    converted = false
                }
            }
            if converted { return }
        }
        // Optionals and their wrapped type mix (`[1, nil]`) as in Swift.
        if values.allSatisfy({
            if case .optional = $0 { return true }; return TypeKey.of($0) == firstKind || firstKind == .optional
        }) {
            for index in values.indices {
                if case .optional = values[index] { continue }
                values[index] = .optional(values[index])
            }
            return
        }
        throw ScriptError(
            "heterogeneous collection literal could only be inferred to '[Any]'; add explicit type annotation if this is intentional",
            at: position)
    }

    func evaluateDictionaryLiteral(
        _ keys: [Expr], _ values: [Expr], keyType: ScriptType?, valueType: ScriptType?, at position: SourcePosition
    ) throws -> Value {
        var keyValues: [Value] = []
        var valueValues: [Value] = []
        for (key, value) in zip(keys, values) {
            keyValues.append(try keyType.map { try evaluate(key, as: $0, site: .element) } ?? evaluate(key))
            valueValues.append(try valueType.map { try evaluate(value, as: $0, site: .element) } ?? evaluate(value))
        }
        if keyType == nil, keyValues.count > 1 { try unifyLiteralElements(&keyValues, keys, at: position) }
        if valueType == nil, valueValues.count > 1 { try unifyLiteralElements(&valueValues, values, at: position) }
        var dictionary = ScriptDictionary()
        for (index, (key, value)) in zip(keyValues, valueValues).enumerated() {
            if dictionary.contains(key: key) {
                throw ScriptError(
                    "dictionary literal has the key \(key.debugDescription) more than once",
                    at: keys[index].startPosition)
            }
            dictionary[key] = value
        }
        return .dictionary(dictionary)
    }

    // MARK: Ranges

    func makeRange(_ lhs: Expr, _ rhs: Expr, closed: Bool, at position: SourcePosition) throws -> Value {
        var lower = try evaluate(lhs)
        var upper = try evaluate(rhs)
        if case .int = lower, case .double = upper, lhs.isNumberLiteral {
            lower = try evaluate(lhs, as: .double, site: .element)
        }
        if case .double = lower, case .int = upper, rhs.isNumberLiteral {
            upper = try evaluate(rhs, as: .double, site: .element)
        }
        switch (lower, upper) {
        case (.int(let a), .int(let b)):
            guard a <= b else {
                throw ScriptError("range requires lowerBound <= upperBound (\(a) > \(b))", at: position)
            }
            return .range(.int(lower: a, upper: b, closed: closed))
        case (.double(let a), .double(let b)):
            guard a <= b else {
                throw ScriptError("range requires lowerBound <= upperBound (\(a) > \(b))", at: position)
            }
            return .range(.double(lower: a, upper: b, closed: closed))
        default:
            let symbol = closed ? "..." : "..<"
            throw ScriptError(
                "binary operator '\(symbol)' cannot be applied to operands of type '\(lower.typeName)' and '\(upper.typeName)'",
                at: position)
        }
    }

    func rangeContains(_ range: ScriptRange, _ value: Value) -> Bool {
        switch (range, value) {
        case (.int(let lower, let upper, let closed), .int(let v)):
            return v >= lower && (closed ? v <= upper : v < upper)
        case (.double(let lower, let upper, let closed), .double(let v)):
            return v >= lower && (closed ? v <= upper : v < upper)
        case (.int(let lower, let upper, let closed), .double(let v)):
            return v >= Double(lower) && (closed ? v <= Double(upper) : v < Double(upper))
        case (.from(let lower), .int(let v)): return v >= lower
        case (.upTo(let upper), .int(let v)): return v < upper
        case (.through(let upper), .int(let v)): return v <= upper
        default: return false
        }
    }
}
