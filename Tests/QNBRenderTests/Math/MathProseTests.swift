import QNBNotebook
import QNBRender
import QNBScript
import Testing

/// Math found in the prose before cmark parses it: Markdown never applies inside a formula,
/// and `$` that is not math stays text.
@Suite("Math in prose")
struct MathProseTests {
    /// The `<annotation>` texts of the page's formulas, in order (their TeX, HTML-escaped).
    func formulas(in page: String) -> [String] {
        var result: [String] = []
        var rest = page[...]
        let open = "<annotation encoding=\"application/x-tex\">"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "</annotation>") {
            result.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    @Test func emphasisCharactersInsideMathAreNotMarkdown() {
        let page = renderBody("Take $a_1 * b_2 * c_3$ and $x_i$ and $y_i$, or $a*b*c$.\n")
        #expect(!page.contains("<em>"))
        #expect(formulas(in: page) == ["a_1 * b_2 * c_3", "x_i", "y_i", "a*b*c"])
        #expect(page.contains("<msub><mi>a</mi><mn>1</mn></msub><mo>∗</mo>"))
    }

    @Test func backslashEscapesInsideMathReachTheConverter() {
        let page = renderBody("Distance $a\\,\\|\\,b$ and $\\{0, 1\\}$.\n")
        #expect(formulas(in: page) == ["a\\,\\|\\,b", "\\{0, 1\\}"])
        #expect(
            page.contains(
                "<mspace width=\"0.1667em\"></mspace><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo>"))
    }

    @Test func anEscapedDollarIsADollarSign() {
        let page = renderBody("It costs \\$5, or \\$3 with $x$ off.\n")
        #expect(page.contains("<p>It costs $5, or $3 with <math>"))
        #expect(formulas(in: page) == ["x"])
    }

    @Test func unmatchedDollarsStayText() {
        let page = renderBody("It costs $5 and $10 today; a lone $ sign; $ spaced $ too.\n")
        #expect(page.contains("<p>It costs $5 and $10 today; a lone $ sign; $ spaced $ too.</p>"))
        #expect(!page.contains("<math"))
    }

    @Test func dollarsInCodeAreNotMath() {
        let page = renderBody(
            "In `$x$` and ``a $b$ c`` no math; `map { $0 }` neither.\n\n```text\n$y$ and $$z$$\n```\n\n    $indented$\n"
        )
        #expect(!page.contains("<math"))
        #expect(page.contains("<code>$x$</code>"))
        #expect(page.contains("<code>a $b$ c</code>"))
        #expect(page.contains("<code>map { $0 }</code>"))
        #expect(page.contains("<pre><code class=\"language-text\">$y$ and $$z$$\n</code></pre>"))
        #expect(page.contains("<pre><code>$indented$\n</code></pre>"))
    }

    @Test func aCodeSpanAfterADollarWins() {
        let page = renderBody("Pay $5 for `$x$` now.\n")
        #expect(page.contains("<p>Pay $5 for <code>$x$</code> now.</p>"))
    }

    @Test func displayMathAsItsOwnParagraphAndInsideOne() {
        let page = renderBody("Before\n\n$$E = mc^2$$\n\nafter, and inline $$a + b$$ here.\n")
        #expect(page.contains("<p><span class=\"qnb-math-display\"><math display=\"block\"><semantics>"))
        #expect(page.contains("<p>after, and inline <span class=\"qnb-math-display\"><math display=\"block\">"))
        #expect(formulas(in: page) == ["E = mc^2", "a + b"])
    }

    @Test func displayMathSpansLinesEvenWhenALineLooksLikeMarkdown() {
        let page = renderBody("Text\n$$\nw = a\n+ b\n- c\n# d\n$$\nmore text.\n")
        #expect(!page.contains("<ul>"))
        #expect(!page.contains("<h1"))
        #expect(formulas(in: page) == ["w = a\n+ b\n- c\n# d"])
        #expect(page.contains("<p>Text\n<span class=\"qnb-math-display\">"))
        #expect(page.contains("</math></span>\nmore text.</p>"))
        #expect(page.occurrences(of: "<math") == 1)
    }

    @Test func displayMathInABlockQuoteLosesTheQuoteMarkers() {
        let page = renderBody("> Quote\n> $$\n> a\n> + b\n> $$\n")
        #expect(page.contains("<blockquote>"))
        #expect(formulas(in: page) == ["a\n+ b"])
    }

