extension Interpreter {
    /// A builtin call made ready: the overload chosen, its arguments checked and in parameter
    /// order, and the `&` arguments to write back.
    struct PreparedCall {
        var index: Int
        var arguments: BuiltinArguments
        /// How the overload's parameters got their arguments, to locate errors.
        var bindings: [ArgumentMatcher.Binding]
        var callArguments: [Argument]
        var inouts: [InoutArgument] = []

        /// Where parameter `index`'s argument is (for a variadic one, its `element`-th), nil when
        /// it was defaulted.
        func position(ofParameter index: Int, element: Int? = nil) -> SourcePosition? {
            guard index < bindings.count else { return nil }
            switch bindings[index] {
            case .argument(let a): return callArguments[a].position
            case .variadic(let list):
                if let element, element < list.count { return callArguments[list[element]].position }
                return list.first.map { callArguments[$0].position }
            case .defaulted: return nil
            }
        }
    }

    func callBuiltin(
        _ overloads: BuiltinOverloadSet, _ arguments: [Argument], info: CallInfo, bindings: GenericBindings,
        cache: MatchCache? = nil
    ) throws -> Value {
        var prepared = try prepare(overloads.table, arguments, info: info, bindings: bindings, cache: cache)
        let function = overloads.overloads[prepared.index]
        return try invokeBuiltin(&prepared, info: info) { args, context in
            try function.implementation(&args, context)
        }
    }

    /// Calls builtin code with prepared arguments: errors are located at the argument they
    /// name (or the call), and `&` arguments are written back, also after an error.
    func invokeBuiltin(
        _ prepared: inout PreparedCall, info: CallInfo,
        _ body: (inout BuiltinArguments, BuiltinContext) throws -> Value
    ) throws -> Value {
        if prepared.inouts.isEmpty {
            do {
                return try body(&prepared.arguments, context(at: info.position))
            } catch {
                throw locateBuiltinError(error, prepared, info: info)
            }
        }
        for entry in prepared.inouts where entry.components.isEmpty { store(.void, into: entry.path.root) }
        let result: Value
        do {
            result = try body(&prepared.arguments, context(at: info.position))
        } catch {
            try? writeBack(prepared)
            throw locateBuiltinError(error, prepared, info: info)
        }
        try writeBack(prepared)
        return result
    }

    private func locateBuiltinError(_ error: any Error, _ prepared: PreparedCall, info: CallInfo) -> any Error {
        if error is OptionalChainNil { return error }
        guard var located = error as? ScriptError else { return ScriptError("\(error)", at: info.position) }
        if located.position == nil {
            located.position =
                located.argumentIndex.flatMap { prepared.position(ofParameter: $0, element: located.elementIndex) }
                ?? info.position
        }
        return located
    }

    private func writeBack(_ prepared: PreparedCall) throws {
        for entry in prepared.inouts {
            try writePath(entry.path, entry.components, prepared.arguments.values[entry.parameter])
        }
    }

