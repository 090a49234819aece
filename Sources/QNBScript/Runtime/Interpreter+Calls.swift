/// Where a call is, for locating its errors the way Swift does.
struct CallInfo {
    /// The callee (or method name): where errors of the call itself are reported.
    var position: SourcePosition
    var leftParen: SourcePosition
    var rightParen: SourcePosition
    var name: String
}

extension Interpreter {
    func call(_ site: CallSite) throws -> Value {
        switch site.callee {
        case .builtinFunction(let overloads, _):
            let info = CallInfo(
                position: site.position, leftParen: site.leftParen, rightParen: site.rightParen, name: overloads.name)
            return try callBuiltin(overloads, site.arguments, info: info, bindings: .none, cache: site.cache)
        case .typeReference(let type, let position):
            let info = CallInfo(
                position: position, leftParen: site.leftParen, rightParen: site.rightParen, name: type.name)
            guard let overloads = constructor(for: type) else {
                throw ScriptError(
                    "'\(type.name)' cannot be constructed because it has no accessible initializers", at: position)
            }
            return try callBuiltin(overloads, site.arguments, info: info, bindings: .none)
        default:
            let callee = try evaluate(site.callee)
            guard case .function(let function) = callee else {
                throw ScriptError("cannot call value of non-function type '\(callee.typeName)'", at: site.position)
            }
            let info = CallInfo(
                position: site.position, leftParen: site.leftParen, rightParen: site.rightParen, name: function.name)
            return try callFunction(function, site.arguments, info: info, cache: site.cache)
        }
    }

    func constructor(for type: ScriptType) -> BuiltinOverloadSet? {
        switch type {
        case .int: return library.overloads("Int")
        case .double: return library.overloads("Double")
        case .float: return library.overloads("Float")
        case .string: return library.overloads("String")
        case .bool: return library.overloads("Bool")
        case .array: return library.overloads("Array")
        case .dictionary: return library.overloads("Dictionary")
        case .object(let name), .option(let name): return library.overloads(name)
        default: return nil
        }
    }

    /// `[Double](repeating: 0, count: 3)`, `[String: Int]()`.
    func construct(_ type: ScriptType, _ site: CallSite) throws -> Value {
        var bindings = GenericBindings()
        switch type {
        case .array(let element): bindings.element = element
        case .dictionary(let key, let value):
            bindings.key = key
            bindings.value = value
        default: break
        }
        let info = CallInfo(
            position: site.position, leftParen: site.leftParen, rightParen: site.rightParen, name: type.name)
        guard let overloads = constructor(for: type) else {
            throw ScriptError("'\(type.name)' cannot be constructed", at: site.position)
        }
        return try callBuiltin(overloads, site.arguments, info: info, bindings: bindings, cache: site.cache)
    }

    func callFunction(_ function: ScriptFunction, _ arguments: [Argument], info: CallInfo, cache: MatchCache? = nil)
        throws -> Value
    {
        switch function.kind {
        case .user(let decl, let captures):
            return try callUser(decl, captures, arguments, info: info, cache: cache, contextType: function.contextType)
        case .builtin(let overloads):
            return try callBuiltin(overloads, arguments, info: info, bindings: .none, cache: cache)
        case .binaryOperator(let op):
            guard arguments.count == 2, let lhs = arguments[0].expression, let rhs = arguments[1].expression else {
                throw ScriptError("operator '\(op.symbol)' takes two arguments", at: info.leftParen)
            }
            let left = try evaluate(lhs)
            let right = try evaluate(rhs)
            return try binarySlow(op, left, right, lhs: lhs, rhs: rhs, at: info.position)
        case .boundMethod(let receiver, let methods):
            return try callMethod(
                MethodOverloads(name: function.name, methods: methods), on: receiver, arguments, info: info,
                bindings: genericBindings(for: receiver, staticType: nil))
        }
    }

    // MARK: User functions

