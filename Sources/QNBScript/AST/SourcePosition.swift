/// A position inside a cell's source: 1-based line and 1-based UTF-8 column, as swift-syntax's
/// `SourceLocationConverter` gives them. Re-based onto the notebook with
/// `SourceOrigin.location(line:column:)` only when a diagnostic is made.
struct SourcePosition: Hashable, Sendable {
    var line: Int32
    var column: Int32

    init(line: Int, column: Int) {
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }

    static let unknown = SourcePosition(line: 1, column: 1)

    func location(in origin: SourceOrigin) -> SourceLocation {
        origin.location(line: Int(line), column: Int(column))
    }
}
