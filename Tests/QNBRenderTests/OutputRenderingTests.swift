import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

@Suite("Outputs")
struct OutputRenderingTests {
    func page(_ outputs: [CellOutput]) -> String {
        renderBody("```swift\nx\n```\n", runs: succeeded([0: outputs]))
    }

    @Test func streamsAndText() {
        let html = page([.stream("line 1\nline 2\n"), .display(.text("[1, 2, 3]"))])
        #expect(html.contains("<pre class=\"qnb-stream\">line 1\nline 2</pre>"))
        #expect(html.contains("<pre class=\"qnb-text\">[1, 2, 3]</pre>"))
        #expect((html.offset(of: "qnb-stream") ?? 0) < (html.offset(of: "qnb-text\">") ?? 0))
    }

    @Test func tablesAreRealTablesWithNumbersRightAligned() throws {
        let table = DisplayTable(
            columns: ["bits", "SQNR (dB)", "scheme"],
            rows: [[.integer(8), .number(49.9), .text("symmetric")], [.integer(4), .number(0.000012345), .empty]])
        let html = page([.display(.table(table))])
        let markup = try #require(html.between("<table class=\"qnb-table\">", "</table>"))
        #expect(markup.contains("<th class=\"num\" scope=\"col\">bits</th>"))
        #expect(markup.contains("<th class=\"num\" scope=\"col\">SQNR (dB)</th>"))
        #expect(markup.contains("<th scope=\"col\">scheme</th>"))
        #expect(markup.contains("<tr><td class=\"num\">8</td><td class=\"num\">49.9</td><td>symmetric</td></tr>"))
        #expect(markup.contains("<td class=\"num\">\(DisplayScalar.number(0.000012345).formatted)</td><td></td>"))
        #expect(html.contains("<div class=\"qnb-table-wrap\">"))
    }

    @Test func raggedRowsArePadded() throws {
        let table = DisplayTable(columns: ["a", "b"], rows: [[.integer(1)]])
        let html = page([.display(.table(table))])
        #expect(html.contains("<tr><td class=\"num\">1</td><td></td></tr>"))
    }

    @Test func recordsShowTitleFieldsAndPreview() throws {
        let record = DisplayRecord(
            title: "Tensor [2, 2] Float32", fields: [.init("min", .number(-1.5)), .init("kind", .text("weights"))],
            preview: "[[1, 2],\n [3, 4]]\n")
        let html = page([.display(.record(record))])
        let markup = try #require(html.between("<div class=\"qnb-record\">", "</div>\n"))
        #expect(markup.contains("<div class=\"qnb-record-title\">Tensor [2, 2] Float32</div>"))
        #expect(markup.contains("<div><dt>min</dt><dd class=\"num\">-1.5</dd></div>"))
        #expect(markup.contains("<div><dt>kind</dt><dd>weights</dd></div>"))
        #expect(markup.contains("<pre class=\"qnb-preview\">[[1, 2],\n [3, 4]]</pre>"))
    }

    @Test func stacksShowEachInTurn() {
        let html = page([
            .display(.stack([.text("first"), .table(DisplayTable(columns: ["c"], rows: [])), .text("last")]))
        ])
        let offsets = ["first</pre>", "<table", "last</pre>"].map { html.offset(of: $0) ?? -1 }
        #expect(!offsets.contains(-1))
        #expect(offsets == offsets.sorted())
    }
}
