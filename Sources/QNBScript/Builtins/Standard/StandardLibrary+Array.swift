extension StandardLibrary {
    /// Lends an array receiver's storage to `body` (emptied meanwhile, so it is not copied).
    static func mutateArray<R>(_ receiver: inout Value, _ body: (inout [Value]) throws -> R) throws -> R {
        guard case .array(var elements) = receiver else {
            throw ScriptError("expected an array, found '\(receiver.typeName)'")
        }
        receiver = .void
        defer { receiver = .array(elements) }
        return try body(&elements)
    }

    static func checkIndex(_ index: Int, _ count: Int, allowEnd: Bool = false, argument: Int) throws {
        guard index >= 0 && (allowEnd ? index <= count : index < count) else {
            throw ScriptError(
                "index \(index) is out of range for an array of \(count) element\(count == 1 ? "" : "s")",
                argument: argument)
        }
    }

    static func registerArrayMembers(_ library: inout BuiltinLibrary) {
        library.extend(.array, name: "Array", doc: "An ordered, random-access collection with value semantics.") {
            type in
            type.add(
                BuiltinProperty("indices", .range(.int), doc: "The valid indices, 0..<count.") { receiver, _ in
                    guard case .array(let elements) = receiver else { return .void }
                    return .range(.int(lower: 0, upper: elements.count, closed: false))
                })
            type.add(BuiltinProperty("startIndex", .int, doc: "Always 0.") { _, _ in .int(0) })
            type.add(
                BuiltinProperty("endIndex", .int, doc: "The index after the last element: count.") { receiver, _ in
                    guard case .array(let elements) = receiver else { return .void }
                    return .int(elements.count)
                })
            type.add(
                BuiltinMethod(
                    mutating: "append", [.unlabeled("newElement", element)], doc: "Adds an element at the end."
                ) { receiver, args, _ in
                    try mutateArray(&receiver) { $0.append(args[0]) }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "append", [.labeled("contentsOf", .array(element))],
                    doc: "Adds the elements of a sequence at the end."
                ) { receiver, args, _ in
                    let extra = try elements(args, 0)
                    try mutateArray(&receiver) { $0.append(contentsOf: extra) }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "insert", [.unlabeled("newElement", element), .labeled("at", .int)],
                    doc: "Inserts an element at the index (0…count)."
                ) { receiver, args, _ in
                    let index = try args.int(1)
                    try mutateArray(&receiver) { elements in
                        try checkIndex(index, elements.count, allowEnd: true, argument: 1)
                        elements.insert(args[0], at: index)
                    }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "remove", [.labeled("at", .int)], returns: element,
                    doc: "Removes and returns the element at the index."
                ) { receiver, args, _ in
                    let index = try args.int(0)
                    return try mutateArray(&receiver) { elements in
                        try checkIndex(index, elements.count, argument: 0)
                        return elements.remove(at: index)
                    }
                })
            for (name, first) in [("removeFirst", true), ("removeLast", false)] {
                type.add(
                    BuiltinMethod(
                        mutating: name, [], returns: element,
                        doc: "Removes and returns the \(first ? "first" : "last") element; an empty array is an error."
                    ) { receiver, _, _ in
                        try mutateArray(&receiver) { elements in
                            guard !elements.isEmpty else {
                                throw ScriptError(
                                    "can't remove \(first ? "first" : "last") element from an empty collection")
                            }
                            return first ? elements.removeFirst() : elements.removeLast()
                        }
                    })
            }
            type.add(
                BuiltinMethod(
                    mutating: "popLast", [], returns: .optional(element),
                    doc: "Removes and returns the last element, or nil if empty."
                ) { receiver, _, _ in
                    .optional(try mutateArray(&receiver) { $0.popLast() })
                })
            type.add(
                BuiltinMethod(mutating: "removeAll", [], doc: "Removes every element.") { receiver, _, _ in
                    try mutateArray(&receiver) { $0.removeAll() }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "removeAll", [.labeled("where", predicate)],
                    doc: "Removes the elements the closure returns true for."
                ) { receiver, args, context in
                    guard case .array(let elements) = receiver else { return .void }
                    var kept: [Value] = []
                    for value in elements where try !args.predicateResult(context.call(args[0], [value])) {
                        kept.append(value)
                    }
                    receiver = .array(kept)
                    return .void
                })
            type.add(
                BuiltinMethod(mutating: "sort", [], doc: "Sorts the elements in increasing order, in place.") {
                    receiver, _, _ in
                    try mutateArray(&receiver) { try $0.sort(by: ValueOrdering.less) }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "sort", [.labeled("by", .function(parameters: [element, element], result: .bool))],
                    doc: "Sorts in place by the closure (areInIncreasingOrder)."
                ) { receiver, args, context in
                    guard case .array(let elements) = receiver else { return .void }
                    receiver = .array(
                        try elements.sorted { try args.predicateResult(context.call(args[0], [$0, $1])) })
                    return .void
                })
            type.add(
                BuiltinMethod(mutating: "reverse", [], doc: "Reverses the elements in place.") { receiver, _, _ in
                    try mutateArray(&receiver) { $0.reverse() }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "shuffle", [], doc: "Shuffles the elements in place, with the session's seeded generator."
                ) { receiver, _, context in
                    var generator = context.random
                    try mutateArray(&receiver) { $0.shuffle(using: &generator) }
                    return .void
                })
            type.add(
                BuiltinMethod(
                    mutating: "swapAt", [.unlabeled("i", .int), .unlabeled("j", .int)],
                    doc: "Exchanges the elements at two indices."
                ) { receiver, args, _ in
                    let i = try args.int(0)
                    let j = try args.int(1)
                    try mutateArray(&receiver) { elements in
                        try checkIndex(i, elements.count, argument: 0)
                        try checkIndex(j, elements.count, argument: 1)
                        elements.swapAt(i, j)
                    }
                    return .void
                })
        }
    }
}
