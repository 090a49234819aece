/// A numbered figure or table: a cell whose `label` starts with `fig-` or `tbl-`. Prose refers
/// to it as `@fig-hist`, which renders as a link "Figure 2".
public struct CrossReference: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case figure, table

        /// The word that precedes the number: "Figure", "Table".
        public var name: String {
            switch self {
            case .figure: return "Figure"
            case .table: return "Table"
            }
        }

        /// The kind a label's prefix asks for, `nil` for other labels.
        public init?(label: String) {
            if label.hasPrefix("fig-") {
                self = .figure
            } else if label.hasPrefix("tbl-") {
                self = .table
            } else {
                return nil
            }
        }
    }

    public var label: String
    public var kind: Kind
    /// 1-based, counted separately for figures and tables, in document order.
    public var number: Int
    public var cellIndex: Int

    public init(label: String, kind: Kind, number: Int, cellIndex: Int) {
        self.label = label
        self.kind = kind
        self.number = number
        self.cellIndex = cellIndex
    }

    /// "Figure 2", "Table 1".
    public var displayName: String { "\(kind.name) \(number)" }

    /// The `@fig-…`/`@tbl-…` mentions in a run of prose text, in order: each with the range of
    /// the mention (the `@` included) and the label. A mention starts a word (not after a letter,
    /// digit, `_` or `.` as in an e-mail address) and ends at the last letter or digit, so
    /// "see @fig-hist." refers to `fig-hist`.
    public static func mentions(in text: String) -> [(range: Range<String.Index>, label: String)] {
        var result: [(range: Range<String.Index>, label: String)] = []
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            let character = text[index]
            let startsWord = previous.map { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") } ?? true
            if character == "@" && startsWord {
                let labelStart = text.index(after: index)
                let rest = text[labelStart...]
                if rest.hasPrefix("fig-") || rest.hasPrefix("tbl-") {
                    var end = labelStart
                    var lastWordEnd = labelStart
                    while end < text.endIndex,
                        text[end].isASCII
                            && (text[end].isLetter || text[end].isNumber || text[end] == "-" || text[end] == "_")
                    {
                        if text[end] != "-" { lastWordEnd = text.index(after: end) }
                        end = text.index(after: end)
                    }
                    let label = String(text[labelStart..<lastWordEnd])
                    if label.count > 4 {
                        result.append((index..<lastWordEnd, label))
                        previous = text[text.index(before: lastWordEnd)]
                        index = lastWordEnd
                        continue
                    }
                }
            }
            previous = character
            index = text.index(after: index)
        }
        return result
    }
}
