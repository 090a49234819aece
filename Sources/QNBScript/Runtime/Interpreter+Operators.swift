extension Interpreter {
    /// Int arithmetic and comparison. Overflow and division by zero are located errors, never
    /// traps; `&+ &- &*` wrap; shifts follow Swift's "smart shift" rules (an overshift gives 0
    /// or -1, a negative amount shifts the other way), which never trap in Swift either.
    @inline(__always)
    func intOperation(_ op: BinaryOperator, _ a: Int, _ b: Int, at position: SourcePosition) throws -> Value {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            if o { throw overflow(op, a, b, position) }
            return .int(r)
        case .subtract:
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { throw overflow(op, a, b, position) }
            return .int(r)
        case .multiply:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { throw overflow(op, a, b, position) }
            return .int(r)
        case .divide:
            if b == 0 { throw ScriptError("division by zero", at: position) }
            let (r, o) = a.dividedReportingOverflow(by: b)
            if o { throw overflow(op, a, b, position) }
            return .int(r)
        case .remainder:
            if b == 0 { throw ScriptError("division by zero in remainder operation", at: position) }
            let (r, o) = a.remainderReportingOverflow(dividingBy: b)
            if o { throw overflow(op, a, b, position) }
            return .int(r)
        case .wrappingAdd: return .int(a &+ b)
        case .wrappingSubtract: return .int(a &- b)
        case .wrappingMultiply: return .int(a &* b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .shiftLeft: return .int(a << b)
        case .shiftRight: return .int(a >> b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        }
    }

    private func overflow(_ op: BinaryOperator, _ a: Int, _ b: Int, _ position: SourcePosition) -> ScriptError {
        ScriptError("arithmetic overflow in '\(op.symbol)': \(a) \(op.symbol) \(b) does not fit in Int", at: position)
    }

    /// Double arithmetic follows IEEE 754 (`1.0 / 0` is `inf`).
    @inline(__always)
    func doubleOperation(_ op: BinaryOperator, _ a: Double, _ b: Double, at position: SourcePosition) throws -> Value {
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide: return .double(a / b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .remainder:
            throw ScriptError(
                "'%' is unavailable: For floating point numbers use truncatingRemainder instead", at: position)
        default:
            throw ScriptError("binary operator '\(op.symbol)' cannot be applied to two 'Double' operands", at: position)
        }
    }

    /// Everything but Int-Int and Double-Double: literal promotion, strings, arrays, equality of
    /// any values, tuples, optionals, and host object operators.
    func binarySlow(
        _ op: BinaryOperator, _ left: Value, _ right: Value, lhs: Expr?, rhs: Expr?, at position: SourcePosition,
        symbol: String? = nil
    ) throws -> Value {
        switch (left, right) {
        case (.int, .double):
            if let lhs, lhs.isNumberLiteral {
                return try binarySlow(
                    op, try evaluate(lhs, as: .double, site: .element), right, lhs: nil, rhs: nil, at: position,
                    symbol: symbol)
            }
        case (.double, .int):
            if let rhs, rhs.isNumberLiteral {
                return try binarySlow(
                    op, left, try evaluate(rhs, as: .double, site: .element), lhs: nil, rhs: nil, at: position,
                    symbol: symbol)
            }
        case (.int(let a), .int(let b)):
            return try intOperation(op, a, b, at: position)
        case (.double(let a), .double(let b)):
            return try doubleOperation(op, a, b, at: position)
        case (.string(let a), .string(let b)):
            switch op {
            case .add: return .string(a + b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            default: break
            }
        case (.array(let a), .array(let b)) where op == .add:
            if case .double? = a.first, case .int? = b.first, let rhs, case .arrayLiteral = rhs {
                guard case .array(let converted) = try evaluate(rhs, as: .array(.double), site: .element) else { break }
                return .array(a + converted)
            }
            return .array(a + b)
        case (.tuple(let a), .tuple(let b)) where op.isComparison && op != .equal && op != .notEqual:
            return .bool(try compareTuples(op, a, b, at: position))
        case (.option, .int), (.option, .double):
            // `.pi * x`: the implicit member takes the other operand's type.
            if let lhs, case .implicitMember = lhs {
                return try binarySlow(
                    op, try evaluate(lhs, as: right.staticType, site: .element), right, lhs: nil, rhs: rhs, at: position
                )
            }
        case (.int, .option), (.double, .option):
            if let rhs, case .implicitMember = rhs {
                return try binarySlow(
                    op, left, try evaluate(rhs, as: left.staticType, site: .element), lhs: lhs, rhs: nil, at: position)
            }
        default:
            break
        }
        if op == .equal || op == .notEqual {
            let equal = try valuesEqual(left, right, at: position, lhs: lhs, rhs: rhs)
            return .bool(op == .equal ? equal : !equal)
        }
        if let result = try objectOperator(op.symbol, left, right, at: position) { return result }
        let shown = symbol ?? op.symbol
        // Swift points at the optional operand that needs unwrapping.
        if case .optional = left, let lhs { throw binaryMismatch(shown, left, right, at: lhs.startPosition) }
        if case .optional = right, let rhs { throw binaryMismatch(shown, left, right, at: rhs.startPosition) }
        throw binaryMismatch(shown, left, right, at: position)
    }

    func binaryMismatch(_ symbol: String, _ left: Value, _ right: Value, at position: SourcePosition) -> ScriptError {
        if case .optional = left {
            return ScriptError(
                "value of optional type '\(left.typeName)' must be unwrapped to a value of type '\(left.unwrapped?.typeName ?? "Any")'",
                at: position)
        }
        if case .optional = right {
            return ScriptError(
                "value of optional type '\(right.typeName)' must be unwrapped to a value of type '\(right.unwrapped?.typeName ?? "Any")'",
                at: position)
        }
        if left.typeName == right.typeName {
            return ScriptError(
                "binary operator '\(symbol)' cannot be applied to two '\(left.typeName)' operands", at: position)
        }
        return ScriptError(
            "binary operator '\(symbol)' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'",
            at: position)
    }

    /// `==` of the language: Swift's equality with its literal and optional promotions; values of
    /// unrelated types cannot be compared.
    func valuesEqual(_ left: Value, _ right: Value, at position: SourcePosition, lhs: Expr? = nil, rhs: Expr? = nil)
        throws -> Bool
    {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)):
            if lhs?.isNumberLiteral ?? true { return Double(a) == b }
        case (.double(let a), .int(let b)):
            if rhs?.isNumberLiteral ?? true { return a == Double(b) }
        case (.string(let a), .string(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.optional(let a), .optional(let b)):
            switch (a, b) {
            case (nil, nil): return true
            case (let x?, let y?): return try valuesEqual(x, y, at: position)
            default: return false
            }
        case (.optional(let a), _):
            guard let a else { return false }
            return try valuesEqual(a, right, at: position, lhs: lhs, rhs: rhs)
        case (_, .optional(let b)):
            guard let b else { return false }
            return try valuesEqual(left, b, at: position, lhs: lhs, rhs: rhs)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where try !valuesEqual(x, y, at: position) { return false }
            return true
        case (.tuple(let a), .tuple(let b)) where a.elements.count == b.elements.count:
            for (x, y) in zip(a.elements, b.elements) where try !valuesEqual(x, y, at: position) { return false }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in zip(a.keys, a.values) {
                guard let other = b[key], try valuesEqual(value, other, at: position) else { return false }
            }
            return true
        case (.range(let a), .range(let b)): return a == b
        case (.option(let a), .option(let b)):
            if a.arguments == nil || b.arguments == nil { return a.name == b.name }
            return a == b
        case (.object(let a), .object(let b)):
            if let result = try objectOperator("==", left, right, at: position), case .bool(let equal) = result {
                return equal
            }
            return a.scriptEquals(b)
        case (.function(let a), .function(let b)):
            return a === b
        default:
            break
        }
        throw binaryMismatch("==", left, right, at: position)
    }

    private func compareTuples(_ op: BinaryOperator, _ a: ScriptTuple, _ b: ScriptTuple, at position: SourcePosition)
        throws -> Bool
    {
        guard a.elements.count == b.elements.count else {
            throw binaryMismatch(op.symbol, .tuple(a), .tuple(b), at: position)
        }
        for (x, y) in zip(a.elements, b.elements) {
            if try valuesEqual(x, y, at: position) { continue }
            guard case .bool(let result) = try binarySlow(op, x, y, lhs: nil, rhs: nil, at: position) else {
                return false
            }
            return result
        }
        return op == .lessEqual || op == .greaterEqual
    }

    /// Looks for an operator registered by the left operand's type, then the right one's.
    func objectOperator(_ symbol: String, _ left: Value, _ right: Value, at position: SourcePosition) throws -> Value? {
        for operand in [left, right] {
            guard case .object = operand, let type = library.type(TypeKey.of(operand)) else { continue }
            for op in type.operators where op.symbol == symbol {
                guard let rhsType = op.rhs, let implementation = op.binary else { continue }
                if accepts(op.lhs, left) && accepts(rhsType, right) {
                    return try locate(at: position) { try implementation(left, right, context(at: position)) }
                }
            }
        }
        return nil
    }

    func unary(_ op: UnaryOperator, _ value: Value, at position: SourcePosition) throws -> Value {
        switch (op, value) {
        case (.negate, .int(let v)):
            guard v != .min else {
                throw ScriptError("arithmetic overflow in unary '-': -(\(v)) does not fit in Int", at: position)
            }
            return .int(-v)
        case (.negate, .double(let v)): return .double(-v)
        case (.plus, .int), (.plus, .double): return value
        case (.not, .bool(let v)): return .bool(!v)
        case (.bitNot, .int(let v)): return .int(~v)
        case (_, .object):
            if let type = library.type(TypeKey.of(value)) {
                for candidate in type.operators where candidate.symbol == op.rawValue && candidate.rhs == nil {
                    if let implementation = candidate.prefix {
                        return try locate(at: position) { try implementation(value, context(at: position)) }
                    }
                }
            }
        default:
            break
        }
        if case .optional = value {
            throw ScriptError(
                "value of optional type '\(value.typeName)' must be unwrapped to a value of type '\(value.unwrapped?.typeName ?? "Any")'",
                at: position)
        }
        throw ScriptError(
            "unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(value.typeName)'", at: position)
    }

    /// A builtin's context for a call at `position`.
    @inline(__always)
    func context(at position: SourcePosition) -> BuiltinContext {
        BuiltinContext(interpreter: self, position: position)
    }

    /// Runs builtin code, locating its errors (and the Swift errors it lets through) at `position`.
    func locate<T>(at position: SourcePosition, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ScriptError {
            throw error.located(at: position)
        } catch let error as OptionalChainNil {
            throw error
        } catch {
            throw ScriptError("\(error)", at: position)
        }
    }
}
