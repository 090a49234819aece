import QNBNotebook
import QNBScript
import Testing

/// Values computed in prose, `` `\(expr)` ``: where the parser finds them, when the runner
/// evaluates them, and how the snapshot records and `qnb check` compares them.
@Suite struct InlineValueTests {
    // MARK: Parsing

    @Test func spansAreFoundWithTheirExactPositions() throws {
        let source = """
            # Error at `\\(bits)` bits

            The MSE is `\\(mse)`, twice `\\(mse * 2)`; code `x` stays code.
            A span ``\\(a)`` with two backticks and `` \\(b) `` with spaces.

            ```swift
            let z = 1
            ```

            Later: `\\(z)`.
            """
        let notebook = try #require(parsed(source))
        let found = notebook.inlineExpressions
        #expect(found.map(\.expression) == ["bits", "mse", "mse * 2", "a", "b", "z"])
        #expect(found.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(found.map(\.line) == [1, 3, 3, 4, 4, 10])
        // Columns point at the expression's first character, after `\(`.
        #expect(found.map(\.column) == [15, 15, 31, 12, 45, 11])
        #expect(found.map(\.cellsBefore) == [0, 0, 0, 0, 0, 1])
        // The ranges cover the whole span, backticks included.
        let bytes = Array(notebook.markdown.utf8)
        let spans = found.map { expression in
            expression.sourceRange.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(spans == ["`\\(bits)`", "`\\(mse)`", "`\\(mse * 2)`", "``\\(a)``", "`` \\(b) ``", "`\\(z)`"])
    }

    @Test func codeThatIsNotAnInlineValueIsIgnored() throws {
        let source = """
            Plain `code`, a literal `` `\\(x)` ``, an escaped \\`\\(y)` pair, and `\\(`.

            ```swift
            let s = "`\\\\(q)`"
            ```

                `\\(indented)` is a code block
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.inlineExpressions.isEmpty)
    }

    @Test func aSpanBrokenAcrossLinesIsFoundOnItsFirstLine() throws {
        let notebook = try #require(parsed("Intro.\n\nThe value `\\(mse *\n2)` is here.\n"))
        let expression = try #require(notebook.inlineExpressions.first)
        #expect(expression.expression == "mse * 2")
        #expect(expression.line == 3)
        #expect(expression.column == 14)
        #expect(expression.sourceRange.map { $0.count } == 12)
    }

    @Test func frontMatterDoesNotShiftLocations() throws {
        let notebook = try #require(parsed("---\ntitle: T\n---\n\nSee `\\(1 + 1)`.\n"))
        let expression = try #require(notebook.inlineExpressions.first)
        #expect(expression.line == 5)
        #expect(expression.column == 8)
    }

    // MARK: Running

    /// Each value sees the environment at its place in the document: after the cells above it,
    /// before the cells below.
    @Test func valuesAreComputedAtTheirPlaceInTheDocument() throws {
        let source = """
            ---
            params:
              bits: 4
            ---
            Before any cell: `\\(bits)` bits.

            ```swift
            var levels = 1 << bits
            ```

            Now `\\(levels)` levels, step `\\(1.0 / Double(levels - 1))`.

            ```swift
            levels = 256
            ```

            Then `\\(levels)`; `\\(format(1.0 / 3.0, digits: 2))`; `\\("text")`.
            """
        let run = try NotebookRunner().run(#require(parsed(source)))
        #expect(run.succeeded)
        #expect(run.inlineValues.map(\.status) == Array(repeating: .succeeded, count: 6))
        #expect(run.inlineValues.map(\.text) == ["4", "16", "0.06667", "256", "0.33", "text"])
        #expect(run.inlineValues.map(\.number) == [4, 16, 1.0 / 15.0, 256, nil, nil])
    }

    @Test func errorsAreLocatedAtTheExpressionAndFailTheRunWithoutStoppingCells() throws {
        let source = """
            Bad `\\(missing + 1)` and `\\(print("x"))` and `\\( )`.

            ```swift
            let a = [1, 2]
            ```

            Out of range: `\\(a[5])`; a dictionary `\\(["k": 1])`; fine `\\(a.count)`.
            """
        let run = try NotebookRunner().run(#require(parsed(source)))
        #expect(!run.succeeded)
        #expect(run.cells.map(\.status) == [.succeeded])
        let values = run.inlineValues
        #expect(values.map(\.status) == [.failed, .failed, .failed, .failed, .failed, .succeeded])
        #expect(values[5].text == "2")
        let errors = values.compactMap(\.error)
        #expect(errors.map(\.location.line) == [1, 1, 1, 7, 7])
        #expect(errors.map(\.location.column) == [8, 29, 49, 20, 42])
        #expect(errors[0].message == "cannot find 'missing' in scope")
        #expect(errors[1].message.contains("no value"))
        #expect(errors[2].message.contains("needs an expression"))
        #expect(errors[3].message.contains("out of range"))
        #expect(errors[4].message.contains("dictionary cannot be shown in a sentence"))
        #expect(errors.allSatisfy { $0.location.file == "test.md" })
    }

    @Test func valuesBelowAFailedCellAreNotComputed() throws {
        let source = "A `\\(1)`.\n\n```swift\nlet x = [1][3]\n```\n\nB `\\(2)`.\n"
        let run = try NotebookRunner().run(#require(parsed(source)))
        #expect(run.inlineValues.map(\.status) == [.succeeded, .notRun])
        #expect(!run.succeeded)
    }

    @Test func anEndlessExpressionHitsTheTimeLimit() throws {
        let source = "```swift\nfunc spin() -> Int { while true {} ; return 0 }\n```\n\nValue `\\(spin())`.\n"
        let run = try NotebookRunner(options: RunOptions(timeout: 0.2)).run(#require(parsed(source)))
        let error = try #require(run.inlineValues.first?.error)
        #expect(error.message.contains("time limit"))
        #expect(error.location.line == 5)
    }

    @Test func headingsAndTitleShowTheirValues() throws {
        let source = "# Error at `\\(2 * 2)` bits\n\n## Step `\\(0.5)`\n\nText `\\(0.5)`.\n"
        let run = try NotebookRunner().run(#require(parsed(source)))
        #expect(run.title == "Error at 4 bits")
        #expect(run.resolvingInlineValues(in: run.notebook.headings[1]) == "Step 0.5")
    }

    // MARK: Snapshot and check

    @Test func theSnapshotRecordsEachValue() throws {
        let run = try NotebookRunner().run(#require(parsed("```swift\nlet e = 0.000123456\n```\n\nMSE `\\(e)`.\n")))
        let snapshot = Snapshot(run)
        #expect(
            snapshot.inlineValues == [
                .init(expression: "e", line: 5, column: 8, status: .succeeded, text: "0.0001235", number: 0.000123456)
            ])
        let text = snapshot.jsonText()
        #expect(text.contains("\"inlineValues\" : ["))
        #expect(try Snapshot(jsonText: text, path: "s.json") == snapshot)
    }

    @Test func snapshotsWithoutInlineValuesStillRead() throws {
        let old = """
            {"cells": [], "format": 1, "notebook": "n.md", "parameters": {}, "qnb": "0.1.0"}
            """
        #expect(try Snapshot(jsonText: old, path: "old.json").inlineValues == [])
    }

    @Test func checkComparesValuesWithTheNotebookTolerance() throws {
        func snapshot(_ value: Double, tolerance: String = "") throws -> (Snapshot, Notebook) {
            let front = tolerance.isEmpty ? "" : "---\ntolerance: \(tolerance)\n---\n"
            let notebook = try #require(
                parsed(front + "```swift\nlet e = \(value)\n```\n\nMSE `\\(e)` and `\\(\"x\")`.\n"))
            return (Snapshot(try NotebookRunner().run(notebook)), notebook)
        }
        let (expected, notebook) = try snapshot(0.001)
        let (same, _) = try snapshot(0.001 * (1 + 1e-9))
        #expect(SnapshotComparison(expected: expected, actual: same, notebook: notebook).matches)

        let (moved, _) = try snapshot(0.0011)
        let comparison = SnapshotComparison(expected: expected, actual: moved, notebook: notebook)
        #expect(!comparison.matches)
        #expect(
            comparison.notebookDifferences == [
                "line 5, column 8: \\(e) was 0.001, now 0.0011 (relative difference 0.091)"
            ])

        // A looser notebook tolerance accepts the same change.
        let (looseExpected, looseNotebook) = try snapshot(0.001, tolerance: "0.1")
        let (looseMoved, _) = try snapshot(0.0011, tolerance: "0.1")
        #expect(SnapshotComparison(expected: looseExpected, actual: looseMoved, notebook: looseNotebook).matches)
    }

    @Test func checkReportsChangedAddedRemovedAndFailedValues() throws {
        let notebook = try #require(parsed("A `\\(1)` and `\\(2)`.\n"))
        let expected = Snapshot(try NotebookRunner().run(notebook))
        var actual = expected
        actual.inlineValues[1].expression = "3"
        actual.inlineValues.append(
            .init(expression: "4", line: 1, column: 30, status: .succeeded, text: "4", number: 4))
        #expect(
            SnapshotComparison(expected: expected, actual: actual, notebook: notebook).notebookDifferences == [
                "line 1, column 17: \\(3) was \\(2) in the snapshot (line 1); the prose changed, run with --update",
                "line 1, column 30: \\(4) is new: the snapshot has no inline value 3",
            ])
        var fewer = expected
        fewer.inlineValues.removeLast()
        fewer.inlineValues[0].status = .failed
        fewer.inlineValues[0].error = .init(message: "boom", line: 1, column: 5)
        #expect(
            SnapshotComparison(expected: expected, actual: fewer, notebook: notebook).notebookDifferences == [
                "line 1, column 6: \\(1) failed: boom",
                "the snapshot has 2 inline values, the notebook 1: \\(2) (line 1) no longer exists",
            ])
    }
}
