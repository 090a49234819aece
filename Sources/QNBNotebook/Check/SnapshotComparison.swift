/// A new run of a notebook compared with its snapshot, cell by cell: what `qnb check` reports.
public struct SnapshotComparison: Hashable, Sendable {
    /// How one cell came out.
    public enum Verdict: Hashable, Sendable {
        /// Outputs (and expected error) equal to the snapshot's within the tolerance.
        case match
        case differs
        /// Failed unexpectedly in this run.
        case failed
        /// Not run because an earlier cell failed.
        case notRun
        /// Not compared: `check: false`, or a `norun` cell.
        case skipped(reason: String)
    }

    /// One cell's result.
    public struct CellCheck: Hashable, Sendable {
        /// The cell's number, from 1.
        public var cell: Int
        /// The notebook line of its opening fence.
        public var line: Int
        public var label: String?
        public var verdict: Verdict
        /// The tolerance its numbers were compared with.
        public var tolerance: Tolerance
        /// What changed in the structure of its outputs: `output 1, row 3 (bits 4), column mse:
        /// 0.0123 → 0.0125 (relative difference 1.6e-02)`, a changed status, a new cell.
        public var details: [String]
        /// The unified diff of its text form, snapshot to this run; empty when they agree.
        public var diff: [DiffLine]
        /// The snapshot's text form of its outputs (and expected error).
        public var expectedText: String
        /// This run's, for the check page.
        public var actualText: String
        /// This run's unexpected error, for `.failed`.
        public var error: Snapshot.ErrorRecord?
    }

    public var cells: [CellCheck]
    /// Differences that belong to no single cell: cells the snapshot has that the notebook no
    /// longer has, parameters that differ.
    public var notebookDifferences: [String]

    /// Whether the run matches the snapshot: every compared cell matches, no cell failed, and
    /// nothing differs at the notebook level.
    public var matches: Bool {
        notebookDifferences.isEmpty
            && cells.allSatisfy { cell in
                switch cell.verdict {
                case .match, .skipped: return true
                case .differs, .failed, .notRun: return false
                }
            }
    }

    /// The most detailed structured differences listed per output before "… and N more".
    public static let detailLimit = 8

    /// Compares `actual` (the record of a new run of `notebook`) with `expected` (its snapshot).
    /// Each cell uses its `tolerance` option, else the front matter's, else `defaultTolerance`.
    public init(expected: Snapshot, actual: Snapshot, notebook: Notebook, defaultTolerance: Tolerance = .default) {
        var differences: [String] = []
        if expected.parameters != actual.parameters {
            differences.append(
                "parameters differ: the snapshot was recorded with \(Self.describe(expected.parameters)), "
                    + "this run used \(Self.describe(actual.parameters))")
        }
        if expected.cells.count > actual.cells.count {
            let removed = expected.cells[actual.cells.count...]
            let list = removed.map { "cell \($0.cell) (line \($0.line))" }.joined(separator: ", ")
            differences.append(
                "the snapshot has \(expected.cells.count) cells, the notebook \(actual.cells.count): "
                    + "\(list) no longer \(removed.count == 1 ? "exists" : "exist")")
        }
        let notebookTolerance = notebook.frontMatter.tolerance.map { Tolerance(relative: $0) } ?? defaultTolerance
        differences += Self.compareInlineValues(
            expected.inlineValues, actual.inlineValues, tolerance: notebookTolerance)
        notebookDifferences = differences

        cells = actual.cells.enumerated().map { index, record in
            let cell = index < notebook.cells.count ? notebook.cells[index] : nil
            let tolerance = cell?.options.tolerance.map { Tolerance(relative: $0) } ?? notebookTolerance
            let old = index < expected.cells.count ? expected.cells[index] : nil
            return Self.compare(old, record, check: cell?.options.check ?? true, tolerance: tolerance)
        }
    }

