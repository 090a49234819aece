/// One token of a TeX formula, with where it starts in the formula (an index into its
/// characters, for raw text such as `\text{…}` arguments).
struct TeXToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `\name` (letters) or a control symbol such as `\,` or `\{` (its one character).
        case command(String)
        case openBrace
        case closeBrace
        /// `^`
        case superscript
        /// `_`
        case `subscript`
        /// `&`
        case alignment
        /// A run of white space (and comments); ignored in math, kept in text.
        case space
        /// Any other character: a letter, a digit, an operator, a prime.
        case character(Character)
    }

    var kind: Kind
    /// The token's text as written, e.g. `\alpha` or `{`.
    var text: Substring
}
