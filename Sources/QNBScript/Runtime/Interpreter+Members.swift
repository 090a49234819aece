/// A subscript argument, evaluated.
struct EvaluatedArgument {
    var label: String?
    var value: Value
    var position: SourcePosition
}

extension Interpreter {
    // MARK: Properties

    func member(of value: Value, _ name: String, at position: SourcePosition) throws -> Value {
        if case .tuple(let tuple) = value, let index = tuple.index(ofLabel: name) { return tuple.elements[index] }
        if let table = library.table(TypeKey.of(value)) {
            if let property = table.type.properties[name] {
                return try locate(at: position) { try property.get(value, context(at: position)) }
            }
            if let methods = table.type.methods[name] {
                return .function(ScriptFunction(.boundMethod(value, methods)))
            }
        }
        throw noMember(value, name, at: position)
    }

    func noMember(_ value: Value, _ name: String, at position: SourcePosition) -> ScriptError {
        if case .optional(let inner) = value {
            let wrapped = inner?.typeName ?? "Any"
            return ScriptError(
                "value of optional type '\(value.typeName)' must be unwrapped to refer to member '\(name)' of wrapped base type '\(wrapped)'",
                at: position)
        }
        if case .option(let option) = value {
            return ScriptError("enum case '.\(option.name)' has no member '\(name)'", at: position)
        }
        return ScriptError("value of type '\(value.typeName)' has no member '\(name)'", at: position)
    }

    // MARK: Methods

    func callMethod(_ site: MethodCallSite) throws -> Value {
        let info = CallInfo(
            position: site.position, leftParen: site.leftParen, rightParen: site.rightParen, name: site.name)
        guard let path = site.receiverPath else {
            let receiver = try evaluate(site.receiver)
            return try callMethod(on: receiver, site, info: info)
        }
        let components = try resolve(path.components)
        // Learn the receiver's type without keeping a reference to it, so a mutation in place
        // finds its storage uniquely referenced.
        let (key, bindings) = try receiverType(path, components, staticType: site.receiverType)
        guard let overloads = methods(of: key, site) else {
            return try callMethod(on: try readPath(path, components), site, info: info)
        }
        var prepared = try prepare(overloads.table, site.arguments, info: info, bindings: bindings, cache: site.cache)
        switch overloads.methods[prepared.index].implementation {
        case .mutating(let implementation):
            guard path.root.isMutable else {
                throw ScriptError(
                    "cannot use mutating member on immutable value: '\(path.root.name)' is a 'let' constant",
                    at: site.position)
            }
            return try modifyPath(path, components) { receiver in
                try invokeBuiltin(&prepared, info: info) { args, context in
                    try implementation(&receiver, &args, context)
                }
            }
        case .nonmutating(let implementation):
            let receiver = try readPath(path, components)
            return try invokeBuiltin(&prepared, info: info) { args, context in
                try implementation(receiver, &args, context)
            }
        }
    }

    private func receiverType(_ path: LValue, _ components: [ResolvedComponent], staticType: ScriptType?) throws -> (
        TypeKey, GenericBindings
    ) {
        let value = try readPath(path, components)
        return (TypeKey.of(value), genericBindings(for: value, staticType: staticType))
    }

    private func methods(of key: TypeKey, _ site: MethodCallSite) -> MethodOverloads? {
        if site.cachedKey == key { return site.cachedMethods }
        let found = library.table(key)?.methods[site.name]
        site.cachedKey = key
        site.cachedMethods = found
        return found
    }

    /// A method call on a value that is not a variable (or a non-mutating method).
    private func callMethod(on receiver: Value, _ site: MethodCallSite, info: CallInfo) throws -> Value {
        guard let methods = methods(of: TypeKey.of(receiver), site) else {
            // A property or tuple element holding a function: `ops.scale(2)`.
            let function = try member(of: receiver, site.name, at: site.position)
            guard case .function(let callee) = function else {
                throw ScriptError("cannot call value of non-function type '\(function.typeName)'", at: site.position)
            }
            return try callFunction(callee, site.arguments, info: info)
        }
        return try callMethod(
            methods, on: receiver, site.arguments, info: info,
            bindings: genericBindings(for: receiver, staticType: site.receiverType),
            cache: site.cache)
    }