    /// The prose values that differ, failed, or were added or removed, each a located sentence:
    /// `line 12, column 20: \(mse) was 0.001235, now 0.001301 (relative difference 5.1e-02)`.
    /// Numbers compare with the notebook's tolerance, other values as text with their numbers
    /// compared the same way.
    static func compareInlineValues(
        _ expected: [Snapshot.InlineValueRecord], _ actual: [Snapshot.InlineValueRecord], tolerance: Tolerance
    ) -> [String] {
        var found: [String] = []
        func place(_ record: Snapshot.InlineValueRecord) -> String {
            "line \(record.line), column \(record.column): \\(\(record.expression))"
        }
        for (index, new) in actual.enumerated() {
            switch new.status {
            case .failed:
                found.append("\(place(new)) failed: \(new.error?.message ?? "no value")")
                continue
            case .notRun:
                found.append("\(place(new)) was not computed: a cell above it failed")
                continue
            case .succeeded:
                break
            }
            guard index < expected.count else {
                found.append("\(place(new)) is new: the snapshot has no inline value \(index + 1)")
                continue
            }
            let old = expected[index]
            if old.expression != new.expression {
                found.append(
                    "\(place(new)) was \\(\(old.expression)) in the snapshot (line \(old.line)); "
                        + "the prose changed, run with --update")
                continue
            }
            let same: Bool
            if let a = old.number, let b = new.number {
                same = tolerance.accepts(a, b)
            } else {
                same = NumericText(new.text ?? "").matches(NumericText(old.text ?? ""), tolerance: tolerance)
            }
            guard !same else { continue }
            var sentence = "\(place(new)) was \(old.text ?? "not computed"), now \(new.text ?? "")"
            if let a = old.number, let b = new.number {
                sentence += " (relative difference \(Tolerance.short(Tolerance.relativeDifference(a, b))))"
            }
            found.append(sentence)
        }
        if expected.count > actual.count {
            let removed = expected[actual.count...].map { "\\(\($0.expression)) (line \($0.line))" }
            found.append(
                "the snapshot has \(expected.count) inline values, the notebook \(actual.count): "
                    + removed.joined(separator: ", ") + (removed.count == 1 ? " no longer exists" : " no longer exist"))
        }
        return found
    }

    static func describe(_ parameters: [String: String]) -> String {
        guard !parameters.isEmpty else { return "no parameters" }
        return parameters.keys.sorted().map { "\($0)=\(parameters[$0] ?? "")" }.joined(separator: ", ")
    }

    static func compare(
        _ expected: Snapshot.CellRecord?, _ actual: Snapshot.CellRecord, check: Bool, tolerance: Tolerance
    ) -> CellCheck {
        let actualLines = textLines(of: actual)
        let expectedLines = expected.map(textLines) ?? []
        var result = CellCheck(
            cell: actual.cell, line: actual.line, label: actual.label, verdict: .match, tolerance: tolerance,
            details: [], diff: [], expectedText: expectedLines.joined(separator: "\n"),
            actualText: actualLines.joined(separator: "\n"), error: nil)
        switch actual.status {
        case .skipped:
            result.verdict = .skipped(reason: "norun")
            return result
        case .notRun:
            result.verdict = .notRun
            return result
        case .failed:
            result.verdict = .failed
            result.error = actual.error
            return result
        case .succeeded, .expectedFailure:
            break
        }
        guard check else {
            result.verdict = .skipped(reason: "check: false")
            return result
        }
        guard let expected else {
            result.verdict = .differs
            result.details = ["this cell is new: the snapshot has no cell \(actual.cell)"]
            result.diff = LineDiff.unified(expected: [], actual: actualLines, tolerance: tolerance)
            return result
        }

        var details: [String] = []
        if expected.status != actual.status {
            details.append("it \(Self.phrase(expected.status)) in the snapshot and \(Self.phrase(actual.status)) now")
        }
        let count = max(expected.outputs.count, actual.outputs.count)
        if expected.outputs.count != actual.outputs.count {
            details.append(
                "it produced \(Self.count(expected.outputs.count, "output")) in the snapshot "
                    + "and \(Self.count(actual.outputs.count, "output")) now")
        }
        for index in 0..<count where index < expected.outputs.count && index < actual.outputs.count {
            OutputComparison(tolerance: tolerance)
                .compare(expected.outputs[index], actual.outputs[index], at: "output \(index + 1)", into: &details)
        }
        switch (expected.error, actual.error) {
        case (.some(let old), .some(let new)):
            if !NumericText(new.message).matches(NumericText(old.message), tolerance: tolerance) {
                details.append("the expected error's message changed")
            } else if old.line - expected.line != new.line - actual.line || old.column != new.column {
                details.append(
                    "the expected error moved from line \(old.line), column \(old.column) "
                        + "to line \(new.line), column \(new.column)")
            }
        case (.none, .some), (.some, .none), (.none, .none):
            break
        }
        result.details = details
        result.diff = LineDiff.unified(expected: expectedLines, actual: actualLines, tolerance: tolerance)
        result.verdict = details.isEmpty && result.diff.isEmpty ? .match : .differs
        return result
    }

