import QNBNotebook
import QNBScript

/// HTML for one cell: a card with its number and status, the highlighted code, its outputs, its
/// errors and warnings, and its caption when it is a labelled figure or table.
struct CellRenderer {
    let run: NotebookRun
    var review: CheckReview? = nil

    private var notebook: Notebook { run.notebook }

    func render(_ cell: Cell) -> String {
        let cellRun = run.run(of: cell) ?? CellRun(cellIndex: cell.index, status: cell.runs ? .notRun : .skipped)
        let options = cell.options
        let reference = options.label.flatMap { notebook.crossReference($0) }
        let caption = captionText(options.caption, reference: reference)
        let showsCode = options.echo
        let outputs = options.output ? cellRun.outputs : []
        let hasError = cellRun.error != nil
        let check = review?.cells[cell.index]
        var writer = HTMLWriter()

        let tag: StaticString = caption == nil ? "section" : "figure"
        writer.open(
            tag,
            class: cardClass(status: cellRun.status, showsCode: showsCode) + (check == nil ? "" : " qnb-cell--differs"),
            id: cell.anchor,
            ["aria-label": "Cell \(cell.number)"])
        writer.newline()

        if showsCode {
            header(cell, status: cellRun.status, into: &writer)
            code(cell, folded: options.fold, into: &writer)
        }
        if reference?.kind == .table, let caption {
            figureCaption(caption, into: &writer)
        }
        if cellRun.status == .notRun {
            notRunNote(into: &writer)
        }
        if let check {
            // The snapshot's text beside this run's outputs (which follow in the second column).
            CheckReview.differences(of: check, into: &writer)
            writer.open("div", class: "qnb-review-columns")
            writer.open("div", class: "qnb-review-expected")
            writer.element("p", class: "qnb-review-heading", text: "Snapshot")
            writer.element(
                "pre", class: "qnb-text", text: check.expectedText.isEmpty ? "(no output)" : check.expectedText)
            writer.close("div")
        }
        if !outputs.isEmpty || hasError || !cellRun.warnings.isEmpty || check != nil {
            writer.open("div", class: "qnb-outputs")
            writer.newline()
            if check != nil { writer.element("p", class: "qnb-review-heading", text: "This run") }
            var renderer = OutputRenderer(figurePrefix: "\(cell.anchor)-fig")
            for output in outputs { renderer.render(output, into: &writer) }
            let diagnostics = DiagnosticRenderer(notebook: notebook)
            if let error = cellRun.error {
                diagnostics.render(
                    error, style: cellRun.status == .expectedFailure ? .expected : .failure, into: &writer)
            }
            for warning in cellRun.warnings { diagnostics.render(warning, style: .warning, into: &writer) }
            writer.close("div")
            writer.newline()
        }
        if check != nil {
            writer.close("div")
            writer.newline()
        }
        if reference?.kind != .table, let caption {
            figureCaption(caption, into: &writer)
        }
        writer.close(tag)
        writer.newline()
        return writer.html
    }

    private func cardClass(status: CellStatus, showsCode: Bool) -> String {
        let statusClass: String
        switch status {
        case .succeeded: statusClass = "qnb-cell--succeeded"
        case .failed: statusClass = "qnb-cell--failed"
        case .expectedFailure: statusClass = "qnb-cell--expected-failure"
        case .notRun: statusClass = "qnb-cell--not-run"
        case .skipped: statusClass = "qnb-cell--skipped"
        }
        return "qnb-cell \(statusClass)" + (showsCode ? "" : " qnb-cell--no-code")
    }

    private func header(_ cell: Cell, status: CellStatus, into writer: inout HTMLWriter) {
        writer.open("div", class: "qnb-cell-header")
        writer.element("a", class: "qnb-cell-number", ["href": "#\(cell.anchor)"], text: "[\(cell.number)]")
        writer.element("span", class: "qnb-cell-language", text: "swift")
        switch status {
        case .failed: badge("error", kind: "error", into: &writer)
        case .expectedFailure: badge("expected error", kind: "expected", into: &writer)
        case .notRun, .skipped: badge("not run", kind: "not-run", into: &writer)
        case .succeeded: break
        }
        writer.close("div")
        writer.newline()
    }

    private func badge(_ text: String, kind: String, into writer: inout HTMLWriter) {
        writer.element("span", class: "qnb-badge qnb-badge--\(kind)", text: text)
    }

    private func code(_ cell: Cell, folded: Bool, into writer: inout HTMLWriter) {
        if folded {
            writer.open("details", class: "qnb-fold")
            writer.element("summary", text: "Show code")
        }
        writer.open("pre", class: "qnb-code")
        writer.open("code", class: "language-swift")
        writer.trusted(SwiftHighlighter.html(for: cell.displayedCode))
        writer.close("code")
        writer.close("pre")
        if folded { writer.close("details") }
        writer.newline()
    }

    private func notRunNote(into writer: inout HTMLWriter) {
        writer.open("p", class: "qnb-not-run-note")
        if let failure = run.firstFailure, let failed = notebook.cells.first(where: { $0.index == failure.cellIndex }) {
            writer.text("Not run: cell ")
            writer.element("a", ["href": "#\(failed.anchor)"], text: "[\(failed.number)]")
            writer.text(" failed before it.")
        } else {
            writer.text("Not run.")
        }
        writer.close("p")
        writer.newline()
    }

    /// "Figure 2: text" for numbered labels, the caption alone otherwise.
    private func captionText(_ caption: String?, reference: CrossReference?) -> (label: String?, text: String)? {
        switch (reference, caption) {
        case (let reference?, let caption):
            return (reference.displayName, caption ?? "")
        case (nil, let caption?):
            return (nil, caption)
        case (nil, nil):
            return nil
        }
    }

    private func figureCaption(_ caption: (label: String?, text: String), into writer: inout HTMLWriter) {
        writer.open("figcaption", class: "qnb-caption")
        if let label = caption.label {
            writer.element("span", class: "qnb-caption-label", text: caption.text.isEmpty ? label : "\(label):")
            if !caption.text.isEmpty { writer.text(" ") }
        }
        writer.text(caption.text)
        writer.close("figcaption")
        writer.newline()
    }
}
