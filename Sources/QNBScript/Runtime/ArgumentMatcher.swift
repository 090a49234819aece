/// Matches call arguments to parameters by Swift's rules, and explains a mismatch with the
/// messages Swift gives ("incorrect argument label in call (have '_:bit:', expected
/// '_:bits:')", "missing argument for parameter 'bits' in call", "extra argument in call").
struct ArgumentMatcher {
    struct Parameter {
        var label: String?
        var name: String
        var hasDefault: Bool
        var isVariadic: Bool
        /// Whether an unlabelled trailing closure may bind here (a function-typed or untyped
        /// parameter).
        var acceptsClosure: Bool
    }

    enum Binding {
        case argument(Int)
        case defaulted
        case variadic([Int])
    }

    struct Failure: Error {
        var message: String
        /// Where Swift reports it.
        var position: SourcePosition
    }

    let parameters: [Parameter]

    /// The binding of every parameter, or nil when the labels do not fit.
    func match(_ arguments: [Argument]) -> [Binding]? {
        var bindings: [Binding] = []
        bindings.reserveCapacity(parameters.count)
        var next = 0
        for parameter in parameters {
            if parameter.isVariadic {
                var taken: [Int] = []
                if next < arguments.count, fits(arguments[next], parameter) {
                    taken.append(next)
                    next += 1
                    while next < arguments.count, arguments[next].label == nil, !arguments[next].isTrailingClosure {
                        taken.append(next)
                        next += 1
                    }
                }
                if taken.isEmpty && !parameter.hasDefault && parameter.label != nil { return nil }
                bindings.append(.variadic(taken))
                continue
            }
            if next < arguments.count, fits(arguments[next], parameter) {
                bindings.append(.argument(next))
                next += 1
            } else if parameter.hasDefault {
                bindings.append(.defaulted)
            } else {
                return nil
            }
        }
        return next == arguments.count ? bindings : nil
    }

    private func fits(_ argument: Argument, _ parameter: Parameter) -> Bool {
        if argument.isTrailingClosure && argument.label == nil {
            return parameter.acceptsClosure || parameter.label == nil
        }
        return argument.label == parameter.label
    }

