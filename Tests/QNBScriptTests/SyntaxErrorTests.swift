import QNBScript
import QNBTestSupport
import Testing

/// Syntax errors carry swift-syntax's own messages, at notebook line and UTF-8 column.
@Suite struct SyntaxErrorTests {
    @Test(arguments: [
        ("let x = (1 +1️⃣", "expected expression after operator"),
        ("let y = [1, 21️⃣", "expected ']' to end array"),
        ("func f(1️⃣ { }", "expected ')' to end parameter clause"),
        ("let 1️⃣= 5", "expected pattern in variable"),
        ("if true {1️⃣", "expected '}' to end 'if' statement"),
        ("print(\"unterminated)1️⃣", "expected '\"' to end string literal"),
        ("let a = 11️⃣ let b = 2", "consecutive statements on a line must be separated by newline or ';'"),
        ("let c = 1 1️⃣< 2 < 3", "adjacent operators are in non-associative precedence group 'ComparisonPrecedence'"),
    ])
    func swiftSyntaxDiagnostics(_ source: String, _ message: String) {
        expectCellError(source, message)
    }

    /// Found by fuzzing: an invalid character right before an `=` with spaces around it made
    /// swift-syntax's diagnostics generator stop the process with a fatal error.
    @Test(arguments: [
        "let a 1️⃣\u{1}= 1",
        "let b 1️⃣\u{FFFD}= 2",
        "var c = 0\nc\t1️⃣\u{2}\u{2}=\t3",
        "let d = 1\nlet e 1️⃣\u{7F}= d",
    ])
    func invalidCharacterBeforeSpacedEqual(_ source: String) {
        expectCellError(source, "invalid character in source file")
    }

    @Test func positionsAreNotebookLinesAndUTF8Columns() {
        // The cell starts on notebook line 41 and its second line has a two-byte character
        // before the error: swift-syntax counts UTF-8 bytes.
        let marked = MarkedSource("//| echo: false\nlet é = [1, 21️⃣\nprint(é)")
        let result = ScriptSession().run(marked.source, origin: SourceOrigin(file: "doc.md", line: 41))
        #expect(result.error?.location == QNBScript.SourceLocation(file: "doc.md", line: 42, column: 15))
        #expect(result.error?.location == marked.location(origin: SourceOrigin(file: "doc.md", line: 41)))
    }

    @Test func indentedFencesShiftColumns() {
        let result = ScriptSession().run("let x = 1 +", origin: SourceOrigin(file: "doc.md", line: 3, columnOffset: 4))
        #expect(result.error?.location == QNBScript.SourceLocation(file: "doc.md", line: 3, column: 16))
    }

    @Test func otherSyntaxErrorsBecomeNotes() {
        let result = runCell("let a = (1 +\nlet b = ]")
        #expect(result.error != nil)
        #expect(!(result.error?.notes.isEmpty ?? true))
    }

    @Test func hostileNestingIsASyntaxErrorNotACrash() {
        let deep = String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000)
        let result = runCell("let x = \(deep)")
        #expect(result.error != nil)
        let arrays = String(repeating: "[", count: 5000)
        #expect(
            runCell(arrays).errorMessage
                == "brackets '[' nested more than 12 levels deep are not supported in qnb cells")
        expectCellError(
            "let a = [[[[[[[[[[[[1️⃣[1]]]]]]]]]]]]]",
            "brackets '[' nested more than 12 levels deep are not supported in qnb cells")
        #expect(displayed("let b = [[[[[[[[[[[[1]]]]]]]]]]]]\nb.count") == "1")
        #expect(displayed("let s = \"[[[[[[[[[[[[[[[[[[[[\" // [[[[[[[[[[[[[[[[[[[[[[[\ns.count") == "20")
        // Nesting within the limit works.
        let ok = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(displayed("let x = \(ok) + 1\nx") == "2")
    }
    /// Found by fuzzing and its follow-up: swift-syntax parses `let let let …` one recursion per
    /// keyword (4,000 lone `let` lines overflowed the stack when the page highlighted the cell),
    /// and its diagnostics took time quadratic in the number of errors among siblings.
    @Test func runsOfBindingKeywordsAreASyntaxErrorNotACrash() {
        let message = "more than 32 'let', 'var' or 'inout' in a row are not supported in qnb cells"
        #expect(runCell(String(repeating: "let\n", count: 4000)).errorMessage == message)
        expectCellError(String(repeating: "let ", count: 32) + "1️⃣var x = 1", message)
        expectCellError("let s = \"\"\nlet\tvar\n" + String(repeating: "inout ", count: 30) + "1️⃣let", message)
        // 32 in a row are an ordinary syntax error; a keyword between other code starts again.
        #expect(runCell(String(repeating: "let ", count: 32)).errorMessage != message)
        #expect(displayed((0..<40).map { "let a\($0) = \($0)" }.joined(separator: "; ") + "\na39") == "39")
    }

    @Test func manyErrorsAreDiagnosedAroundTheFirst() {
        // 4,000 statements with a missing expression: past 50 problems only the surroundings of
        // the first are diagnosed, with the same message and position as for a few.
        let many = String(repeating: "let x =\n", count: 4000)
        let few = String(repeating: "let x =\n", count: 3)
        let manyResult = ScriptSession().run(many, origin: SourceOrigin(file: "n.md", line: 1))
        let fewResult = ScriptSession().run(few, origin: SourceOrigin(file: "n.md", line: 1))
        #expect(manyResult.error?.message == "expected expression in variable")
        #expect(manyResult.error?.message == fewResult.error?.message)
        #expect(manyResult.error?.location == fewResult.error?.location)
        #expect(!(manyResult.error?.notes.isEmpty ?? true))
    }
    /// Found by fuzzing: swift-syntax's recovery rescans the rest of the cell for every bracket
    /// left open, so 25 copies of a 132-byte input with nested `{` took over two minutes to
    /// parse. Past 4 open brackets, or any in a cell of 16 KiB or more, the first is reported.
    @Test func unclosedBracketsAreReportedBeforeParsing() {
        expectCellError("let f = 1️⃣{ { ( [ {", "this '{' is never closed (nor 4 more brackets after it)")
        let long = "// " + String(repeating: "x", count: BracketDepthCheck.unclosedSizeLimit) + "\n"
        expectCellError(
            long + "let s = \"{{{{{{\" // ((((((\nlet g = 1️⃣(1 + (2",
            "this '(' is never closed (nor 1 more bracket after it)")
        let unit = "1.0.\u{FFFD}" + String(repeating: "{", count: 47) + "@{{{{{{{{{Comparison.\n"
        #expect(
            runCell(String(repeating: unit, count: 25)).errorMessage
                == "this '{' is never closed (nor \(25 * 56 - 1) more brackets after it)")
        // Four open brackets in a small cell are left to swift-syntax's messages.
        #expect(runCell("let h = { { { {").errorMessage?.hasPrefix("this") == false)
        // Brackets in strings and comments, and closed ones, do not count.
        #expect(displayed("let t = \"((((((\" // {{{{{{\nlet u = [[(1)], [(2)]]\nt.count + u.count") == "8")
    }
}