    func callMethod(
        _ methods: MethodOverloads, on receiver: Value, _ arguments: [Argument], info: CallInfo,
        bindings: GenericBindings,
        cache: MatchCache? = nil
    ) throws -> Value {
        var prepared = try prepare(methods.table, arguments, info: info, bindings: bindings, cache: cache)
        switch methods.methods[prepared.index].implementation {
        case .mutating:
            throw ScriptError("cannot use mutating member on immutable value", at: info.position)
        case .nonmutating(let implementation):
            return try invokeBuiltin(&prepared, info: info) { args, context in
                try implementation(receiver, &args, context)
            }
        }
    }

    /// The element types of a collection receiver, for methods with `Element`, `Key` and
    /// `Value` placeholders: from the variable's declared type, else the first element.
    func genericBindings(for value: Value, staticType: ScriptType?) -> GenericBindings {
        var bindings = GenericBindings()
        switch value {
        case .array(let elements):
            if case .array(let element)? = staticType, !element.isUnconstrained {
                bindings.element = element
            } else if let first = elements.first {
                bindings.element = first.staticType
            }
        case .dictionary(let dictionary):
            if case .dictionary(let key, let value)? = staticType {
                bindings.key = key
                bindings.value = value
            } else if let key = dictionary.keys.first, let value = dictionary.values.first {
                bindings.key = key.staticType
                bindings.value = value.staticType
            }
            if let key = bindings.key, let value = bindings.value {
                bindings.element = .tuple([key, value], labels: ["key", "value"])
            }
        case .range(.int): bindings.element = .int
        case .range(.double): bindings.element = .double
        case .string: bindings.element = .string
        default: break
        }
        return bindings
    }

    // MARK: Subscripts

    func evaluateSubscriptArguments(_ arguments: [Argument]) throws -> [EvaluatedArgument] {
        var result: [EvaluatedArgument] = []
        result.reserveCapacity(arguments.count)
        for argument in arguments {
            guard let expr = argument.expression else {
                throw ScriptError("'&' cannot be used in a subscript", at: argument.position)
            }
            result.append(
                EvaluatedArgument(label: argument.label, value: try evaluate(expr), position: argument.position))
        }
        return result
    }

