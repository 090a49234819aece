import QNBScript

/// A number computed in prose: a code span `` `\(expr)` `` that the runner evaluates after the
/// cells above it and the page shows as the formatted value, so figures quoted in sentences are
/// never typed by hand.
public struct InlineExpression: Hashable, Sendable {
    /// 0-based position among the notebook's inline expressions, in document order.
    public var index: Int
    /// The source between `\(` and the final `)`.
    public var expression: String
    /// The code span's content as cmark reads it, `\(expr)`: how renderers recognise the span.
    public var literal: String
    /// Notebook line and UTF-8 column of the expression's first character.
    public var line: Int
    public var column: Int
    /// UTF-8 offsets of the whole code span, backticks included, in `Notebook.markdown`: what
    /// the Markdown and Jupyter exporters replace. `nil` for a span qnb could not find in the
    /// text (one broken across the lines of a block quote or list item).
    public var sourceRange: Range<Int>?
    /// How many cells come before it: it is evaluated after those and before the rest.
    public var cellsBefore: Int

    public init(
        index: Int, expression: String, literal: String, line: Int, column: Int, sourceRange: Range<Int>?,
        cellsBefore: Int
    ) {
        self.index = index
        self.expression = expression
        self.literal = literal
        self.line = line
        self.column = column
        self.sourceRange = sourceRange
        self.cellsBefore = cellsBefore
    }

    /// Whether a code span's content is an inline expression: `\(` … `)`.
    public static func isInline(_ literal: some StringProtocol) -> Bool {
        literal.hasPrefix("\\(") && literal.hasSuffix(")") && literal.utf8.count >= 3
    }

    /// Where diagnostics about the expression point: its own line and columns.
    public func origin(file: String) -> SourceOrigin {
        SourceOrigin(file: file, line: line, columnOffset: column - 1)
    }
}
