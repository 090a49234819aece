import QNBScript

/// A fenced code block whose info string starts with `swift`: one unit of execution.
public struct Cell: Hashable, Sendable, Identifiable {
    /// Position among the notebook's cells, from 0, in document order.
    public var index: Int
    /// The code between the fences, exactly as cmark reads it (option lines included, container
    /// indentation removed, every line ending in `\n`).
    public var source: String
    /// Where `source` starts in the notebook, for re-basing positions found in the cell.
    public var origin: SourceOrigin
    /// Notebook line of the opening fence.
    public var fenceLine: Int
    /// Notebook column (1-based, UTF-8) of the opening fence's first backtick or tilde.
    public var fenceColumn: Int
    /// The whole info string, e.g. `swift norun`.
    public var info: String
    public var options: CellOptions
    /// `false` for ```` ```swift norun ````: the code is shown but never executed.
    public var runs: Bool
    /// How many `//|` lines open `source`; they configure the cell and are not displayed.
    public var optionLineCount: Int
    /// Whether a closing fence ends the cell (cmark runs an unclosed one to the end of its
    /// container; the parser warns about it).
    public var isTerminated: Bool

    public init(
        index: Int,
        source: String,
        origin: SourceOrigin,
        fenceLine: Int,
        fenceColumn: Int = 1,
        info: String = "swift",
        options: CellOptions = CellOptions(),
        runs: Bool = true,
        optionLineCount: Int = 0,
        isTerminated: Bool = true
    ) {
        self.index = index
        self.source = source
        self.origin = origin
        self.fenceLine = fenceLine
        self.fenceColumn = fenceColumn
        self.info = info
        self.options = options
        self.runs = runs
        self.optionLineCount = optionLineCount
        self.isTerminated = isTerminated
    }

    public var id: Int { index }

    /// The 1-based number people see: `[3]`, "cell 3".
    public var number: Int { index + 1 }

    /// The notebook location of the opening fence.
    public var location: SourceLocation {
        SourceLocation(file: origin.file, line: fenceLine, column: fenceColumn)
    }

    /// The code shown on the page: `source` without the option lines and trailing blank lines.
    public var displayedCode: String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(optionLineCount)
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) {
            lines.removeLast()
        }
        return lines.joined(separator: "\n")
    }

    /// The page anchor of the cell: its label, else `cell-N`.
    public var anchor: String { options.label ?? "cell-\(number)" }
}
