/// Where a value meets an expected type, which decides the wording of a mismatch.
enum CoercionSite {
    case argument
    case declaration
    case assignment
    case returnValue
    case element
    /// `x as T`
    case coercion
}

extension Interpreter {
    // MARK: Literals

    /// Evaluates number-literal arithmetic as Ints, or as Doubles where the context wants them.
    func evaluatePoly(_ literal: PolyLiteral, asDouble: Bool) throws -> Value {
        asDouble ? .double(try polyDouble(literal)) : .int(try polyInt(literal))
    }

    private func polyInt(_ literal: PolyLiteral) throws -> Int {
        switch literal {
        case .int(let v): return v
        case .double(let v): return Int(v)
        case .negate(let inner):
            let v = try polyInt(inner)
            guard v != .min else { throw ScriptError("arithmetic overflow in unary '-'", at: .unknown) }
            return -v
        case .binary(let op, let lhs, let rhs, let position):
            guard case .int(let result) = try intOperation(op, try polyInt(lhs), try polyInt(rhs), at: position) else {
                throw ScriptError("internal error: literal arithmetic", at: position)
            }
            return result
        }
    }

    private func polyDouble(_ literal: PolyLiteral) throws -> Double {
        switch literal {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .negate(let inner): return -(try polyDouble(inner))
        case .binary(let op, let lhs, let rhs, let position):
            guard
                case .double(let result) = try doubleOperation(
                    op, try polyDouble(lhs), try polyDouble(rhs), at: position)
            else {
                throw ScriptError("internal error: literal arithmetic", at: position)
            }
            return result
        }
    }

    /// Evaluates `expr` where a value of `type` is expected: literals take the type (an integer
    /// literal becomes a Double where a Double is expected), other values are checked.
    func evaluate(_ expr: Expr, as type: ScriptType, site: CoercionSite) throws -> Value {
        var target = type
        if case .optional(let wrapped) = type { target = wrapped }
        switch expr {
        case .intLiteral(let v, _) where target.prefersDouble:
            return try coerce(.double(Double(v)), to: type, site: site, at: expr.startPosition)
        case .polyLiteral(let literal, _):
            if literal.containsDouble || target.prefersDouble {
                return try coerce(
                    try evaluatePoly(literal, asDouble: true), to: type, site: site, at: expr.startPosition)
            }
        case .nilLiteral(let position):
            if case .optional = type { return .null }
            if type.isUnconstrained { return .null }
            throw ScriptError(nilMessage(type, site), at: position)
        case .arrayLiteral(let elements, let position):
            if case .array(let element) = target {
                return try coerce(
                    try evaluateArrayLiteral(elements, elementType: element, at: position), to: type, site: site,
                    at: position)
            }
        case .dictionaryLiteral(let keys, let values, let position):
            if case .dictionary(let keyType, let valueType) = target {
                let value = try evaluateDictionaryLiteral(
                    keys, values, keyType: keyType, valueType: valueType, at: position)
                return try coerce(value, to: type, site: site, at: position)
            }
        case .tupleLiteral(let elements, let labels, _):
            if case .tuple(let types, let typeLabels) = target, types.count == elements.count {
                var values: [Value] = []
                for (element, elementType) in zip(elements, types) {
                    values.append(try evaluate(element, as: elementType, site: site))
                }
                let merged = typeLabels.contains { $0 != nil } ? typeLabels : (labels ?? typeLabels)
                let value = Value.tuple(ScriptTuple(values, labels: merged))
                return type == target ? value : .optional(value)
            }
        case .implicitMember(let name, let arguments, let position):
            let value = try evaluateImplicitMember(name, arguments, expected: target, at: position)
            return try coerce(value, to: type, site: site, at: position)
        case .ternary(let condition, let then, let otherwise, _):
            return try evaluate(try evaluateCondition(condition) ? then : otherwise, as: type, site: site)
        case .statementExpression(let statement, let position):
            return try coerce(
                try evaluateStatementExpression(statement, at: position), to: type, site: site, at: position)
        default:
            break
        }
        return try coerce(try evaluate(expr), to: type, site: site, at: expr.startPosition)
    }