    /// A cell's outputs (and its expected error) as text lines, as the diff shows them.
    static func textLines(of record: Snapshot.CellRecord) -> [String] {
        var lines: [String] = []
        for output in record.outputs {
            var text = output.text
            if text.hasSuffix("\n") { text.removeLast() }
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if let error = record.error, record.status == .expectedFailure {
            lines.append("error: \(error.message)")
        }
        return lines
    }

    static func phrase(_ status: CellStatus) -> String {
        switch status {
        case .succeeded: return "succeeded"
        case .failed: return "failed"
        case .expectedFailure: return "failed as expected"
        case .notRun: return "did not run"
        case .skipped: return "was skipped"
        }
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// Compares outputs structurally: tables cell by cell, records field by field, text with its
/// numbers as numbers.
struct OutputComparison {
    var tolerance: Tolerance

    func compare(_ expected: Snapshot.Output, _ actual: Snapshot.Output, at place: String, into details: inout [String])
    {
        switch (expected, actual) {
        case (.stream, .stream), (.text, .text):
            // Text is compared, and shown, by the cell's line diff.
            break
        case (.table(let oldColumns, let oldRows, _), .table(let newColumns, let newRows, _)):
            compareTables(oldColumns, oldRows, newColumns, newRows, at: place, into: &details)
        case (.record(let oldTitle, let oldFields, _, _), .record(let newTitle, let newFields, _, _)):
            if oldTitle != newTitle {
                details.append("\(place): the title was \(quoted(oldTitle)), now \(quoted(newTitle))")
            }
            if oldFields.map(\.name) != newFields.map(\.name) {
                details.append(
                    "\(place): the fields were \(oldFields.map(\.name).joined(separator: ", ")); "
                        + "now \(newFields.map(\.name).joined(separator: ", "))")
            } else {
                var found: [String] = []
                for (old, new) in zip(oldFields, newFields) {
                    if let change = scalarChange(old.value, new.value) { found.append("field \(old.name): \(change)") }
                }
                append(found, at: place, into: &details)
            }
        // The preview is part of the text form, which the line diff compares.
        case (.stack(let oldItems), .stack(let newItems)):
            if oldItems.count != newItems.count {
                details.append("\(place): \(oldItems.count) parts in the snapshot, \(newItems.count) now")
            }
            for (index, (old, new)) in zip(oldItems, newItems).enumerated() {
                compare(old, new, at: "\(place).\(index + 1)", into: &details)
            }
        case (.figure(let old, _), .figure(let new, _)):
            compareFigures(old, new, at: place, into: &details)
        case (.file(let oldName, let oldBytes, let oldDigest), .file(let newName, let newBytes, let newDigest)):
            // Saved files compare byte for byte (by digest): no tolerance applies inside them.
            if oldName != newName {
                details.append("\(place): the saved file was \(quoted(oldName)), now \(quoted(newName))")
            } else if oldBytes != newBytes || oldDigest != newDigest {
                details.append(
                    "\(place): the bytes of \(newName) changed (\(oldBytes) bytes, digest \(oldDigest) → "
                        + "\(newBytes) bytes, digest \(newDigest))")
            }
        default:
            details.append("\(place) was \(Self.kind(expected)), now \(Self.kind(actual))")
        }
    }

    /// Figures compare by their data: titles and labels exactly, every series point and mark
    /// position with the tolerance.
    func compareFigures(
        _ old: Snapshot.FigureData, _ new: Snapshot.FigureData, at place: String, into details: inout [String]
    ) {
        let oldPanels = old.panels ?? []
        let newPanels = new.panels ?? []
        if oldPanels.count != newPanels.count {
            details.append("\(place): the grid had \(oldPanels.count) figures, now \(newPanels.count)")
        }
        for (index, (a, b)) in zip(oldPanels, newPanels).enumerated() {
            compareFigures(a, b, at: "\(place), figure \(index + 1)", into: &details)
        }
        for (name, a, b) in [
            ("title", old.title, new.title), ("x label", old.xLabel, new.xLabel), ("y label", old.yLabel, new.yLabel),
        ]
        where a != b {
            details.append("\(place): the \(name) was \(quoted(a ?? "")), now \(quoted(b ?? ""))")
        }
        if old.series.count != new.series.count {
            details.append("\(place): \(old.series.count) series in the snapshot, \(new.series.count) now")
        }
        var found: [String] = []
        for (index, (a, b)) in zip(old.series, new.series).enumerated() {
            let name = "series \(index + 1)" + (b.label.map { " (\($0))" } ?? "")
            if a.kind != b.kind || a.label != b.label || a.categories != b.categories {
                found.append(
                    "\(name) was a \(a.kind) \(quoted(a.label ?? "")), now a \(b.kind) \(quoted(b.label ?? ""))")
                continue
            }
            for (field, x, y) in [
                ("x", a.x, b.x), ("y", a.y, b.y), ("edges", a.edges, b.edges), ("counts", a.counts, b.counts),
            ] {
                compareNumbers(x ?? [], y ?? [], name: "\(name), \(field)", into: &found)
            }
        }
        if old.annotations.count != new.annotations.count {
            found.append("\(old.annotations.count) reference marks in the snapshot, \(new.annotations.count) now")
        }
        for (index, (a, b)) in zip(old.annotations, new.annotations).enumerated() {
            let name = "mark \(index + 1) (\(b.kind)\(b.label.map { " \($0)" } ?? ""))"
            if a.kind != b.kind || a.label != b.label {
                found.append("\(name) was a \(a.kind) \(quoted(a.label ?? ""))")
                continue
            }
            compareNumbers(a.values, b.values, name: name, into: &found)
        }
        append(found, at: place, into: &details)
    }

    func compareNumbers(_ old: [Snapshot.Scalar], _ new: [Snapshot.Scalar], name: String, into found: inout [String]) {
        if old.count != new.count {
            found.append("\(name): \(old.count) values in the snapshot, \(new.count) now")
            return
        }
        for (index, (a, b)) in zip(old, new).enumerated() {
            if let change = scalarChange(a, b) { found.append("\(name)[\(index)]: \(change)") }
        }
    }

    func compareTables(
        _ oldColumns: [String], _ oldRows: [[Snapshot.Scalar]], _ newColumns: [String], _ newRows: [[Snapshot.Scalar]],
        at place: String, into details: inout [String]
    ) {
        if oldColumns != newColumns {
            details.append(
                "\(place): the columns were \(oldColumns.joined(separator: ", ")); now \(newColumns.joined(separator: ", "))"
            )
            return
        }
        if oldRows.count != newRows.count {
            details.append("\(place): the table had \(oldRows.count) rows, now \(newRows.count)")
        }
        var found: [String] = []
        for (index, (old, new)) in zip(oldRows, newRows).enumerated() {
            // A row is named by its number and, when it has one, the value in its first column.
            var name = "row \(index + 1)"
            if let first = old.first, let column = oldColumns.first, !first.formatted.isEmpty {
                name += " (\(column) \(first.formatted))"
            }
            for column in 0..<max(old.count, new.count) {
                let title = column < oldColumns.count ? oldColumns[column] : "\(column + 1)"
                let before = column < old.count ? old[column] : .empty
                let after = column < new.count ? new[column] : .empty
                if let change = scalarChange(before, after) { found.append("\(name), column \(title): \(change)") }
            }
        }
        append(found, at: place, into: &details)
    }

    /// `0.0123 → 0.0125 (relative difference 1.6e-02)`, or `nil` when the scalars agree.
    func scalarChange(_ old: Snapshot.Scalar, _ new: Snapshot.Scalar) -> String? {
        if let a = old.number, let b = new.number {
            if tolerance.accepts(a, b) { return nil }
            let difference = Tolerance.relativeDifference(a, b)
            return "\(old.formatted) → \(new.formatted) (relative difference \(Tolerance.short(difference)))"
        }
        switch (old, new) {
        case (.text(let a), .text(let b)):
            if NumericText(b).matches(NumericText(a), tolerance: tolerance) { return nil }
        default:
            if old == new { return nil }
        }
        return "\(quoted(old.formatted)) → \(quoted(new.formatted))"
    }

    func append(_ found: [String], at place: String, into details: inout [String]) {
        let limit = SnapshotComparison.detailLimit
        details += found.prefix(limit).map { "\(place), \($0)" }
        if found.count > limit {
            details.append(
                "\(place): … and \(found.count - limit) more \(found.count - limit == 1 ? "difference" : "differences")"
            )
        }
    }

    func quoted(_ text: String) -> String { "\"\(text)\"" }

    static func kind(_ output: Snapshot.Output) -> String {
        switch output {
        case .stream: return "printed text"
        case .text: return "a displayed value"
        case .table: return "a table"
        case .record: return "a record"
        case .stack: return "a stack of displays"
        case .figure: return "a figure"
        case .file: return "a saved file"
        }
    }
}
