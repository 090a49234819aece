import QNBNotebook
import QNBScript

/// A notebook run as GitHub-flavoured Markdown: the prose unchanged, each cell's code in a
/// `swift` fence followed by its outputs in `text` fences (tables and figures as the terminal
/// shows them: aligned columns, ASCII plots). Deterministic, like the page.
public enum MarkdownExporter {
    public static func export(_ run: NotebookRun) -> String {
        let notebook = run.notebook
        var parts: [String] = []
        if !notebook.hasLevelOneHeading {
            parts.append("# " + run.title)
            if let description = notebook.frontMatter.description { parts.append(description) }
        }
        for segment in NotebookSegment.split(run) {
            switch segment {
            case .prose(let text):
                parts.append(text)
            case .cell(let cell, let cellRun):
                if cell.options.echo {
                    parts.append(fenced(cell.displayedCode, info: "swift"))
                }
                guard let cellRun, cell.options.output else { continue }
                for output in cellRun.outputs { parts.append(fenced(output.plainText, info: "text")) }
                if let error = cellRun.error { parts.append(fenced(error.description, info: "text")) }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `text` in a fence longer than any run of backticks inside it.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = Swift.max(longest, current)
        }
        let fence = String(repeating: "`", count: Swift.max(3, longest + 1))
        return fence + info + "\n" + text + "\n" + fence
    }
}
