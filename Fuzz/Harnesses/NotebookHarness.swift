import QNBNotebook
import QNBRender

/// Decodes and parses a notebook as `qnb run` does, then renders its page without running the
/// cells: the Markdown outline, front matter, cell options, inline values, highlighting, math and
/// prose rendering all see the input.
enum NotebookHarness {
    static let path = "fuzz.md"

    static func run(_ input: UnsafeRawBufferPointer) {
        let notebook: Notebook
        do {
            let source = try Notebook.decode(Array(input), path: path)
            notebook = try Notebook.parse(source: source, path: path)
        } catch {
            _ = error.description
            return
        }
        let page = HTMLPage.renderPage(NotebookRun(unexecuted: notebook))
        _ = page.warnings.map(\.description)
    }
}
