import QNBNotebook
import QNBPlot
import QNBScript
import Testing

@Suite("Check: comparing a run with its snapshot")
struct SnapshotComparisonTests {
    static let source = """
        ---
        tolerance: 1e-3
        ---
        # Compared

        ```swift
        1
        ```

        ```swift
        //| tolerance: 0.1
        2
        ```

        ```swift
        //| check: false
        3
        ```

        ```swift
        4
        ```
        """

    /// A run whose four cells show: a printed line, a table, a number, a record.
    static func run(mse: Double = 0.125, sqnr: Double = 40, third: String = "3", count: Int = 4) throws -> NotebookRun {
        let notebook = try Notebook.parse(source: source, path: "notebooks/c.md")
        let table = DisplayTable(
            columns: ["bits", "SQNR (dB)"], rows: [[.integer(8), .number(sqnr)], [.integer(4), .number(sqnr / 2)]])
        let record = DisplayRecord(title: "Error of \(count) values", fields: [.init("MSE", .number(mse))])
        return NotebookRun(
            notebook: notebook,
            cells: [
                CellRun(cellIndex: 0, status: .succeeded, outputs: [.stream("mse = \(mse)\n")]),
                CellRun(cellIndex: 1, status: .succeeded, outputs: [.display(.table(table))]),
                CellRun(cellIndex: 2, status: .succeeded, outputs: [.display(.text(third))]),
                CellRun(cellIndex: 3, status: .succeeded, outputs: [.display(.record(record))]),
            ])
    }

    static func compare(_ expected: NotebookRun, _ actual: NotebookRun, tolerance: Tolerance = .default)
        -> SnapshotComparison
    {
        SnapshotComparison(
            expected: Snapshot(expected), actual: Snapshot(actual), notebook: actual.notebook,
            defaultTolerance: tolerance)
    }

    static func verdicts(_ comparison: SnapshotComparison) -> [SnapshotComparison.Verdict] {
        comparison.cells.map(\.verdict)
    }

    @Test func anIdenticalRunMatchesAndUncheckedCellsAreSkipped() throws {
        let comparison = Self.compare(try Self.run(), try Self.run())
        #expect(comparison.matches)
        #expect(Self.verdicts(comparison) == [.match, .match, .skipped(reason: "check: false"), .match])
    }

    @Test func theFrontMatterToleranceAppliesToCellsWithoutTheirOwn() throws {
        // 1e-3 from the front matter: 0.2 ‰ passes, 2 ‰ does not, in text and in records.
        let within = Self.compare(try Self.run(mse: 0.125), try Self.run(mse: 0.125 * 1.0002))
        #expect(within.matches)
        #expect(within.cells[0].tolerance == Tolerance(relative: 1e-3))
        let beyond = Self.compare(try Self.run(mse: 0.125), try Self.run(mse: 0.125 * 1.002))
        #expect(Self.verdicts(beyond) == [.differs, .match, .skipped(reason: "check: false"), .differs])
        #expect(beyond.cells[3].details == ["output 1, field MSE: 0.125 → 0.12525 (relative difference 0.002)"])
    }

