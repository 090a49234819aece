import QNBNotebook
import QNBScript
import Testing

@Suite("Run result model")
struct NotebookRunTests {
    let notebook = parsed("```swift\n1\n```\n\n```swift norun\n2\n```\n\n```swift\n3\n```\n")!

    @Test func unexecutedRun() {
        let run = NotebookRun(unexecuted: notebook)
        #expect(run.cells.map(\.status) == [.notRun, .skipped, .notRun])
        #expect(run.cells.map(\.cellIndex) == [0, 1, 2])
        #expect(run.succeeded)
        #expect(run.parameters == notebook.frontMatter.params)
    }

    @Test func lookupAndFailures() {
        let failure = Diagnostic.error("boom", at: QNBScript.SourceLocation(file: "test.md", line: 10, column: 1))
        let run = NotebookRun(
            notebook: notebook,
            cells: [
                CellRun(cellIndex: 0, status: .succeeded, outputs: [.stream("1\n")]),
                CellRun(cellIndex: 1, status: .skipped),
                CellRun(cellIndex: 2, status: .failed, error: failure),
            ])
        #expect(!run.succeeded)
        #expect(run.firstFailure?.cellIndex == 2)
        #expect(run.run(of: notebook.cells[0])?.outputs == [.stream("1\n")])
        #expect(run.run(of: notebook.cells[2])?.error == failure)
    }

    @Test func runLookupDoesNotAssumeOrder() {
        let run = NotebookRun(notebook: notebook, cells: [CellRun(cellIndex: 2, status: .succeeded)])
        #expect(run.run(of: notebook.cells[2])?.status == .succeeded)
        #expect(run.run(of: notebook.cells[0]) == nil)
    }

    @Test func parserWarningsAndDefaultsCarryOver() throws {
        let withWarning = try #require(parsed("---\nparams:\n  bits: 4\n---\n```swift\nx\n"))
        let run = NotebookRun(notebook: withWarning, cells: [])
        #expect(run.warnings.count == 1)
        #expect(run.warnings == withWarning.warnings)
        #expect(run.parameters == ["bits": .int(4)])
        let overridden = NotebookRun(notebook: withWarning, cells: [], warnings: [], parameters: ["bits": .int(8)])
        #expect(overridden.warnings.isEmpty)
        #expect(overridden.parameters["bits"] == .int(8))
    }

    @Test func statusesThatRan() {
        #expect(CellStatus.allCases.filter(\.hasRun) == [.succeeded, .failed, .expectedFailure])
    }
}
