/// How a notebook page is rendered.
public struct RenderOptions: Hashable, Sendable {
    /// Pass raw HTML in the prose through (and keep `javascript:` links), instead of dropping it.
    /// Only for notebooks from trusted authors (`qnb run --unsafe-html`).
    public var allowUnsafeHTML: Bool
    /// Show a table of contents when the prose has at least this many level-2 and level-3
    /// headings; `nil` never shows one.
    public var tableOfContentsMinimumHeadings: Int?
    /// A check's result to show on the page (`qnb check --html`): differing cells highlighted,
    /// each with the snapshot's output beside the new one.
    public var review: CheckReview?
    /// Links to the site's index and the neighbouring notebooks (`qnb run FOLDER`).
    public var navigation: SiteNavigation?

    public init(
        allowUnsafeHTML: Bool = false, tableOfContentsMinimumHeadings: Int? = 3, review: CheckReview? = nil,
        navigation: SiteNavigation? = nil
    ) {
        self.navigation = navigation
        self.allowUnsafeHTML = allowUnsafeHTML
        self.tableOfContentsMinimumHeadings = tableOfContentsMinimumHeadings
        self.review = review
    }
}
