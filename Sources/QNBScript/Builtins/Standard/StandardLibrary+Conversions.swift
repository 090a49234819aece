extension StandardLibrary {
    static func registerConversions(_ library: inout BuiltinLibrary) {
        // Int
        library.register("Int", [.unlabeled("value", .int)], returns: .int, doc: "The same Int.") { args, _ in args[0] }
        library.register(
            "Int", [.unlabeled("value", .double)], returns: .int,
            doc:
                "The Double truncated toward zero; NaN, infinity or a value outside Int's range is an error (Swift traps)."
        ) { args, _ in
            let value = try args.double(0)
            guard value.isFinite else {
                throw args.error(0, "Double value cannot be converted to Int because it is either infinite or NaN")
            }
            guard let result = Int(exactly: value.rounded(.towardZero)) else {
                throw args.error(
                    0,
                    "Double value cannot be converted to Int because the result would be \(value < 0 ? "less than Int.min" : "greater than Int.max")"
                )
            }
            return .int(result)
        }
        library.register(
            "Int", [.unlabeled("text", .string)], returns: .optional(.int), doc: "The Int the text spells, or nil."
        ) { args, _ in .optional(Int(try args.string(0)).map(Value.int)) }
        library.register(
            "Int", [.unlabeled("text", .string), .labeled("radix", .int)], returns: .optional(.int),
            doc: "The Int the text spells in the given base, or nil."
        ) { args, _ in
            let radix = try args.int(1)
            guard (2...36).contains(radix) else { throw args.error(1, "radix must be between 2 and 36") }
            return .optional(Int(try args.string(0), radix: radix).map(Value.int))
        }

        // Double and Float
        library.register(
            "Double", [.unlabeled("value", .int)], returns: .double,
            doc: "The Int as a Double (rounded to the nearest Double)."
        ) { args, _ in
            .double(Double(try args.int(0)))
        }
        library.register("Double", [.unlabeled("value", .double)], returns: .double, doc: "The same Double.") {
            args, _ in args[0]
        }
        library.register(
            "Double", [.unlabeled("text", .string)], returns: .optional(.double),
            doc: "The Double the text spells, or nil."
        ) { args, _ in .optional(Double(try args.string(0)).map(Value.double)) }
        library.register(
            "Float", [.unlabeled("value", .number)], returns: .float,
            doc:
                "The number rounded to the nearest Float32 (qnb keeps it as a Double: Float(0.1) prints 0.10000000149011612)."
        ) { args, _ in .double(Double(Float(try args.double(0)))) }
        library.register(
            "Float", [.unlabeled("text", .string)], returns: .optional(.float),
            doc: "The Float the text spells, or nil."
        ) { args, _ in .optional(Float(try args.string(0)).map { .double(Double($0)) }) }

        // String and Bool
        library.register(
            "String", [.unlabeled("value", .any)], returns: .string,
            doc: "The value's textual representation, as print writes it."
        ) { args, _ in .string(args[0].description) }
        library.register(
            "String", [.labeled("describing", .any)], returns: .string, doc: "The value's textual representation."
        ) { args, _ in .string(args[0].description) }
        library.register(
            "String", [.labeled("repeating", .string), .labeled("count", .int)], returns: .string,
            doc: "The text repeated."
        ) { args, _ in
            let count = try args.int(1)
            guard count >= 0 else { throw args.error(1, "count must not be negative") }
            let text = try args.string(0)
            guard text.utf8.count.multipliedReportingOverflow(by: count).partialValue <= 100_000_000,
                count <= 100_000_000
            else {
                throw args.error(1, "the repeated string would be longer than 100,000,000 bytes")
            }
            return .string(String(repeating: text, count: count))
        }
        library.register(
            "String", [.unlabeled("value", .int), .labeled("radix", .int)], returns: .string,
            doc: "The Int written in the given base."
        ) { args, _ in
            let radix = try args.int(1)
            guard (2...36).contains(radix) else { throw args.error(1, "radix must be between 2 and 36") }
            return .string(String(try args.int(0), radix: radix))
        }
        library.register(
            "String", [.labeled("format", .string), .variadic("arguments", .any)], returns: .string,
            doc:
                "printf-style formatting (%d %i %f %e %g %s %x %%, with flags, width and precision), as Foundation's String(format:)."
        ) { args, _ in .string(try PrintfFormatter.format(try args.string(0), try args.array(1))) }
        library.register(
            "Bool", [.unlabeled("text", .string)], returns: .optional(.bool),
            doc: "true or false for \"true\" or \"false\", else nil."
        ) { args, _ in
            .optional(Bool(try args.string(0)).map(Value.bool))
        }

        library.register(
            "Optional", [.unlabeled("value", .any)], returns: .optional(.any), doc: "The value wrapped in an optional."
        ) { args, _ in
            if case .optional = args[0] { return args[0] }
            return .optional(args[0])
        }

        // Collections
        library.register("Array", [], returns: .array(.generic("Element")), doc: "An empty array: [Double]().") {
            _, _ in .array([])
        }
        library.register(
            "Array", [.unlabeled("elements", .any)], returns: .array(.any),
            doc: "The elements of a sequence (a range, stride, string, dictionary) as an array."
        ) { args, context in
            .array(try context.interpreter.elements(of: args[0], at: context.position, purpose: "Array(_:)"))
        }
        library.register(
            "Array", [.labeled("repeating", .generic("Element")), .labeled("count", .int)],
            returns: .array(.generic("Element")),
            doc: "An array of count copies of the value."
        ) { args, _ in
            let count = try args.int(1)
            guard count >= 0 else { throw args.error(1, "can't construct Array with count < 0") }
            guard count <= maximumMaterializedElements else {
                throw args.error(
                    1,
                    "count \(count) is more than the \(maximumMaterializedElements) elements an array may hold in a cell"
                )
            }
            do { try reserveMemory(forValues: count) } catch let error as ScriptError {
                throw args.error(1, error.message)
            }
            return .array(Array(repeating: args[0], count: count))
        }
        library.register(
            "Dictionary", [], returns: .dictionary(key: .generic("Key"), value: .generic("Value")),
            doc: "An empty dictionary: [String: Int]()."
        ) { _, _ in
            .dictionary(ScriptDictionary())
        }
        library.register(
            "Dictionary", [.labeled("uniqueKeysWithValues", .any)], returns: .dictionary(key: .any, value: .any),
            doc: "A dictionary from (key, value) pairs; a repeated key is an error."
        ) { args, context in
            var dictionary = ScriptDictionary()
            for pair in try context.interpreter.elements(
                of: args[0], at: context.position, purpose: "Dictionary(uniqueKeysWithValues:)")
            {
                guard case .tuple(let tuple) = pair, tuple.elements.count == 2 else {
                    throw args.error(0, "expected (key, value) pairs, found '\(pair.typeName)'")
                }
                if dictionary.contains(key: tuple.elements[0]) {
                    throw args.error(0, "duplicate key \(tuple.elements[0].debugDescription)")
                }
                dictionary[tuple.elements[0]] = tuple.elements[1]
            }
            return .dictionary(dictionary)
        }
    }
}
