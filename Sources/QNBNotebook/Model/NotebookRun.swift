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

/// A notebook together with what each of its cells produced: what the renderer, the snapshot
/// writer and the checker consume.
public struct NotebookRun: Hashable, Sendable {
    public var notebook: Notebook
    /// One entry per cell of `notebook`, in the same order (`cells[i].cellIndex == i`).
    public var cells: [CellRun]
    /// Warnings about the notebook as a whole (the parser's included), in source order.
    public var warnings: [Diagnostic]
    /// The parameter values the cells saw: front matter defaults with command-line overrides
    /// applied.
    public var parameters: [String: NotebookParameter]

    /// - Parameters:
    ///   - warnings: Notebook-level warnings; the parser's (`notebook.warnings`) when `nil`.
    ///   - parameters: The values the cells saw; the front matter defaults when `nil`.
    public init(
        notebook: Notebook,
        cells: [CellRun],
        warnings: [Diagnostic]? = nil,
        parameters: [String: NotebookParameter]? = nil
    ) {
        self.notebook = notebook
        self.cells = cells
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

    /// Whether no cell failed unexpectedly.
    public var succeeded: Bool { !cells.contains { $0.status == .failed } }

    /// The first unexpected failure, if any.
    public var firstFailure: CellRun? { cells.first { $0.status == .failed } }
}
