import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The shipped tutorials, run from a copy: they succeed, the committed pages and Markdown exports
/// are current, and every figure on their pages is well-formed SVG.
@Suite struct TutorialTests {
    /// `notebooks/` of this repository.
    static let notebooks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks")

    static func svgFragments(in page: String) -> [String] {
        var fragments: [String] = []
        var rest = Substring(page)
        while let start = rest.range(of: "<svg "),
            let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
        {
            fragments.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return fragments
    }

    @Test func everyTutorialFigureIsWellFormedSVG() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.notebooks.path).filter {
            $0.hasSuffix(".md")
        }
        // README.md is the curriculum: the site's reading order, not a notebook.
        #expect(files.contains("README.md"))
        let names = files.filter { $0 != "README.md" }
        #expect(!names.isEmpty)
        let box = try Sandbox()
        for name in files {
            try box.write("notebooks/\(name)", try Data(contentsOf: Self.notebooks.appendingPathComponent(name)))
        }
        let result = try box.qnb("run", "--format", "html,md", "notebooks")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!box.exists("output/README.html") && !box.exists("output/README.md"))
        // The curriculum lists every tutorial and ends with the translation one; until that
        // notebook exists, its link is the one warning.
        let index = try box.read("output/index.html")
        #expect(!index.contains("Other notebooks"), "a tutorial is missing from notebooks/README.md")
        if names.contains("translation.md") {
            #expect(!result.stderr.contains("README.md:"), "\(result.stderr)")
            let last = try #require(index.range(of: "qnb-index-title\" href=\"", options: .backwards))
            #expect(index[last.upperBound...].hasPrefix("translation.html\""))
        } else {
            #expect(
                result.stderr.components(separatedBy: "notebooks/README.md:").count == 2
                    && result.stderr.contains("warning: 'translation.md' is not a notebook in this folder"),
                "\(result.stderr)")
        }
        var figures = 0
        let committed = Self.notebooks.deletingLastPathComponent().appendingPathComponent("output")
        let storedIndex = try? String(contentsOf: committed.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(storedIndex == (try box.read("output/index.html")), "output/index.html is out of date")
        for name in names {
            let page = try box.read("output/\(name.dropLast(3)).html")
            // The committed page is the current one (regenerate with `qnb run notebooks/`).
            let stored = try? String(
                contentsOf: committed.appendingPathComponent("\(name.dropLast(3)).html"), encoding: .utf8)
            #expect(stored == page, "output/\(name.dropLast(3)).html is out of date: run make site")
            // The Markdown export, GitHub's view of the tutorial, is golden-compared the same way.
            let markdown = try box.read("output/\(name)")
            let storedMarkdown = try? String(contentsOf: committed.appendingPathComponent(name), encoding: .utf8)
            #expect(storedMarkdown == markdown, "output/\(name) is out of date: run make site")
            for svg in Self.svgFragments(in: page) {
                figures += 1
                let parser = XMLParser(data: Data(svg.utf8))
                #expect(
                    parser.parse(),
                    "\(name): figure \(figures) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
                #expect(svg.contains("viewBox=\"0 0 "))
                #expect(svg.contains("role=\"img\""))
            }
        }
        // symmetric.md: the transfer curve, the weights with the int4 grid, SQNR against bits.
        #expect(figures >= 3)
    }
}