    // MARK: Checks

    /// Checks `value` against `type`, converting where Swift converts implicitly (wrapping in an
    /// optional, rounding to Float, labelling a tuple). Collections are checked by their first
    /// element, so the cost does not grow with their size.
    func coerce(_ value: Value, to type: ScriptType, site: CoercionSite, at position: SourcePosition) throws -> Value {
        switch (type, value) {
        case (.any, _), (.generic, _): return value
        case (.int, .int), (.double, .double), (.bool, .bool), (.string, .string): return value
        case (.number, .int), (.number, .double): return value
        case (.float, .double(let v)): return .double(Double(Float(v)))
        case (.void, _) where value.isVoid: return value
        case (.optional, .optional(nil)): return value
        case (.optional(let wrapped), .optional(let inner?)):
            return .optional(try coerce(inner, to: wrapped, site: site, at: position))
        case (.optional(let wrapped), _):
            return .optional(try coerce(value, to: wrapped, site: site, at: position))
        case (.array(let element), .array(let elements)):
            if element.isUnconstrained || elements.isEmpty { return value }
            if element == .float {
                return .array(try elements.map { try coerce($0, to: .float, site: .element, at: position) })
            }
            if accepts(element, elements[0]) { return value }
        case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
            if dictionary.isEmpty { return value }
            if accepts(keyType, dictionary.keys[0]) && accepts(valueType, dictionary.values[0]) { return value }
        case (.tuple(let types, let labels), .tuple(let tuple)) where types.count == tuple.elements.count:
            var elements: [Value] = []
            for (elementType, element) in zip(types, tuple.elements) {
                elements.append(try coerce(element, to: elementType, site: site, at: position))
            }
            return .tuple(ScriptTuple(elements, labels: labels.contains { $0 != nil } ? labels : tuple.labels))
        case (.range, .range(let range)), (.closedRange, .range(let range)):
            if rangeFits(type, range) { return value }
        case (.function(let parameters, let result), .function(let function)):
            if function.contextType == nil, case .user(let decl, let captures) = function.kind, decl.isClosure,
                decl.parameters.count == parameters.count,
                decl.parameters.contains(where: { $0.type == nil }) || decl.returnType == nil
            {
                return .function(ScriptFunction(.user(decl, captures: captures), contextType: (parameters, result)))
            }
            return value
        case (.object(let name), .object(let object)) where object.scriptTypeName == name: return value
        case (.object, .option) where accepts(type, value): return value
        case (.option(let name), .option(let option)):
            return .option(try validateOption(option, typeName: name, arguments: nil, at: position))
        default:
            break
        }
        throw ScriptError(mismatchMessage(value, type, site), at: position)
    }

    /// Whether `value` is of `type`, judged shallowly, without conversions.
    func accepts(_ type: ScriptType, _ value: Value) -> Bool {
        switch (type, value) {
        case (.any, _), (.generic, _): return true
        case (.int, .int), (.double, .double), (.float, .double), (.bool, .bool), (.string, .string): return true
        case (.number, .int), (.number, .double): return true
        case (.void, _): return value.isVoid
        case (.optional, .optional(nil)): return true
        case (.optional(let wrapped), .optional(let inner?)): return accepts(wrapped, inner)
        case (.optional(let wrapped), _): return accepts(wrapped, value)
        case (.array(let element), .array(let elements)): return elements.isEmpty || accepts(element, elements[0])
        case (.dictionary(let k, let v), .dictionary(let d)):
            return d.isEmpty || (accepts(k, d.keys[0]) && accepts(v, d.values[0]))
        case (.tuple(let types, _), .tuple(let tuple)):
            return types.count == tuple.elements.count && zip(types, tuple.elements).allSatisfy { accepts($0, $1) }
        case (.range, .range(let range)), (.closedRange, .range(let range)): return rangeFits(type, range)
        case (.function, .function): return true
        case (.object(let name), .object(let object)): return object.scriptTypeName == name
        // The type inferred from an enum case value (`Value.type`), e.g. for a closure over an
        // array of tuples holding options: any case is accepted, as a type name cannot say more.
        case (.object(let name), .option): return name.hasPrefix("enum case")
        case (.option(let name), .option(let option)):
            guard let optionType = library.library.optionType(named: name) else { return true }
            return optionType.case(named: option.name) != nil
        default: return false
        }
    }

