import QNBScript
import SwiftIDEUtils
import SwiftSyntax

/// Syntax highlighting from swift-syntax's classification: each classified range becomes a
/// `<span class="hl-…">`. Never fails: swift-syntax parses any text, and code it cannot make
/// sense of is shown plain.
enum SwiftHighlighter {
    /// The code as escaped HTML with highlighting spans, for a `<pre><code>`.
    static func html(for code: String) -> String {
        // Code the interpreter refuses to parse (hostile nesting) is shown plain, as is code
        // whose parse takes too long: parsing it here would take as long as the interpreter's
        // guards exist to prevent.
        guard let tree = DisplayParsing.tree(for: code) else {
            var writer = HTMLWriter()
            writer.text(code)
            return writer.html
        }
        let bytes = Array(code.utf8)
        var writer = HTMLWriter()
        var cursor = 0
        for classified in tree.classifications {
            let start = min(max(classified.range.lowerBound.utf8Offset, cursor), bytes.count)
            let end = min(max(classified.range.upperBound.utf8Offset, start), bytes.count)
            if cursor < start { writer.text(String(decoding: bytes[cursor..<start], as: UTF8.self)) }
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let next = bytes[end...].first { $0 != UInt8(ascii: " ") }
            if let cssClass = cssClass(classified.kind, text: text, followedBy: next) {
                writer.element("span", class: cssClass, text: text)
            } else {
                writer.text(text)
            }
            cursor = end
        }
        if cursor < bytes.count { writer.text(String(decoding: bytes[cursor...], as: UTF8.self)) }
        return writer.html
    }

    /// The CSS class for a classified range, `nil` for plain text. Identifiers get two refinements
    /// swift-syntax leaves to the editor: UpperCamelCase names are types (`Table(…)`), names
    /// followed by `(` are calls.
    static func cssClass(_ kind: SyntaxClassification, text: String, followedBy next: UInt8?) -> String? {
        switch kind {
        case .keyword, .ifConfigDirective: return "hl-keyword"
        case .stringLiteral, .regexLiteral: return "hl-string"
        case .integerLiteral, .floatLiteral: return "hl-number"
        case .lineComment, .blockComment, .docLineComment, .docBlockComment: return "hl-comment"
        case .type: return "hl-type"
        case .attribute: return "hl-attribute"
        case .argumentLabel: return "hl-label"
        case .operator: return "hl-operator"
        case .dollarIdentifier, .editorPlaceholder: return "hl-identifier"
        case .identifier:
            if let first = text.unicodeScalars.first, first.properties.isUppercase { return "hl-type" }
            if next == UInt8(ascii: "(") { return "hl-function" }
            return "hl-identifier"
        case .none: return nil
        @unknown default: return nil
        }
    }
}
