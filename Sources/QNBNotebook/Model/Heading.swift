/// A Markdown heading, for the page title, the table of contents and anchors.
public struct Heading: Hashable, Sendable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading's text without markup (code spans keep their text).
    public var text: String
    /// Notebook line where the heading starts.
    public var line: Int
    /// A unique page anchor derived from the text (`quantization-error`), distinct from every
    /// other heading's and every cell's anchor.
    public var anchor: String

    public init(level: Int, text: String, line: Int, anchor: String) {
        self.level = level
        self.text = text
        self.line = line
        self.anchor = anchor
    }

    /// GitHub-style slug: lowercase letters and digits kept, spaces and dashes joined by single
    /// dashes, everything else dropped; `section` if nothing is left.
    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character == " " || character == "-" || character == "\t" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
