extension StandardLibrary {
    static func registerSequenceFunctions(_ library: inout BuiltinLibrary) {
        for inclusive in [false, true] {
            let end = inclusive ? "through" : "to"
            library.register(
                "stride",
                [.labeled("from", .generic("T")), .labeled(end, .generic("T")), .labeled("by", .generic("T"))],
                returns: .object(inclusive ? "StrideThrough<T>" : "StrideTo<T>"),
                doc: "The values from start \(inclusive ? "through" : "up to, but not including,") end, by step."
            ) { args, _ in
                switch (args[0], args[1], args[2]) {
                case (.int(let from), .int(let to), .int(let by)):
                    guard by != 0 else { throw args.error(2, "stride step must not be zero") }
                    return .range(.intStride(from: from, to: to, by: by, inclusive: inclusive))
                default:
                    let by = try args.double(2)
                    guard by != 0 else { throw args.error(2, "stride step must not be zero") }
                    guard by.isFinite else { throw args.error(2, "stride step must be finite") }
                    return .range(
                        .doubleStride(from: try args.double(0), to: try args.double(1), by: by, inclusive: inclusive))
                }
            }
        }
        library.register(
            "zip", [.unlabeled("sequence1", .any), .unlabeled("sequence2", .any)],
            returns: .array(.tuple([.any, .any], labels: [nil, nil])),
            doc: "Pairs of elements taken from both sequences, as long as the shorter one."
        ) { args, _ in
            let first = try elements(args, 0)
            let second = try elements(args, 1)
            return .array(zip(first, second).map { .tuple(ScriptTuple([$0, $1])) })
        }
    }

    /// The elements of argument `index`, which must be a sequence.
    static func elements(_ args: BuiltinArguments, _ index: Int) throws -> [Value] {
        guard let elements = try args[index].sequenceElements() else {
            throw args.error(index, "argument of type '\(args[index].typeName)' is not a sequence")
        }
        return elements
    }

    static func receiverElements(_ receiver: Value) throws -> [Value] {
        guard let elements = try receiver.sequenceElements() else {
            throw ScriptError("value of type '\(receiver.typeName)' is not a sequence")
        }
        return elements
    }
}

extension BuiltinLibrary {
    /// Adds Swift's `Sequence` methods (`map`, `filter`, `reduce`, `sorted`, `enumerated`,
    /// `contains`, `min`, `prefix`…) to a type whose values give elements through
    /// `Value.sequenceElements()` — a value kind, or a host object conforming to `ScriptSequence`.
    /// Members the type already has are kept.
    public mutating func registerSequenceMethods(for key: TypeKey, typeName: String, except excluded: Set<String> = [])
    {
        var sequence = BuiltinType(name: typeName, doc: "")
        StandardLibrary.addSequenceMembers(to: &sequence)
        extend(key, name: typeName) { type in
            type.mergeMissing(sequence, except: excluded)
        }
    }
}

extension StandardLibrary {
    static let element = ScriptType.generic("Element")
    static let predicate = ScriptType.function(parameters: [element], result: .bool)

