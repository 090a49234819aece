import Foundation
import Testing

/// `qnb run FOLDER` writes a site: an index page, and pages linked to it and to their
/// neighbours; `--format md,ipynb` writes the exports beside the pages.
@Suite struct SiteTests {
    static func notebook(_ title: String, _ description: String) -> String {
        "---\ntitle: \(title)\ndescription: \(description)\n---\n\nProse of \(title).\n\n```swift\n1 + 1\n```\n"
    }

    static func site() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("lessons/a.md", Self.notebook("First <lesson>", "Starts."))
        try box.write("lessons/b.md", Self.notebook("Second", "Goes on."))
        try box.write("lessons/c.md", Self.notebook("Third", "Ends."))
        return box
    }

    @Test func aFolderRunWritesAnIndexAndLinksThePages() throws {
        let box = try Self.site()
        let result = try box.qnb("run", "lessons")
        #expect(result.status == 0, "\(result.stderr)")
        let index = try box.read("output/index.html")
        // every notebook, in path order, escaped, with its description and a relative link
        let first = try #require(index.range(of: "href=\"a.html\">First &lt;lesson&gt;</a>"))
        let second = try #require(index.range(of: "href=\"b.html\">Second</a>"))
        let third = try #require(index.range(of: "href=\"c.html\">Third</a>"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < third.lowerBound)
        #expect(index.contains("Goes on.") && index.contains("lessons/c.md"))
        let a = try box.read("output/a.html"), b = try box.read("output/b.html"), c = try box.read("output/c.html")
        for page in [a, b, c] { #expect(page.contains("<a href=\"index.html\">← Notebooks in lessons</a>")) }
        #expect(!a.contains("rel=\"prev\"") && a.contains("href=\"b.html\" rel=\"next\""))
        #expect(b.contains("href=\"a.html\" rel=\"prev\"") && b.contains("href=\"c.html\" rel=\"next\""))
        #expect(c.contains("href=\"b.html\" rel=\"prev\"") && !c.contains("rel=\"next\""))
        // the same notebook run alone gets the same page
        _ = try box.qnb("run", "lessons/b.md", "--output-dir", "alone")
        #expect(try box.read("alone/b.html") == b)
        #expect(!box.exists("alone/index.html"))
    }

    /// A notebook given as a file is linked to its neighbours only in a flat folder of bounded
    /// size: not when notebooks are in subfolders (their pages' links would differ), and not in a
    /// folder of more than 10,000 entries (a downloads folder), which is not walked through.
    @Test func filesAreLinkedWithinSmallFlatFoldersOnly() throws {
        let box = try Self.site()
        let together = try box.qnb("run", "lessons/a.md", "lessons/c.md")
        #expect(together.status == 0, "\(together.stderr)")
        #expect(
            try box.read("output/a.html").contains(
                "href=\"b.html\" rel=\"next\"><span class=\"qnb-pager-label\">Next</span><span class=\"qnb-pager-title\">Second</span>"
            ))
        #expect(
            try box.read("output/c.html").contains(
                "href=\"b.html\" rel=\"prev\"><span class=\"qnb-pager-label\">Previous</span><span class=\"qnb-pager-title\">Second</span>"
            ))

        try box.write("nested/a.md", Self.notebook("First", "Starts."))
        try box.write("nested/b.md", Self.notebook("Second", "Goes on."))
        try box.write("nested/more/c.md", Self.notebook("Third", "Ends."))
        #expect(try box.qnb("run", "nested/a.md").status == 0)
        #expect(!(try box.read("output/a.html")).contains("rel=\"next\""))

        try box.write("big/a.md", Self.notebook("First", "Starts."))
        try box.write("big/b.md", Self.notebook("Second", "Goes on."))
        let junk = box.root.appendingPathComponent("big/junk")
        try FileManager.default.createDirectory(at: junk, withIntermediateDirectories: true)
        // a.md, b.md, junk and 9,998 files in it: 10,001 entries.
        for index in 0..<9_998 {
            FileManager.default.createFile(atPath: junk.appendingPathComponent("\(index).txt").path, contents: nil)
        }
        #expect(try box.qnb("run", "big/a.md").status == 0)
        #expect(!(try box.read("output/a.html")).contains("rel=\"next\""))
        try FileManager.default.removeItem(at: junk.appendingPathComponent("0.txt"))
        #expect(try box.qnb("run", "big/a.md").status == 0)
        #expect(
            try box.read("output/a.html").contains(
                "href=\"b.html\" rel=\"next\"><span class=\"qnb-pager-label\">Next</span><span class=\"qnb-pager-title\">Second</span>"
            ))
    }

    @Test func exportsAreWrittenBesideThePage() throws {
        let box = try Self.site()
        let result = try box.qnb("run", "lessons/a.md", "--format", "md,ipynb")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!box.exists("output/a.html"))
        #expect(
            try box.read("output/a.md").contains("Prose of First <lesson>.\n\n```swift\n1 + 1\n```\n\n```text\n2\n```"))
        #expect(try box.read("output/a.ipynb").contains("\"nbformat_minor\" : 5"))
        let bad = try box.qnb("run", "lessons/a.md", "--format", "pdf")
        #expect(bad.status == 64 || bad.status == 2, "\(bad.status)")
        #expect(bad.stderr.contains("unknown format 'pdf'; choose from html, md, ipynb"))
    }
}
