import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

@Suite("Cells on the page")
struct CellRenderingTests {
    @Test func cellsAppearInDocumentOrderBetweenTheProseWithNumbers() throws {
        let page = renderBody(
            """
            First paragraph.

            ```swift
            let first = 1
            ```

            Second paragraph.

            ```swift
            let second = 2
            ```

            Third paragraph.
            """)
        let offsets = [
            "<p>First paragraph.</p>", ">[1]</a>", "first", "<p>Second paragraph.</p>", ">[2]</a>", "second",
            "<p>Third paragraph.</p>",
        ].map { page.offset(of: $0) ?? -1 }
        #expect(!offsets.contains(-1))
        #expect(offsets == offsets.sorted())
        #expect(page.contains("<section id=\"cell-1\" class=\"qnb-cell qnb-cell--not-run\""))
        #expect(page.contains("<section id=\"cell-2\""))
        // Code fences are replaced by the cell, not rendered a second time.
        #expect(page.occurrences(of: "first</span>") == 1)
        #expect(!page.contains("language-swift\"><code"))
    }

    @Test func optionLinesAreHidden() {
        let page = renderBody("```swift\n//| fold: false\n//| label: tbl-a\nlet x = 1\n```\n")
        #expect(!page.contains("//|"))
        #expect(page.contains("hl-keyword\">let</span>"))
    }

    @Test func echoFalseHidesTheCode() {
        let page = renderBody(
            "```swift\n//| echo: false\nlet hidden = 1\nhidden\n```\n", runs: succeeded([0: [.display(.text("shown"))]])
        )
        #expect(!page.contains("hidden"))
        #expect(!page.contains("qnb-code"))
        #expect(page.contains("<pre class=\"qnb-text\">shown</pre>"))
        #expect(page.contains("qnb-cell--no-code"))
    }

    @Test func outputFalseHidesTheOutputs() {
        let page = renderBody(
            "```swift\n//| output: false\nlet visible = 1\n```\n", runs: succeeded([0: [.stream("secret output\n")]]))
        #expect(page.contains("visible"))
        #expect(!page.contains("secret output"))
        #expect(!page.contains("qnb-outputs"))
    }

    @Test func foldWrapsTheCodeInDetails() throws {
        let page = renderBody("```swift\n//| fold: true\nlet folded = 1\n```\n")
        let details = try #require(page.between("<details class=\"qnb-fold\">", "</details>"))
        #expect(details.contains("<summary>Show code</summary>"))
        #expect(details.contains("folded"))
        #expect(!page.contains("<details class=\"qnb-fold\" open"))
        let unfolded = renderBody("```swift\nlet folded = 1\n```\n")
        #expect(!unfolded.contains("<details class=\"qnb-fold\">"))
    }