    /// Matches arguments to one of several parameter lists (overloads) by labels, evaluates the
    /// arguments once (with the parameter type as context when the overloads agree on it),
    /// picks the first overload whose types fit, and checks and converts the arguments.
    func prepare(
        _ table: OverloadTable, _ arguments: [Argument], info: CallInfo, bindings preset: GenericBindings,
        cache: MatchCache? = nil
    ) throws -> PreparedCall {
        let matched: [OverloadMatch]
        if let cache, cache.table === table {
            matched = cache.matches
        } else {
            var found: [OverloadMatch] = []
            for index in 0..<table.count {
                if let bindings = table.matchers[index].match(arguments) {
                    found.append(OverloadMatch(index: index, bindings: bindings))
                }
            }
            guard !found.isEmpty else { throw labelFailure(table, arguments, info: info) }
            cache?.table = table
            cache?.matches = found
            matched = found
        }

        // One overload fits the labels, its placeholders are known, no `&`: evaluate each
        // argument straight into its parameter.
        if matched.count == 1, !table.hasInout[matched[0].index],
            preset.binds(all: table.genericNames[matched[0].index]),
            !arguments.contains(where: {
                if case .reference = $0.payload { return true }; return false
            })
        {
            return try prepareDirect(
                table, matched[0].index, matched[0].bindings, arguments, info: info, preset: preset)
        }

        // Overloads by type with the same plain positional parameters (`Double(_:)` from Int,
        // Double or String): evaluate once, take the first overload whose types accept.
        if matched.allSatisfy({
            table.genericNames[$0.index].isEmpty && !table.hasInout[$0.index]
                && $0.bindings.isPositional(arguments.count)
        }),
            !arguments.contains(where: {
                if case .reference = $0.payload { return true }; return false
            })
        {
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let expr = argument.expression else { break }
                values.append(try evaluate(expr))
            }
            for match in matched {
                let parameters = table.parameterLists[match.index]
                guard zip(parameters, values).allSatisfy({ accepts($0.type, $1) }) else { continue }
                for (p, parameter) in parameters.enumerated() {
                    values[p] = try coerce(values[p], to: parameter.type, site: .argument, at: arguments[p].position)
                }
                var prepared = PreparedCall(
                    index: match.index, arguments: BuiltinArguments(values: values, parameters: parameters),
                    bindings: match.bindings, callArguments: arguments)
                markLiterals(&prepared)
                return prepared
            }
            return try prepareGeneral(table, matched, arguments, values: values, info: info, preset: preset)
        }
        return try prepareGeneral(table, matched, arguments, values: nil, info: info, preset: preset)
    }

    private func prepareGeneral(
        _ table: OverloadTable, _ matched: [OverloadMatch], _ arguments: [Argument], values evaluated: [Value]?,
        info: CallInfo,
        preset: GenericBindings
    ) throws -> PreparedCall {
        var values: [Value] = []
        values.reserveCapacity(arguments.count)
        var inoutPaths: [(LValue, [ResolvedComponent])?] = []
        for (a, argument) in arguments.enumerated() {
            if let evaluated {
                values.append(evaluated[a])
                continue
            }
            switch argument.payload {
            case .value(let expr):
                if let type = agreedType(of: a, matched, table, preset), !type.isUnconstrained {
                    values.append(try evaluate(expr, as: type, site: .argument))
                } else {
                    values.append(try evaluate(expr))
                }
            case .reference(let path):
                let components = try resolve(path.components)
                values.append(try readPath(path, components))
                if inoutPaths.isEmpty { inoutPaths = Array(repeating: nil, count: arguments.count) }
                inoutPaths[a] = (path, components)
            }
        }

        var chosen = matched[0]
        if matched.count > 1 {
            for candidate in matched
            where fits(table.parameterLists[candidate.index], candidate.bindings, values, arguments, preset) {
                chosen = candidate
                break
            }
        }
        let parameters = table.parameterLists[chosen.index]
        var generic = preset
        if !table.genericNames[chosen.index].isEmpty {
            generic = try unifyGenerics(parameters, chosen.bindings, &values, arguments, preset: preset, info: info)
        }

        var result: [Value] = []
        result.reserveCapacity(parameters.count)
        var supplied: [Bool] = []
        supplied.reserveCapacity(parameters.count)
        var inouts: [InoutArgument] = []
        for (p, parameter) in parameters.enumerated() {
            let type = parameter.type.substituting(generic)
            switch chosen.bindings[p] {
            case .argument(let a):
                let argument = arguments[a]
                let reference = inoutPaths.isEmpty ? nil : inoutPaths[a]
                if parameter.isInout {
                    guard let (path, components) = reference else {
                        throw ScriptError(
                            "passing value of type '\(values[a].typeName)' to an inout parameter requires explicit '&'",
                            at: argument.position)
                    }
                    inouts.append(InoutArgument(parameter: p, path: path, components: components))
                } else if reference != nil {
                    throw ScriptError("'&' used with non-inout argument of type '\(type.name)'", at: argument.position)
                }
                result.append(try coerceArgument(values[a], argument, to: type))
                supplied.append(true)
            case .defaulted:
                guard let defaultValue = parameter.defaultValue else {
                    throw ScriptError("internal error: parameter '\(parameter.name)' has no default", at: info.position)
                }
                result.append(try coerce(defaultValue, to: type, site: .argument, at: info.position))
                supplied.append(false)
            case .variadic(let indices):
                var elements: [Value] = []
                for a in indices { elements.append(try coerceArgument(values[a], arguments[a], to: type)) }
                result.append(.array(elements))
                supplied.append(!indices.isEmpty)
            }
        }
        var prepared = PreparedCall(
            index: chosen.index,
            arguments: BuiltinArguments(values: result, parameters: parameters, supplied: supplied),
            bindings: chosen.bindings, callArguments: arguments, inouts: inouts)
        markLiterals(&prepared)
        return prepared
    }

    private func prepareDirect(
        _ table: OverloadTable, _ index: Int, _ bindings: [ArgumentMatcher.Binding], _ arguments: [Argument],
        info: CallInfo,
        preset: GenericBindings
    ) throws -> PreparedCall {
        let parameters = table.parameterLists[index]
        var values: [Value] = []
        values.reserveCapacity(parameters.count)
        var supplied: [Bool]?
        for p in parameters.indices {
            let type = preset.isEmpty ? parameters[p].type : parameters[p].type.substituting(preset)
            switch bindings[p] {
            case .argument(let a):
                guard let expr = arguments[a].expression else {
                    throw ScriptError("internal error: '&' argument", at: arguments[a].position)
                }
                values.append(type.isUnconstrained ? try evaluate(expr) : try evaluate(expr, as: type, site: .argument))
            case .defaulted:
                guard let defaultValue = parameters[p].defaultValue else {
                    throw ScriptError(
                        "internal error: parameter '\(parameters[p].name)' has no default", at: info.position)
                }
                if supplied == nil { supplied = Array(repeating: true, count: parameters.count) }
                supplied?[p] = false
                values.append(try coerce(defaultValue, to: type, site: .argument, at: info.position))
            case .variadic(let indices):
                var elements: [Value] = []
                for a in indices {
                    guard let expr = arguments[a].expression else {
                        throw ScriptError("'&' cannot be used with a variadic parameter", at: arguments[a].position)
                    }
                    elements.append(
                        type.isUnconstrained ? try evaluate(expr) : try evaluate(expr, as: type, site: .argument))
                }
                if indices.isEmpty {
                    if supplied == nil { supplied = Array(repeating: true, count: parameters.count) }
                    supplied?[p] = false
                }
                values.append(.array(elements))
            }
        }
        var prepared = PreparedCall(
            index: index, arguments: BuiltinArguments(values: values, parameters: parameters, supplied: supplied),
            bindings: bindings, callArguments: arguments)
        markLiterals(&prepared)
        return prepared
    }

    private func markLiterals(_ prepared: inout PreparedCall) {
        for (p, binding) in prepared.bindings.enumerated() {
            guard case .argument(let a) = binding, prepared.callArguments[a].expression?.isNumberLiteral == true else {
                continue
            }
            if prepared.arguments.literalMask == nil {
                prepared.arguments.literalMask = Array(repeating: false, count: prepared.bindings.count)
            }
            prepared.arguments.literalMask?[p] = true
        }
    }

    /// The parameter type argument `a` gets in every matching overload, or nil if they differ.
    private func agreedType(of a: Int, _ matched: [OverloadMatch], _ table: OverloadTable, _ preset: GenericBindings)
        -> ScriptType?
    {
        var agreed: ScriptType?
        for match in matched {
            for (p, binding) in match.bindings.enumerated() where binding.binds(a) {
                let type = table.parameterLists[match.index][p].type.substituting(preset)
                if let existing = agreed, existing != type { return nil }
                agreed = type
            }
        }
        return agreed
    }

    private func coerceArgument(_ value: Value, _ argument: Argument, to type: ScriptType) throws -> Value {
        if case .int = value, type.prefersDouble, let expr = argument.expression, expr.isNumberLiteral {
            return try evaluate(expr, as: type, site: .argument)
        }
        return try coerce(value, to: type, site: .argument, at: argument.position)
    }

    private func fits(
        _ parameters: [BuiltinParameter], _ bindings: [ArgumentMatcher.Binding], _ values: [Value],
        _ arguments: [Argument],
        _ preset: GenericBindings
    ) -> Bool {
        for (p, binding) in bindings.enumerated() {
            let type = parameters[p].type.substituting(preset)
            for a in binding.argumentIndices {
                let value = values[a]
                // A closure written in place goes to a function parameter (`contains { … }` is
                // `contains(where:)`, not `contains(_:)`).
                if let expr = arguments[a].expression, expr.isFunctionLiteral, !type.isFunctionType { return false }
                if accepts(type, value) { continue }
                if case .int = value, type.prefersDouble, arguments[a].expression?.isNumberLiteral == true { continue }
                return false
            }
        }
        return true
    }

    /// Gives each generic placeholder one type: the preset one (e.g. an array's `Element`), else
    /// the first non-literal argument's; integer literals among Doubles become Doubles.
    private func unifyGenerics(
        _ parameters: [BuiltinParameter], _ bindings: [ArgumentMatcher.Binding], _ values: inout [Value],
        _ arguments: [Argument], preset: GenericBindings, info: CallInfo
    ) throws -> GenericBindings {
        var generic = preset
        var names: [String] = []
        var groups: [[Int]] = []
        for (p, binding) in bindings.enumerated() {
            guard case .generic(let name) = parameters[p].type else { continue }
            if let g = names.firstIndex(of: name) {
                groups[g] += binding.argumentIndices
            } else {
                names.append(name)
                groups.append(binding.argumentIndices)
            }
        }
        for (name, indices) in zip(names, groups) where !indices.isEmpty {
            func isLiteral(_ a: Int) -> Bool { arguments[a].expression?.isNumberLiteral == true }
            var bound = generic[name]
            if bound == nil {
                if let first = indices.first(where: { !isLiteral($0) }) {
                    bound = values[first].staticType
                } else if indices.contains(where: {
                    if case .double = values[$0] { return true }; return false
                }) {
                    bound = .double
                } else {
                    bound = values[indices[0]].staticType
                }
            }
            guard let type = bound, !type.isUnconstrained else { continue }
            for a in indices where !accepts(type, values[a]) {
                if case .int = values[a], type.prefersDouble, isLiteral(a), let expr = arguments[a].expression {
                    values[a] = try evaluate(expr, as: type, site: .argument)
                    continue
                }
                throw ScriptError(
                    "conflicting arguments to generic parameter '\(name)' ('\(type.name)' vs. '\(values[a].typeName)')",
                    at: info.position)
            }
            generic[name] = type
        }
        return generic
    }

    private func labelFailure(_ table: OverloadTable, _ arguments: [Argument], info: CallInfo) -> ScriptError {
        var nearest = (0..<table.count).filter { table.parameterLists[$0].count == arguments.count }
        if table.count == 1 { nearest = [0] }
        if nearest.count == 1 {
            let failure = table.matchers[nearest[0]].failure(
                arguments, leftParen: info.leftParen, rightParen: info.rightParen)
            return ScriptError(failure.message, at: failure.position)
        }
        let have = "(" + arguments.map { ($0.label ?? "_") + ":" }.joined() + ")"
        return ScriptError(
            "no overload of '\(table.name)' takes the arguments '\(have)'; candidates: \(table.signatures.joined(separator: ", "))",
            at: info.leftParen)
    }
}

extension Expr {
    var isFunctionLiteral: Bool {
        switch self {
        case .closure, .operatorFunction: return true
        default: return false
        }
    }
}

extension ScriptType {
    var isFunctionType: Bool {
        switch self {
        case .function: return true
        case .optional(let wrapped): return wrapped.isFunctionType
        default: return false
        }
    }
}

extension Array where Element == ArgumentMatcher.Binding {
    /// Whether parameter i simply takes argument i, for all `count` arguments.
    func isPositional(_ count: Int) -> Bool {
        guard self.count == count else { return false }
        for (p, binding) in enumerated() {
            guard case .argument(let a) = binding, a == p else { return false }
        }
        return true
    }
}

extension ArgumentMatcher.Binding {
    func binds(_ argument: Int) -> Bool {
        switch self {
        case .argument(let a): return a == argument
        case .variadic(let list): return list.contains(argument)
        case .defaulted: return false
        }
    }

    var argumentIndices: [Int] {
        switch self {
        case .argument(let a): return [a]
        case .variadic(let list): return list
        case .defaulted: return []
        }
    }
}
