import QNBNotebook

/// The terminal (and JUnit) text of a check: for each cell that differs, its location, the
/// structured differences, and a unified diff with moved numbers marked.
///
///     notebooks/x.md:42: cell 4 differs (tolerance 1e-06)
///       output 1, row 3 (bits 4), column mse: 0.0123 → 0.0125 (relative difference 0.016)
///       --- output/x.json
///       +++ this run
///       @@ -3 +3 @@
///       -   4  0.0123
///       +   4  0.0125
///                ^^^^^^  was 0.0123, relative difference 0.016
struct CheckPrinter {
    var terminal: Terminal

    func report(_ comparison: SnapshotComparison, notebook: String, snapshot: String) -> String {
        var text = ""
        for difference in comparison.notebookDifferences {
            text += terminal.styled("\(notebook):", 0) + " " + terminal.styled("differs:", 31) + " \(difference)\n"
        }
        for cell in comparison.cells {
            text += report(cell, notebook: notebook, snapshot: snapshot)
        }
        return text
    }

    func report(_ cell: SnapshotComparison.CellCheck, notebook: String, snapshot: String) -> String {
        let name = "cell \(cell.cell)" + (cell.label.map { " (\($0))" } ?? "")
        switch cell.verdict {
        case .match, .skipped, .notRun:
            return ""
        case .failed:
            // The error itself, with its source line, is printed as `qnb run` prints it.
            return terminal.styled("\(notebook):\(cell.line):", 0) + " \(name) "
                + terminal.styled("failed", 31) + (cell.error.map { ": \($0.message)" } ?? "") + "\n"
        case .differs:
            var text =
                terminal.styled("\(notebook):\(cell.line):", 0) + " \(name) " + terminal.styled("differs", 31)
                + " (tolerance \(cell.tolerance))\n"
            for detail in cell.details { text += "  \(detail)\n" }
            if !cell.diff.isEmpty {
                text += "  " + terminal.styled("--- \(snapshot)", 31, bold: false) + "\n"
                text += "  " + terminal.styled("+++ this run", 32, bold: false) + "\n"
                for line in cell.diff { text += "  " + styled(line) + "\n" }
            }
            return text
        }
    }

    func styled(_ line: DiffLine) -> String {
        switch line {
        case .hunk: return terminal.styled(line.plainText, 36, bold: false)
        case .removed: return terminal.styled(line.plainText, 31, bold: false)
        case .added: return terminal.styled(line.plainText, 32, bold: false)
        case .numbers: return terminal.styled(line.plainText, 33)
        case .context: return line.plainText
        }
    }

    /// `14 cells match`, `1 of 14 cells differs`, `cell 3 failed, 5 not run`.
    static func verdictSummary(_ comparison: SnapshotComparison) -> String {
        var differing = 0
        var failed: [Int] = []
        var notRun = 0
        var skipped = 0
        for cell in comparison.cells {
            switch cell.verdict {
            case .match: break
            case .differs: differing += 1
            case .failed: failed.append(cell.cell)
            case .notRun: notRun += 1
            case .skipped: skipped += 1
            }
        }
        let total = comparison.cells.count
        var parts: [String] = []
        if !failed.isEmpty {
            parts.append(
                "\(failed.count == 1 ? "cell" : "cells") \(failed.map(String.init).joined(separator: ", ")) failed")
        }
        if differing > 0 {
            parts.append(
                "\(differing) of \(total) \(total == 1 ? "cell" : "cells") \(differing == 1 ? "differs" : "differ")")
        }
        if notRun > 0 { parts.append("\(notRun) not run") }
        if !comparison.notebookDifferences.isEmpty { parts.append("the notebook differs") }
        if parts.isEmpty {
            let checked = total - skipped
            parts.append("\(checked) \(checked == 1 ? "cell matches" : "cells match")")
        }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return parts.joined(separator: ", ")
    }
}

extension Terminal {
    /// A terminal that never colours: for text written to files.
    static let plain = Terminal(descriptor: -1)
}