    @Test func labelsAndCaptionsAreNumbered() throws {
        let page = renderBody(
            """
            See @fig-hist and @tbl-sweep.

            ```swift
            //| label: tbl-sweep
            //| caption: "Sweep over bits"
            t
            ```

            ```swift
            //| label: fig-hist
            //| caption: Histogram & friends
            plot(h)
            ```
            """)
        #expect(page.contains("<figure id=\"tbl-sweep\""))
        #expect(page.contains("<figure id=\"fig-hist\""))
        #expect(page.contains("<span class=\"qnb-caption-label\">Table 1:</span> Sweep over bits</figcaption>"))
        #expect(
            page.contains("<span class=\"qnb-caption-label\">Figure 1:</span> Histogram &amp; friends</figcaption>"))
        #expect(page.contains("<a class=\"qnb-xref\" href=\"#fig-hist\">Figure 1</a>"))
        #expect(page.contains("<a class=\"qnb-xref\" href=\"#tbl-sweep\">Table 1</a>"))
        #expect(!page.contains("@fig-hist"))
    }

    @Test func captionWithoutNumberedLabel() {
        let page = renderBody("```swift\n//| caption: Plain caption\nx\n```\n")
        #expect(page.contains("<figcaption class=\"qnb-caption\">Plain caption</figcaption>"))
        #expect(!page.contains("qnb-caption-label"))
    }

    static let failing = """
        ```swift
        let a = 1
        ```

        ```swift
        let y = quantize(w, bits: 1)
        ```

        ```swift
        print("after")
        ```

        ```swift norun
        save(q)
        ```
        """

    @Test func errorsShowLocationSourceLineAndCaret() throws {
        let page = renderBody(Self.failing) { notebook in
            let location = QNBScript.SourceLocation(file: notebook.path, line: 6, column: 27)
            return [
                CellRun(cellIndex: 0, status: .succeeded),
                CellRun(
                    cellIndex: 1, status: .failed, outputs: [.stream("partial\n")],
                    error: .error("bits must be at least 2", at: location, notes: [.init(message: "got 1")])),
                CellRun(cellIndex: 2, status: .notRun),
                CellRun(cellIndex: 3, status: .skipped),
            ]
        }
        let box = try #require(
            page.between("<div class=\"qnb-diagnostic qnb-diagnostic--error\" role=\"alert\">", "</div>\n"))
        #expect(box.contains("notebooks/test.md:6:27:</span> error: <strong>bits must be at least 2</strong>"))
        #expect(box.contains("<span class=\"qnb-gutter\"> 6 | </span>let y = quantize(w, bits: 1)\n"))
        #expect(
            box.contains(
                "<span class=\"qnb-gutter\">   | </span>" + String(repeating: " ", count: 26)
                    + "<span class=\"qnb-caret\">^</span>"))
        #expect(box.contains("note: got 1"))
        #expect(page.contains("<pre class=\"qnb-stream\">partial</pre>"))
        #expect(page.contains("qnb-cell--failed"))
        #expect(page.contains("<span class=\"qnb-badge qnb-badge--error\">error</span>"))
        // The cell after the failure is marked as not run, and says why.
        let notRun = try #require(page.between("<section id=\"cell-3\"", "</section>"))
        #expect(notRun.contains("qnb-cell--not-run"))
        #expect(notRun.contains(">not run</span>"))
        #expect(notRun.contains("Not run: cell <a href=\"#cell-2\">[2]</a> failed before it."))
        // The norun cell shows its code with a badge.
        let skipped = try #require(page.between("<section id=\"cell-4\"", "</section>"))
        #expect(skipped.contains("qnb-cell--skipped"))
        #expect(skipped.contains(">not run</span>"))
        #expect(skipped.contains("save"))
        #expect(!skipped.contains("Not run:"))
        #expect(page.contains("class=\"qnb-meta-failed\">cell <a href=\"#cell-2\">[2]</a> failed</li>"))
    }

    @Test func expectedFailureIsNeutral() throws {
        let page = renderBody("```swift\n//| error: \"overflow\"\nlet b: Int8 = 128\n```\n") { notebook in
            [
                CellRun(
                    cellIndex: 0, status: .expectedFailure,
                    error: .error(
                        "integer overflow", at: QNBScript.SourceLocation(file: notebook.path, line: 3, column: 15)))
            ]
        }
        #expect(page.contains("<div class=\"qnb-diagnostic qnb-diagnostic--expected\">"))
        #expect(page.contains("<div class=\"qnb-diagnostic-kind\">Expected error</div>"))
        #expect(!page.contains("qnb-diagnostic--error"))
        #expect(!page.contains("role=\"alert\""))
        #expect(page.contains(">expected error</span>"))
    }

    @Test func warningsAreShownUnderTheCell() {
        let page = renderBody("```swift\nlet unused = 1\n```\n") { notebook in
            [
                CellRun(
                    cellIndex: 0, status: .succeeded,
                    warnings: [
                        .warning(
                            "'unused' is never used",
                            at: QNBScript.SourceLocation(file: notebook.path, line: 2, column: 5))
                    ])
            ]
        }
        #expect(page.contains("<div class=\"qnb-diagnostic qnb-diagnostic--warning\">"))
        #expect(page.contains("warning: <strong>&#39;unused&#39; is never used</strong>"))
    }

    @Test func errorsInAnotherFileHaveNoExcerpt() {
        let page = renderBody("```swift\nload(\"x.npy\")\n```\n") { _ in
            [
                CellRun(
                    cellIndex: 0, status: .failed,
                    error: .error("bad header", at: QNBScript.SourceLocation(file: "x.npy", line: 1, column: 1)))
            ]
        }
        #expect(page.contains("x.npy:1:1:</span> error: <strong>bad header</strong>"))
        #expect(!page.contains("qnb-diagnostic-source"))
    }

    @Test func cellsInListsStayInTheirItem() throws {
        let page = renderBody("1. First step:\n\n   ```swift\n   let nested = 1\n   ```\n\n2. Second step.\n")
        let list = try #require(page.between("<ol>", "</ol>"))
        #expect(list.contains("<section id=\"cell-1\""))
        #expect(list.contains("nested"))
        #expect(list.contains("Second step."))
    }
}
