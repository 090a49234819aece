import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

/// Values computed in prose on the page and in the exports: the value in place of the code
/// span, the expression in its tooltip, failures shown where they happened.
@Suite struct InlineValueRenderingTests {
    static let source = """
        # Error at `\\(bits)` bits

        ```swift
        let mse = 0.000123456
        let label = "a*b <i>$5</i>"
        ```

        ## Step `\\(1.0 / 4)`

        The MSE is `\\(mse)` and the label `\\(label)`; plain `code` stays.
        """

    static func run(_ source: String = source, parameters: String = "---\nparams:\n  bits: 4\n---\n") throws
        -> NotebookRun
    {
        try NotebookRunner().run(Notebook.parse(source: parameters + source, path: "notebooks/v.md"))
    }

    @Test func theValueReplacesTheCodeSpanWithItsExpressionAsTooltip() throws {
        let page = HTMLPage.render(try Self.run())
        #expect(page.contains("The MSE is <span class=\"qnb-value\" title=\"mse\">0.0001235</span> and"))
        // The value's text is escaped like all text; it is never read as Markdown or math.
        #expect(page.contains("<span class=\"qnb-value\" title=\"label\">a*b &lt;i&gt;$5&lt;/i&gt;</span>"))
        #expect(!page.contains("<i>"))
        #expect(page.contains("<code>code</code>"))
        #expect(!page.contains("\\(mse)"))
    }

    @Test func headingsTableOfContentsAndTitleShowValuesAndKeepStableAnchors() throws {
        let page = HTMLPage.render(try Self.run(), options: RenderOptions(tableOfContentsMinimumHeadings: 1))
        #expect(page.contains("<title>Error at 4 bits</title>"))
        #expect(
            page.contains(
                "<h1 id=\"error-at-bits-bits\">Error at <span class=\"qnb-value\" title=\"bits\">4</span> bits"))
        #expect(
            page.contains("<a href=\"#step-10-4\">Step <span class=\"qnb-value\" title=\"1.0 / 4\">0.25</span></a>"))
        // The anchor comes from the source text, so it does not change when the value does.
        let other = HTMLPage.render(
            try Self.run(parameters: "---\nparams:\n  bits: 8\n---\n"),
            options: RenderOptions(tableOfContentsMinimumHeadings: 1))
        #expect(
            other.contains("<h1 id=\"error-at-bits-bits\">Error at <span class=\"qnb-value\" title=\"bits\">8</span>"))
    }

    @Test func aFailedValueShowsItsErrorAndLocationAndTheStatusSaysSo() throws {
        let run = try Self.run(
            "Bad `\\(nothing)` here.\n\n```swift\nlet x = [1][2]\n```\n\nAfter `\\(1)`.\n", parameters: "")
        let page = HTMLPage.render(run)
        #expect(
            page.contains(
                "<code class=\"qnb-value-failed\" title=\"cannot find &#39;nothing&#39; in scope\">\\(nothing)</code> "
                    + "<span class=\"qnb-value-error\" role=\"note\">(error: cannot find &#39;nothing&#39; in scope, "
                    + "line 1, column 8)</span>"))
        #expect(
            page.contains(
                "<code class=\"qnb-value-pending\" title=\"not computed: a cell above it failed\">\\(1)</code>"))
        #expect(page.contains("<li class=\"qnb-meta-failed\">1 value in the text failed</li>"))
    }

    @Test func markdownAndJupyterExportsCarryTheValuesEscaped() throws {
        let run = try Self.run()
        let markdown = MarkdownExporter.export(run)
        #expect(markdown.contains("# Error at 4 bits\n"))
        #expect(markdown.contains("## Step 0.25\n"))
        #expect(markdown.contains("The MSE is 0.0001235 and the label a\\*b \\<i\\>\\$5\\</i\\>; plain `code` stays."))
        #expect(markdown == MarkdownExporter.export(try Self.run()))

        let jupyter = JupyterExporter.export(run)
        let json = try #require(JSONSerialization.jsonObject(with: Data(jupyter.utf8)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        let prose = cells.filter { $0["cell_type"] as? String == "markdown" }.map { cell in
            ((cell["source"] as? [String]) ?? []).joined()
        }
        #expect(prose.contains { $0.contains("The MSE is 0.0001235 and") })
        #expect(!prose.contains { $0.contains("\\(") })
    }

    /// The page, the Markdown export and the snapshot say the same thing for every value.
    @Test func everyFormatShowsTheSameText() throws {
        let run = try Self.run()
        let page = HTMLPage.render(run)
        let markdown = MarkdownExporter.export(run)
        let snapshot = Snapshot(run)
        #expect(snapshot.inlineValues.count == 4)
        for record in snapshot.inlineValues where record.expression != "label" {
            let text = try #require(record.text)
            #expect(page.contains(">\(text)</span>"), "\(record.expression)")
            #expect(markdown.contains(text), "\(record.expression)")
        }
    }
}
