extension StandardLibrary {
    static func mutateDictionary<R>(_ receiver: inout Value, _ body: (inout ScriptDictionary) throws -> R) throws -> R {
        guard case .dictionary(var dictionary) = receiver else {
            throw ScriptError("expected a dictionary, found '\(receiver.typeName)'")
        }
        receiver = .void
        defer { receiver = .dictionary(dictionary) }
        return try body(&dictionary)
    }

    static func registerDictionaryMembers(_ library: inout BuiltinLibrary) {
        let key = ScriptType.generic("Key")
        let value = ScriptType.generic("Value")
        library.extend(
            .dictionary, name: "Dictionary",
            doc: "Keys mapped to values; iterates in insertion order in qnb (Swift's order is unspecified)."
        ) { type in
            type.add(
                BuiltinProperty("keys", .array(key), doc: "The keys, in insertion order.") { receiver, _ in
                    guard case .dictionary(let dictionary) = receiver else { return .void }
                    return .array(dictionary.keys)
                })
            type.add(
                BuiltinProperty("values", .array(value), doc: "The values, in insertion order.") { receiver, _ in
                    guard case .dictionary(let dictionary) = receiver else { return .void }
                    return .array(dictionary.values)
                })
            type.add(
                BuiltinMethod(
                    "mapValues", [.unlabeled("transform", .function(parameters: [value], result: .generic("T")))],
                    returns: .dictionary(key: key, value: .generic("T")), doc: "The same keys with transformed values."
                ) { receiver, args, context in
                    guard case .dictionary(let dictionary) = receiver else { return .void }
                    var result = ScriptDictionary()
                    for (k, v) in zip(dictionary.keys, dictionary.values) { result[k] = try context.call(args[0], [v]) }
                    return .dictionary(result)
                })
            type.add(
                BuiltinMethod(
                    mutating: "removeValue", [.labeled("forKey", key)], returns: .optional(value),
                    doc: "Removes the key; returns its value, or nil if absent."
                ) { receiver, args, _ in
                    .optional(try mutateDictionary(&receiver) { $0.removeValue(forKey: args[0]) })
                })
            type.add(
                BuiltinMethod(
                    mutating: "updateValue", [.unlabeled("value", value), .labeled("forKey", key)],
                    returns: .optional(value), doc: "Sets the key's value; returns the old value, or nil."
                ) { receiver, args, _ in
                    .optional(
                        try mutateDictionary(&receiver) { dictionary in
                            let old = dictionary[args[1]]
                            dictionary[args[1]] = args[0]
                            return old
                        })
                })
            type.add(
                BuiltinMethod(mutating: "removeAll", [], doc: "Removes every entry.") { receiver, _, _ in
                    try mutateDictionary(&receiver) { $0.removeAll() }
                    return .void
                })
        }
    }
}
