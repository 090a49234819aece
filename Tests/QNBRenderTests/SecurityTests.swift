import Foundation
import QNBNotebook
import QNBScript
import Testing

@testable import QNBRender

@Suite("Escaping and safety")
struct SecurityTests {
    @Test func escapingFunctionEscapesTheFiveCharacters() {
        #expect("a & b < c > d \" e ' f".htmlEscaped == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect("plain é 𝄞".htmlEscaped == "plain é 𝄞")
        #expect("&amp;".htmlEscaped == "&amp;amp;")
        #expect("a\u{0}b".htmlEscaped == "a\u{FFFD}b")
    }

    /// Markup reaches cmark as a C string: a NUL in a computed value cut it off there, leaving
    /// the tooltip's attribute open, so that the next link's target was read as attributes.
    @Test func aNULInAComputedValueCannotCutTheMarkupShort() throws {
        let source = "A `\\(fatalError(\"a\\u{0}b\"))` and [link](x/onmouseover=alert(1)//).\n"
        let page = HTMLPage.render(try NotebookRunner().run(Notebook.parse(source: source, path: "notebooks/n.md")))
        #expect(page.contains("<code class=\"qnb-value-failed\" title=\"a\u{FFFD}b\">"))
        #expect(page.contains("<a href=\"x/onmouseover=alert(1)//\">link</a>"))
        #expect(!page.contains("\u{0}"))
    }

    /// The placeholders of formulas and of the table of contents are private-use characters the
    /// notebook does not contain; computed text could still hold them, and had formulas (or
    /// the contents) put in its place.
    @Test func computedTextCannotPoseAsAPlaceholder() throws {
        let source = """
            # Markers

            ```swift
            print("a\\u{E000}0\\u{E000}b\\u{F0000}c")
            ```

            Math $x^2$ here.

            ## One

            ## Two

            ## Three
            """
        let page = HTMLPage.render(try NotebookRunner().run(Notebook.parse(source: source, path: "notebooks/m.md")))
        #expect(page.contains("<pre class=\"qnb-stream\">a\u{E000}0\u{E000}b\u{F0000}c</pre>"))
        #expect(page.occurrences(of: "<math>") == 1 && page.occurrences(of: "<details class=\"qnb-toc") == 1)
        let math = try #require(page.range(of: "<math>")), stream = try #require(page.range(of: "qnb-stream\">"))
        #expect(stream.upperBound < math.lowerBound)
    }

    /// A notebook that tries to inject markup everywhere a string reaches the page.
    static let hostile = """
        ---
        title: <script>alert(1)</script>
        description: "<img src=x onerror=alert(2)>"
        params:
          evil: "<script>alert(3)</script>"
        ---

        Prose with <script>alert(4)</script> and <img src=x onerror=alert(5)> and
        <a href="javascript:alert(6)">a link</a> and [another](javascript:alert(7)).

        <div onmouseover="alert(8)">block</div>

        ```swift
        //| label: fig-x
        //| caption: "<script>alert(9)</script>"
        print("<script>alert(10)</script>")
        ```
        """

    static func hostileRuns(_ notebook: Notebook) -> [CellRun] {
        let location = QNBScript.SourceLocation(file: notebook.path, line: 16, column: 1)
        let table = DisplayTable(
            columns: ["<script>col</script>"], rows: [[.text("<img src=x onerror=alert(11)>")], [.number(1)]])
        let record = DisplayRecord(
            title: "<script>title</script>", fields: [.init("<b onclick=x>", .text("<script>v</script>"))],
            preview: "<iframe src=javascript:alert(12)>")
        return [
            CellRun(
                cellIndex: 0, status: .failed,
                outputs: [
                    .stream("<script>alert(13)</script>\n"),
                    .display(.stack([.text("<SCRIPT>x</SCRIPT>"), .table(table), .record(record)])),
                ],
                error: .error(
                    "<script>alert(14)</script>", at: location, notes: [.init(message: "<script>", location: location)]),
                warnings: [.warning("<img src=x onerror=alert(15)>", at: location)])
        ]
    }

    @Test func noMarkupFromTheNotebookOrItsValues() {
        let page = renderPage(Self.hostile, runs: Self.hostileRuns)
        #expect(!page.isEmpty)
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.lowercased().contains("<img"))
        #expect(!page.lowercased().contains("<iframe"))
        for tag in page.tags {
            // Attribute values are escaped (no raw quote inside), so removing them leaves only
            // names: an event handler would show as ` on…=`.
            let names = tag.replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            #expect(names.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(tag)")
            #expect(tag.range(of: #"=\s*["']?\s*javascript:"#, options: .regularExpression) == nil, "\(tag)")
        }
        // The hostile text is still shown, as text.
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("&lt;script&gt;alert(13)&lt;/script&gt;"))
        #expect(page.contains("&lt;script&gt;alert(14)&lt;/script&gt;"))
    }

    @Test func rawHTMLPassesOnlyWhenAllowed() {
        let source = "Text <kbd>Ctrl</kbd>.\n\n<div class=\"note\">raw block</div>\n"
        let safe = renderPage(source)
        #expect(!safe.contains("<kbd>"))
        #expect(!safe.contains("<div class=\"note\">"))
        let unsafe = renderPage(source, options: RenderOptions(allowUnsafeHTML: true))
        #expect(unsafe.contains("<kbd>Ctrl</kbd>"))
        #expect(unsafe.contains("<div class=\"note\">raw block</div>"))
    }

    @Test func imagesBecomeLinksSoThePageFetchesNothing() {
        let page = renderPage("![a histogram](figures/hist.png \"Histogram\") and ![](https://example.com/x.png)\n")
        #expect(!page.contains("<img"))
        #expect(page.contains("<a href=\"figures/hist.png\" title=\"Histogram\">a histogram</a>"))
        #expect(page.contains(">https://example.com/x.png</a>"))
    }

    @Test func inlineDataImagesStay() {
        let page = renderPage("![dot](data:image/png;base64,iVBORw0KGgo=)\n")
        #expect(page.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" />"))
    }

    /// cmark empties `data:` URLs other than PNG, GIF, JPEG and WebP; such an image was kept as
    /// an `<img src="">`, and becomes a link like any other image.
    @Test func otherDataImagesBecomeLinks() {
        let page = renderPage("![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n")
        #expect(!page.contains("<img"))
        #expect(page.contains("<a href=\"\">svg</a>"))
    }

    @Test func pageIsSelfContained() {
        let page = renderPage(
            """
            # Title

            Prose with `code` and a [relative link](other.html).

            ```swift
            let x = 1
            ```
            """, runs: succeeded([0: [.display(.text("1"))]]))
        let lowered = page.lowercased()
        for forbidden in [
            "http://", "https://", "@import", "<link", "<script", "src=", "url(", "<iframe", "<object", "<embed",
        ] {
            #expect(!lowered.contains(forbidden), "page contains \(forbidden)")
        }
    }
}