    func callUser(
        _ decl: FunctionDecl, _ captures: [Box], _ arguments: [Argument], info: CallInfo, cache: MatchCache? = nil,
        contextType: (parameters: [ScriptType], result: ScriptType)? = nil
    ) throws -> Value {
        let bindings: [ArgumentMatcher.Binding]
        if let cache, cache.function === decl {
            bindings = cache.functionBindings
        } else {
            bindings = try userBindings(decl, arguments, info: info)
            cache?.function = decl
            cache?.functionBindings = bindings
        }
        var values: [Value] = []
        values.reserveCapacity(decl.parameters.count)
        var inouts: [InoutArgument] = []
        for (index, parameter) in decl.parameters.enumerated() {
            let parameterType = parameter.type ?? contextType.map { $0.parameters[index] }
            switch bindings[index] {
            case .argument(let a):
                let argument = arguments[a]
                switch argument.payload {
                case .value(let expr):
                    if parameter.isInout {
                        throw ScriptError(
                            "passing value of type '\(try evaluate(expr).typeName)' to an inout parameter requires explicit '&'",
                            at: argument.position)
                    }
                    values.append(
                        try parameterType.map { try evaluate(expr, as: $0, site: .argument) } ?? evaluate(expr))
                case .reference(let path):
                    guard parameter.isInout else {
                        throw ScriptError(
                            "'&' used with non-inout argument of type '\(parameter.type?.name ?? "Any")'",
                            at: argument.position)
                    }
                    let components = try resolve(path.components)
                    let value = try readPath(path, components)
                    values.append(
                        try parameter.type.map { try coerce(value, to: $0, site: .argument, at: argument.position) }
                            ?? value)
                    inouts.append(InoutArgument(parameter: index, path: path, components: components))
                }
            case .defaulted:
                guard let defaultValue = parameter.defaultValue else {
                    throw ScriptError("internal error: no default", at: info.position)
                }
                values.append(
                    try parameter.type.map { try evaluate(defaultValue, as: $0, site: .argument) }
                        ?? evaluate(defaultValue))
            case .variadic(let indices):
                var elements: [Value] = []
                let elementType: ScriptType? = {
                    if case .array(let element)? = parameter.type { return element }
                    return nil
                }()
                for a in indices {
                    guard let expr = arguments[a].expression else {
                        throw ScriptError("'&' cannot be used with a variadic parameter", at: arguments[a].position)
                    }
                    elements.append(
                        try elementType.map { try evaluate(expr, as: $0, site: .argument) } ?? evaluate(expr))
                }
                values.append(.array(elements))
            }
        }
        let returnType = decl.returnType ?? contextType?.result
        if inouts.isEmpty {
            return try invokeUser(decl, captures, values, at: info.position, returnType: returnType, afterReturn: nil)
        }
        // The callee owns the values for the duration of the call: empty plain variables so
        // their storage is not shared (no copy when the callee mutates it).
        for entry in inouts where entry.components.isEmpty { store(.void, into: entry.path.root) }
        return try invokeUser(decl, captures, values, at: info.position, returnType: returnType) { finals in
            for entry in inouts {
                try self.writePath(entry.path, entry.components, finals[entry.parameter])
            }
        }
    }

    private func userBindings(_ decl: FunctionDecl, _ arguments: [Argument], info: CallInfo) throws -> [ArgumentMatcher
        .Binding]
    {
        let matcher = decl.matcher
        if let bindings = matcher.match(arguments) { return bindings }
        let failure = matcher.failure(arguments, leftParen: info.leftParen, rightParen: info.rightParen)
        throw ScriptError(failure.message, at: failure.position)
    }