    @Test func inlineMathMayWrapButNotIntoANewBlock() {
        let page = renderBody("A wrapped $x +\ny$ formula.\n\nA list $x\n- y$ item.\n")
        #expect(formulas(in: page) == ["x +\ny"])
        #expect(page.contains("<li>y$ item.</li>"))
    }

    @Test func aBlankLineEndsTheSearchForTheClosingDelimiter() {
        let page = renderBody("Open $$x\n\ny$$ closed.\n")
        #expect(!page.contains("<math"))
    }

    @Test func cellsAfterMultiLineMathStayInPlace() {
        let page = renderBody("$$\na\n\\\\\nb\n$$\n\n```swift\n1 + 1\n```\n\nAfter the cell.\n")
        guard let cell = page.range(of: "qnb-cell"), let after = page.range(of: "After the cell.") else {
            Issue.record("missing cell or prose: \(page)")
            return
        }
        #expect(cell.lowerBound < after.lowerBound)
    }

    @Test func mathInLinksHeadingsAndEmphasis() {
        let page = renderBody("## The $T^2$ factor\n\n[see $x$](a.html), *about $y$*, **$z$**.\n")
        #expect(page.contains("<h2 id=\"the-t2-factor\">The <math>"))
        #expect(page.contains("<a href=\"a.html\">see <math>"))
        #expect(page.contains("<em>about <math>"))
        #expect(page.contains("<strong><math>"))
    }

    @Test func aPlaceholderInALinkTargetIsPutBack() {
        let page = renderBody("[a](b$x$c.html \"t $y$\") and ![alt $z$](data:image/png;base64,AA)\n")
        #expect(page.contains("<a href=\"b$x$c.html\" title=\"t $y$\">a</a>"))
        #expect(page.contains("alt=\"alt $z$\""))
        #expect(!page.contains("<math"))
    }

    @Test func rawHTMLKeepsItsDollarsWhenAllowed() {
        let page = renderBody("<span title=\"$x$\">a</span>\n", options: RenderOptions(allowUnsafeHTML: true))
        #expect(page.contains("<span title=\"$x$\">a</span>"))
    }

    @Test func privateUseCharactersInTheNotebookCannotPoseAsPlaceholders() {
        let page = renderBody("Text \u{E000}0\u{E000} and $x$.\n")
        #expect(page.contains("Text \u{E000}0\u{E000} and <math>"))
        #expect(page.occurrences(of: "<math") == 1)
    }

    @Test func windowsAndOldMacLineEndings() {
        let crlf = renderBody("A $$\r\na\r\n+ b\r\n$$ z.\r\n")
        #expect(formulas(in: crlf) == ["a\n+ b"])
        let cr = renderBody("A $$\ra\r+ b\r$$ z.\r")
        #expect(formulas(in: cr) == ["a\n+ b"])
    }
}

/// A formula that cannot be converted shows as its TeX and is reported with its location.
@Suite("Math warnings")
struct MathWarningTests {
    func rendered(_ source: String, path: String = "notebooks/m.md") throws -> RenderedPage {
        let notebook = try Notebook.parse(source: source, path: path)
        return HTMLPage.renderPage(NotebookRun(unexecuted: notebook))
    }

    @Test func anUnknownCommandFallsBackToItsSourceWithALocatedWarning() throws {
        let page = try rendered("# T\n\nText $\\foo{x} < 1$ here.\n")
        #expect(
            page.html.contains(
                "Text <code class=\"qnb-tex-error\" title=\"unknown TeX command &#39;\\foo&#39;\">$\\foo{x} &lt; 1$</code> here."
            ))
        #expect(page.warnings.count == 1)
        let warning = try #require(page.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "notebooks/m.md", line: 3, column: 6))
        #expect(warning.message.contains("unknown TeX command '\\foo'"))
    }

    @Test func locationsCountFromTheNotebooksFirstLine() throws {
        let source = "---\ntitle: M\n---\n\nÄ é $$\n\\frac{a}\n$$ and $ok$ and $\\begin{x}$\n"
        let page = try rendered(source)
        #expect(page.warnings.map(\.location.line) == [5, 7])
        // UTF-8 columns: "Ä é " is 6 bytes.
        #expect(page.warnings.map(\.location.column) == [7, 17])
        #expect(page.html.contains("<code class=\"qnb-tex-error qnb-tex-error--display\""))
        #expect(page.html.contains("$$\\frac{a}$$</code>"))
        #expect(page.html.occurrences(of: "<math") == 1)
    }

    @Test func aPageWithoutBadMathHasNoWarnings() throws {
        #expect(try rendered("$x$ and $$y$$\n").warnings.isEmpty)
    }
}
