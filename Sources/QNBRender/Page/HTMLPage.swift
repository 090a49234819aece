import Foundation
import QNBNotebook
import QNBScript

/// The HTML page of a notebook run: one self-contained file (inline CSS, no script, no external
/// request), byte-identical for identical input.
public enum HTMLPage {
    /// The whole page: prose rendered by cmark (raw HTML dropped unless
    /// `options.allowUnsafeHTML`), each cell with its highlighted code and outputs in place, a
    /// title block, a table of contents for longer notebooks, light and dark themes.
    public static func render(_ run: NotebookRun, options: RenderOptions = RenderOptions()) -> String {
        renderPage(run, options: options).html
    }

    /// The page as `render(_:options:)` builds it, with the warnings found while rendering
    /// the prose (formulas that could not be converted and show as TeX).
    public static func renderPage(_ run: NotebookRun, options: RenderOptions = RenderOptions()) -> RenderedPage {
        let notebook = run.notebook
        let cells = CellRenderer(run: run, review: options.review)
        var cellHTML: [Int: String] = [:]
        for cell in notebook.cells { cellHTML[cell.fenceLine] = cells.render(cell) }

        var toc = TableOfContents(run: run)
        let showsTOC =
            options.tableOfContentsMinimumHeadings.map { toc.headings.count >= $0 && !toc.headings.isEmpty } ?? false
        // The table of contents shows each heading as the prose renders it (math, values, code),
        // so it is written after the prose; the title block holds its place with a marker that
        // neither the notebook nor its computed outputs contain.
        let inlineValues = InlineValueMarkup.byLiteral(run)
        let computed = Array(cellHTML.values) + inlineValues.values.flatMap { $0 }
        let tocMarker =
            showsTOC
            ? MathScanner.unusedMarker(in: [notebook.markdown] + computed, ranges: [0xF0000...0xFFFFD])
                .map { String(Character($0)) } : nil
        let titleBlock =
            titleBlock(run, tocPlaceholder: tocMarker) + (options.review?.banner(for: notebook) ?? "")

        var references: [String: (anchor: String, text: String)] = [:]
        for reference in notebook.crossReferences {
            references[reference.label] = (reference.label, reference.displayName)
        }
        let prose = ProseRenderer(
            notebookPath: notebook.path,
            cellHTML: cellHTML,
            headingAnchors: Dictionary(
                notebook.headings.map { ($0.line, $0.anchor) }, uniquingKeysWith: { first, _ in first }),
            afterFirstTitle: notebook.hasLevelOneHeading ? titleBlock : nil,
            references: references,
            inlineValues: inlineValues,
            allowUnsafeHTML: options.allowUnsafeHTML)
        let rendered = prose.render(notebook.markdown)
        let placed = rendered.placedCells
        toc.contents = rendered.headings.mapValues(\.html)
        var proseHTML = rendered.html
        var header = titleBlock
        if let tocMarker {
            var inline = HTMLWriter()
            inline.open("details", class: "qnb-toc qnb-toc--inline")
            inline.element("summary", text: "Contents")
            toc.list(into: &inline)
            inline.close("details")
            if let range = proseHTML.range(of: tocMarker) {
                proseHTML.replaceSubrange(range, with: inline.html)
            } else {
                header = header.replacingOccurrences(of: tocMarker, with: inline.html)
            }
        }
        // The page title is the first heading's text as the page shows it (values computed,
        // math as plain text), unless the front matter names one.
        var title = run.title
        if notebook.frontMatter.title == nil, let first = notebook.headings.first,
            let text = rendered.headings[first.line]?.text, !text.isEmpty
        {
            title = text
        }

        var writer = HTMLWriter()
        writer.trusted("<!DOCTYPE html>\n")
        writer.open("html", ["lang": "en"])
        writer.newline()
        head(title: title, description: notebook.frontMatter.description, into: &writer)
        writer.open("body")
        writer.newline()
        writer.open("div", class: showsTOC ? "qnb-layout qnb-layout--toc" : "qnb-layout")
        writer.newline()
        options.navigation?.top(into: &writer)
        if !notebook.hasLevelOneHeading {
            writer.open("header", class: "qnb-header")
            writer.element("h1", class: "qnb-title", text: title)
            writer.newline()
            writer.trusted(header)
            writer.close("header")
            writer.newline()
        }
        if showsTOC {
            writer.open("nav", class: "qnb-toc qnb-toc--side", ["aria-label": "Contents"])
            writer.element("p", class: "qnb-toc-title", text: "On this page")
            toc.list(into: &writer)
            writer.close("nav")
            writer.newline()
        }
        writer.open("main", class: "qnb-content")
        writer.newline()
        writer.trusted(proseHTML)
        // Every cell is on the page even if cmark placed its block differently than the parser.
        for cell in notebook.cells where !placed.contains(cell.fenceLine) {
            writer.trusted(cellHTML[cell.fenceLine] ?? "")
        }
        options.navigation?.bottom(into: &writer)
        writer.close("main")
        writer.newline()
        closeDocument(into: &writer)
        return RenderedPage(html: writer.html, warnings: rendered.warnings)
    }