    /// Runs a user function with its parameter values. `afterReturn` gets the parameters' final
    /// values (for `inout` write-back), also when the body fails.
    func invokeUser(
        _ decl: FunctionDecl, _ captures: [Box], _ arguments: [Value], at position: SourcePosition,
        returnType: ScriptType?,
        afterReturn: (([Value]) throws -> Void)?
    ) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > maxCallDepth {
            throw ScriptError("recursion too deep (more than \(maxCallDepth) nested calls)", at: position)
        }
        try tick(position)
        var calleeFrame = Frame(
            values: Array(repeating: .void, count: decl.slotCount),
            boxes: decl.hasBoxedSlots ? Array(repeating: nil, count: decl.slotCount) : [],
            captures: captures, returnType: returnType, functionName: decl.name)
        for (parameter, value) in zip(decl.parameters, arguments) {
            if parameter.slot.isBoxed {
                calleeFrame.boxes[parameter.slot.index] = Box(value)
            } else {
                calleeFrame.values[parameter.slot.index] = value
            }
        }
        swap(&frame, &calleeFrame)
        let result: Value
        do {
            result = try runBody(decl, returnType: returnType)
        } catch {
            let finals = afterReturn == nil ? [] : parameterValues(decl)
            swap(&frame, &calleeFrame)
            if let afterReturn { try? afterReturn(finals) }
            throw noted(error, calledAt: position)
        }
        let finals = afterReturn == nil ? [] : parameterValues(decl)
        swap(&frame, &calleeFrame)
        try afterReturn?(finals)
        return result
    }

    private func runBody(_ decl: FunctionDecl, returnType: ScriptType?) throws -> Value {
        if decl.returnsSingleExpression, decl.body.functions.isEmpty,
            case .expression(let expr)? = decl.body.statements.first
        {
            guard let type = returnType else { return try evaluate(expr) }
            if type == .void {
                _ = try evaluate(expr)
                return .void
            }
            return try evaluate(expr, as: type, site: .returnValue)
        }
        switch try execute(decl.body) {
        case .returned(let value):
            return value
        default:
            if let type = returnType, type != .void, !type.isUnconstrained {
                throw ScriptError(
                    "missing return in function '\(decl.name)' expected to return '\(type.name)'", at: decl.position)
            }
            return .void
        }
    }

    private func parameterValues(_ decl: FunctionDecl) -> [Value] {
        decl.parameters.map { parameter in
            parameter.slot.isBoxed
                ? (frame.boxes[parameter.slot.index]?.value ?? .void) : frame.values[parameter.slot.index]
        }
    }

    /// Adds "called from here" notes (the innermost few) to an error leaving a function.
    func noted(_ error: any Error, calledAt position: SourcePosition) -> any Error {
        guard var scriptError = error as? ScriptError else { return error }
        if scriptError.notes.count < 8, scriptError.notes.last?.position != position {
            scriptError.notes.append(("called from here", position))
        }
        return scriptError
    }

    // MARK: Function values called by builtins

    /// Calls a function value with positional arguments (from `map`, `filter`, `sorted(by:)`…).
    func callValue(_ callee: Value, _ arguments: [Value], at position: SourcePosition) throws -> Value {
        guard case .function(let function) = callee else {
            throw ScriptError("cannot call value of non-function type '\(callee.typeName)'", at: position)
        }
        switch function.kind {
        case .user(let decl, let captures):
            let contextType = function.contextType
            var values = arguments
            let count = decl.parameters.count
            if values.count == 1, count > 1, case .tuple(let tuple) = values[0], tuple.elements.count == count {
                values = tuple.elements
            } else if values.count > 1, count == 1, decl.isClosure {
                values = [.tuple(ScriptTuple(values))]
            }
            guard values.count == count else {
                let plural = count == 1 ? "argument" : "arguments"
                throw ScriptError(
                    "\(decl.isClosure ? "closure" : "function '\(decl.name)'") takes \(count) \(plural) but is called with \(values.count)",
                    at: decl.position)
            }
            for (index, parameter) in decl.parameters.enumerated() {
                if parameter.isInout {
                    throw ScriptError("functions with 'inout' parameters cannot be passed as values", at: decl.position)
                }
                if let type = parameter.type ?? contextType?.parameters[index] {
                    values[index] = try coerce(values[index], to: type, site: .argument, at: decl.position)
                }
            }
            return try invokeUser(
                decl, captures, values, at: position, returnType: decl.returnType ?? contextType?.result,
                afterReturn: nil)
        case .builtin(let overloads):
            for overload in overloads.overloads {
                let parameters = overload.parameters
                let fits =
                    parameters.count == arguments.count
                    || (parameters.last?.isVariadic == true && arguments.count >= parameters.count - 1)
                guard fits else { continue }
                var values: [Value] = []
                for (index, parameter) in parameters.enumerated() {
                    if parameter.isVariadic {
                        values.append(.array(Array(arguments[index...])))
                    } else {
                        values.append(try coerce(arguments[index], to: parameter.type, site: .argument, at: position))
                    }
                }
                var args = BuiltinArguments(values: values, parameters: parameters)
                return try locate(at: position) { try overload.implementation(&args, context(at: position)) }
            }
            throw ScriptError("'\(overloads.name)' cannot be called with \(arguments.count) arguments", at: position)
        case .binaryOperator(let op):
            guard arguments.count == 2 else {
                throw ScriptError("operator '\(op.symbol)' takes two arguments", at: position)
            }
            switch (arguments[0], arguments[1]) {
            case (.int(let a), .int(let b)): return try intOperation(op, a, b, at: position)
            case (.double(let a), .double(let b)): return try doubleOperation(op, a, b, at: position)
            default: return try binarySlow(op, arguments[0], arguments[1], lhs: nil, rhs: nil, at: position)
            }
        case .boundMethod(let receiver, let methods):
            guard let method = methods.first(where: { $0.parameters.count == arguments.count }) else {
                throw ScriptError("'\(function.name)' cannot be called with \(arguments.count) arguments", at: position)
            }
            guard case .nonmutating(let implementation) = method.implementation else {
                throw ScriptError("mutating method '\(method.name)' cannot be used as a value", at: position)
            }
            var args = BuiltinArguments(values: arguments, parameters: method.parameters)
            return try locate(at: position) { try implementation(receiver, &args, context(at: position)) }
        }
    }
}

extension FunctionDecl {
    /// The label matcher for calls of this function.
    var matcher: ArgumentMatcher {
        if let cached = matcherCache { return cached }
        let made = ArgumentMatcher(function: self)
        matcherCache = made
        return made
    }
}
