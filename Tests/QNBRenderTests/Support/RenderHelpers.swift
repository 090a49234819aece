import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

/// Parses `source` and renders it with the cell runs `runs` builds (by default: not executed).
func renderPage(
    _ source: String,
    path: String = "notebooks/test.md",
    options: RenderOptions = RenderOptions(),
    runs: (Notebook) -> [CellRun] = { NotebookRun(unexecuted: $0).cells },
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String {
    do {
        let notebook = try Notebook.parse(source: source, path: path)
        return HTMLPage.render(
            NotebookRun(notebook: notebook, cells: runs(notebook), warnings: notebook.warnings), options: options)
    } catch {
        Issue.record("notebook did not parse: \(error)", sourceLocation: sourceLocation)
        return ""
    }
}

/// Only the page's `<body>`, for checks that must not see the style sheet's class names.
func renderBody(
    _ source: String,
    path: String = "notebooks/test.md",
    options: RenderOptions = RenderOptions(),
    runs: (Notebook) -> [CellRun] = { NotebookRun(unexecuted: $0).cells },
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> String {
    let page = renderPage(source, path: path, options: options, runs: runs, sourceLocation: sourceLocation)
    return String(page.between("<body>", "</body>") ?? "")
}

/// Every run succeeded with the given outputs, by cell index.
func succeeded(_ outputs: [Int: [CellOutput]]) -> (Notebook) -> [CellRun] {
    { notebook in
        notebook.cells.map { CellRun(cellIndex: $0.index, status: .succeeded, outputs: outputs[$0.index] ?? []) }
    }
}

extension String {
    /// Every tag in the markup, `<` to `>`, lowercased. Escaped text has no raw `<`, so these are
    /// exactly the elements a browser would build.
    var tags: [String] {
        var result: [String] = []
        var rest = self[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            result.append(rest[open...close].lowercased())
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// How often `needle` occurs.
    func occurrences(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    /// The offset of the first `needle`, for order checks.
    func offset(of needle: String) -> Int? {
        guard let range = range(of: needle) else { return nil }
        return distance(from: startIndex, to: range.lowerBound)
    }

    /// The part between the first `start` and the next `end` after it.
    func between(_ start: String, _ end: String) -> Substring? {
        guard let open = range(of: start), let close = self[open.upperBound...].range(of: end) else { return nil }
        return self[open.upperBound..<close.lowerBound]
    }
}
