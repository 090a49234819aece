import CCmark
import QNBScript

extension ProseRenderer {
    /// The prose's formulas, found before cmark sees the text (see `MathScanner`); their
    /// placeholders cannot occur in `avoiding` (cell and value markup, which holds computed text).
    static func extractMath(from markdown: String, avoiding: [String] = []) -> MathExtraction {
        guard markdown.utf8.contains(UInt8(ascii: "$")) else {
            return MathExtraction(markdown: markdown, spans: [], marker: "\u{E000}")
        }
        return MathScanner.extract(markdown, verbatimLines: verbatimLines(in: markdown), avoiding: avoiding)
    }

    /// The 1-based lines of code blocks (cells included) and HTML blocks, where `$` is never
    /// math, as cmark sees them.
    private static func verbatimLines(in markdown: String) -> Set<Int> {
        let document: OpaquePointer? = markdown.withCString { pointer in
            cmark_parse_document(pointer, markdown.utf8.count, CMARK_OPT_VALIDATE_UTF8)
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        var lines: Set<Int> = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
            let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
            if first <= last { lines.formUnion(first...last) }
        }
        return lines
    }

    /// The markup of each formula, MathML or (when it cannot be converted) its TeX source,
    /// and a located warning for each one that could not.
    func renderMath(_ math: MathExtraction) -> (markup: [String], warnings: [Diagnostic]) {
        var markup: [String] = []
        var warnings: [Diagnostic] = []
        for span in math.spans {
            do {
                let mathML = try MathConverter.mathML(span.tex, display: span.display)
                markup.append(span.display ? "<span class=\"qnb-math-display\">\(mathML)</span>" : mathML)
            } catch {
                let message = "math not rendered: \(error.message); the page shows its TeX source"
                markup.append(MathConverter.fallback(span.tex, display: span.display, message: error.message))
                warnings.append(
                    .warning(message, at: SourceLocation(file: notebookPath, line: span.line, column: span.column)))
            }
        }
        return (markup, warnings)
    }

    /// Puts the notebook's text back where cmark placed a formula's placeholder in a literal
    /// that is not prose text: a code span, a code block, raw HTML.
    func restoreLiteral(of node: OpaquePointer, _ math: MathExtraction) {
        guard !math.spans.isEmpty, let literal = cmark_node_get_literal(node) else { return }
        let text = String(cString: literal)
        let restored = math.restoringSource(in: text)
        if restored != text { cmark_node_set_literal(node, restored) }
    }

    /// The same for a link's or image's target and title.
    func restoreDestination(of node: OpaquePointer, _ math: MathExtraction) {
        guard !math.spans.isEmpty else { return }
        if let url = cmark_node_get_url(node) {
            let text = String(cString: url)
            let restored = math.restoringSource(in: text)
            if restored != text { cmark_node_set_url(node, restored) }
        }
        if let title = cmark_node_get_title(node) {
            let text = String(cString: title)
            let restored = math.restoringSource(in: text)
            if restored != text { cmark_node_set_title(node, restored) }
        }
    }

    /// The same for the text of a kept image, which becomes its `alt` attribute.
    func restoreText(under node: OpaquePointer, _ math: MathExtraction) {
        guard !math.spans.isEmpty, let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator),
                cmark_node_get_type(child) == CMARK_NODE_TEXT
            else { continue }
            restoreLiteral(of: child, math)
        }
    }
}
