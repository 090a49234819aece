/// How a cell is run and shown, set by `//| key: value` lines at the top of its code
/// (Quarto style). The defaults are those of a cell without option lines.
public struct CellOptions: Hashable, Sendable {
    /// What `error: true` or `error: "text"` asks of a cell: that it fails, and, with a text,
    /// that the error message contains it.
    public struct ErrorExpectation: Hashable, Sendable {
        /// Text the error message must contain; `nil` accepts any error.
        public var expectedMessage: String?

        public init(expectedMessage: String? = nil) {
            self.expectedMessage = expectedMessage
        }

        /// Whether an error with this message satisfies the expectation.
        public func isSatisfied(byMessage message: String) -> Bool {
            expectedMessage.map { message.contains($0) } ?? true
        }
    }

    /// The keys a cell accepts, in the order error messages list them.
    public static let keys = [
        "echo", "output", "error", "timeout", "label", "caption", "fold", "check", "tolerance",
    ]

    /// Show the code (`echo: false` hides it).
    public var echo: Bool
    /// Show the outputs (`output: false` hides them; they are still recorded and checked).
    public var output: Bool
    /// Set when the cell must fail (`error: true` or `error: "text"`); `nil` (`error: false`, the
    /// default) means an error fails the cell and stops the run.
    public var error: ErrorExpectation?
    /// Time limit in seconds, overriding the notebook's.
    public var timeout: Double?
    /// Anchor and cross-reference name; `fig-…` and `tbl-…` labels are numbered.
    public var label: String?
    public var caption: String?
    /// Show the code collapsed.
    public var fold: Bool
    /// Include the cell's outputs in the regression check.
    public var check: Bool
    /// Relative tolerance for the regression check, overriding the notebook's.
    public var tolerance: Double?

    public init(
        echo: Bool = true,
        output: Bool = true,
        error: ErrorExpectation? = nil,
        timeout: Double? = nil,
        label: String? = nil,
        caption: String? = nil,
        fold: Bool = false,
        check: Bool = true,
        tolerance: Double? = nil
    ) {
        self.echo = echo
        self.output = output
        self.error = error
        self.timeout = timeout
        self.label = label
        self.caption = caption
        self.fold = fold
        self.check = check
        self.tolerance = tolerance
    }
}
