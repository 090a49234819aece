/// A path component with its subscript arguments evaluated.
enum ResolvedComponent {
    case subscripted([EvaluatedArgument], SourcePosition)
    case member(String, SourcePosition)
    case tupleElement(Int, SourcePosition)
    case forceUnwrap(SourcePosition)
}

extension Interpreter {
    /// Evaluates the subscript arguments of a path, before any access to its variable begins.
    func resolve(_ components: [LValue.Component]) throws -> [ResolvedComponent] {
        if components.isEmpty { return [] }
        var result: [ResolvedComponent] = []
        result.reserveCapacity(components.count)
        for component in components {
            switch component {
            case .subscripted(let arguments, let position):
                result.append(.subscripted(try evaluateSubscriptArguments(arguments), position))
            case .member(let name, let position): result.append(.member(name, position))
            case .tupleElement(let index, let position): result.append(.tupleElement(index, position))
            case .forceUnwrap(let position): result.append(.forceUnwrap(position))
            }
        }
        return result
    }

    func readPath(_ path: LValue, _ components: [ResolvedComponent]) throws -> Value {
        var value = try read(path.root, at: path.rootPosition)
        for component in components {
            switch component {
            case .subscripted(let arguments, let position):
                value = try subscriptGet(value, arguments, at: position)
            case .member(let name, let position):
                value = try member(of: value, name, at: position)
            case .tupleElement(let index, let position):
                guard case .tuple(let tuple) = value, index < tuple.elements.count else {
                    throw ScriptError("value of type '\(value.typeName)' has no member '\(index)'", at: position)
                }
                value = tuple.elements[index]
            case .forceUnwrap(let position):
                if case .optional(let inner) = value {
                    guard let inner else {
                        throw ScriptError("unexpectedly found nil while unwrapping an Optional value", at: position)
                    }
                    value = inner
                }
            }
        }
        return value
    }

    func writePath(_ path: LValue, _ components: [ResolvedComponent], _ newValue: Value) throws {
        if components.isEmpty {
            store(newValue, into: path.root)
            return
        }
        try modifyPath(path, components) { $0 = newValue }
    }

    /// Lends the value at the end of a path to `body` for in-place mutation, then stores it
    /// back into the containing collections and the variable.
    func modifyPath<R>(_ path: LValue, _ components: [ResolvedComponent], _ body: (inout Value) throws -> R) throws -> R
    {
        try modifyVariable(path.root, at: path.rootPosition) { root in
            try modify(&root, components[...], body)
        }
    }