    @Test func theCellToleranceOverridesTheNotebooks() throws {
        // The table cell allows 10 %: 5 % passes there, 20 % does not.
        #expect(Self.compare(try Self.run(sqnr: 40), try Self.run(sqnr: 42)).matches)
        let beyond = Self.compare(try Self.run(sqnr: 40), try Self.run(sqnr: 50))
        #expect(Self.verdicts(beyond)[1] == .differs)
        #expect(beyond.cells[1].tolerance == Tolerance(relative: 0.1))
        #expect(
            beyond.cells[1].details == [
                "output 1, row 1 (bits 8), column SQNR (dB): 40 → 50 (relative difference 0.2)",
                "output 1, row 2 (bits 4), column SQNR (dB): 20 → 25 (relative difference 0.2)",
            ])
    }

    @Test func theDefaultToleranceAppliesWithoutAnySetting() throws {
        let plain = try Notebook.parse(source: "```swift\n1\n```\n", path: "p.md")
        func run(_ value: Double) -> NotebookRun {
            NotebookRun(
                notebook: plain,
                cells: [CellRun(cellIndex: 0, status: .succeeded, outputs: [.display(.text("\(value)"))])])
        }
        #expect(Self.compare(run(2.0), run(2.000001)).matches)
        #expect(!Self.compare(run(2.0), run(2.00001)).matches)
        // A looser default from the command line.
        #expect(Self.compare(run(2.0), run(2.00001), tolerance: Tolerance(relative: 1e-4)).matches)
    }

    @Test func changedTextAroundNumbersDiffersWhateverTheTolerance() throws {
        let comparison = Self.compare(try Self.run(count: 4), try Self.run(count: 5), tolerance: Tolerance(relative: 1))
        #expect(
            comparison.cells[3].details == [#"output 1: the title was "Error of 4 values", now "Error of 5 values""#])
    }

    @Test func aDifferingCellCarriesADiffOfItsTextForm() throws {
        let comparison = Self.compare(try Self.run(mse: 0.125), try Self.run(mse: 0.25))
        let cell = comparison.cells[0]
        #expect(cell.verdict == .differs)
        #expect(
            cell.diff.map(\.plainText) == [
                "@@ -1 +1 @@",
                "-mse = 0.125",
                "+mse = 0.25",
                "       ^^^^  was 0.125, relative difference 0.5",
            ])
    }

    @Test func newRemovedAndFailingCellsAreReported() throws {
        let run = try Self.run()
        var longer = Snapshot(run)
        longer.cells.append(Snapshot.CellRecord(cell: 5, line: 30, status: .succeeded, outputs: [.text("5")]))
        let removed = SnapshotComparison(expected: longer, actual: Snapshot(run), notebook: run.notebook)
        #expect(!removed.matches)
        #expect(
            removed.notebookDifferences == [
                "the snapshot has 5 cells, the notebook 4: cell 5 (line 30) no longer exists"
            ])

        var shorter = Snapshot(run)
        shorter.cells.removeLast()
        let added = SnapshotComparison(expected: shorter, actual: Snapshot(run), notebook: run.notebook)
        #expect(added.cells[3].verdict == .differs)
        #expect(added.cells[3].details == ["this cell is new: the snapshot has no cell 4"])
        #expect(added.cells[3].diff.map(\.plainText) == ["@@ -0,0 +1,2 @@", "+Error of 4 values", "+  MSE: 0.125"])

        var failing = try Self.run()
        let error = Diagnostic.error(
            "index out of range", at: SourceLocation(file: "notebooks/c.md", line: 7, column: 1))
        failing.cells[0] = CellRun(cellIndex: 0, status: .failed, error: error)
        failing.cells[1] = CellRun(cellIndex: 1, status: .notRun)
        let failed = Self.compare(try Self.run(), failing)
        #expect(Self.verdicts(failed).prefix(2) == [.failed, .notRun])
        #expect(failed.cells[0].error?.message == "index out of range")
        #expect(!failed.matches)
    }

    @Test func differentParametersAreANotebookDifference() throws {
        let notebook = try Notebook.parse(source: "---\nparams:\n  bits: 8\n---\n```swift\nbits\n```\n", path: "p.md")
        let cells = [CellRun(cellIndex: 0, status: .succeeded)]
        let eight = NotebookRun(notebook: notebook, cells: cells)
        let four = NotebookRun(notebook: notebook, cells: cells, parameters: ["bits": .int(4)])
        let comparison = Self.compare(eight, four)
        #expect(
            comparison.notebookDifferences == [
                "parameters differ: the snapshot was recorded with bits=8, this run used bits=4"
            ])
    }

    @Test func anExpectedErrorWhoseMessageChangedDiffers() throws {
        let notebook = try Notebook.parse(source: "```swift\n//| error: true\n1 / 0\n```\n", path: "e.md")
        func run(_ message: String) -> NotebookRun {
            let error = Diagnostic.error(message, at: SourceLocation(file: "e.md", line: 3, column: 3))
            return NotebookRun(
                notebook: notebook, cells: [CellRun(cellIndex: 0, status: .expectedFailure, error: error)])
        }
        #expect(Self.compare(run("division by zero"), run("division by zero")).matches)
        let changed = Self.compare(run("division by zero"), run("integer division by zero"))
        #expect(changed.cells[0].details == ["the expected error's message changed"])
        #expect(changed.cells[0].diff.map(\.plainText).contains("+error: integer division by zero"))
    }
}

@Suite("Check: figures compare by their data")
struct FigureComparisonTests {
    static func run(_ y: [Double], levels: [Double] = [-1, 0, 1], title: String = "SQNR") throws -> NotebookRun {
        let notebook = try Notebook.parse(source: "```swift\nplot()\n```\n", path: "f.md")
        let figure = Figure(
            series: [.line(XYSeries(x: [2, 4, 8], y: y, label: "int"))], annotations: [.levels(levels, label: "grid")],
            title: title)
        return NotebookRun(
            notebook: notebook,
            cells: [CellRun(cellIndex: 0, status: .succeeded, outputs: [.display(.figure(.figure(figure)))])])
    }

    static func compare(_ a: NotebookRun, _ b: NotebookRun) -> SnapshotComparison {
        SnapshotComparison(expected: Snapshot(a), actual: Snapshot(b), notebook: b.notebook)
    }

    @Test func pointsAndMarksCompareWithTheTolerance() throws {
        #expect(Self.compare(try Self.run([12, 24, 49]), try Self.run([12, 24, 49.000001])).matches)
        let moved = Self.compare(try Self.run([12, 24, 49]), try Self.run([12, 25, 49], levels: [-1, 0, 1.5]))
        #expect(
            moved.cells[0].details == [
                "output 1, series 1 (int), y[1]: 24 → 25 (relative difference 0.04)",
                "output 1, mark 1 (levels grid)[2]: 1 → 1.5 (relative difference 0.33)",
            ])
        let retitled = Self.compare(try Self.run([12, 24, 49]), try Self.run([12, 24, 49], title: "SNR"))
        #expect(retitled.cells[0].details == [#"output 1: the title was "SQNR", now "SNR""#])
    }

    @Test func figureDataSurvivesTheSnapshotFile() throws {
        let run = try Self.run([12, .nan, 49])
        let snapshot = Snapshot(run)
        let read = try Snapshot(jsonText: snapshot.jsonText(), path: "f.json")
        // NaN is written as "NaN" and still matches NaN.
        #expect(SnapshotComparison(expected: read, actual: snapshot, notebook: run.notebook).matches)
        #expect(read.jsonText() == snapshot.jsonText())
        #expect(snapshot.jsonText().contains("\"kind\" : \"figure\""))
    }
}
