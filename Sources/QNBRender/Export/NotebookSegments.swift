import QNBNotebook
import QNBScript

/// A notebook run as an ordered list of prose and cells — what the exporters walk.
enum NotebookSegment {
    /// Markdown between cells as written (front matter excluded, inline values computed), without
    /// the blank lines around it.
    case prose(String)
    case cell(Cell, CellRun?)

    /// The segments of `run` in document order. A cell covers its opening fence, its source lines
    /// and its closing fence; everything else is prose.
    static func split(_ run: NotebookRun) -> [NotebookSegment] {
        // Computed prose values replace their code spans; the line structure stays the notebook's.
        let lines = InlineValueMarkup.substituted(run).split(separator: "\n", omittingEmptySubsequences: false)
        var segments: [NotebookSegment] = []
        var next = 1  // the first notebook line not yet placed
        func appendProse(upTo end: Int) {
            guard end > next else { return }
            let text = lines[(next - 1)..<Swift.min(end - 1, lines.count)].joined(separator: "\n")
            let trimmed = text.trimmingBlankLines()
            if !trimmed.isEmpty { segments.append(.prose(trimmed)) }
        }
        for cell in run.notebook.cells.sorted(by: { $0.fenceLine < $1.fenceLine }) {
            appendProse(upTo: cell.fenceLine)
            let sourceLines = cell.source.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            next = Swift.max(next, cell.fenceLine + sourceLines + (cell.isTerminated ? 2 : 1))
            segments.append(.cell(cell, run.cells.first { $0.cellIndex == cell.index }))
        }
        appendProse(upTo: lines.count + 1)
        return segments
    }
}

extension String {
    /// Without leading and trailing lines that are empty or only spaces and tabs.
    func trimmingBlankLines() -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension CellOutput {
    /// The plain-text form of an output: streams as written, values as the terminal shows them,
    /// figures as ASCII.
    var plainText: String {
        switch self {
        case .stream(let text): return text.hasSuffix("\n") ? String(text.dropLast()) : text
        case .display(let display): return display.plainText
        case .file(let file): return "Saved \(file.name) (\(file.bytes.count) bytes)"
        }
    }
}
