import QNBNotebook
import QNBScript
import QNBTestSupport
import Testing

@Suite("Notebook parsing: cells")
struct NotebookParsingTests {
    @Test func findsCellsWithTheirLinesAndSource() throws {
        let source = """
            # Title

            Some prose.

            ```swift
            let x = 1
            print(x)
            ```

            More prose.

            ```swift
            x + 1
            ```
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.cells.count == 2)
        let first = notebook.cells[0]
        #expect(first.index == 0)
        #expect(first.fenceLine == 5)
        #expect(first.fenceColumn == 1)
        #expect(first.origin == SourceOrigin(file: "test.md", line: 6, columnOffset: 0))
        #expect(first.source == "let x = 1\nprint(x)\n")
        #expect(first.info == "swift")
        #expect(first.runs)
        #expect(first.isTerminated)
        #expect(notebook.cells[1].fenceLine == 12)
        #expect(notebook.cells[1].origin.line == 13)
        #expect(notebook.cells[1].source == "x + 1\n")
        #expect(notebook.cells.map(\.number) == [1, 2])
    }

    @Test func lineNumbersCountFrontMatterLines() throws {
        let source = """
            ---
            title: T
            seed: 3
            ---

            ```swift
            let a = 2
            ```
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].fenceLine == 6)
        #expect(notebook.cells[0].origin.line == 7)
        // The Markdown cmark reads keeps every line, the front matter's emptied.
        #expect(
            notebook.markdown.split(separator: "\n", omittingEmptySubsequences: false).count
                == source.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(!notebook.markdown.contains("seed"))
    }

    @Test func indentedFenceGivesAColumnOffset() throws {
        let source = "Prose.\n\n   ```swift\n   let x = 1\n   ```\n"
        let notebook = try #require(parsed(source))
        let cell = try #require(notebook.cells.first)
        #expect(cell.fenceColumn == 4)
        #expect(cell.origin == SourceOrigin(file: "test.md", line: 4, columnOffset: 3))
        #expect(cell.source == "let x = 1\n")
        // A position found in the cell maps back to the notebook's column.
        #expect(
            cell.origin.location(line: 1, column: 5) == QNBScript.SourceLocation(file: "test.md", line: 4, column: 8))
    }

    @Test func norunCellsDoNotRun() throws {
        let notebook = try #require(parsed("```swift norun\nsave(q)\n```\n"))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].runs == false)
        #expect(notebook.cells[0].info == "swift norun")
        #expect(notebook.warnings.isEmpty)
    }

    @Test(arguments: [
        "```python\nprint(1)\n```\n",
        "```\nlet x = 1\n```\n",
        "```swiftui\nText(\"hi\")\n```\n",
        "```Swift\nlet x = 1\n```\n",
        "Indented code:\n\n    let x = 1\n",
        "`swift` inline code is prose\n",
    ])
    func otherBlocksAreProse(source: String) throws {
        let notebook = try #require(parsed(source))
        #expect(notebook.cells.isEmpty)
    }

    @Test func tildeFencesAndLongerFencesAreCells() throws {
        let source = "~~~swift\nlet a = 1\n~~~\n\n````swift\n```\nnot the end\n````\n"
        let notebook = try #require(parsed(source))
        #expect(notebook.cells.count == 2)
        #expect(notebook.cells[0].source == "let a = 1\n")
        #expect(notebook.cells[1].source == "```\nnot the end\n")
        #expect(notebook.cells.allSatisfy { $0.isTerminated })
        #expect(notebook.warnings.isEmpty)
    }

    @Test func cellsInListsAndBlockQuotes() throws {
        let source = """
            - step one:
              ```swift
              let x = 1
              ```
            - step two

            > ```swift
            > x + 1
            > ```
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.cells.count == 2)
        #expect(notebook.cells[0].fenceLine == 2)
        #expect(notebook.cells[0].origin == SourceOrigin(file: "test.md", line: 3, columnOffset: 2))
        #expect(notebook.cells[0].source == "let x = 1\n")
        #expect(notebook.cells[1].fenceLine == 7)
        #expect(notebook.cells[1].origin == SourceOrigin(file: "test.md", line: 8, columnOffset: 2))
        #expect(notebook.cells[1].source == "x + 1\n")
        #expect(notebook.warnings.isEmpty)
    }

    @Test func unterminatedFenceIsAWarningAndRunsToTheEnd() throws {
        let marked = MarkedSource("Prose.\n\n1️⃣```swift\nlet x = 1\n\nstill code\n")
        let notebook = try #require(parsed(marked.source))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].isTerminated == false)
        #expect(notebook.cells[0].source == "let x = 1\n\nstill code\n")
        #expect(notebook.warnings.count == 1)
        let warning = try #require(notebook.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == marked.location("1️⃣", file: "test.md"))
        #expect(warning.message.hasPrefix("unterminated code fence: no closing ```"))
    }

    @Test func unterminatedFenceInAListItemEndsWithTheItem() throws {
        let marked = MarkedSource("- a\n  1️⃣```swift\n  open\n- b\n")
        let notebook = try #require(parsed(marked.source))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].source == "open\n")
        #expect(notebook.warnings.map(\.location) == [marked.location("1️⃣", file: "test.md")])
        #expect(notebook.warnings.first?.message.contains("unterminated code fence") == true)
    }

    @Test func emptyFenceAtTheEndIsUnterminated() throws {
        let notebook = try #require(parsed("```swift"))
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].source == "")
        #expect(notebook.cells[0].isTerminated == false)
        #expect(notebook.warnings.count == 1)
    }

    @Test func emptyNotebook() throws {
        let notebook = try #require(parsed("", path: "notebooks/empty.md"))
        #expect(notebook.cells.isEmpty)
        #expect(notebook.headings.isEmpty)
        #expect(notebook.warnings.isEmpty)
        #expect(notebook.title == "empty")
        #expect(notebook.lineCount == 0)
        #expect(notebook.sourceLine(1) == nil)
    }

    @Test func windowsLineEndings() throws {
        let source = "---\r\ntitle: CRLF\r\n---\r\n\r\n```swift\r\nlet x = 1\r\n```\r\n"
        let notebook = try #require(parsed(source))
        #expect(notebook.frontMatter.title == "CRLF")
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells[0].fenceLine == 5)
        #expect(notebook.cells[0].source == "let x = 1\n")
        #expect(notebook.cells[0].isTerminated)
        #expect(notebook.sourceLine(6) == "let x = 1")
    }

    @Test func unknownInfoWordIsAWarningAtTheWord() throws {
        let marked = MarkedSource("```swift 1️⃣hidden\nlet x = 1\n```\n")
        let notebook = try #require(parsed(marked.source))
        #expect(notebook.cells.first?.runs == true)
        #expect(notebook.warnings.count == 1)
        #expect(notebook.warnings.first?.location == marked.location("1️⃣", file: "test.md"))
        #expect(
            notebook.warnings.first?.message
                == "unknown word 'hidden' after 'swift' in the fence's info string (expected: norun)")
    }

    @Test func displayedCodeLeavesOutOptionLines() throws {
        let notebook = try #require(parsed("```swift\n//| echo: true\n//| fold: true\nlet x = 1\n\n```\n"))
        let cell = try #require(notebook.cells.first)
        #expect(cell.optionLineCount == 2)
        #expect(cell.source == "//| echo: true\n//| fold: true\nlet x = 1\n\n")
        #expect(cell.displayedCode == "let x = 1")
    }

    @Test func sourceLineReturnsNotebookLines() throws {
        let notebook = try #require(parsed("a\nb\r\nc"))
        #expect(notebook.lineCount == 3)
        #expect(notebook.sourceLine(1) == "a")
        #expect(notebook.sourceLine(2) == "b")
        #expect(notebook.sourceLine(3) == "c")
        #expect(notebook.sourceLine(0) == nil)
        #expect(notebook.sourceLine(4) == nil)
    }

    @Test func reportsEveryErrorAtOnceInSourceOrder() {
        let marked = MarkedSource(
            """
            ---
            1️⃣sed: 1
            ---

            ```swift
            //| 2️⃣ecko: true
            ```

            ```swift
            //| fold: 3️⃣maybe
            ```
            """)
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.location) == ["1️⃣", "2️⃣", "3️⃣"].map { marked.location($0, file: "test.md") })
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func errorsCarryTheSourceForPrinting() {
        do {
            _ = try Notebook.parse(source: "```swift\n//| bad: 1\n```\n", path: "x.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.source == "```swift\n//| bad: 1\n```\n")
            #expect(error.errors.count == 1)
            #expect(error.description == "x.md:2:5: error: " + (error.errors.first?.message ?? ""))
        }
    }
}