    private func rangeFits(_ type: ScriptType, _ range: ScriptRange) -> Bool {
        switch (type, range) {
        case (.range(let bound), .int(_, _, false)), (.closedRange(let bound), .int(_, _, true)):
            return bound == .int || bound.isUnconstrained || bound == .number || bound == .double
        case (.range(let bound), .double(_, _, false)), (.closedRange(let bound), .double(_, _, true)):
            return bound == .double || bound == .number || bound.isUnconstrained
        default:
            return false
        }
    }

    func mismatchMessage(_ value: Value, _ type: ScriptType, _ site: CoercionSite) -> String {
        if case .optional(nil) = value { return nilMessage(type, site) }
        if case .optional = value {
            if case .optional = type {
            } else {
                return "value of optional type '\(value.typeName)' must be unwrapped to a value of type '\(type.name)'"
            }
        }
        let have = value.typeName
        let want = type.name
        switch site {
        case .argument: return "cannot convert value of type '\(have)' to expected argument type '\(want)'"
        case .declaration: return "cannot convert value of type '\(have)' to specified type '\(want)'"
        case .assignment: return "cannot assign value of type '\(have)' to type '\(want)'"
        case .returnValue: return "cannot convert return expression of type '\(have)' to return type '\(want)'"
        case .element: return "cannot convert value of type '\(have)' to expected element type '\(want)'"
        case .coercion: return "cannot convert value of type '\(have)' to type '\(want)' in coercion"
        }
    }

    func nilMessage(_ type: ScriptType, _ site: CoercionSite) -> String {
        switch site {
        case .argument: return "'nil' is not compatible with expected argument type '\(type.name)'"
        case .declaration: return "'nil' cannot initialize specified type '\(type.name)'"
        case .assignment: return "'nil' cannot be assigned to type '\(type.name)'"
        case .returnValue: return "'nil' is incompatible with return type '\(type.name)'"
        case .element: return "'nil' is not compatible with expected element type '\(type.name)'"
        case .coercion: return "'nil' is not compatible with type '\(type.name)'"
        }
    }

    /// For assignments without a declared type: the variable's current value stands for its
    /// type, as Swift would have inferred it from the initial value.
    func coerceToWitness(_ value: Value, witness: Value, expr: Expr, at position: SourcePosition) throws -> Value {
        switch (witness, value) {
        case (.double, .int) where expr.isNumberLiteral:
            return try evaluate(expr, as: .double, site: .assignment)
        case (.int, .int), (.double, .double), (.string, .string), (.bool, .bool):
            return value
        case (.int, _), (.double, _), (.string, _), (.bool, _):
            throw ScriptError(mismatchMessage(value, witness.staticType, .assignment), at: position)
        case (.object(let a), .object(let b)) where a.scriptTypeName != b.scriptTypeName:
            throw ScriptError(mismatchMessage(value, witness.staticType, .assignment), at: position)
        case (.object, .int), (.object, .double), (.object, .string), (.object, .bool), (.object, .array):
            throw ScriptError(mismatchMessage(value, witness.staticType, .assignment), at: position)
        case (.array(let old), .array(let new)):
            if let first = old.first, let next = new.first, TypeKey.of(first) != TypeKey.of(next) {
                if case .double = first, case .int = next, case .arrayLiteral = expr {
                    return try evaluate(expr, as: .array(.double), site: .assignment)
                }
                throw ScriptError(mismatchMessage(value, witness.staticType, .assignment), at: position)
            }
            return value
        default:
            return value
        }
    }
}
