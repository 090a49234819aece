import QNBNotebook
import QNBScript
import QNBTestSupport
import Testing

@Suite("Cell options")
struct CellOptionsTests {
    /// The options of the only cell of a notebook made of `lines` in a swift fence.
    func cellOptions(_ lines: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CellOptions? {
        parsed("```swift\n\(lines)\nlet x = 1\n```\n", sourceLocation: sourceLocation)?.cells.first?.options
    }

    @Test func defaults() throws {
        let options = try #require(cellOptions("// a plain comment"))
        #expect(options == CellOptions())
        #expect(options.echo && options.output && options.check && !options.fold)
        #expect(options.error == nil && options.label == nil && options.caption == nil)
    }

    @Test func readsEveryKey() throws {
        let options = try #require(
            cellOptions(
                """
                //| echo: false
                //| output: false
                //| error: true
                //| timeout: 2.5
                //| label: fig-hist
                //| caption: Weights before and after
                //| fold: true
                //| check: false
                //| tolerance: 1e-4
                """))
        #expect(options.echo == false)
        #expect(options.output == false)
        #expect(options.error == CellOptions.ErrorExpectation(expectedMessage: nil))
        #expect(options.timeout == 2.5)
        #expect(options.label == "fig-hist")
        #expect(options.caption == "Weights before and after")
        #expect(options.fold == true)
        #expect(options.check == false)
        #expect(options.tolerance == 1e-4)
    }

    @Test(arguments: [
        ("//| error: \"overflow\"", CellOptions.ErrorExpectation(expectedMessage: "overflow")),
        ("//| error: 'index out of range'", CellOptions.ErrorExpectation(expectedMessage: "index out of range")),
        ("//| error: true", CellOptions.ErrorExpectation()),
    ])
    func errorExpectations(line: String, expected: CellOptions.ErrorExpectation) throws {
        let options = try #require(cellOptions(line))
        #expect(options.error == expected)
    }

    @Test func errorFalseMeansNoExpectation() throws {
        let options = try #require(cellOptions("//| error: false"))
        #expect(options.error == nil)
    }

    @Test func expectationMatching() {
        #expect(CellOptions.ErrorExpectation().isSatisfied(byMessage: "anything"))
        #expect(
            CellOptions.ErrorExpectation(expectedMessage: "overflow").isSatisfied(byMessage: "integer overflow in +"))
        #expect(!CellOptions.ErrorExpectation(expectedMessage: "overflow").isSatisfied(byMessage: "division by zero"))
    }

    @Test func quotedCaptionsAndCommentsFollowYAML() throws {
        let options = try #require(
            cellOptions("//| caption: \"SQNR: 6 dB per bit\"  # a comment\n//| echo: false # hide it"))
        #expect(options.caption == "SQNR: 6 dB per bit")
        #expect(options.echo == false)
    }

    @Test func optionsStopAtTheFirstOtherLine() throws {
        let notebook = try #require(parsed("```swift\n//| echo: false\nlet x = 1\n//| fold: true\n```\n"))
        let cell = try #require(notebook.cells.first)
        #expect(cell.options.echo == false)
        #expect(cell.options.fold == false)
        #expect(cell.optionLineCount == 1)
    }

    @Test func bareOptionLineIsAllowed() throws {
        let notebook = try #require(parsed("```swift\n//| echo: false\n//|\n//| fold: true\nx\n```\n"))
        #expect(notebook.cells.first?.options.fold == true)
        #expect(notebook.cells.first?.optionLineCount == 3)
    }

    @Test func unknownOptionIsLocatedWithASuggestion() {
        let marked = MarkedSource("```swift\n//| 1️⃣ecko: false\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
        #expect(
            diagnostics.first?.message
                == "unknown cell option 'ecko' (expected one of: echo, output, error, timeout, label, caption, fold, check, tolerance)"
        )
        #expect(diagnostics.first?.notes.map(\.message) == ["did you mean 'echo'?"])
    }

    @Test(arguments: [
        ("//| echo: 1️⃣yes please", "cell option 'echo' expects true or false, got 'yes please'"),
        ("//| output: 1️⃣3", "cell option 'output' expects true or false, got '3'"),
        ("//| fold: 1️⃣", "cell option 'fold' expects true or false, got ''"),
        ("//| check: 1️⃣\"true\"", "cell option 'check' expects true or false, got '\"true\"'"),
        (
            "//| error: 1️⃣42",
            "cell option 'error' expects true, false or a quoted part of the expected message, got '42'"
        ),
        (
            "//| error: 1️⃣\"\"",
            "cell option 'error' expects true, false or a quoted part of the expected message, got '\"\"'"
        ),
        ("//| timeout: 1️⃣0", "cell option 'timeout' expects a positive number of seconds, got '0'"),
        ("//| timeout: 1️⃣soon", "cell option 'timeout' expects a positive number of seconds, got 'soon'"),
        ("//| tolerance: 1️⃣-1e-4", "cell option 'tolerance' expects a positive number, got '-1e-4'"),
        (
            "//| label: 1️⃣fig hist",
            "cell option 'label' expects a label of letters, digits, '-' and '_' such as 'fig-hist' or 'tbl-sweep', got 'fig hist'"
        ),
        (
            "//| label: 1️⃣3d-plot",
            "cell option 'label' expects a label of letters, digits, '-' and '_' such as 'fig-hist' or 'tbl-sweep', got '3d-plot'"
        ),
        (
            "//| caption: 1️⃣Figure: a histogram",
            "cell option 'caption' expects a string (quote it if it contains ': ' or starts with a special character), got 'Figure: a histogram'"
        ),
        (
            "//| caption: 1️⃣\"unterminated",
            "cell option 'caption' expects a string (quote it if it contains ': ' or starts with a special character), got '\"unterminated'"
        ),
        (
            "//| caption: 1️⃣\"Error at \\(bits) bits\"",
            "cell option 'caption' expects a string; in double quotes a backslash starts an escape such as \\n or \\\\, so write text with backslashes in single quotes, got '\"Error at \\(bits) bits\"'"
        ),
    ])
    func malformedValueIsLocatedAtTheValue(line: String, message: String) {
        let marked = MarkedSource("```swift\n\(line)\nx\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
    }

    @Test func duplicateOption() {
        let marked = MarkedSource("```swift\n//| echo: false\n//| 1️⃣echo: true\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.message) == ["duplicate cell option 'echo' (first set on line 2)"])
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
    }

    @Test func lineWithoutColon() {
        let marked = MarkedSource("```swift\n//| 1️⃣echo false\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.message) == ["cell option line must look like '//| key: value'"])
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
    }

    @Test func locationsInIndentedAndNestedCellsAreNotebookColumns() {
        let marked = MarkedSource("- item\n\n  ```swift\n  //| 1️⃣ecko: 1\n  //| echo: 2️⃣no way\n  ```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(
            diagnostics.map(\.location) == [
                marked.location("1️⃣", file: "test.md"), marked.location("2️⃣", file: "test.md"),
            ])
    }

    @Test func everyBadLineIsReported() {
        let marked = MarkedSource("```swift\n//| 1️⃣foo: 1\n//| bar\n//| tolerance: 3️⃣big\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.count == 3)
        #expect(diagnostics.map(\.location.line) == [2, 3, 4])
        #expect(diagnostics[0].location == marked.location("1️⃣", file: "test.md"))
        #expect(diagnostics[2].location == marked.location("3️⃣", file: "test.md"))
    }
}