    private func modify<R>(
        _ value: inout Value, _ components: ArraySlice<ResolvedComponent>, _ body: (inout Value) throws -> R
    ) throws -> R {
        guard let component = components.first else { return try body(&value) }
        let rest = components.dropFirst()
        switch component {
        case .subscripted(let arguments, let position):
            switch value {
            case .array(var elements):
                guard arguments.count == 1, arguments[0].label == nil, case .int(let index) = arguments[0].value else {
                    if arguments.count == 1, case .range = arguments[0].value {
                        throw ScriptError(
                            "assigning to a range of an array is not supported in qnb cells", at: position)
                    }
                    throw ScriptError(
                        "cannot subscript a value of type '\(value.typeName)' with these arguments", at: position)
                }
                guard index >= 0 && index < elements.count else {
                    throw indexError(index, elements.count, at: arguments[0].position)
                }
                value = .void
                defer { value = .array(elements) }
                return try modify(&elements[index], rest, body)
            case .dictionary(var dictionary):
                guard let key = arguments.first, key.label == nil else {
                    throw ScriptError("cannot subscript a dictionary with these arguments", at: position)
                }
                let fallback = arguments.count == 2 && arguments[1].label == "default" ? arguments[1].value : nil
                value = .void
                defer { value = .dictionary(dictionary) }
                if let fallback {
                    if !dictionary.contains(key: key.value) { dictionary[key.value] = fallback }
                    return try dictionary.modifyValue(forKey: key.value) { try modify(&$0, rest, body) }!
                }
                if rest.isEmpty {
                    var current = Value.optional(dictionary[key.value])
                    let result = try body(&current)
                    switch current {
                    case .optional(nil): dictionary.removeValue(forKey: key.value)
                    case .optional(let stored?): dictionary[key.value] = stored
                    default: dictionary[key.value] = current
                    }
                    return result
                }
                guard case .forceUnwrap(let unwrapPosition)? = rest.first else {
                    throw ScriptError(
                        "value of optional type '\(Value.optional(dictionary[key.value]).typeName)' must be unwrapped; use '!' or 'default:'",
                        at: position)
                }
                guard dictionary.contains(key: key.value) else {
                    throw ScriptError("unexpectedly found nil while unwrapping an Optional value", at: unwrapPosition)
                }
                return try dictionary.modifyValue(forKey: key.value) { try modify(&$0, rest.dropFirst(), body) }!
            case .object:
                let (index, args) = try objectSubscriptArguments(value, arguments, at: position)
                guard let type = library.type(TypeKey.of(value)), let setter = type.subscripts[index].set else {
                    throw ScriptError(
                        "cannot assign through subscript: subscript of '\(value.typeName)' is get-only", at: position)
                }
                var getterArguments = args
                var element = try locateArgument(arguments, at: position) {
                    try type.subscripts[index].get(value, &getterArguments, context(at: position))
                }
                let result = try modify(&element, rest, body)
                var setterArguments = args
                let newElement = element
                try locateArgument(arguments, at: position) {
                    try setter(&value, &setterArguments, newElement, context(at: position))
                }
                return result
            case .string:
                throw ScriptError(
                    "'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.",
                    at: position)
            default:
                throw ScriptError("value of type '\(value.typeName)' has no subscripts", at: position)
            }

        case .member(let name, let position):
            if case .tuple(var tuple) = value, let index = tuple.index(ofLabel: name) {
                value = .void
                defer { value = .tuple(tuple) }
                return try modify(&tuple.elements[index], rest, body)
            }
            guard let property = library.type(TypeKey.of(value))?.properties[name] else {
                throw noMember(value, name, at: position)
            }
            guard let setter = property.set else {
                throw ScriptError("cannot assign to property: '\(name)' is a get-only property", at: position)
            }
            var element = try locate(at: position) { try property.get(value, context(at: position)) }
            let result = try modify(&element, rest, body)
            let newElement = element
            try locate(at: position) { try setter(&value, newElement, context(at: position)) }
            return result

        case .tupleElement(let index, let position):
            guard case .tuple(var tuple) = value, index < tuple.elements.count else {
                throw ScriptError("value of type '\(value.typeName)' has no member '\(index)'", at: position)
            }
            value = .void
            defer { value = .tuple(tuple) }
            return try modify(&tuple.elements[index], rest, body)

        case .forceUnwrap(let position):
            guard case .optional(let inner) = value else { return try modify(&value, rest, body) }
            guard var wrapped = inner else {
                throw ScriptError("unexpectedly found nil while unwrapping an Optional value", at: position)
            }
            value = .void
            defer { value = .optional(wrapped) }
            return try modify(&wrapped, rest, body)
        }
    }

    // MARK: Assignment

