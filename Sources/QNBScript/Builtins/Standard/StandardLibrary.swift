/// The language-level builtins (`BuiltinLibrary.standard`): Swift's global functions and the
/// members of its value types that cells use.
enum StandardLibrary {
    static func make() -> BuiltinLibrary {
        var library = BuiltinLibrary()
        registerOutput(&library)
        registerFormatting(&library)
        registerMath(&library)
        registerConversions(&library)
        registerSequenceFunctions(&library)
        // Ranges hold numbers and dictionaries (key, value) pairs, never strings: `joined` could
        // only fail on them (Swift has no such member either).
        for (key, name, excluded) in [
            (TypeKey.array, "Array", Set<String>()), (.range, "Range", ["joined"]), (.string, "String", []),
            (.dictionary, "Dictionary", ["joined"]),
        ] {
            library.registerSequenceMethods(for: key, typeName: name, except: excluded)
        }
        registerArrayMembers(&library)
        registerStringMembers(&library)
        registerDictionaryMembers(&library)
        registerNumberMembers(&library)
        registerRangeMembers(&library)
        library.registerTypeName("Range", .range(.int), key: .range)
        return library
    }
}

/// Ordering of values for `sorted()`, `min()`, `max()` and `<`: numbers, strings, and tuples of
/// them lexicographically, as Swift's `Comparable` types.
enum ValueOrdering {
    static func less(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.int(let x), .double(let y)): return Double(x) < y
        case (.double(let x), .int(let y)): return x < Double(y)
        case (.string(let x), .string(let y)): return x < y
        case (.tuple(let x), .tuple(let y)) where x.elements.count == y.elements.count:
            for (p, q) in zip(x.elements, y.elements) {
                if try less(p, q) { return true }
                if try less(q, p) { return false }
            }
            return false
        default:
            if a.typeName == b.typeName {
                throw ScriptError("values of type '\(a.typeName)' cannot be compared; use 'sorted(by:)'")
            }
            throw ScriptError("cannot compare values of type '\(a.typeName)' and '\(b.typeName)'")
        }
    }
}

extension BuiltinArguments {
    /// Argument `index` as a Bool returned by a predicate closure.
    func predicateResult(_ value: Value) throws -> Bool {
        guard case .bool(let result) = value else {
            throw ScriptError("cannot convert value of type '\(value.typeName)' to closure result type 'Bool'")
        }
        return result
    }
}
