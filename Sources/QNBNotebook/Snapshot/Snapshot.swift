import QNBScript

/// What a run of a notebook produced, in the form `qnb run` records as `output/NAME.json` and
/// `qnb check` compares with: per cell, its outputs with numbers kept as numbers, and its
/// error with its location. Nothing machine-specific: no times, no absolute paths.
public struct Snapshot: Hashable, Sendable, Codable {
    /// The version of this format; readers reject other versions.
    public static let currentFormat = 1

    public var format: Int
    /// The qnb version that wrote it.
    public var qnb: String
    /// The notebook's path as it was given, relative to the project.
    public var notebook: String
    /// The parameter values the cells saw, in their front matter spelling (`4`, `"text"`).
    public var parameters: [String: String]
    public var cells: [CellRecord]

    public init(
        format: Int = Snapshot.currentFormat, qnb: String, notebook: String, parameters: [String: String],
        cells: [CellRecord]
    ) {
        self.format = format
        self.qnb = qnb
        self.notebook = notebook
        self.parameters = parameters
        self.cells = cells
    }

    /// The record of `run`.
    public init(_ run: NotebookRun) {
        self.init(
            qnb: QNBVersion.current,
            notebook: run.notebook.path,
            parameters: run.parameters.mapValues(\.description),
            cells: run.notebook.cells.map { cell in
                CellRecord(cell, run: run.run(of: cell) ?? CellRun(cellIndex: cell.index, status: .notRun))
            }
        )
    }

    /// One cell.
    public struct CellRecord: Hashable, Sendable, Codable {
        /// The cell's number in the notebook, from 1.
        public var cell: Int
        /// The notebook line of its opening fence.
        public var line: Int
        public var label: String?
        public var status: CellStatus
        public var outputs: [Output]
        public var error: ErrorRecord?

        public init(
            cell: Int, line: Int, label: String? = nil, status: CellStatus, outputs: [Output], error: ErrorRecord? = nil
        ) {
            self.cell = cell
            self.line = line
            self.label = label
            self.status = status
            self.outputs = outputs
            self.error = error
        }

        init(_ cell: Cell, run: CellRun) {
            self.init(
                cell: cell.index + 1,
                line: cell.fenceLine,
                label: cell.options.label,
                status: run.status,
                outputs: run.outputs.map(Output.init),
                error: run.error.map(ErrorRecord.init)
            )
        }
    }

    /// An error with where it happened.
    public struct ErrorRecord: Hashable, Sendable, Codable {
        public var message: String
        public var line: Int
        public var column: Int

        public init(message: String, line: Int, column: Int) {
            self.message = message
            self.line = line
            self.column = column
        }

        init(_ diagnostic: Diagnostic) {
            self.init(message: diagnostic.message, line: diagnostic.location.line, column: diagnostic.location.column)
        }
    }
}