    /// The notebook's title as plain text before it runs, for the site index and the links
    /// between pages: the front matter's, else the first heading's with its math as text.
    public static func plainTitle(_ notebook: Notebook) -> String {
        guard notebook.frontMatter.title == nil, let first = notebook.headings.first,
            first.text.contains("$")
        else { return notebook.title }
        let prose = ProseRenderer(
            notebookPath: notebook.path, cellHTML: [:], headingAnchors: [:], afterFirstTitle: nil, references: [:],
            allowUnsafeHTML: false)
        let text = prose.render(notebook.markdown).headings[first.line]?.text ?? ""
        return text.isEmpty ? notebook.title : text
    }

    /// The document's `<head>`: character set, viewport, colour schemes, title, description and
    /// the inline style sheet (shared by notebook pages and the site index).
    static func head(title: String, description: String?, into writer: inout HTMLWriter) {
        writer.open("head")
        writer.newline()
        writer.open("meta", ["charset": "utf-8"])
        writer.newline()
        writer.open("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
        writer.newline()
        writer.open("meta", ["name": "color-scheme", "content": "light dark"])
        writer.newline()
        writer.open("meta", ["name": "generator", "content": "qnb"])
        writer.newline()
        if let description {
            writer.open("meta", ["name": "description", "content": description])
            writer.newline()
        }
        writer.element("title", text: title)
        writer.newline()
        writer.open("style")
        writer.trusted(PageStyle.css)
        writer.close("style")
        writer.newline()
        writer.close("head")
        writer.newline()
    }

    /// The footer, then the closing tags of the layout `div`, `body` and `html`.
    static func closeDocument(into writer: inout HTMLWriter) {
        writer.open("footer", class: "qnb-footer")
        writer.element("p", text: "Generated by qnb")
        writer.close("footer")
        writer.newline()
        writer.close("div")
        writer.newline()
        writer.close("body")
        writer.newline()
        writer.close("html")
        writer.newline()
    }

    /// What follows the title: the description, a line of facts about the run, the parser's and
    /// runner's notebook-level warnings, and (on narrow screens) the table of contents.
    private static func titleBlock(_ run: NotebookRun, tocPlaceholder: String?) -> String {
        let notebook = run.notebook
        var writer = HTMLWriter()
        if let description = notebook.frontMatter.description {
            writer.element("p", class: "qnb-description", text: description)
            writer.newline()
        }
        writer.open("ul", class: "qnb-meta", ["aria-label": "About this notebook"])
        status(run, into: &writer)
        if let seed = notebook.frontMatter.seed {
            writer.element("li", text: "seed \(seed)")
        }
        for name in run.parameters.keys.sorted() {
            guard let value = run.parameters[name] else { continue }
            writer.open("li")
            writer.element("code", text: "\(name) = \(value)")
            writer.close("li")
        }
        writer.close("ul")
        writer.newline()
        let warnings = run.warnings
        if !warnings.isEmpty {
            writer.open("div", class: "qnb-notices")
            let renderer = DiagnosticRenderer(notebook: notebook)
            for warning in warnings { renderer.render(warning, style: .warning, into: &writer) }
            writer.close("div")
            writer.newline()
        }
        if let tocPlaceholder {
            writer.trusted(tocPlaceholder)
            writer.newline()
        }
        return writer.html
    }

    /// "5 cells" and, when something went wrong, which cell failed and how many did not run.
    private static func status(_ run: NotebookRun, into writer: inout HTMLWriter) {
        let total = run.cells.count
        let failed = run.cells.filter { $0.status == .failed }
        let notRun = run.cells.filter { $0.status == .notRun }.count
        let ran = run.cells.filter { $0.status.hasRun }.count
        if let first = failed.first, let cell = run.notebook.cells.first(where: { $0.index == first.cellIndex }) {
            writer.open("li", class: "qnb-meta-failed")
            writer.text(failed.count == 1 ? "cell " : "\(failed.count) cells failed, first ")
            writer.element("a", ["href": "#\(cell.anchor)"], text: "[\(cell.number)]")
            if failed.count == 1 { writer.text(" failed") }
            writer.close("li")
        } else if total > 0 && ran == run.cells.filter({ $0.status != .skipped }).count && ran > 0 {
            writer.element("li", class: "qnb-meta-ok", text: ran == 1 ? "1 cell ran" : "all \(ran) cells ran")
        }
        writer.element("li", text: total == 1 ? "1 cell" : "\(total) cells")
        if notRun > 0 { writer.element("li", text: "\(notRun) not run") }
        let failedValues = run.inlineValues.filter { $0.status == .failed }.count
        if failedValues > 0 {
            writer.element(
                "li", class: "qnb-meta-failed",
                text: failedValues == 1 ? "1 value in the text failed" : "\(failedValues) values in the text failed")
        }
    }
}
