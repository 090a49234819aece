extension StandardLibrary {
    static func registerStringMembers(_ library: inout BuiltinLibrary) {
        library.extend(
            .string, name: "String", doc: "Text; iterating gives one-character strings (Swift's Characters)."
        ) { type in
            type.add(
                BuiltinMethod("uppercased", [], returns: .string, doc: "The text in upper case.") { receiver, _, _ in
                    .string(try receiver.asString().uppercased())
                })
            type.add(
                BuiltinMethod("lowercased", [], returns: .string, doc: "The text in lower case.") { receiver, _, _ in
                    .string(try receiver.asString().lowercased())
                })
            type.add(
                BuiltinMethod(
                    "hasPrefix", [.unlabeled("prefix", .string)], returns: .bool,
                    doc: "Whether the text starts with the prefix."
                ) { receiver, args, _ in
                    .bool(try receiver.asString().hasPrefix(try args.string(0)))
                })
            type.add(
                BuiltinMethod(
                    "hasSuffix", [.unlabeled("suffix", .string)], returns: .bool,
                    doc: "Whether the text ends with the suffix."
                ) { receiver, args, _ in
                    .bool(try receiver.asString().hasSuffix(try args.string(0)))
                })
            type.add(
                BuiltinMethod(
                    "split",
                    [
                        .labeled("separator", .string), .labeled("maxSplits", .int, default: .int(.max)),
                        .labeled("omittingEmptySubsequences", .bool, default: true),
                    ],
                    returns: .array(.string), doc: "The pieces between occurrences of a one-character separator."
                ) { receiver, args, _ in
                    let separator = try args.string(0)
                    guard separator.count == 1, let character = separator.first else {
                        throw args.error(
                            0,
                            "split(separator:) takes a single character; use components(separatedBy:) for longer separators"
                        )
                    }
                    let maxSplits = try args.int(1)
                    guard maxSplits >= 0 else { throw args.error(1, "maxSplits must not be negative") }
                    let pieces = try receiver.asString().split(
                        separator: character, maxSplits: maxSplits, omittingEmptySubsequences: try args.bool(2))
                    return .array(pieces.map { .string(String($0)) })
                })
            type.add(
                BuiltinMethod(
                    "components", [.labeled("separatedBy", .string)], returns: .array(.string),
                    doc: "The pieces between occurrences of the separator, empty pieces included (Foundation's)."
                ) { receiver, args, _ in
                    let separator = try args.string(0)
                    guard !separator.isEmpty else { throw args.error(0, "the separator must not be empty") }
                    return .array(
                        try receiver.asString().split(separator: separator, omittingEmptySubsequences: false).map {
                            .string(String($0))
                        })
                })
            type.add(
                BuiltinMethod(
                    "replacingOccurrences", [.labeled("of", .string), .labeled("with", .string)], returns: .string,
                    doc: "The text with every occurrence of the target replaced (Foundation's)."
                ) { receiver, args, _ in
                    let target = try args.string(0)
                    guard !target.isEmpty else { return receiver }
                    return .string(try receiver.asString().replacing(target, with: try args.string(1)))
                })
            type.add(
                BuiltinMethod(
                    "trimmingWhitespace", [], returns: .string,
                    doc: "The text without leading and trailing spaces, tabs and newlines."
                ) { receiver, _, _ in
                    let text = try receiver.asString()
                    let trimmed = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
                    return .string(String(trimmed))
                })
            type.add(
                BuiltinMethod(mutating: "append", [.unlabeled("other", .string)], doc: "Adds text at the end.") {
                    receiver, args, _ in
                    guard case .string(var text) = receiver else { return .void }
                    receiver = .void
                    text += try args.string(0)
                    receiver = .string(text)
                    return .void
                })
        }
    }
}
