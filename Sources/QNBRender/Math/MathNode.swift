/// A formula as the TeX parser understands it, one case per MathML Core element it becomes.
/// Built by `TeXParser`, written by `MathMLWriter`; a plain value with no source positions (a
/// formula fails or succeeds as a whole).
indirect enum MathNode: Hashable, Sendable {
    /// `<mi>`: a letter, a name such as `log`, or an ordinary symbol such as `∞`. `upright` asks
    /// for `mathvariant="normal"` (only needed on single characters, which browsers italicise).
    case identifier(String, upright: Bool = false)
    /// `<mn>`: a number.
    case number(String)
    /// `<mo>`: an operator, relation, delimiter or punctuation.
    case op(String, MathOperator = MathOperator())
    /// `<mtext>`: text from `\text{…}`.
    case text(String)
    /// `<mspace width="…">`.
    case space(width: String)
    /// `<mrow>`: a group. A row of one element is written as that element.
    case row([MathNode])
    /// `<msub>`, `<msup>` or `<msubsup>`: scripts beside the base.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
    /// `<munder>`, `<mover>` or `<munderover>`: limits below and above the base. `accent` marks an
    /// accent over the base (`\hat`), `accentUnder` one under it (`\underline`).
    case limits(base: MathNode, under: MathNode?, over: MathNode?, accent: Bool = false, accentUnder: Bool = false)
    /// `<mfrac>`; `displayStyle` forces the size (`\dfrac`: true, `\tfrac`: false); a
    /// `lineThickness` of "0" makes a binomial coefficient.
    case fraction(MathNode, MathNode, displayStyle: Bool? = nil, lineThickness: String? = nil)
    /// `<msqrt>`.
    case squareRoot(MathNode)
    /// `<mroot>`: the radicand, then the index.
    case root(MathNode, index: MathNode)
    /// `<mtable>`: rows of cells, with the alignment of each column and the style of the cells.
    case table([[MathNode]], columnAlignment: [String]?, displayStyle: Bool, columnSpacing: String? = nil)
    /// `<mstyle displaystyle="…">` from `\displaystyle` and `\textstyle`.
    case style(displayStyle: Bool, MathNode)
}

/// The attributes of an `<mo>` that differ from the browser's operator dictionary.
struct MathOperator: Hashable, Sendable {
    /// `form="prefix"`/`"postfix"` for `\left` and `\right` delimiters.
    enum Form: String, Hashable, Sendable {
        case prefix, infix, postfix
    }

    var form: Form?
    /// `false` keeps a delimiter at text size (TeX's plain `(`), `true` lets it grow (`\left(`).
    var stretchy: Bool?
    /// Fixed height of a `\big`-sized delimiter, e.g. "1.2em".
    var size: String?
    var leftSpace: String?
    var rightSpace: String?

    init(
        form: Form? = nil, stretchy: Bool? = nil, size: String? = nil, leftSpace: String? = nil,
        rightSpace: String? = nil
    ) {
        self.form = form
        self.stretchy = stretchy
        self.size = size
        self.leftSpace = leftSpace
        self.rightSpace = rightSpace
    }

    /// TeX's ordinary symbols that are operators in MathML (`|`, `/`, `.`): no space around them.
    static let ordinary = MathOperator(leftSpace: "0em", rightSpace: "0em")
    /// A delimiter that does not grow with its contents.
    static let fixed = MathOperator(stretchy: false)
}
