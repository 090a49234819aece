/// A formula found in the prose: `$…$` or `$$…$$`.
struct MathSpan: Hashable, Sendable {
    /// The TeX between the delimiters, trimmed; lines of a formula that continues over several
    /// lines are joined with `\n`, without their block-quote markers.
    var tex: String
    var display: Bool
    /// Where its first `$` is in the notebook: 1-based line and UTF-8 column.
    var line: Int
    var column: Int
    /// The notebook text each of its placeholders replaced, one per line the formula touches,
    /// delimiters included: what is put back where math cannot be shown (a code span, a link
    /// target).
    var pieces: [String]
}
