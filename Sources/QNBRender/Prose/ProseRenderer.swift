import CCmark
import Foundation
import QNBNotebook
import QNBScript

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// Renders the notebook's Markdown with cmark, with each cell's HTML in place of its fenced
/// block, anchors on headings, `@fig-…` mentions as links, images turned into links (a page
/// makes no request of its own), and `$…$`/`$$…$$` math as MathML. All cmark objects live and
/// die inside `render(_:)`.
struct ProseRenderer {
    /// The notebook's path, for the location of warnings.
    var notebookPath: String
    /// The finished HTML of each cell, by the notebook line of its opening fence.
    var cellHTML: [Int: String]
    /// Heading anchors by the heading's notebook line.
    var headingAnchors: [Int: String]
    /// Markup placed right after the first level-1 heading (the description and run summary).
    var afterFirstTitle: String?
    /// Link text and target of each numbered label.
    var references: [String: (anchor: String, text: String)]
    /// The markup that replaces each inline value's code span, by the span's literal
    /// (`\(mse)`), one entry per occurrence in document order.
    var inlineValues: [String: [String]] = [:]
    var allowUnsafeHTML: Bool

    /// The prose as HTML, the fence lines of the cells that were placed, and warnings about
    /// formulas that could not be rendered.
    ///
    /// Math is taken out of the text before cmark parses it (each formula replaced by a
    /// placeholder), converted to MathML, and put in place of the placeholders in cmark's HTML;
    /// where a placeholder ended up in a code span or a link target, the TeX is put back as text.
    /// What `render(_:)` produced.
    struct Rendered {
        var html: String
        /// The fence lines of the cells that were placed.
        var placedCells: Set<Int>
        /// Formulas that could not be rendered.
        var warnings: [Diagnostic]
        /// Each heading's content, by its notebook line: as markup (math, code and values as on
        /// the page, links unwrapped) for the table of contents, and as plain text for the
        /// page's `<title>`.
        var headings: [Int: (html: String, text: String)]
    }

