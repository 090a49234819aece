import QNBNotebook
import Testing

@testable import QNBRender

/// Headings with math, code, links and computed values: the table of contents shows them as
/// the heading does, the page title as plain text.
@Suite struct HeadingContentTests {
    static let source = """
        # Choosing $\\Delta$ for $x_i^2$

        ## The step $\\Delta = \\frac{m}{2^{b-1} - 1}$

        ## See [the *docs*](https://example.com) and `code`

        ## Plain <b>tags</b> & ampersands
        """

    @Test func tableOfContentsShowsHeadingsAsRendered() {
        let page = renderPage(Self.source, options: RenderOptions(tableOfContentsMinimumHeadings: 1))
        let side = String(page.between("<nav class=\"qnb-toc qnb-toc--side\"", "</nav>") ?? "")
        // Math as MathML, the same markup as in the heading.
        #expect(side.contains("<a href=\"#the-step-delta-fracm2b-1-1\">The step <math><semantics>"))
        #expect(side.contains("<mfrac>"))
        // Links unwrapped (a link cannot hold a link), emphasis and code kept.
        #expect(side.contains("<a href=\"#see-the-docs-and-code\">See the <em>docs</em> and <code>code</code></a>"))
        #expect(!side.contains("example.com"))
        // Raw HTML is dropped in the TOC as in the heading; text stays escaped.
        #expect(side.contains("Plain tags &amp; ampersands"))
        #expect(!side.contains("<b>"))
        // The narrow-screen copy is the same list.
        let inline = String(page.between("<details class=\"qnb-toc qnb-toc--inline\">", "</details>") ?? "")
        #expect(inline.contains("<a href=\"#the-step-delta-fracm2b-1-1\">The step <math><semantics>"))
    }

    @Test func titleIsTheFirstHeadingAsPlainText() throws {
        let page = renderPage(Self.source)
        #expect(page.contains("<title>Choosing Δ for xᵢ²</title>"))
        let notebook = try Notebook.parse(source: Self.source, path: "t.md")
        #expect(HTMLPage.plainTitle(notebook) == "Choosing Δ for xᵢ²")
    }

    @Test(arguments: [
        ("\\Delta", "Δ"),
        ("x_i^2", "xᵢ²"),
        ("w^{(t)}", "w⁽ᵗ⁾"),
        ("\\alpha \\le \\beta", "α ≤ β"),
        ("\\max_{i} |x_i|", "maxᵢ |xᵢ|"),
        ("\\frac{a}{b}", "ab"),
        ("2^{b-1} - 1", "2ᵇ⁻¹ - 1"),
        ("\\hat{x}_{q}", "x_q"),
        ("\\mathbb{R}^{n}", "Rⁿ"),
        ("a \\cdot b", "a ⋅ b"),
    ])
    func plainTextOfTeX(tex: String, text: String) {
        #expect(MathPlainText.text(ofTeX: tex) == text)
    }
}