    func subscriptGet(_ value: Value, _ arguments: [EvaluatedArgument], at position: SourcePosition) throws -> Value {
        switch value {
        case .array(let elements):
            guard arguments.count == 1, arguments[0].label == nil else { break }
            let index = arguments[0]
            switch index.value {
            case .int(let i):
                guard i >= 0 && i < elements.count else { throw indexError(i, elements.count, at: index.position) }
                return elements[i]
            case .range(let range):
                let (lower, upper) = try sliceBounds(range, count: elements.count, at: index.position)
                return .array(Array(elements[lower..<upper]))
            default:
                break
            }
        case .dictionary(let dictionary):
            guard let key = arguments.first, key.label == nil else { break }
            if arguments.count == 2, arguments[1].label == "default" {
                return dictionary[key.value] ?? arguments[1].value
            }
            guard arguments.count == 1 else { break }
            return .optional(dictionary[key.value])
        case .string:
            throw ScriptError(
                "'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead.",
                at: position)
        case .object:
            return try objectSubscript(value, arguments, at: position)
        case .optional(let inner?):
            throw ScriptError(
                "value of optional type '\(value.typeName)' must be unwrapped to a value of type '\(inner.typeName)'",
                at: position)
        case .range(let range):
            if let elements = range.materialized { return try subscriptGet(.array(elements), arguments, at: position) }
        default:
            throw ScriptError("value of type '\(value.typeName)' has no subscripts", at: position)
        }
        let types = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.typeName }.joined(separator: ", ")
        throw ScriptError(
            "cannot subscript a value of type '\(value.typeName)' with an argument of type '\(types)'", at: position)
    }

    func indexError(_ index: Int, _ count: Int, at position: SourcePosition) -> ScriptError {
        ScriptError(
            "index \(index) is out of range for an array of \(count) element\(count == 1 ? "" : "s")", at: position)
    }

    /// The half-open bounds of a slice `a[r]`, checked against the array.
    func sliceBounds(_ range: ScriptRange, count: Int, at position: SourcePosition) throws -> (Int, Int) {
        let bounds: (Int, Int)?
        switch range {
        case .int: bounds = range.halfOpenIntBounds
        case .from(let lower): bounds = (lower, count)
        case .upTo(let upper): bounds = (0, upper)
        case .through(let upper): bounds = upper == .max ? nil : (0, upper + 1)
        default:
            throw ScriptError(
                "cannot subscript an array with a value of type '\(Value.range(range).typeName)'", at: position)
        }
        guard let (lower, upper) = bounds, lower >= 0, upper <= count, lower <= upper else {
            throw ScriptError(
                "range \(Value.rangeText(range)) is out of bounds for an array of \(count) element\(count == 1 ? "" : "s")",
                at: position)
        }
        return (lower, upper)
    }

    /// A subscript of a host object, chosen by labels and arity.
    func objectSubscript(_ value: Value, _ arguments: [EvaluatedArgument], at position: SourcePosition) throws -> Value
    {
        let (subscriptIndex, args) = try objectSubscriptArguments(value, arguments, at: position)
        guard let type = library.type(TypeKey.of(value)) else {
            throw ScriptError("value of type '\(value.typeName)' has no subscripts", at: position)
        }
        var prepared = args
        let getter = type.subscripts[subscriptIndex].get
        return try locateArgument(arguments, at: position) { try getter(value, &prepared, context(at: position)) }
    }

    func objectSubscriptArguments(
        _ value: Value, _ arguments: [EvaluatedArgument], at position: SourcePosition
    ) throws -> (Int, BuiltinArguments) {
        guard let type = library.type(TypeKey.of(value)), !type.subscripts.isEmpty else {
            throw ScriptError("value of type '\(value.typeName)' has no subscripts", at: position)
        }
        candidates: for (index, candidate) in type.subscripts.enumerated() {
            let parameters = candidate.parameters
            guard parameters.count >= arguments.count else { continue }
            var values: [Value] = []
            var supplied: [Bool] = []
            var next = 0
            for parameter in parameters {
                if next < arguments.count, arguments[next].label == parameter.label,
                    accepts(parameter.type, arguments[next].value)
                        || isNumber(arguments[next].value, for: parameter.type)
                {
                    var v = arguments[next].value
                    if case .int(let i) = v, parameter.type.prefersDouble { v = .double(Double(i)) }
                    values.append(v)
                    supplied.append(true)
                    next += 1
                } else if let defaultValue = parameter.defaultValue {
                    values.append(defaultValue)
                    supplied.append(false)
                } else {
                    continue candidates
                }
            }
            guard next == arguments.count else { continue }
            return (index, BuiltinArguments(values: values, parameters: parameters, supplied: supplied))
        }
        let types = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.typeName }.joined(separator: ", ")
        throw ScriptError(
            "cannot subscript a value of type '\(value.typeName)' with an argument of type '\(types)'", at: position)
    }

    private func isNumber(_ value: Value, for type: ScriptType) -> Bool {
        if case .int = value, type.prefersDouble { return true }
        return false
    }

    /// Runs subscript code, locating errors that name an argument at it.
    func locateArgument<T>(_ arguments: [EvaluatedArgument], at position: SourcePosition, _ body: () throws -> T) throws
        -> T
    {
        do {
            return try body()
        } catch var error as ScriptError {
            if error.position == nil {
                if let index = error.argumentIndex, index < arguments.count {
                    error.position = arguments[index].position
                } else {
                    error.position = position
                }
            }
            throw error
        }
    }

    // MARK: Implicit members

    /// `.symmetric`, `.perChannel(axis: 0)`, or `.pi` where a Double is expected.
    func evaluateImplicitMember(
        _ name: String, _ arguments: [Argument]?, expected: ScriptType?, at position: SourcePosition
    ) throws -> Value {
        if let expected {
            switch expected {
            case .option(let typeName):
                return .option(try makeOption(name, arguments, typeName: typeName, at: position))
            case .int, .double, .float, .string, .bool, .object:
                let typeName = expected == .float ? "Float" : expected.name
                switch library.library.staticMember(typeName, name) {
                case .constant(let value, _, _)? where arguments == nil:
                    return value
                case .function(let overloads)? where arguments != nil:
                    let info = CallInfo(position: position, leftParen: position, rightParen: position, name: name)
                    return try callBuiltin(
                        BuiltinOverloadSet(name: name, overloads: overloads), arguments ?? [], info: info,
                        bindings: .none)
                default:
                    throw ScriptError("type '\(typeName)' has no member '\(name)'", at: position)
                }
            default:
                break
            }
        }
        let values = try arguments?.map { argument -> OptionValue.Argument in
            guard let expr = argument.expression else {
                throw ScriptError("'&' cannot be used in an enum case", at: argument.position)
            }
            return OptionValue.Argument(label: argument.label, value: try evaluate(expr))
        }
        return .option(OptionValue(name, arguments: values))
    }

    /// An option value checked against its registered type: the case must exist, associated
    /// values are matched like arguments, and left-out ones get their defaults.
    func makeOption(_ name: String, _ arguments: [Argument]?, typeName: String, at position: SourcePosition) throws
        -> OptionValue
    {
        guard let optionType = library.library.optionType(named: typeName) else {
            let values = try arguments?.map { argument -> OptionValue.Argument in
                OptionValue.Argument(label: argument.label, value: try argument.expression.map(evaluate) ?? .void)
            }
            return OptionValue(name, arguments: values)
        }
        guard let optionCase = optionType.case(named: name) else {
            throw ScriptError("type '\(typeName)' has no member '\(name)'", at: position)
        }
        if optionCase.parameters.isEmpty {
            if let arguments, !arguments.isEmpty {
                throw ScriptError("enum case '\(name)' has no associated values", at: position)
            }
            return OptionValue(name)
        }
        if arguments == nil, !optionCase.parameters.allSatisfy(\.hasDefault) {
            throw ScriptError("enum case '\(name)' needs its associated values: \(optionCase.signature)", at: position)
        }
        let info = CallInfo(position: position, leftParen: position, rightParen: position, name: name)
        let table = OverloadTable(
            name: ".\(name)", parameterLists: [optionCase.parameters], signatures: [optionCase.signature])
        var prepared = try prepare(table, arguments ?? [], info: info, bindings: .none)
        _ = try invokeBuiltin(&prepared, info: info) { _, _ in .void }
        let values = zip(optionCase.parameters, prepared.arguments.values).map {
            OptionValue.Argument(label: $0.label, value: $1)
        }
        return OptionValue(name, arguments: values)
    }

    /// Checks an option value made without context (`let s = .symmetric`) against its type.
    func validateOption(_ option: OptionValue, typeName: String, arguments: [Argument]?, at position: SourcePosition)
        throws -> OptionValue
    {
        guard library.library.optionType(named: typeName) != nil else { return option }
        let synthesized = option.arguments?.map { argument -> Argument in
            let expr: Expr
            if case .int(let v) = argument.value {
                expr = .intLiteral(v, position)
            } else {
                expr = .constant(argument.value, position)
            }
            return Argument(label: argument.label, payload: .value(expr), position: position)
        }
        return try makeOption(option.name, synthesized, typeName: typeName, at: position)
    }
}