    func assign(_ path: LValue, _ expr: Expr, at position: SourcePosition) throws {
        let declared = path.staticType
        if path.components.isEmpty {
            if path.root.isDeferredConstant, isInitialized(path.root) {
                throw ScriptError(
                    "immutable value '\(path.root.name)' may only be initialized once", at: path.rootPosition)
            }
            if !isInitialized(path.root) {
                let value = try declared.map { try evaluate(expr, as: $0, site: .assignment) } ?? evaluate(expr)
                store(value, into: path.root)
                return
            }
            let value: Value
            if let declared {
                value = try evaluate(expr, as: declared, site: .assignment)
            } else {
                let newValue = try evaluate(expr)
                let witness = try read(path.root, at: path.rootPosition)
                value = try coerceToWitness(newValue, witness: witness, expr: expr, at: expr.startPosition)
            }
            store(value, into: path.root)
            return
        }
        let components = try resolve(path.components)
        var value = try declared.map { try evaluate(expr, as: $0, site: .assignment) } ?? evaluate(expr)
        try modifyPath(path, components) { target in
            if declared == nil {
                if case .optional(let current) = target, let current {
                    // A dictionary entry: its type is the stored value's.
                    if case .optional = value {
                    } else {
                        value = try coerceToWitness(value, witness: current, expr: expr, at: expr.startPosition)
                    }
                } else {
                    value = try coerceToWitness(value, witness: target, expr: expr, at: expr.startPosition)
                }
            }
            target = value
        }
    }

    /// `+=` for messages, spelled out only when an error needs it.
    struct CompoundSymbol {
        let op: BinaryOperator
        init(_ op: BinaryOperator) { self.op = op }
        var text: String { op.symbol + "=" }
    }

    private func isInitialized(_ reference: VariableReference) -> Bool {
        switch reference {
        case .local(let slot):
            if slot.isBoxed { return frame.boxes[slot.index]?.isInitialized ?? false }
            return true
        case .captured(let index, _): return frame.captures[index].isInitialized
        case .global(let global): return global.isInitialized
        }
    }

    func compoundAssign(_ op: BinaryOperator, _ path: LValue, _ expr: Expr, at position: SourcePosition) throws {
        // `x op= v` needs `v` of `x`'s type (shifts aside): literals follow the declared type.
        let rhs: Value
        if let type = path.staticType, op != .shiftLeft, op != .shiftRight, !type.isUnconstrained {
            rhs = try evaluate(expr, as: type, site: .argument)
        } else {
            rhs = try evaluate(expr)
        }
        let symbol = CompoundSymbol(op)
        if path.components.isEmpty, try compoundAssignScalar(op, path.root, rhs, expr, at: position, symbol: symbol) {
            return
        }
        let components = try resolve(path.components)
        try modifyPath(path, components) { target in
            switch (op, target, rhs) {
            case (.add, .array(var elements), .array(var extra)):
                if case .double? = elements.first, case .int? = extra.first, case .arrayLiteral = expr,
                    case .array(let converted) = try evaluate(expr, as: .array(.double), site: .element)
                {
                    extra = converted
                }
                target = .void
                elements.append(contentsOf: extra)
                target = .array(elements)
            case (.add, .string(var text), .string(let extra)):
                target = .void
                text += extra
                target = .string(text)
            case (_, .int(let a), .int(let b)):
                target = try intOperation(op, a, b, at: position)
            case (_, .double(let a), .double(let b)):
                target = try doubleOperation(op, a, b, at: position)
            default:
                target = try binarySlow(op, target, rhs, lhs: nil, rhs: expr, at: position, symbol: symbol.text)
            }
        }
    }

    /// `x op= v` for a plain variable holding a number: read, compute, store. Returns false for
    /// values better changed in place (arrays and strings).
    private func compoundAssignScalar(
        _ op: BinaryOperator, _ root: VariableReference, _ rhs: Value, _ expr: Expr, at position: SourcePosition,
        symbol: CompoundSymbol
    ) throws -> Bool {
        let current = try read(root, at: position)
        switch (current, rhs) {
        case (.int(let a), .int(let b)):
            store(try intOperation(op, a, b, at: position), into: root)
        case (.double(let a), .double(let b)):
            store(try doubleOperation(op, a, b, at: position), into: root)
        case (.array, _), (.string, _):
            return false
        default:
            store(try binarySlow(op, current, rhs, lhs: nil, rhs: expr, at: position, symbol: symbol.text), into: root)
        }
        return true
    }
}
