import Foundation
import Testing

/// `qnb run` end to end: the built binary, real files, stdout, stderr and exit codes.
@Suite struct RunCommandTests {
    static let smallNotebook = """
        ---
        title: Small
        seed: 3
        ---
        # Small

        Some prose.

        ```swift
        let x = tensor([0.5, 1.5, 2.5, -2.5])
        let q = quantize(x, scale: 1, zeroPoint: 0, bits: 8)
        print(q.values)
        ```

        ```swift
        var total = 0
        for i in 1...10 { total += i }
        total
        ```
        """

    @Test func runsANotebookAndWritesItsPage() throws {
        let box = try Sandbox()
        try box.write("notebooks/small.md", Self.smallNotebook)
        let result = try box.qnb("run", "notebooks/small.md")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("notebooks/small.md"))
        #expect(result.stdout.contains("2 cells"))
        #expect(result.stdout.contains("output/small.html"))
        let page = try box.read("output/small.html")
        // Half-to-even codes printed by the first cell, the sum displayed by the second.
        #expect(page.contains("[0, 2, 2, -2]"))
        #expect(page.contains("55"))
        #expect(page.contains("<title>Small</title>"))
    }

    /// A successful run records `output/NAME.json` beside the page, with the notebook's relative
    /// path and its outputs; a run that fails unexpectedly leaves the last good snapshot alone.
    @Test func aRunRecordsItsSnapshotUnlessItFails() throws {
        let box = try Sandbox()
        try box.write("notebooks/small.md", Self.smallNotebook)
        #expect(try box.qnb("run", "notebooks/small.md").status == 0)
        let snapshot = try box.read("output/small.json")
        #expect(snapshot.contains("\"notebook\" : \"notebooks/small.md\""))
        #expect(snapshot.contains("\"text\" : \"55\""))
        #expect(!snapshot.contains(box.root.path))
        try box.write("notebooks/small.md", Self.smallNotebook + "\n```swift\nlet broken = 1 / 0\n```\n")
        #expect(try box.qnb("run", "notebooks/small.md").status == 1)
        #expect(try box.read("output/small.json") == snapshot)
    }

    /// `--verbose` prints each cell's outputs in their text form under the cell's location.
    @Test func verbosePrintsEveryCellsOutputs() throws {
        let box = try Sandbox()
        try box.write("notebooks/small.md", Self.smallNotebook)
        let result = try box.qnb("run", "--verbose", "notebooks/small.md")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("[1] notebooks/small.md:9\n[0, 2, 2, -2]\n\n[2] notebooks/small.md:15\n55\n"))
        #expect(!(try box.qnb("run", "notebooks/small.md").stdout.contains("[1] notebooks")))
    }

    /// Every format is deterministic: two runs — and a run from another sandbox, so another
    /// absolute path — give the same bytes for the page, the snapshot and both exports.
    @Test func runningTwiceGivesByteIdenticalOutputsInEveryFormat() throws {
        let notebook =
            Self.smallNotebook + "\n```swift\nrandn([4, 4], mean: 0, std: 1)\n```\n\nA value: `\\(2.0 / 3)`.\n"
        let files = ["output/a.html", "output/a.json", "output/a.md", "output/a.ipynb"]
        func outputs(of box: Sandbox) throws -> [String] {
            let result = try box.qnb("run", "--format", "html,md,ipynb", "a.md")
            #expect(result.status == 0, "stderr: \(result.stderr)")
            return try files.map { try box.read($0) }
        }
        let box = try Sandbox()
        try box.write("a.md", notebook)
        let first = try outputs(of: box)
        #expect(first.allSatisfy { !$0.isEmpty })
        #expect(try outputs(of: box) == first)
        let other = try Sandbox()
        try other.write("a.md", notebook)
        #expect(try outputs(of: other) == first)
        #expect(!first.contains { $0.contains(box.root.path) })
    }

    /// A page that cannot be written (its name is taken by a folder) is a located error with
    /// status 2; the folder is untouched and no temporary file is left behind.
    @Test func anUnwritablePageFailsCleanly() throws {
        let box = try Sandbox()
        try box.write("small.md", Self.smallNotebook)
        try box.write("out/small.html/keep.txt", "mine")
        let result = try box.qnb("run", "small.md", "--output-dir", "./out/")
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write 'out/small.html'"), "stderr: \(result.stderr)")
        #expect(try box.read("out/small.html/keep.txt") == "mine")
        let left = try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("out").path)
        #expect(left == ["small.html"])
    }

    /// `--timings` reports every stage and cell on standard error; the page does not change.
    @Test func timingsListEveryStageWithoutChangingThePage() throws {
        let box = try Sandbox()
        try box.write("small.md", Self.smallNotebook)
        let plain = try box.qnb("run", "small.md")
        let page = try box.read("output/small.html")
        let timed = try box.qnb("run", "small.md", "--timings")
        #expect(plain.status == 0 && timed.status == 0)
        #expect(!plain.stderr.contains("timings"))
        for stage in [
            "timings for small.md:", "load and parse", "cell 1 (line", "cell 2 (line", "render page", "write page",
            "total",
        ] {
            #expect(timed.stderr.contains(stage), "missing '\(stage)' in: \(timed.stderr)")
        }
        #expect(try box.read("output/small.html") == page)
    }

    @Test func aFolderRunsEveryNotebookAndKeepsItsLayout() throws {
        let box = try Sandbox()
        try box.write("notebooks/one.md", "# One\n")
        try box.write("notebooks/deep/two.md", "# Two\n\n```swift\n1 + 1\n```\n")
        try box.write("notebooks/deep/data.txt", "not a notebook")
        let result = try box.qnb("run", "notebooks", "--output-dir", "site")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(box.exists("site/one.html"))
        #expect(box.exists("site/deep/two.html"))
        #expect(!box.exists("site/deep/data.html"))
    }

    @Test func aSyntaxErrorIsLocatedStopsTheRunAndStillWritesThePage() throws {
        let box = try Sandbox()
        try box.write(
            "bad.md",
            """
            # Bad

            ```swift
            let a = 1
            ```

            ```swift
            let b = (a +
            ```

            ```swift
            print("never")
            ```
            """)
        let result = try box.qnb("run", "bad.md")
        #expect(result.status == 1)
        // The cell opens on line 7, so its first code line is notebook line 8.
        #expect(result.stderr.contains("bad.md:8:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("error:"))
        #expect(result.stderr.contains("let b = (a +"))
        #expect(result.stderr.contains("^"))
        let page = try box.read("output/bad.html")
        #expect(page.contains("bad.md:8:"))
        #expect(!page.contains("never\n</pre>"))
        #expect(page.lowercased().contains("not run"))
    }

    @Test func aRuntimeErrorInsideALoopPointsAtTheExpression() throws {
        let box = try Sandbox()
        try box.write(
            "loop.md",
            """
            ```swift
            var values = [1, 2, 3]
            for i in 0...3 {
                print(values[i])
            }
            ```
            """)
        let result = try box.qnb("run", "loop.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("loop.md:4:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("out of range"))
    }

    @Test func allowErrorsRunsOnAfterAFailure() throws {
        let box = try Sandbox()
        try box.write(
            "go-on.md",
            """
            ```swift
            undefinedName
            ```

            ```swift
            print("still here")
            ```
            """)
        let result = try box.qnb("run", "go-on.md", "--allow-errors")
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot find 'undefinedName' in scope"))
        #expect(try box.read("output/go-on.html").contains("still here"))
    }

    @Test func endlessRecursionIsALocatedErrorNotACrash() throws {
        let box = try Sandbox()
        try box.write(
            "recurse.md",
            """
            ```swift
            func down(_ n: Int) -> Int {
                return down(n + 1) + 1
            }
            down(0)
            ```
            """)
        let result = try box.qnb("run", "recurse.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("recurse.md:"))
        #expect(result.stderr.contains("recursion too deep"), "stderr: \(result.stderr)")
    }

    @Test(arguments: [1, 40])
    func badBitWidthsAreErrors(bits: Int) throws {
        let box = try Sandbox()
        try box.write("bits.md", "```swift\nlet w = randn([8], mean: 0, std: 1)\nquantize(w, bits: \(bits))\n```\n")
        let result = try box.qnb("run", "bits.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("bits.md:3:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("bits must be between 2 and 16"))
    }

    @Test func anExpectedErrorCellPassesWhenItFailsAsAnnounced() throws {
        let box = try Sandbox()
        try box.write(
            "expected.md",
            """
            ```swift
            //| error: "division by zero"
            let zero = 0
            1 / zero
            ```

            ```swift
            print("after")
            ```
            """)
        let result = try box.qnb("run", "expected.md")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try box.read("output/expected.html").contains("after"))
    }

    @Test func anExpectedErrorCellThatSucceedsFails() throws {
        let box = try Sandbox()
        try box.write("unexpected.md", "```swift\n//| error: true\n1 + 1\n```\n")
        let result = try box.qnb("run", "unexpected.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("unexpected.md:1:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("expected to fail"))
    }

    @Test func missingFileIsBadInput() throws {
        let box = try Sandbox()
        let result = try box.qnb("run", "nope.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("nope.md"))
        #expect(!box.exists("output"))
    }

    @Test func folderWithoutNotebooksIsBadInput() throws {
        let box = try Sandbox()
        try box.write("empty/readme.txt", "nothing")
        let result = try box.qnb("run", "empty")
        #expect(result.status == 2)
        #expect(result.stderr.contains("no notebooks"))
    }

    @Test func nonUTF8FileIsBadInputWithAPosition() throws {
        let box = try Sandbox()
        try box.write("latin1.md", Data("# Caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let result = try box.qnb("run", "latin1.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("latin1.md:1:6"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("UTF-8"))
        #expect(!box.exists("output/latin1.html"))
    }

    @Test func emptyNotebookRendersWithZeroCells() throws {
        let box = try Sandbox()
        try box.write("empty.md", "")
        let result = try box.qnb("run", "empty.md")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("0 cells"))
        #expect(try box.read("output/empty.html").contains("<!DOCTYPE html>"))
    }

    @Test func unknownCellOptionIsAnErrorAtItsLine() throws {
        let box = try Sandbox()
        try box.write("opt.md", "# T\n\n```swift\n//| ecko: false\n1\n```\n")
        let result = try box.qnb("run", "opt.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("opt.md:4:"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("ecko"))
    }

    @Test func parametersCanBeOverriddenFromTheCommandLine() throws {
        let box = try Sandbox()
        try box.write(
            "params.md",
            """
            ---
            params:
              bits: 8
            ---
            ```swift
            print("bits =", bits)
            ```
            """)
        #expect(try box.qnb("run", "params.md").status == 0)
        #expect(try box.read("output/params.html").contains("bits = 8"))
        let overridden = try box.qnb("run", "params.md", "-p", "bits=4")
        #expect(overridden.status == 0, "stderr: \(overridden.stderr)")
        #expect(try box.read("output/params.html").contains("bits = 4"))
        let unknown = try box.qnb("run", "params.md", "-p", "bitz=4")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("bitz"))
    }

    @Test func scriptInTitleProseAndOutputsNeverBecomesAScriptElement() throws {
        let box = try Sandbox()
        try box.write(
            "xss.md",
            """
            ---
            title: "<script>alert(1)</script>"
            ---
            <script>alert(2)</script>

            <img src=x onerror="alert(3)">

            [click](javascript:alert(4))

            ```swift
            print("<script>alert(5)</script>")
            "<img src=x onerror=alert(6)>"
            ```
            """)
        let result = try box.qnb("run", "xss.md")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let page = try box.read("output/xss.html").lowercased()
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("javascript:alert"))
        #expect(page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"))
    }

    @Test func badUsageExitsWithTwo() throws {
        let box = try Sandbox()
        #expect(try box.qnb("run").status == 2)
        #expect(try box.qnb("frobnicate").status == 2)
        #expect(try box.qnb("run", "--no-such-flag", "x.md").status == 2)
    }

    @Test func helpDescribesTheCommands() throws {
        let box = try Sandbox()
        let help = try box.qnb("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        let runHelp = try box.qnb("run", "--help")
        #expect(runHelp.status == 0)
        #expect(runHelp.stdout.contains("--output-dir"))
        #expect(runHelp.stdout.contains("--allow-errors"))
    }
}
