import Foundation
import Testing

/// A folder's README.md is the site's reading order: it is not run, the notebooks it links to
/// come first, in its order, under its headings and with its sentences, the others after them;
/// links it cannot follow are warnings, and nothing outside the folder is ever read.
@Suite struct ReadingOrderTests {
    static let readme = """
        # A short course

        Read them in this order.

        ## Basics

        1. [Third](c.md). Comes first, though its name sorts last.
        2. [First](a.md) — the middle one.
        3. [Later](later.md). Not written yet.

        ## More

        4. [Second](b.md)

        Nothing here about d.md, which comes last.
        """

    static func site() throws -> Sandbox {
        let box = try Sandbox()
        for (name, title) in [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma"), ("d", "Delta")] {
            try box.write("lessons/\(name).md", SiteTests.notebook(title, "\(title) from its front matter."))
        }
        try box.write("lessons/README.md", Self.readme)
        return box
    }

    /// The `href`s of the index's entries, in order.
    static func entries(_ index: String) -> [String] {
        index.components(separatedBy: "<a class=\"qnb-index-title\" href=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    @Test func theReadmeOrdersTheIndexAndThePages() throws {
        let box = try Self.site()
        let result = try box.qnb("run", "lessons")
        #expect(result.status == 0, "\(result.stderr)")
        // The README is not a notebook: no page, no snapshot, no line in the summary.
        #expect(!box.exists("output/README.html") && !box.exists("output/README.json"))
        #expect(!result.stdout.contains("README"))
        #expect(result.stdout.components(separatedBy: "✓").count == 5, "\(result.stdout)")
        // The link to a missing notebook is a warning at its position, with the line.
        #expect(
            result.stderr.contains(
                "lessons/README.md:9:4: warning: 'later.md' is not a notebook in this folder; it is left out of the reading order\n"
                    + " 9 | 3. [Later](later.md). Not written yet.\n"),
            "\(result.stderr)")

        let index = try box.read("output/index.html")
        #expect(Self.entries(index) == ["c.html", "a.html", "b.html", "d.html"])
        #expect(index.contains("<title>A short course</title>") && index.contains(">A short course</h1>"))
        #expect(index.contains("<p class=\"qnb-index-introduction\">Read them in this order.</p>"))
        // Headings of the README, then the notebooks it does not list under their own heading;
        // the numbering goes on from one list to the next.
        let basics = try #require(index.range(of: "<h2 class=\"qnb-index-part\">Basics</h2>\n<ol class=\"qnb-index\">"))
        let more = try #require(
            index.range(of: "<h2 class=\"qnb-index-part\">More</h2>\n<ol class=\"qnb-index\" start=\"3\">"))
        let other = try #require(
            index.range(of: "<h2 class=\"qnb-index-part\">Other notebooks</h2>\n<ol class=\"qnb-index\" start=\"4\">"))
        #expect(basics.upperBound < more.lowerBound && more.upperBound < other.lowerBound)
        // The README's sentence describes a notebook; without one, the front matter does.
        #expect(
            index.contains("Gamma</a><p class=\"qnb-index-description\">Comes first, though its name sorts last.</p>"))
        #expect(index.contains("Alpha</a><p class=\"qnb-index-description\">the middle one.</p>"))
        #expect(index.contains("Beta</a><p class=\"qnb-index-description\">Beta from its front matter.</p>"))
        #expect(index.contains("Delta</a><p class=\"qnb-index-description\">Delta from its front matter.</p>"))
        #expect(!index.contains("later"))

        // Previous and next follow the same order: c, a, b, d.
        let a = try box.read("output/a.html"), b = try box.read("output/b.html")
        let c = try box.read("output/c.html"), d = try box.read("output/d.html")
        for page in [a, b, c, d] { #expect(page.contains("<a href=\"index.html\">← A short course</a>")) }
        #expect(!c.contains("rel=\"prev\"") && c.contains("href=\"a.html\" rel=\"next\""))
        #expect(a.contains("href=\"c.html\" rel=\"prev\"") && a.contains("href=\"b.html\" rel=\"next\""))
        #expect(b.contains("href=\"a.html\" rel=\"prev\"") && b.contains("href=\"d.html\" rel=\"next\""))
        #expect(d.contains("href=\"b.html\" rel=\"prev\"") && !d.contains("rel=\"next\""))

        // A notebook run on its own gets the same page, and no warning about the README.
        let alone = try box.qnb("run", "lessons/a.md", "--output-dir", "alone")
        #expect(alone.status == 0 && !alone.stderr.contains("warning"), "\(alone.stderr)")
        #expect(try box.read("alone/a.html") == a)

        // `qnb check` checks the notebooks, not the README.
        let check = try box.qnb("check", "lessons")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("4 notebooks") && !check.stdout.contains("README"), "\(check.stdout)")
    }

    @Test func withoutHeadingsTheUnlistedNotebooksFollowInPathOrder() throws {
        let box = try Sandbox()
        for name in ["a", "b", "c", "d"] {
            try box.write("lessons/\(name).md", SiteTests.notebook(name, "About \(name)."))
        }
        try box.write("lessons/readme.md", "- [d](d.md)\n- [b](b.md)\n")
        let result = try box.qnb("run", "lessons")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let index = try box.read("output/index.html")
        #expect(Self.entries(index) == ["d.html", "b.html", "a.html", "c.html"])
        #expect(
            !index.contains("<h2 class=\"qnb-index-part\"") && index.contains("<title>Notebooks in lessons</title>"))
        #expect(try box.read("output/a.html").contains("href=\"b.html\" rel=\"prev\""))
    }

    @Test func aFolderWithOnlyAReadmeHasNoNotebooks() throws {
        let box = try Sandbox()
        try box.write("lessons/README.md", "# Lessons\n\n1. [A](a.md)\n")
        let result = try box.qnb("run", "lessons")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no notebooks (*.md files) in folder 'lessons' (its README.md describes"))
        #expect(!box.exists("output"))
    }

    @Test func aReadmeNamedOnTheCommandLineRunsAsANotebook() throws {
        let box = try Self.site()
        let result = try box.qnb("run", "lessons/README.md")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try box.read("output/README.html")
        #expect(page.contains("A short course") && page.contains("href=\"c.md\""))
        // It is no page of the folder's site.
        #expect(!page.contains("rel=\"next\"") && !page.contains("← "))
    }

    @Test func theReadmeNeverLeadsOutOfTheFolder() throws {
        let box = try Sandbox()
        try box.write("lessons/a.md", SiteTests.notebook("Alpha", "A."))
        try box.write("lessons/b.md", SiteTests.notebook("Beta", "B."))
        try box.write("secret.md", SiteTests.notebook("Outside secret", "S."))
        try box.write("lessons/sub/c.md", SiteTests.notebook("Gamma", "C."))
        let absolute = box.root.appendingPathComponent("secret.md").path
        try box.write(
            "lessons/README.md",
            """
            # Course <script>alert(1)</script>

            Intro <img src=x onerror=alert(2)> &lt;img src=x onerror=alert(3)&gt;

            ## Part &lt;script&gt;alert(4)&lt;/script&gt;

            1. [Up](../secret.md) one.
            2. [Absolute](\(absolute)) two.
            3. [Encoded](%2E%2E/secret.md) three.
            4. [Web](https://example.com/secret.md) and [script](javascript:alert(5)) four.
            5. [Beta](b.md) <script>alert(6)</script> &lt;b onclick=alert(7)&gt;
            6. [Gamma](sub/c.md) in a subfolder.
            """)
        let result = try box.qnb("run", "lessons")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("lessons/README.md:7:4: warning: '../secret.md' is outside this folder"))
        #expect(result.stderr.contains("lessons/README.md:8:4: warning: '\(absolute)' is an absolute path"))
        #expect(result.stderr.contains("lessons/README.md:9:4: warning: '%2E%2E/secret.md' is outside this folder"))
        #expect(result.stderr.components(separatedBy: "warning:").count == 4, "\(result.stderr)")
        // Nothing outside the folder was run or listed.
        #expect(!result.stdout.contains("secret") && !box.exists("output/secret.html"))
        let index = try box.read("output/index.html")
        #expect(!index.contains("Outside secret") && !index.contains("example.com") && !index.contains("javascript"))
        #expect(Self.entries(index) == ["b.html", "sub/c.html", "a.html"])
        // Raw HTML is dropped, as from prose; what is left is escaped.
        #expect(!index.contains("<script") && !index.contains("<img") && !index.contains("<b "))
        #expect(index.contains("<h1 class=\"qnb-title\">Course alert(1)</h1>"))
        #expect(index.contains("Intro  &lt;img src=x onerror=alert(3)&gt;</p>"))
        #expect(index.contains(">Part &lt;script&gt;alert(4)&lt;/script&gt;</h2>"))
        #expect(index.contains(">alert(6) &lt;b onclick=alert(7)&gt;</p>"))
        #expect(try box.read("output/sub/c.html").contains("href=\"../b.html\" rel=\"prev\""))
    }
}
