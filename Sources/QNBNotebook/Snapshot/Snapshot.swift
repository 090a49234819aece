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
    /// The values computed in prose, in document order (absent from snapshots of notebooks
    /// written before qnb computed prose, which read as none).
    public var inlineValues: [InlineValueRecord]

    public init(
        format: Int = Snapshot.currentFormat, qnb: String, notebook: String, parameters: [String: String],
        cells: [CellRecord], inlineValues: [InlineValueRecord] = []
    ) {
        self.format = format
        self.qnb = qnb
        self.notebook = notebook
        self.parameters = parameters
        self.cells = cells
        self.inlineValues = inlineValues
    }

    enum CodingKeys: String, CodingKey {
        case format, qnb, notebook, parameters, cells, inlineValues
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        qnb = try container.decode(String.self, forKey: .qnb)
        notebook = try container.decode(String.self, forKey: .notebook)
        parameters = try container.decode([String: String].self, forKey: .parameters)
        cells = try container.decode([CellRecord].self, forKey: .cells)
        inlineValues = try container.decodeIfPresent([InlineValueRecord].self, forKey: .inlineValues) ?? []
    }

    /// The record of `run`.
    public init(_ run: NotebookRun) {
        self.init(
            qnb: QNBVersion.current,
            notebook: run.notebook.path,
            parameters: run.parameters.mapValues(\.description),
            cells: run.notebook.cells.map { cell in
                CellRecord(cell, run: run.run(of: cell) ?? CellRun(cellIndex: cell.index, status: .notRun))
            },
            inlineValues: run.notebook.inlineExpressions.map { expression in
                InlineValueRecord(
                    expression,
                    run: run.value(of: expression) ?? InlineValueRun(index: expression.index, status: .notRun))
            }
        )
    }

    /// One value computed in prose.
    public struct InlineValueRecord: Hashable, Sendable, Codable {
        /// The expression inside `\(` and `)`.
        public var expression: String
        /// Where it starts in the notebook.
        public var line: Int
        public var column: Int
        public var status: InlineValueRun.Status
        /// What the page shows.
        public var text: String?
        /// The value when it is a number, compared with a tolerance by `qnb check`.
        public var number: Double?
        public var error: ErrorRecord?

        public init(
            expression: String, line: Int, column: Int, status: InlineValueRun.Status, text: String? = nil,
            number: Double? = nil, error: ErrorRecord? = nil
        ) {
            self.expression = expression
            self.line = line
            self.column = column
            self.status = status
            self.text = text
            self.number = number
            self.error = error
        }

        init(_ expression: InlineExpression, run: InlineValueRun) {
            self.init(
                expression: expression.expression, line: expression.line, column: expression.column,
                status: run.status, text: run.text, number: run.number, error: run.error.map(ErrorRecord.init))
        }
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