    /// Why `arguments` do not fit, in Swift's words.
    func failure(_ arguments: [Argument], leftParen: SourcePosition, rightParen: SourcePosition) -> Failure {
        let required = parameters.filter { !$0.hasDefault && !$0.isVariadic }.count
        let hasVariadic = parameters.contains(where: \.isVariadic)

        // Too many arguments.
        if !hasVariadic && arguments.count > parameters.count {
            let extra = Array(arguments.indices.dropFirst(parameters.count))
            if extra.count == 1 {
                let argument = arguments[extra[0]]
                let message = argument.label.map { "extra argument '\($0)' in call" } ?? "extra argument in call"
                return Failure(message: message, position: argument.position)
            }
            let positions = extra.map { "#\($0 + 1)" }.joined(separator: ", ")
            return Failure(message: "extra arguments at positions \(positions) in call", position: leftParen)
        }

        // Labels that all exist, in the wrong order.
        if let (later, earlier) = misordered(arguments) {
            return Failure(
                message: "argument '\(later.label ?? "_")' must precede argument '\(earlier.label ?? "_")'",
                position: later.labelPosition ?? later.position)
        }

        // As many arguments as the leading parameters, but with other labels.
        if arguments.count <= parameters.count && arguments.count >= required
            && parameters[arguments.count...].allSatisfy({ $0.hasDefault || $0.isVariadic })
        {
            let aligned = Array(parameters.prefix(arguments.count))
            let differing = zip(arguments, aligned).enumerated().filter { $0.element.0.label != $0.element.1.label }
            // An unknown label where a defaulted parameter is (and not a near miss of its label)
            // is an extra argument, as Swift sees it.
            let extra = differing.filter { _, pair in
                let (argument, parameter) = pair
                guard parameter.hasDefault, let label = argument.label else { return false }
                return !parameters.contains { $0.label == label } && !Self.similar(label, parameter.label ?? "")
            }
            if !extra.isEmpty && extra.count == differing.count {
                if extra.count == 1, let (_, pair) = extra.first {
                    return Failure(
                        message: "extra argument '\(pair.0.label ?? "_")' in call", position: pair.0.position)
                }
                let positions = extra.map { "#\($0.offset + 1)" }.joined(separator: ", ")
                return Failure(message: "extra arguments at positions \(positions) in call", position: leftParen)
            }
            if differing.count == 1, let (_, pair) = differing.first {
                let (argument, parameter) = pair
                if argument.label == nil, let label = parameter.label {
                    return Failure(message: "missing argument label '\(label):' in call", position: leftParen)
                }
                if let label = argument.label, parameter.label == nil {
                    return Failure(message: "extraneous argument label '\(label):' in call", position: leftParen)
                }
            }
            if !differing.isEmpty {
                let have = arguments.map { ($0.label ?? "_") + ":" }.joined()
                let expected = aligned.map { ($0.label ?? "_") + ":" }.joined()
                let plural = differing.count == 1 ? "label" : "labels"
                return Failure(
                    message: "incorrect argument \(plural) in call (have '\(have)', expected '\(expected)')",
                    position: leftParen)
            }
        }

        // Missing arguments: match greedily, skipping what does not fit, and name the first
        // required parameter left without one.
        var next = 0
        var missing: [Int] = []
        for (index, parameter) in parameters.enumerated() {
            if next < arguments.count, fits(arguments[next], parameter) {
                next += 1
                if parameter.isVariadic {
                    while next < arguments.count, arguments[next].label == nil { next += 1 }
                }
            } else if !parameter.hasDefault && !parameter.isVariadic {
                missing.append(index)
            }
        }
        if next == arguments.count, !missing.isEmpty {
            let names = missing.map { index in
                parameters[index].label.map { "'\($0)'" } ?? "#\(index + 1)"
            }
            if names.count == 1 {
                return Failure(message: "missing argument for parameter \(names[0]) in call", position: rightParen)
            }
            return Failure(
                message: "missing arguments for parameters \(names.joined(separator: ", ")) in call",
                position: rightParen)
        }
        if next < arguments.count, !missing.isEmpty || next > 0 || arguments.count > 0 {
            let argument = arguments[next]
            if arguments.count > parameters.count && !hasVariadic {
                let message = argument.label.map { "extra argument '\($0)' in call" } ?? "extra argument in call"
                return Failure(message: message, position: argument.position)
            }
        }
        let have = arguments.map { ($0.label ?? "_") + ":" }.joined()
        let expected = parameters.map { ($0.label ?? "_") + ":" }.joined()
        return Failure(
            message: "incorrect argument labels in call (have '\(have)', expected '\(expected)')", position: leftParen)
    }
}

extension ArgumentMatcher {
    /// An argument whose label names a parameter before the one a previous argument named.
    private func misordered(_ arguments: [Argument]) -> (Argument, Argument)? {
        var previous: (argument: Argument, parameter: Int)?
        for argument in arguments {
            guard let label = argument.label, let index = parameters.firstIndex(where: { $0.label == label }) else {
                continue
            }
            if let previous, index < previous.parameter { return (argument, previous.argument) }
            previous = (argument, index)
        }
        return nil
    }

    /// Labels close enough to be a typo of each other (`bit`/`bits`, `schem`/`scheme`).
    static func similar(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard !x.isEmpty, !y.isEmpty else { return false }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        let distance = previous[y.count]
        return distance <= Swift.max(1, Swift.min(x.count, y.count) / 3)
    }

    init(builtin parameters: [BuiltinParameter]) {
        self.parameters = parameters.map { parameter in
            Parameter(
                label: parameter.label, name: parameter.name, hasDefault: parameter.hasDefault,
                isVariadic: parameter.isVariadic, acceptsClosure: parameter.type.acceptsClosure)
        }
    }

    init(function: FunctionDecl) {
        self.parameters = function.parameters.map { parameter in
            Parameter(
                label: parameter.label, name: parameter.name, hasDefault: parameter.defaultValue != nil,
                isVariadic: parameter.isVariadic, acceptsClosure: parameter.type?.acceptsClosure ?? true)
        }
    }
}

extension ScriptType {
    /// Whether a closure can be passed where this type is expected.
    var acceptsClosure: Bool {
        switch self {
        case .function, .any, .generic: return true
        case .optional(let wrapped): return wrapped.acceptsClosure
        default: return false
        }
    }
}
