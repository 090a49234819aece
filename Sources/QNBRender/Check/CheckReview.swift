import QNBNotebook

/// What `qnb check --html` adds to a page: for each cell that differs from its snapshot or
/// failed, the snapshot's output beside the new one, the differences, and the diff.
public struct CheckReview: Hashable, Sendable {
    /// The snapshot the run was compared with, as the page names it.
    public var snapshot: String
    public var notebookDifferences: [String]
    /// The cells to highlight, by cell index (from 0).
    public var cells: [Int: SnapshotComparison.CellCheck]
    /// How many cells were compared.
    public var cellCount: Int

    public init(_ comparison: SnapshotComparison, snapshot: String) {
        self.snapshot = snapshot
        notebookDifferences = comparison.notebookDifferences
        cellCount = comparison.cells.count
        var cells: [Int: SnapshotComparison.CellCheck] = [:]
        for (index, cell) in comparison.cells.enumerated() {
            switch cell.verdict {
            case .differs, .failed: cells[index] = cell
            case .match, .notRun, .skipped: break
            }
        }
        self.cells = cells
    }

    /// The banner under the title: how many cells differ, with links to them.
    func banner(for notebook: Notebook) -> String {
        var writer = HTMLWriter()
        writer.open("section", class: "qnb-review-banner", ["aria-label": "Check result"])
        writer.open("p")
        writer.element("strong", text: "qnb check")
        let differing = cells.values.filter { $0.verdict == .differs }.count
        let failed = cells.count - differing
        var parts: [String] = []
        if differing > 0 {
            parts.append(
                "\(differing) of \(cellCount) \(cellCount == 1 ? "cell" : "cells") \(differing == 1 ? "differs" : "differ")"
            )
        }
        if failed > 0 { parts.append("\(failed) failed") }
        if parts.isEmpty { parts.append("the notebook differs") }
        writer.text(": " + parts.joined(separator: ", ") + " from ")
        writer.element("code", text: snapshot)
        if !cells.isEmpty {
            writer.text(" —")
            for index in cells.keys.sorted() {
                guard index < notebook.cells.count else { continue }
                let cell = notebook.cells[index]
                writer.text(" ")
                writer.element("a", ["href": "#\(cell.anchor)"], text: "[\(cell.number)]")
            }
        }
        writer.close("p")
        if !notebookDifferences.isEmpty {
            writer.open("ul")
            for difference in notebookDifferences { writer.element("li", text: difference) }
            writer.close("ul")
        }
        writer.close("section")
        writer.newline()
        return writer.html
    }

    /// The differences of a cell: the structured ones as a list, then the unified diff.
    static func differences(of cell: SnapshotComparison.CellCheck, into writer: inout HTMLWriter) {
        writer.open("div", class: "qnb-review-differences")
        writer.element(
            "p", class: "qnb-review-heading",
            text: "Differs from the snapshot (relative tolerance \(cell.tolerance))")
        if !cell.details.isEmpty {
            writer.open("ul")
            for detail in cell.details { writer.element("li", text: detail) }
            writer.close("ul")
        }
        if !cell.diff.isEmpty {
            writer.open("pre", class: "qnb-diff")
            writer.open("code")
            for line in cell.diff {
                let kind: String
                switch line {
                case .hunk: kind = "qnb-diff-hunk"
                case .removed: kind = "qnb-diff-removed"
                case .added: kind = "qnb-diff-added"
                case .numbers: kind = "qnb-diff-numbers"
                case .context: kind = "qnb-diff-context"
                }
                writer.element("span", class: kind, text: line.plainText)
                writer.text("\n")
            }
            writer.close("code")
            writer.close("pre")
        }
        writer.close("div")
    }
}
