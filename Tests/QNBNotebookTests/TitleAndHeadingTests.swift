import QNBNotebook
import QNBScript
import QNBTestSupport
import Testing

@Suite("Notebook parsing: title, headings, cross-references")
struct TitleAndHeadingTests {
    @Test func titleComesFromFrontMatterFirst() throws {
        let notebook = try #require(parsed("---\ntitle: From YAML\n---\n# From heading\n"))
        #expect(notebook.title == "From YAML")
    }

    @Test func titleFallsBackToTheFirstHeadingsPlainText() throws {
        let notebook = try #require(parsed("Intro.\n\n## The *int8* `scale`\n\n# Later\n"))
        #expect(notebook.title == "The int8 scale")
        #expect(notebook.hasLevelOneHeading)
    }

    @Test func titleFallsBackToTheFileName() throws {
        let notebook = try #require(parsed("Just prose.\n", path: "notebooks/asymmetric.md"))
        #expect(notebook.title == "asymmetric")
        #expect(!notebook.hasLevelOneHeading)
    }

    @Test func headingsGetUniqueAnchors() throws {
        let source = """
            # Quantization error

            ## Setup

            ## Setup

            ```swift
            //| label: results
            1
            ```

            ## Results

            ```swift
            2
            ```

            ### Cell 2
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.headings.map(\.anchor) == ["quantization-error", "setup", "setup-1", "results-1", "cell-2-1"])
        #expect(notebook.headings.map(\.level) == [1, 2, 2, 2, 3])
        #expect(notebook.headings.map(\.line) == [1, 3, 5, 12, 18])
        #expect(notebook.cells.map(\.anchor) == ["results", "cell-2"])
    }

    @Test func figuresAndTablesAreNumberedSeparately() throws {
        let source = """
            See @fig-a, @tbl-x and @fig-b.

            ```swift
            //| label: fig-a
            1
            ```

            ```swift
            //| label: tbl-x
            2
            ```

            ```swift
            //| label: other
            3
            ```

            ```swift
            //| label: fig-b
            4
            ```
            """
        let notebook = try #require(parsed(source))
        #expect(notebook.crossReferences.map(\.displayName) == ["Figure 1", "Table 1", "Figure 2"])
        #expect(notebook.crossReference("fig-b")?.cellIndex == 3)
        #expect(notebook.crossReference("other") == nil)
        #expect(notebook.warnings.isEmpty)
    }

    @Test func unknownReferenceIsAWarning() throws {
        let notebook = try #require(parsed("Text.\n\nAs @fig-missing shows.\n"))
        #expect(notebook.warnings.count == 1)
        #expect(notebook.warnings.first?.severity == .warning)
        #expect(notebook.warnings.first?.location.line == 3)
        #expect(notebook.warnings.first?.message.contains("'@fig-missing'") == true)
    }

    @Test func mentionsNeedAWordStartAndDropTrailingPunctuation() {
        let mentions = CrossReference.mentions(in: "see @fig-hist. mail a@fig-x.org or (@tbl-sweep-2), @figure, @fig-")
        #expect(mentions.map(\.label) == ["fig-hist", "tbl-sweep-2"])
    }

    @Test func duplicateLabelIsAnError() {
        let marked = MarkedSource("```swift\n//| label: fig-a\n1\n```\n\n```swift\n//| 1️⃣label: fig-a\n2\n```\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
        #expect(diagnostics.first?.message == "duplicate label 'fig-a' (first used on line 2)")
    }
}
