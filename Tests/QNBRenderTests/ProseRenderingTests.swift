import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

@Suite("Prose")
struct ProseRenderingTests {
    @Test func markdownIsRendered() {
        let page = renderBody(
            "# T\n\nSome *emphasis*, **strong**, `code`.\n\n- one\n- two\n\n> quoted\n\n```python\nprint(1)\n```\n")
        #expect(page.contains("<p>Some <em>emphasis</em>, <strong>strong</strong>, <code>code</code>.</p>"))
        #expect(page.contains("<li>one</li>"))
        #expect(page.contains("<blockquote>"))
        #expect(page.contains("<pre><code class=\"language-python\">print(1)\n</code></pre>"))
    }

    @Test func linkReferenceDefinitionsWorkAcrossTheDocument() {
        let page = renderBody(
            "See [the spec][onnx].\n\n```swift\nx\n```\n\nAgain [onnx].\n\n[onnx]: docs/onnx.html \"ONNX\"\n")
        #expect(page.occurrences(of: "<a href=\"docs/onnx.html\" title=\"ONNX\">") == 2)
    }

    @Test func headingsHaveAnchorsAndSelfLinks() {
        let page = renderBody("# Title\n\n## Error & noise\n")
        #expect(
            page.contains(
                "<h2 id=\"error-noise\">Error &amp; noise<a class=\"qnb-anchor\" href=\"#error-noise\" aria-hidden=\"true\">#</a></h2>"
            ))
    }

    @Test func unknownMentionsStayText() {
        let page = renderBody("Mail me@fig-x.org or see @fig-nothing.\n")
        #expect(page.contains("me@fig-x.org"))
        #expect(page.contains("@fig-nothing"))
        #expect(!page.contains("qnb-xref"))
    }

    @Test func mentionsInsideLinksAndCodeAreLeftAlone() {
        let page = renderBody("[@fig-a](x.html) and `@fig-a`\n\n```swift\n//| label: fig-a\n1\n```\n")
        #expect(page.contains("<a href=\"x.html\">@fig-a</a>"))
        #expect(page.contains("<code>@fig-a</code>"))
    }

    @Test func javascriptLinksAreNeutralised() {
        let page = renderBody("[click](javascript:alert(1)) [ok](page.html)\n")
        #expect(page.contains("<a href=\"\">click</a>"))
        #expect(page.contains("<a href=\"page.html\">ok</a>"))
    }
}