    static func addSequenceMembers(to type: inout BuiltinType) {
        type.add(
            BuiltinProperty("count", .int, doc: "The number of elements.") { receiver, _ in
                switch receiver {
                case .array(let elements): return .int(elements.count)
                case .string(let text): return .int(text.count)
                case .dictionary(let dictionary): return .int(dictionary.count)
                case .range(let range): if let count = range.count { return .int(count) }
                default: break
                }
                return .int(try receiverElements(receiver).count)
            })
        type.add(
            BuiltinProperty("isEmpty", .bool, doc: "Whether there are no elements.") { receiver, _ in
                switch receiver {
                case .array(let elements): return .bool(elements.isEmpty)
                case .string(let text): return .bool(text.isEmpty)
                case .dictionary(let dictionary): return .bool(dictionary.isEmpty)
                default: return .bool(try receiverElements(receiver).isEmpty)
                }
            })
        type.add(
            BuiltinProperty("first", .optional(element), doc: "The first element, or nil if empty.") { receiver, _ in
                if case .array(let elements) = receiver { return .optional(elements.first) }
                return .optional(try receiverElements(receiver).first)
            })
        type.add(
            BuiltinProperty("last", .optional(element), doc: "The last element, or nil if empty.") { receiver, _ in
                if case .array(let elements) = receiver { return .optional(elements.last) }
                return .optional(try receiverElements(receiver).last)
            })

        type.add(
            BuiltinMethod(
                "map", [.unlabeled("transform", .function(parameters: [element], result: .generic("T")))],
                returns: .array(.generic("T")), doc: "The results of calling the closure on each element."
            ) { receiver, args, context in
                var result: [Value] = []
                for value in try receiverElements(receiver) { result.append(try context.call(args[0], [value])) }
                return .array(result)
            })
        type.add(
            BuiltinMethod(
                "compactMap",
                [.unlabeled("transform", .function(parameters: [element], result: .optional(.generic("T"))))],
                returns: .array(.generic("T")), doc: "The non-nil results of calling the closure on each element."
            ) { receiver, args, context in
                var result: [Value] = []
                for value in try receiverElements(receiver) {
                    let mapped = try context.call(args[0], [value])
                    if case .optional(let inner) = mapped {
                        if let inner { result.append(inner) }
                    } else {
                        result.append(mapped)
                    }
                }
                return .array(result)
            })
        type.add(
            BuiltinMethod(
                "flatMap", [.unlabeled("transform", .function(parameters: [element], result: .array(.generic("T"))))],
                returns: .array(.generic("T")), doc: "The concatenated results of calling the closure on each element."
            ) { receiver, args, context in
                var result: [Value] = []
                for value in try receiverElements(receiver) {
                    let mapped = try context.call(args[0], [value])
                    guard let elements = try mapped.sequenceElements() else {
                        throw ScriptError("flatMap's closure must return a sequence, not '\(mapped.typeName)'")
                    }
                    result += elements
                }
                return .array(result)
            })
        type.add(
            BuiltinMethod(
                "filter", [.unlabeled("isIncluded", predicate)], returns: .array(element),
                doc:
                    "The elements for which the closure returns true (a String for a String, a Dictionary for a Dictionary)."
            ) { receiver, args, context in
                var kept: [Value] = []
                for value in try receiverElements(receiver)
                where try args.predicateResult(context.call(args[0], [value])) {
                    kept.append(value)
                }
                switch receiver {
                case .string: return .string(kept.map(\.description).joined())
                case .dictionary:
                    var dictionary = ScriptDictionary()
                    for entry in kept {
                        if case .tuple(let pair) = entry { dictionary[pair.elements[0]] = pair.elements[1] }
                    }
                    return .dictionary(dictionary)
                default: return .array(kept)
                }
            })
        type.add(
            BuiltinMethod(
                "reduce",
                [
                    .unlabeled("initialResult", .generic("Result")),
                    .unlabeled(
                        "nextPartialResult",
                        .function(parameters: [.generic("Result"), element], result: .generic("Result"))),
                ], returns: .generic("Result"),
                doc: "Combines the elements with the closure, starting from the initial result: reduce(0, +)."
            ) { receiver, args, context in
                var accumulator = args[0]
                let elements = try receiverElements(receiver)
                // `reduce(0, +)` over Doubles: Swift types the literal 0 as a Double.
                if args.isNumberLiteral(0), case .int(let start) = accumulator, case .double? = elements.first {
                    accumulator = .double(Double(start))
                }
                for value in elements { accumulator = try context.call(args[1], [accumulator, value]) }
                return accumulator
            })
        type.add(
            BuiltinMethod(
                "forEach", [.unlabeled("body", .function(parameters: [element], result: .void))], returns: .void,
                doc: "Calls the closure on each element."
            ) { receiver, args, context in
                for value in try receiverElements(receiver) { _ = try context.call(args[0], [value]) }
                return .void
            })
        type.add(
            BuiltinMethod(
                "contains", [.unlabeled("element", element)], returns: .bool,
                doc: "Whether the element is among the elements."
            ) { receiver, args, context in
                if case .range(let range) = receiver { return .bool(context.interpreter.rangeContains(range, args[0])) }
                if case .string(let text) = receiver, case .string(let other) = args[0] {
                    return .bool(other.isEmpty || text.contains(other))
                }
                for value in try receiverElements(receiver)
                where try context.interpreter.valuesEqual(value, args[0], at: context.position) {
                    return .bool(true)
                }
                return .bool(false)
            })
        type.add(
            BuiltinMethod(
                "contains", [.labeled("where", predicate)], returns: .bool,
                doc: "Whether the closure returns true for some element."
            ) { receiver, args, context in
                for value in try receiverElements(receiver)
                where try args.predicateResult(context.call(args[0], [value])) {
                    return .bool(true)
                }
                return .bool(false)
            })
        type.add(
            BuiltinMethod(
                "allSatisfy", [.unlabeled("predicate", predicate)], returns: .bool,
                doc: "Whether the closure returns true for every element."
            ) { receiver, args, context in
                for value in try receiverElements(receiver)
                where try !args.predicateResult(context.call(args[0], [value])) {
                    return .bool(false)
                }
                return .bool(true)
            })
        type.add(
            BuiltinMethod(
                "count", [.labeled("where", predicate)], returns: .int,
                doc: "How many elements the closure returns true for."
            ) { receiver, args, context in
                var count = 0
                for value in try receiverElements(receiver)
                where try args.predicateResult(context.call(args[0], [value])) { count += 1 }
                return .int(count)
            })
        type.add(
            BuiltinMethod(
                "first", [.labeled("where", predicate)], returns: .optional(element),
                doc: "The first element the closure returns true for, or nil."
            ) { receiver, args, context in
                for value in try receiverElements(receiver)
                where try args.predicateResult(context.call(args[0], [value])) {
                    return .optional(value)
                }
                return .null
            })
        type.add(
            BuiltinMethod(
                "firstIndex", [.labeled("of", element)], returns: .optional(.int),
                doc: "The index of the first element equal to the value, or nil."
            ) { receiver, args, context in
                for (index, value) in try receiverElements(receiver).enumerated()
                where try context.interpreter.valuesEqual(value, args[0], at: context.position) {
                    return .optional(.int(index))
                }
                return .null
            })
        type.add(
            BuiltinMethod(
                "firstIndex", [.labeled("where", predicate)], returns: .optional(.int),
                doc: "The index of the first element the closure returns true for, or nil."
            ) { receiver, args, context in
                for (index, value) in try receiverElements(receiver).enumerated()
                where try args.predicateResult(context.call(args[0], [value])) {
                    return .optional(.int(index))
                }
                return .null
            })
        type.add(
            BuiltinMethod(
                "lastIndex", [.labeled("of", element)], returns: .optional(.int),
                doc: "The index of the last element equal to the value, or nil."
            ) { receiver, args, context in
                for (index, value) in try receiverElements(receiver).enumerated().reversed()
                where try context.interpreter.valuesEqual(value, args[0], at: context.position) {
                    return .optional(.int(index))
                }
                return .null
            })
        for (name, wantsLess) in [("min", true), ("max", false)] {
            type.add(
                BuiltinMethod(
                    name, [], returns: .optional(element),
                    doc: "The \(wantsLess ? "smallest" : "largest") element, or nil if empty."
                ) { receiver, _, _ in
                    var best: Value?
                    for value in try receiverElements(receiver) {
                        guard let current = best else {
                            best = value
                            continue
                        }
                        if try wantsLess ? ValueOrdering.less(value, current) : ValueOrdering.less(current, value) {
                            best = value
                        }
                    }
                    return .optional(best)
                })
            type.add(
                BuiltinMethod(
                    name, [.labeled("by", .function(parameters: [element, element], result: .bool))],
                    returns: .optional(element),
                    doc:
                        "The \(wantsLess ? "smallest" : "largest") element by the ordering closure (areInIncreasingOrder), or nil."
                ) { receiver, args, context in
                    var best: Value?
                    for value in try receiverElements(receiver) {
                        guard let current = best else {
                            best = value
                            continue
                        }
                        let ordered = wantsLess ? [value, current] : [current, value]
                        if try args.predicateResult(context.call(args[0], ordered)) { best = value }
                    }
                    return .optional(best)
                })
        }
        type.add(
            BuiltinMethod("sorted", [], returns: .array(element), doc: "The elements in increasing order.") {
                receiver, _, _ in
                .array(try receiverElements(receiver).sorted(by: ValueOrdering.less))
            })
        type.add(
            BuiltinMethod(
                "sorted", [.labeled("by", .function(parameters: [element, element], result: .bool))],
                returns: .array(element),
                doc: "The elements ordered by the closure (areInIncreasingOrder): sorted { $0 > $1 }."
            ) { receiver, args, context in
                .array(
                    try receiverElements(receiver).sorted { try args.predicateResult(context.call(args[0], [$0, $1])) })
            })
        type.add(
            BuiltinMethod(
                "reversed", [], returns: .array(element),
                doc: "The elements in reverse order (an array; a String for a String)."
            ) { receiver, _, _ in
                if case .string(let text) = receiver { return .string(String(text.reversed())) }
                return .array(try receiverElements(receiver).reversed())
            })
        type.add(
            BuiltinMethod(
                "enumerated", [], returns: .array(.tuple([.int, element], labels: ["offset", "element"])),
                doc: "Pairs (offset, element), for `for (i, x) in xs.enumerated()`."
            ) { receiver, _, _ in
                .array(
                    try receiverElements(receiver).enumerated().map {
                        .tuple(ScriptTuple([.int($0), $1], labels: ["offset", "element"]))
                    })
            })
        for (name, doc) in [
            ("prefix", "The first n elements (fewer if there are fewer)."),
            ("suffix", "The last n elements (fewer if there are fewer)."),
        ] {
            type.add(
                BuiltinMethod(name, [.unlabeled("maxLength", .int)], returns: .array(element), doc: doc) {
                    receiver, args, _ in
                    let n = try args.int(0)
                    guard n >= 0 else {
                        throw args.error(0, "can't take a prefix or suffix of negative length from a collection")
                    }
                    let elements = try receiverElements(receiver)
                    let slice = name == "prefix" ? Array(elements.prefix(n)) : Array(elements.suffix(n))
                    if case .string = receiver { return .string(slice.map(\.description).joined()) }
                    return .array(slice)
                })
        }
        for (name, doc) in [
            ("dropFirst", "All but the first k elements."), ("dropLast", "All but the last k elements."),
        ] {
            type.add(
                BuiltinMethod(
                    name, [.init(label: nil, name: "k", type: .int, default: 1)], returns: .array(element), doc: doc
                ) { receiver, args, _ in
                    let k = try args.int(0)
                    guard k >= 0 else {
                        throw args.error(0, "can't drop a negative number of elements from a collection")
                    }
                    let elements = try receiverElements(receiver)
                    let slice = name == "dropFirst" ? Array(elements.dropFirst(k)) : Array(elements.dropLast(k))
                    if case .string = receiver { return .string(slice.map(\.description).joined()) }
                    return .array(slice)
                })
        }
        type.add(
            BuiltinMethod(
                "joined", [.labeled("separator", .string, default: "")], returns: .string,
                doc: "The elements (strings) concatenated, with the separator between them."
            ) { receiver, args, _ in
                let separator = try args.string(0)
                var parts: [String] = []
                for value in try receiverElements(receiver) {
                    guard case .string(let text) = value else {
                        throw ScriptError(
                            "joined(separator:) needs strings; found an element of type '\(value.typeName)' (map with String(_:) first)"
                        )
                    }
                    parts.append(text)
                }
                return .string(parts.joined(separator: separator))
            })
        type.add(
            BuiltinMethod(
                "shuffled", [], returns: .array(element),
                doc: "The elements in random order, from the session's seeded generator."
            ) { receiver, _, context in
                var generator = context.random
                return .array(try receiverElements(receiver).shuffled(using: &generator))
            })
        type.add(
            BuiltinMethod(
                "randomElement", [], returns: .optional(element),
                doc: "A random element (nil if empty), from the session's seeded generator."
            ) { receiver, _, context in
                let elements = try receiverElements(receiver)
                guard !elements.isEmpty else { return .null }
                return .optional(elements[context.random.nextInt(in: 0...(elements.count - 1))])
            })
    }
}
