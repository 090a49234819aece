import QNBNotebook
import QNBScript

/// The markup that takes the place of an inline value's code span `` `\(expr)` ``: the value
/// (its expression in the tooltip), or — when it could not be computed — the expression marked
/// as failed with the error and its location, or dimmed when a cell above it failed.
enum InlineValueMarkup {
    /// Markup per code-span literal, one entry per occurrence in document order, as
    /// `ProseRenderer.inlineValues` takes it.
    static func byLiteral(_ run: NotebookRun) -> [String: [String]] {
        var markup: [String: [String]] = [:]
        for expression in run.notebook.inlineExpressions {
            let value = run.value(of: expression) ?? InlineValueRun(index: expression.index, status: .notRun)
            markup[expression.literal, default: []].append(html(expression, value))
        }
        return markup
    }

    static func html(_ expression: InlineExpression, _ value: InlineValueRun) -> String {
        var writer = HTMLWriter()
        switch value.status {
        case .succeeded:
            writer.element("span", class: "qnb-value", ["title": expression.expression], text: value.text ?? "")
        case .failed:
            let message = value.error?.message ?? "no value"
            writer.element("code", class: "qnb-value-failed", ["title": message], text: expression.literal)
            writer.text(" ")
            let location = value.error.map { "line \($0.location.line), column \($0.location.column)" }
            writer.element(
                "span", class: "qnb-value-error", ["role": "note"],
                text: "(error: \(message)\(location.map { ", \($0)" } ?? ""))")
        case .notRun:
            writer.element(
                "code", class: "qnb-value-pending", ["title": "not computed: a cell above it failed"],
                text: expression.literal)
        }
        return writer.html
    }

    /// The value as Markdown text for the exporters: punctuation that Markdown (or `$` math)
    /// would read escaped with a backslash, line breaks as spaces.
    static func markdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "\n" || character == "\r" {
                result.append(" ")
            } else {
                if character.isASCII, let ascii = character.asciiValue, Self.escaped.contains(ascii) {
                    result.append("\\")
                }
                result.append(character)
            }
        }
        return result
    }

    private static let escaped: Set<UInt8> = Set("\\`*_{}[]<>#+-!|~$&=^".utf8)

    /// `run`'s notebook Markdown with each computed inline value's code span replaced by its
    /// escaped text (spans whose value failed or was not computed stay as written). Line numbers
    /// are unchanged.
    static func substituted(_ run: NotebookRun) -> String {
        let notebook = run.notebook
        var replacements: [(range: Range<Int>, text: String)] = []
        for expression in notebook.inlineExpressions {
            guard let range = expression.sourceRange, let value = run.value(of: expression),
                value.status == .succeeded, let text = value.text
            else { continue }
            replacements.append((range, markdown(text)))
        }
        guard !replacements.isEmpty else { return notebook.markdown }
        let bytes = Array(notebook.markdown.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard replacement.range.lowerBound >= cursor, replacement.range.upperBound <= bytes.count else { continue }
            result += bytes[cursor..<replacement.range.lowerBound]
            result += Array(replacement.text.utf8)
            cursor = replacement.range.upperBound
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }
}
