import Foundation
import QNBNotebook
import QNBRender
import QNBScript
import Testing

/// Odd inputs must parse (or be rejected with diagnostics) and render without trapping.
@Suite("Robustness")
struct RobustnessTests {
    @Test(arguments: [
        "\0",
        "```swift\n\0\n```",
        "\r\r\r```swift\r\rx\r```\r",
        "---",
        "---\n---",
        "---\n...\n",
        "```swift\n//|",
        "```swift\n//|:\n```",
        "```swift\n//| : value\n```",
        "```swift\n//| echo:\n```",
        "```swift\n//|   \t echo:\tfalse\t\n```",
        "> > > - - - ```swift\n> > > - - - x",
        "* ```swift\n\t```\n",
        "\t```swift\nx\n\t```",
        "```` swift\n```\n````",
        "```swift ```\n",
        "``` swift   norun   extra\nx\n```",
        "# \n## \n### #",
        "@fig-\n@tbl-a\n@",
        "[x]: <>\n![](<>)",
        "é```swift\nx\n```",
        "```swift\n\"\"\"\nunterminated string\n```\n",
        "```swift\n/* unterminated comment\n```\n",
        "```swift\n\\(\n```\n",
        String(repeating: "> ", count: 200) + "```swift\nx\n",
        String(repeating: "- ", count: 100) + "```swift\nx\n",
        String(repeating: "[", count: 1000),
    ])
    func oddInputsDoNotCrash(source: String) {
        do {
            let notebook = try Notebook.parse(source: source, path: "odd.md")
            let page = HTMLPage.render(NotebookRun(unexecuted: notebook))
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(page.occurrences(of: "class=\"qnb-cell ") == notebook.cells.count)
        } catch {
            #expect(!error.errors.isEmpty)
            #expect(error.errors.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
        }
    }
}