    func render(_ markdown: String) -> Rendered {
        let math = Self.extractMath(
            from: markdown, avoiding: Array(cellHTML.values) + inlineValues.values.flatMap { $0 })
        let (formulas, warnings) = renderMath(math)
        let source = math.markdown
        let document: OpaquePointer? = source.withCString { pointer in
            cmark_parse_document(pointer, source.utf8.count, CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)
        }
        guard let document else { return Rendered(html: "", placedCells: [], warnings: warnings, headings: [:]) }
        defer { cmark_node_free(document) }
        let renderOptions = allowUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT

        var placed: Set<Int> = []
        var placedTitleBlock = false
        var inlineSeen: [String: Int] = [:]
        var headingContents: [Int: String] = [:]
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let line = Int(cmark_node_get_start_line(node))
                switch (cmark_node_get_type(node), event) {
                case (CMARK_NODE_CODE_BLOCK, CMARK_EVENT_ENTER):
                    guard let html = cellHTML[line] else {
                        restoreLiteral(of: node, math)
                        break
                    }
                    replace(node, with: html, iterator: iterator)
                    placed.insert(line)
                case (CMARK_NODE_CODE, CMARK_EVENT_ENTER):
                    restoreLiteral(of: node, math)
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    guard InlineExpression.isInline(literal), let values = inlineValues[literal] else { break }
                    let occurrence = inlineSeen[literal, default: 0]
                    inlineSeen[literal] = occurrence + 1
                    if occurrence < values.count {
                        replace(node, with: values[occurrence], iterator: iterator, as: CMARK_NODE_CUSTOM_INLINE)
                    }
                case (CMARK_NODE_HTML_INLINE, CMARK_EVENT_ENTER), (CMARK_NODE_HTML_BLOCK, CMARK_EVENT_ENTER):
                    restoreLiteral(of: node, math)
                case (CMARK_NODE_LINK, CMARK_EVENT_ENTER):
                    restoreDestination(of: node, math)
                case (CMARK_NODE_HEADING, CMARK_EVENT_EXIT):
                    let level = Int(cmark_node_get_heading_level(node))
                    let (rendered, content) = headingHTML(
                        node, level: level, anchor: headingAnchors[line], options: renderOptions)
                    var html = rendered
                    headingContents[line] = content
                    if level == 1, !placedTitleBlock, let afterFirstTitle {
                        html += afterFirstTitle
                        placedTitleBlock = true
                    }
                    replace(node, with: html, iterator: iterator)
                case (CMARK_NODE_TEXT, CMARK_EVENT_ENTER):
                    linkMentions(in: node, iterator: iterator)
                case (CMARK_NODE_IMAGE, CMARK_EVENT_EXIT):
                    restoreDestination(of: node, math)
                    replaceImageWithLink(node, iterator: iterator, math: math)
                default:
                    break
                }
            }
        }
        var headings: [Int: (html: String, text: String)] = [:]
        for (line, content) in headingContents {
            let shown = Self.unwrappingLinks(content).replacingOccurrences(of: "<!-- raw HTML omitted -->", with: "")
            let html = math.replacingPlaceholders(in: shown, joinLines: true) { span, occurrence in
                occurrence == 0 ? formulas[span] : ""
            }
            let text = math.replacingPlaceholders(in: content, joinLines: true) { span, occurrence in
                // Markup-escaped, like the text around it, until the tags are stripped.
                occurrence == 0 ? MathPlainText.text(ofTeX: math.spans[span].tex).htmlEscaped : ""
            }
            headings[line] = (html, Self.plainText(ofMarkup: text))
        }
        guard let rendered = cmark_render_html(document, renderOptions) else {
            return Rendered(html: "", placedCells: placed, warnings: warnings, headings: headings)
        }
        defer { free(rendered) }
        let html = math.replacingPlaceholders(in: String(cString: rendered), joinLines: true) { span, occurrence in
            occurrence == 0 ? formulas[span] : ""
        }
        return Rendered(html: html, placedCells: placed, warnings: warnings, headings: headings)
    }

    /// Puts a custom node with `html` in place of `node` — a block (`CMARK_NODE_CUSTOM_BLOCK`,
    /// for cells and headings) or an inline (`CMARK_NODE_CUSTOM_INLINE`, for computed values) —
    /// frees `node`, and resumes the walk after the replacement.
    private func replace(
        _ node: OpaquePointer, with html: String, iterator: OpaquePointer,
        as type: cmark_node_type = CMARK_NODE_CUSTOM_BLOCK
    ) {
        guard let custom = cmark_node_new(type) else { return }
        cmark_node_set_on_enter(custom, html)
        guard cmark_node_replace(node, custom) == 1 else {
            cmark_node_free(custom)
            return
        }
        cmark_iter_reset(iterator, custom, CMARK_EVENT_EXIT)
        cmark_node_free(node)
    }

    /// cmark's heading markup with an `id` and a hover link to itself, and the heading's
    /// content markup.
    private func headingHTML(
        _ node: OpaquePointer, level: Int, anchor: String?, options: Int32
    ) -> (html: String, content: String) {
        guard let rendered = cmark_render_html(node, options) else { return ("", "") }
        defer { free(rendered) }
        let html = String(cString: rendered)
        let open = "<h\(level)>", close = "</h\(level)>"
        guard html.hasPrefix(open), html.hasSuffix(close + "\n") else { return (html, html) }
        let inner = html.dropFirst(open.count).dropLast(close.count + 1)
        guard let anchor else { return (html, String(inner)) }
        var writer = HTMLWriter()
        writer.trusted("<h\(level) id=\"\(anchor.htmlEscaped)\">")
        writer.trusted(String(inner))
        writer.element("a", class: "qnb-anchor", ["href": "#\(anchor)", "aria-hidden": "true"], text: "#")
        writer.trusted(close + "\n")
        return (writer.html, String(inner))
    }

    /// `markup` without its `<a …>` and `</a>` tags (their content kept), so that it can sit
    /// inside a link of its own. Text in cmark's markup is escaped, so every `<a` starts a tag.
    static func unwrappingLinks(_ markup: String) -> String {
        guard markup.contains("<a") else { return markup }
        var result = ""
        var rest = Substring(markup)
        while let open = rest.range(of: "<a") {
            let after = rest[open.upperBound...]
            guard after.first == ">" || after.first == " ", let end = after.firstIndex(of: ">") else {
                result += rest[..<open.upperBound]
                rest = after
                continue
            }
            result += rest[..<open.lowerBound]
            rest = rest[rest.index(after: end)...]
        }
        result += rest
        return result.replacingOccurrences(of: "</a>", with: "")
    }

    /// The text of escaped markup: tags dropped, the five entities HTML escaping writes decoded,
    /// runs of white space collapsed.
    static func plainText(ofMarkup markup: String) -> String {
        var text = ""
        var inTag = false
        for character in markup {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else {
                text.append(character)
            }
        }
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&"),
        ] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Splits a text node around its `@fig-…`/`@tbl-…` mentions of known labels, each becoming a
    /// link "Figure 2".
    private func linkMentions(in node: OpaquePointer, iterator: OpaquePointer) {
        guard !references.isEmpty, !isInsideLink(node) else { return }
        let text = String(cString: cmark_node_get_literal(node))
        let mentions = CrossReference.mentions(in: text).filter { references[$0.label] != nil }
        guard !mentions.isEmpty else { return }
        var cursor = text.startIndex
        var last: OpaquePointer?
        func insert(_ piece: OpaquePointer?) {
            guard let piece else { return }
            cmark_node_insert_before(node, piece)
            last = piece
        }
        for mention in mentions {
            guard let reference = references[mention.label] else { continue }
            if cursor < mention.range.lowerBound { insert(textNode(text[cursor..<mention.range.lowerBound])) }
            var writer = HTMLWriter()
            writer.element("a", class: "qnb-xref", ["href": "#\(reference.anchor)"], text: reference.text)
            let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            if let link { cmark_node_set_on_enter(link, writer.html) }
            insert(link)
            cursor = mention.range.upperBound
        }
        if cursor < text.endIndex { insert(textNode(text[cursor...])) }
        guard let last else { return }
        // Unlink first: resetting the iterator computes its next step from `last`, whose next
        // sibling is still `node` until then.
        cmark_node_unlink(node)
        cmark_node_free(node)
        cmark_iter_reset(iterator, last, CMARK_EVENT_EXIT)
    }

    private func textNode(_ text: Substring) -> OpaquePointer? {
        let node = cmark_node_new(CMARK_NODE_TEXT)
        if let node { cmark_node_set_literal(node, String(text)) }
        return node
    }

    /// An image would make the page fetch a file or a URL; it becomes a link to it instead, its
    /// alt text the link text. Inline PNG, GIF, JPEG and WebP images stay (the `data:` images
    /// cmark keeps; it empties any other `data:` URL, such as SVG, which may hold script).
    private func replaceImageWithLink(_ image: OpaquePointer, iterator: OpaquePointer, math: MathExtraction) {
        let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
        let lowercased = url.lowercased()
        if ["png", "gif", "jpeg", "webp"].contains(where: { lowercased.hasPrefix("data:image/\($0)") }) {
            restoreText(under: image, math)
            return
        }
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return }
        cmark_node_set_url(link, url)
        if let title = cmark_node_get_title(image) { cmark_node_set_title(link, title) }
        while let child = cmark_node_first_child(image) {
            cmark_node_unlink(child)
            cmark_node_append_child(link, child)
        }
        if cmark_node_first_child(link) == nil, let text = textNode(Substring(url.isEmpty ? "image" : url)) {
            cmark_node_append_child(link, text)
        }
        guard cmark_node_replace(image, link) == 1 else {
            cmark_node_free(link)
            return
        }
        cmark_iter_reset(iterator, link, CMARK_EVENT_EXIT)
        cmark_node_free(image)
    }

    private func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }
}
