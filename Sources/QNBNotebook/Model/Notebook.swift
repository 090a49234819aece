import QNBScript

/// A parsed Markdown notebook: its prose (kept as Markdown for the renderer), its cells in
/// document order, and its front matter. A plain value; parsing never keeps cmark objects.
public struct Notebook: Hashable, Sendable {
    /// The path as the user gave it, used in every diagnostic.
    public var path: String
    /// The notebook's text.
    public var source: String
    /// The text cmark parses: `source` with the front matter lines emptied, so that cmark's line
    /// numbers are the notebook's. Renderers parse this, not `source`.
    public var markdown: String
    public var frontMatter: FrontMatter
    public var cells: [Cell]
    /// The values computed in prose, `` `\(expr)` ``, in document order.
    public var inlineExpressions: [InlineExpression]
    /// The front matter's `title`, else the first heading's text, else the file name without
    /// its extension.
    public var title: String
    /// Every heading in document order, with unique anchors.
    public var headings: [Heading]
    /// The numbered figures and tables, in document order.
    public var crossReferences: [CrossReference]
    /// What the parser found suspicious but not fatal (an unterminated fence, an unknown
    /// reference), in source order.
    public var warnings: [Diagnostic]

    var lines: SourceLines

    init(
        path: String, source: String, markdown: String, frontMatter: FrontMatter, cells: [Cell],
        inlineExpressions: [InlineExpression], title: String, headings: [Heading], crossReferences: [CrossReference],
        warnings: [Diagnostic],
        lines: SourceLines
    ) {
        self.path = path
        self.source = source
        self.markdown = markdown
        self.frontMatter = frontMatter
        self.cells = cells
        self.inlineExpressions = inlineExpressions
        self.title = title
        self.headings = headings
        self.crossReferences = crossReferences
        self.warnings = warnings
        self.lines = lines
    }

    /// The text of 1-based notebook line `line` without its line ending, `nil` out of range;
    /// for printing a diagnostic's source line under it.
    public func sourceLine(_ line: Int) -> String? {
        lines.content(of: line, in: source).map(String.init)
    }

    /// Number of lines in `source`.
    public var lineCount: Int { lines.count }

    /// The folder that holds the notebook (`.` for a bare file name): where relative paths in
    /// its cells start.
    public var folder: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The cross-reference for `label`, if a cell numbers it.
    public func crossReference(_ label: String) -> CrossReference? {
        crossReferences.first { $0.label == label }
    }

    /// Whether the prose has a level-1 heading (then the page shows no separate title heading).
    public var hasLevelOneHeading: Bool { headings.contains { $0.level == 1 } }
}
