/// A position in a notebook file: 1-based line and 1-based UTF-8 column, as cmark and
/// swift-syntax count them.
///
/// Every diagnostic qnb reports carries one. Cell code is parsed on its own, then its
/// positions are re-based onto the notebook (code line k of a fence opening on line L is
/// notebook line L + k), so users always see `notebook.md:line:column`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file as the user named it (relative paths stay relative).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// Where a cell's source starts in its notebook, used to re-base positions found by parsing the
/// cell on its own.
public struct SourceOrigin: Hashable, Sendable {
    public var file: String
    /// Notebook line of the cell's first code line.
    public var line: Int
    /// Number of UTF-8 bytes of indentation that cmark removed from each code line (0 for a fence
    /// at the left margin).
    public var columnOffset: Int

    public init(file: String, line: Int, columnOffset: Int = 0) {
        self.file = file
        self.line = line
        self.columnOffset = columnOffset
    }

    /// The notebook location of a position given as 1-based line and column within the cell.
    public func location(line cellLine: Int, column cellColumn: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + cellLine - 1, column: cellColumn + columnOffset)
    }
}
