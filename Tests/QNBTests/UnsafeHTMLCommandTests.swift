import Foundation
import Testing

/// `qnb run --unsafe-html`: raw HTML in the prose is kept, and only then.
@Suite struct UnsafeHTMLCommandTests {
    /// `--unsafe-html` keeps raw HTML in the prose (that is its point: the checker sees the
    /// script); without it, the same prose shows no markup at all.
    @Test func unsafeHTMLKeepsRawHTMLInTheProseAndOnlyThen() throws {
        let box = try Sandbox()
        try box.write(
            "lesson.md",
            """
            # Lesson

            Press <kbd>Ctrl</kbd> <script>alert(1)</script> <img src=x onerror=alert(2)>.

            <div class="note" onclick="alert(3)">A note.</div>

            [link](javascript:alert(4))

            """)
        let safe = try box.qnb("run", "lesson.md", "--output-dir", "safe")
        let unsafe = try box.qnb("run", "lesson.md", "--output-dir", "unsafe", "--unsafe-html")
        #expect(safe.status == 0 && unsafe.status == 0, "\(safe.stderr) \(unsafe.stderr)")
        let safePage = try box.read("safe/lesson.html"), unsafePage = try box.read("unsafe/lesson.html")
        #expect(unsafePage.contains("<kbd>Ctrl</kbd>") && unsafePage.contains("<script>alert(1)</script>"))
        #expect(unsafePage.contains("<div class=\"note\" onclick=\"alert(3)\">A note.</div>"))
        #expect(unsafePage.contains("<a href=\"javascript:alert(4)\">link</a>"))
        for markup in ["<kbd>", "<script>", "<img", "<div class=\"note\"", "javascript:"] {
            #expect(!safePage.contains(markup), "\(markup)")
        }
        #expect(safePage.contains("Ctrl") && safePage.contains("<a href=\"\">link</a>"))

        guard let checker = HTMLSafetyChecker.available() else { return }
        let problems = try checker.check([
            .init(path: box.root.appendingPathComponent("safe/lesson.html").path, label: "safe"),
            .init(path: box.root.appendingPathComponent("unsafe/lesson.html").path, label: "unsafe"),
        ])
        #expect(problems.filter { $0.label == "safe" }.isEmpty, "\(problems)")
        let found = Set(problems.filter { $0.label == "unsafe" }.map(\.problem))
        #expect(found.contains("<script> element"), "\(found)")
        #expect(found.contains("event handler onclick='alert(3)'"), "\(found)")
        #expect(found.contains("href='javascript:alert(4)'"), "\(found)")
    }
}
