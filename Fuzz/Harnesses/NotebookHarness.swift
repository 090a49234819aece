import QNBNotebook
import QNBRender

/// Decodes and parses a notebook as `qnb run` does, then renders its page without running the
/// cells: the Markdown outline, front matter, cell options, inline values, highlighting, math and
/// prose rendering all see the input. A small notebook is then run too — parameters, time limits,
/// expected errors, inline values and the page of the run — with every cell capped at a short
/// time whatever its options say.
enum NotebookHarness {
    /// Notebooks with at most this many cells, and this much code, are run.
    static let runCellLimit = 4
    static let runCodeLimit = 2048
    /// Seconds any cell may run.
    static let timeLimit = 0.1

    static func run(_ input: UnsafeRawBufferPointer) {
        let notebook: Notebook
        do {
            // In the fixtures' folder, so that `load` finds the reference's example files.
            let path = FixtureFolder.path + "/fuzz.md"
            let source = try Notebook.decode(Array(input), path: path)
            notebook = try Notebook.parse(source: source, path: path)
        } catch {
            _ = error.description
            return
        }
        let page = HTMLPage.renderPage(NotebookRun(unexecuted: notebook))
        _ = page.warnings.map(\.description)

        guard notebook.cells.count <= runCellLimit,
            notebook.cells.reduce(0, { $0 + $1.source.utf8.count }) <= runCodeLimit
        else { return }
        let runner = NotebookRunner(options: RunOptions(allowErrors: true, timeLimitCap: timeLimit))
        do {
            let run = try runner.run(notebook)
            _ = HTMLPage.renderPage(run).warnings.map(\.description)
        } catch {
            _ = error.description
        }
    }
}
