extension BuiltinReferenceDocument {
    /// The reference as GitHub-flavoured Markdown (`qnb builtins --markdown`, docs/reference.md):
    /// a title, an introduction, a table of contents, then per part and section each group's
    /// signatures, documentation, example and output.
    public func markdown(title: String, introduction: String) -> String {
        var slugs = MarkdownSlugs()
        var body: [String] = []
        var contents: [String] = []
        _ = slugs.slug(for: title)
        _ = slugs.slug(for: "Contents")
        for part in parts {
            let partSlug = slugs.slug(for: part.title)
            body += ["", "## \(part.title)"]
            var sectionLinks: [String] = []
            for section in part.sections {
                let sectionSlug = slugs.slug(for: section.title)
                body += ["", "### \(section.title)"]
                if !section.doc.isEmpty { body += ["", Self.escaped(section.doc)] }
                var itemLinks: [String] = []
                for item in section.items {
                    body += Self.markdown(item, part: part.kind, slugs: &slugs, links: &itemLinks)
                }
                if part.kind == .functions {
                    sectionLinks.append(
                        "  - [\(section.title)](#\(sectionSlug)): " + itemLinks.joined(separator: " · "))
                } else {
                    sectionLinks.append("[\(section.title)](#\(sectionSlug))")
                }
            }
            if part.kind == .functions {
                contents.append("- [\(part.title)](#\(partSlug))")
                contents += sectionLinks
            } else {
                contents.append("- [\(part.title)](#\(partSlug)): " + sectionLinks.joined(separator: " · "))
            }
        }
        var lines = ["# \(title)", "", introduction, "", "## Contents", ""]
        lines += contents
        lines += body
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(
        _ item: Item, part: Part.Kind, slugs: inout MarkdownSlugs, links: inout [String]
    ) -> [String] {
        var lines: [String] = []
        let key = item.group.key
        switch key.kind {
        case .function, .member, .staticMember:
            let heading: String
            if key.kind == .member, item.group.entries.allSatisfy({ $0.kind == .operator }) {
                heading = "`\(key.owner ?? "")` operator `\(key.name)`"
            } else if key.kind == .member, key.name == "subscript" {
                heading = "`\(key.owner ?? "")[…]`"
            } else {
                heading = "`\(key.qualifiedName)`"
            }
            let slug = slugs.slug(for: heading)
            links.append("[`\(key.name)`](#\(slug))")
            lines += ["", "#### \(heading)"]
            // Overloads sharing a description share one code block.
            var runs: [(signatures: [String], doc: String)] = []
            for entry in item.group.entries {
                if let last = runs.last, last.doc == entry.doc {
                    runs[runs.count - 1].signatures.append(entry.signature)
                } else {
                    runs.append(([entry.signature], entry.doc))
                }
            }
            for run in runs {
                lines += ["", "```swift"] + run.signatures + ["```"]
                if !run.doc.isEmpty { lines += ["", escaped(run.doc)] }
            }
        case .type:
            break
        case .options:
            let cases = item.group.entries.filter { $0.kind == .optionCase }
            lines += ["", "| case | meaning |", "|---|---|"]
            for entry in cases {
                lines.append(
                    "| `\(escaped(entry.signature, inTable: true, inCode: true))` | \(escaped(entry.doc, inTable: true)) |"
                )
            }
        }
        if let example = item.example {
            lines += ["", "Example:", ""] + fenced(example.code, language: "swift")
            if let result = item.result {
                let shown = result.shownLines
                lines +=
                    ["", "Output:", ""]
                    + fenced(shown.isEmpty ? "(none)" : shown.joined(separator: "\n"), language: "text")
            }
        }
        return lines
    }

    static func fenced(_ text: String, language: String) -> [String] {
        var fence = "```"
        while text.contains(fence) { fence += "`" }
        return [fence + language] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [
            fence
        ]
    }

    /// Documentation text with Markdown's special characters escaped outside code spans
    /// (`Array<Double>` would otherwise be taken for an HTML tag); in a table, `|` is escaped
    /// everywhere, as GitHub requires even inside code spans.
    static func escaped(_ text: String, inTable: Bool = false, inCode: Bool = false) -> String {
        var result = ""
        var inSpan = inCode
        for character in text {
            if character == "`" && !inCode {
                inSpan.toggle()
                result.append(character)
                continue
            }
            if inTable && character == "|" {
                result += "\\|"
            } else if !inSpan && "\\*_<>[]".contains(character) {
                result += "\\" + String(character)
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Heading anchors as GitHub makes them (github-slugger): lower case, punctuation dropped,
/// spaces as hyphens, and `-1`, `-2`, … after repeats, in document order.
struct MarkdownSlugs {
    /// Slugs given so far, each with how many repeats of it as a base have been numbered.
    private var used: [String: Int] = [:]

    mutating func slug(for heading: String) -> String {
        var base = ""
        for character in heading.lowercased() {
            if character == " " {
                base.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                base.append(character)
            }
        }
        var slug = base
        while used[slug] != nil {
            let repeats = (used[base] ?? 0) + 1
            used[base] = repeats
            slug = "\(base)-\(repeats)"
        }
        used[slug] = 0
        return slug
    }
}
