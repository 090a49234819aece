import QNBNotebook
import QNBScript
import Testing

@Suite("Snapshots")
struct SnapshotTests {
    static let source = """
        # Snapshot

        ```swift
        //| label: tbl-one
        1
        ```

        ```swift
        2
        ```
        """

    /// A run with every kind of output, built by hand.
    static func sampleRun() throws -> NotebookRun {
        let notebook = try Notebook.parse(source: source, path: "notebooks/s.md")
        let table = DisplayTable(
            columns: ["bits", "SQNR (dB)", "note"],
            rows: [
                [.integer(8), .number(49.87654321), .text("fine")],
                [.integer(2), .number(.nan), .empty],
                [.integer(1), .number(-.infinity), .bool(true)],
            ])
        let record = DisplayRecord(
            title: "Tensor [2] Float32", fields: [.init("mean", .number(0.5)), .init("count", .integer(2))],
            preview: "[0, 1]")
        let first = CellRun(
            cellIndex: 0, status: .succeeded,
            outputs: [
                .stream("scale = 0.25\n"), .display(.table(table)),
                .display(.stack([.text("[1, 2]"), .record(record)])),
            ])
        let error = Diagnostic.error("overflow", at: SourceLocation(file: "notebooks/s.md", line: 9, column: 1))
        let second = CellRun(cellIndex: 1, status: .expectedFailure, error: error)
        return NotebookRun(notebook: notebook, cells: [first, second], parameters: ["bits": .int(4)])
    }

    @Test func recordsEveryCellWithItsOutputsAndError() throws {
        let snapshot = Snapshot(try Self.sampleRun())
        #expect(snapshot.notebook == "notebooks/s.md")
        #expect(snapshot.parameters == ["bits": "4"])
        #expect(snapshot.cells.map(\.cell) == [1, 2])
        #expect(snapshot.cells.map(\.line) == [3, 8])
        #expect(snapshot.cells[0].label == "tbl-one")
        #expect(snapshot.cells[1].status == .expectedFailure)
        #expect(snapshot.cells[1].error == Snapshot.ErrorRecord(message: "overflow", line: 9, column: 1))
        guard case .table(let columns, let rows, _) = snapshot.cells[0].outputs[1] else {
            Issue.record("the second output is not a table")
            return
        }
        #expect(columns == ["bits", "SQNR (dB)", "note"])
        #expect(rows[0] == [.integer(8), .number(49.87654321), .text("fine")])
    }

    /// Written and read back, a snapshot is the same value — numbers to the last bit — except
    /// that NaN and ±∞, which JSON cannot write, come back as their spellings.
    @Test func jsonRoundTripKeepsNumbersExactly() throws {
        let snapshot = Snapshot(try Self.sampleRun())
        let text = snapshot.jsonText()
        let read = try Snapshot(jsonText: text, path: "s.json")
        guard case .table(_, let rows, _) = read.cells[0].outputs[1] else {
            Issue.record("the table did not survive")
            return
        }
        #expect(rows[0][1] == .number(49.87654321))
        #expect(rows[1][1] == .text("NaN"))
        #expect(rows[1][1].number?.isNaN == true)
        #expect(rows[2][1].number == -.infinity)
        #expect(rows[1][2] == .empty)
        #expect(rows[2][2] == .bool(true))
        #expect(read.cells[1] == snapshot.cells[1])
        #expect(read.cells[0].outputs[2] == snapshot.cells[0].outputs[2])
        // Re-encoding what was read gives the same bytes.
        #expect(read.jsonText() == text)
    }

    @Test func jsonTextIsStableAndDiffFriendly() throws {
        let text = Snapshot(try Self.sampleRun()).jsonText()
        #expect(text == Snapshot(try Self.sampleRun()).jsonText())
        #expect(text.hasSuffix("}\n"))
        // Keys sorted at the top level, one value per line.
        let keys = ["\"cells\"", "\"format\"", "\"notebook\"", "\"parameters\"", "\"qnb\""]
        let positions = keys.compactMap { text.range(of: "\n  \($0)")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
        let numberLines = text.split(separator: "\n").filter { $0.contains("49.87654321") }
        #expect(numberLines.map { $0.trimmingPrefix(while: { $0 == " " }) } == ["49.87654321,"])
    }

    @Test(arguments: [
        ("not json", "it is not JSON"),
        ("{\"format\": 1}", "'qnb' is missing"),
        (
            "{\"format\": 1, \"qnb\": \"0.1.0\", \"notebook\": \"a.md\", \"parameters\": {}, \"cells\": [{\"cell\": \"one\"}]}",
            "expected a number at cells[0].cell"
        ),
        ("{\"format\": 7, \"qnb\": \"9\", \"notebook\": \"a.md\", \"parameters\": {}, \"cells\": []}", "format 7"),
    ])
    func corruptSnapshotsAreReportedWithWhatIsWrong(text: String, expected: String) {
        do {
            _ = try Snapshot(jsonText: text, path: "output/a.json")
            Issue.record("accepted a corrupt snapshot")
        } catch {
            #expect(error.description.hasPrefix("'output/a.json' is not a valid qnb snapshot: "))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    /// The plain-text table: a header, a rule, numbers right-aligned and text left-aligned, in
    /// columns as wide as their widest entry.
    @Test func plainTextTablesAreAligned() {
        let table = DisplayTable(
            columns: ["n", "name"], rows: [[.integer(7), .text("a")], [.integer(123), .text("bcd")]])
        #expect(table.plainText == "n    name\n───  ────\n  7  a\n123  bcd")
        let record = DisplayRecord(title: "T", fields: [.init("a", .integer(1)), .init("long", .text("x"))])
        #expect(record.plainText == "T\n  a:    1\n  long: x")
    }
}
