import Foundation
import QNBScript

/// How a cell's run ended.
public enum CellStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// Ran to the end without error.
    case succeeded
    /// Failed unexpectedly; the cells after it are `notRun`.
    case failed
    /// Failed as its `error` option asked; the run went on.
    case expectedFailure
    /// Never started because an earlier cell failed.
    case notRun
    /// A ```` ```swift norun ```` cell: shown, never executed.
    case skipped

    /// Whether the cell produced outputs worth showing and checking.
    public var hasRun: Bool {
        switch self {
        case .succeeded, .failed, .expectedFailure: return true
        case .notRun, .skipped: return false
        }
    }
}

/// What running one cell produced. A plain value: no timings, so pages and snapshots are
/// identical run to run.
public struct CellRun: Hashable, Sendable {
    public var cellIndex: Int
    public var status: CellStatus
    /// Streams and displays, in the order the cell produced them (outputs written before an
    /// error are kept).
    public var outputs: [CellOutput]
    /// The error that ended the cell: unexpected for `.failed`, the expected one for
    /// `.expectedFailure`, `nil` otherwise.
    public var error: Diagnostic?
    /// Located warnings raised while the cell ran.
    public var warnings: [Diagnostic]

    public init(
        cellIndex: Int,
        status: CellStatus,
        outputs: [CellOutput] = [],
        error: Diagnostic? = nil,
        warnings: [Diagnostic] = []
    ) {
        self.cellIndex = cellIndex
        self.status = status
        self.outputs = outputs
        self.error = error
        self.warnings = warnings
    }
}

/// What evaluating one inline prose value produced.
public struct InlineValueRun: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable {
        case succeeded, failed
        /// Not evaluated because a cell above it failed.
        case notRun
    }

    /// The expression's index in `Notebook.inlineExpressions`.
    public var index: Int
    public var status: Status
    /// What the page shows in place of the code span.
    public var text: String?
    /// The value, when it is a number: what `qnb check` compares with a tolerance.
    public var number: Double?
    public var error: Diagnostic?

    public init(index: Int, status: Status, text: String? = nil, number: Double? = nil, error: Diagnostic? = nil) {
        self.index = index
        self.status = status
        self.text = text
        self.number = number
        self.error = error
    }
}

/// A notebook together with what each of its cells produced: what the renderer, the snapshot
/// writer and the checker consume.
public struct NotebookRun: Hashable, Sendable {
    public var notebook: Notebook
    /// One entry per cell of `notebook`, in the same order (`cells[i].cellIndex == i`).
    public var cells: [CellRun]
    /// One entry per inline expression of `notebook`, in the same order.
    public var inlineValues: [InlineValueRun]
    /// Warnings about the notebook as a whole (the parser's included), in source order.
    public var warnings: [Diagnostic]
    /// The parameter values the cells saw: front matter defaults with command-line overrides
    /// applied.
    public var parameters: [String: NotebookParameter]

    /// - Parameters:
    ///   - inlineValues: The prose values; all `.notRun` when `nil`.
    ///   - warnings: Notebook-level warnings; the parser's (`notebook.warnings`) when `nil`.
    ///   - parameters: The values the cells saw; the front matter defaults when `nil`.
    public init(
        notebook: Notebook,
        cells: [CellRun],
        inlineValues: [InlineValueRun]? = nil,
        warnings: [Diagnostic]? = nil,
        parameters: [String: NotebookParameter]? = nil
    ) {
        self.notebook = notebook
        self.cells = cells
        self.inlineValues =
            inlineValues ?? notebook.inlineExpressions.map { InlineValueRun(index: $0.index, status: .notRun) }
        self.warnings = warnings ?? notebook.warnings
        self.parameters = parameters ?? notebook.frontMatter.params
    }

    /// The notebook before running: `norun` cells `.skipped`, every other cell `.notRun`, the
    /// parser's warnings kept. Renders the page of a notebook without executing it.
    public init(unexecuted notebook: Notebook) {
        self.init(
            notebook: notebook,
            cells: notebook.cells.map {
                CellRun(cellIndex: $0.index, status: $0.runs ? .notRun : .skipped)
            }
        )
    }

    /// The run of `cell`, if the run has an entry for it.
    public func run(of cell: Cell) -> CellRun? {
        if cell.index < cells.count, cells[cell.index].cellIndex == cell.index {
            return cells[cell.index]
        }
        return cells.first { $0.cellIndex == cell.index }
    }

    /// Whether no cell failed unexpectedly and every prose value could be computed.
    public var succeeded: Bool {
        !cells.contains { $0.status == .failed } && !inlineValues.contains { $0.status == .failed }
    }

    /// The value shown for `expression`, if the run has one.
    public func value(of expression: InlineExpression) -> InlineValueRun? {
        guard expression.index < inlineValues.count else { return nil }
        return inlineValues[expression.index]
    }

    /// A heading's text with the literals of the inline expressions on its line replaced by
    /// their values, for places that show plain text: the table of contents, the page title.
    public func resolvingInlineValues(in heading: Heading) -> String {
        guard heading.text.contains("\\(") else { return heading.text }
        var result = heading.text
        for expression in notebook.inlineExpressions where expression.line == heading.line {
            guard let shown = value(of: expression)?.text, let range = result.range(of: expression.literal) else {
                continue
            }
            result.replaceSubrange(range, with: shown)
        }
        return result
    }

    /// The notebook's title with the values of the inline expressions in its heading.
    public var title: String {
        guard notebook.frontMatter.title == nil, let first = notebook.headings.first else { return notebook.title }
        return resolvingInlineValues(in: first)
    }

    /// The first unexpected failure, if any.
    public var firstFailure: CellRun? { cells.first { $0.status == .failed } }
}
