import QNBScript
import QNBTestSupport
import Testing

@Suite struct MarkedSourceTests {
    @Test func stripsMarkersAndRecordsPositions() {
        let marked = MarkedSource("let x = 1️⃣foo\nlet é = 2️⃣bar")
        #expect(marked.source == "let x = foo\nlet é = bar")
        #expect(marked.position("1️⃣") == (1, 9))
        // Columns count UTF-8 bytes: "é" is two.
        #expect(marked.position("2️⃣") == (2, 10))
    }

    @Test func rebasesOntoTheNotebook() {
        let marked = MarkedSource("a\nb 1️⃣c")
        let location = marked.location(origin: SourceOrigin(file: "nb.md", line: 40, columnOffset: 2))
        #expect(location == QNBScript.SourceLocation(file: "nb.md", line: 41, column: 5))
    }
}
