extension BuiltinReferenceDocument {
    /// The reference as plain text, for `qnb builtins`: a heading per section, each entry's
    /// signature with its documentation indented under it, then the group's example and its
    /// output.
    public var text: String {
        var lines: [String] = []
        for part in parts {
            for section in part.sections {
                if !lines.isEmpty { lines.append("") }
                switch part.kind {
                case .functions:
                    lines.append("Functions — \(section.title)")
                case .types:
                    lines.append(
                        section.doc.isEmpty ? "\(section.title) (type)" : "\(section.title) (type) — \(section.doc)")
                case .options:
                    lines.append(
                        section.doc.isEmpty
                            ? "\(section.title) (options)" : "\(section.title) (options) — \(section.doc)")
                case .staticMembers:
                    lines.append("Static members of \(section.title)")
                }
                for item in section.items {
                    for entry in item.group.entries where entry.kind != .type && entry.kind != .optionType {
                        lines.append("  " + entry.signature)
                        if !entry.doc.isEmpty { lines.append("      " + entry.doc) }
                    }
                    lines += Self.exampleLines(item, indent: item.group.key.kind == .type ? "  " : "      ")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func exampleLines(_ item: Item, indent: String) -> [String] {
        guard let example = item.example else { return [] }
        var lines = [indent + "Example:"]
        lines += example.code.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "  " + $0 }
        if let result = item.result {
            let shown = result.shownLines
            lines.append(indent + "Output:")
            lines += (shown.isEmpty ? ["(none)"] : shown).map { $0.isEmpty ? "" : indent + "  " + $0 }
        }
        return lines
    }
}
