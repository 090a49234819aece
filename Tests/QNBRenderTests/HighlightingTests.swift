import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

@Suite("Syntax highlighting")
struct HighlightingTests {
    func code(_ source: String) -> String {
        let page = renderBody("```swift\n\(source)\n```\n")
        return String(page.between("<code class=\"language-swift\">", "</code>") ?? "")
    }

    /// swift-syntax's parser is exponential in the nesting of `[`; such a cell (which the
    /// interpreter rejects) is shown as plain escaped text instead of being parsed.
    @Test func hostileBracketNestingIsShownPlain() {
        let source = "let x = " + String(repeating: "[", count: 40) + " <b>"
        let html = code(source)
        #expect(!html.contains("hl-keyword"))
        #expect(html.contains(String(repeating: "[", count: 40) + " &lt;b&gt;"))
    }

    /// swift-syntax parses `let let let …` with one recursion per keyword: 4,000 of them crashed
    /// the highlighter with a stack overflow. Such a cell is shown plain too.
    @Test func runsOfBindingKeywordsAreShownPlain() {
        let source = String(repeating: "let\n", count: 4000) + "<b>"
        let html = code(source)
        #expect(!html.contains("hl-keyword"))
        #expect(html.hasSuffix("let\n&lt;b&gt;"))
    }

    /// Many brackets left open make swift-syntax's recovery rescan the cell for each: shown plain.
    @Test func unclosedBracketsAreShownPlain() {
        let html = code("let f = { { ( [ { <b>")
        #expect(!html.contains("hl-keyword"))
        #expect(html.contains("{ { ( [ { &lt;b&gt;"))
        #expect(code("let g = { 1 }").contains("hl-keyword"))
    }

    /// Parsing for display is bounded like the interpreter's: past its time limit the parse is
    /// abandoned and the code shown plain.
    @Test func displayParsingGivesUpAtItsTimeLimit() async throws {
        let source = (0..<2_000).map { "let v\($0) = \($0)" }.joined(separator: "\n")
        #expect(DisplayParsing.tree(for: source, within: 0.000_001) == nil)
        while ScriptSession.abandonedParseCount > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(DisplayParsing.tree(for: source)?.statements.count == 2_000)
        #expect(DisplayParsing.tree(for: "let x = [[[[[") == nil)
    }

    @Test func classesForEachKindOfToken() {
        let html = code(
            "let q = quantize(w, bits: 8, scheme: .symmetric) // int8\nlet s = \"text\"\nvar t = Table([\"a\"])\nlet f = 0.5"
        )
        #expect(html.contains("<span class=\"hl-keyword\">let</span>"))
        #expect(html.contains("<span class=\"hl-keyword\">var</span>"))
        #expect(html.contains("<span class=\"hl-number\">8</span>"))
        #expect(html.contains("<span class=\"hl-number\">0.5</span>"))
        #expect(html.contains("<span class=\"hl-string\">&quot;text&quot;</span>"))
        #expect(html.contains("<span class=\"hl-comment\">// int8</span>"))
        #expect(html.contains("<span class=\"hl-function\">quantize</span>"))
        #expect(html.contains("<span class=\"hl-label\">bits</span>"))
        #expect(html.contains("<span class=\"hl-type\">Table</span>"))
        #expect(html.contains("<span class=\"hl-identifier\">w</span>"))
    }

    @Test func theCodeIsReproducedExactly() {
        let source = "let a = [1, 2] // 💡 <b>\n/* block\n   comment */\nlet s = \"x < y && z\""
        let html = code(source)
        // Without the spans and with entities decoded, the code is back.
        var text = html
        while let open = text.range(of: "<span class=\"[a-z-]+\">", options: .regularExpression) {
            text.removeSubrange(open)
        }
        text = text.replacingOccurrences(of: "</span>", with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        #expect(text == source)
    }

    @Test func invalidCodeIsStillShown() {
        let html = code("let = = (( }")
        #expect(html.contains("(("))
        #expect(html.contains("}"))
    }
}
