/// How a notebook page is rendered.
public struct RenderOptions: Hashable, Sendable {
    /// Pass raw HTML in the prose through (and keep `javascript:` links), instead of dropping it.
    /// Only for notebooks from trusted authors (`qnb run --unsafe-html`).
    public var allowUnsafeHTML: Bool
    /// Show a table of contents when the prose has at least this many level-2 and level-3
    /// headings; `nil` never shows one.
    public var tableOfContentsMinimumHeadings: Int?

    public init(allowUnsafeHTML: Bool = false, tableOfContentsMinimumHeadings: Int? = 3) {
        self.allowUnsafeHTML = allowUnsafeHTML
        self.tableOfContentsMinimumHeadings = tableOfContentsMinimumHeadings
    }
}
