import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `qnb check` end to end: snapshots recorded by `qnb run`, edited the way an engine change
/// would move them, and the exit codes, reports and files that result.
@Suite struct CheckCommandTests {
    static let notebook = """
        ---
        title: Checked
        seed: 1
        ---
        # Checked

        ```swift
        let x = tensor([0.5, 1.5, 2.5, -2.5])
        print("mse =", 0.125)
        ```

        ```swift
        var table = Table(["bits", "MSE"])
        table.append([8, 0.25])
        table.append([4, 0.5])
        table
        ```

        ```swift
        //| check: false
        randn([2], mean: 0, std: 1)
        ```

        ```swift
        //| error: "division by zero"
        let z = 1 / 0
        ```
        """

    /// A project with the notebook and its recorded snapshot.
    static func recorded(_ source: String = notebook) throws -> Sandbox {
        let box = try Sandbox()
        try box.write("notebooks/c.md", source)
        let run = try box.qnb("run", "notebooks/c.md")
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return box
    }

    /// Replaces `old` by `new` in the snapshot, as a changed engine would.
    static func edit(_ box: Sandbox, _ old: String, _ new: String) throws {
        let text = try box.read("output/c.json")
        #expect(text.contains(old), "the snapshot has no \(old)")
        try box.write("output/c.json", text.replacingOccurrences(of: old, with: new))
    }

    @Test func aFreshSnapshotMatches() throws {
        let box = try Self.recorded()
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("✓ notebooks/c.md: 3 cells match, 1 skipped"))
        #expect(result.stdout.hasSuffix("1 notebook, 4 cells: 3 match, 1 skipped\n"))
    }

    @Test func aNumberBeyondTheToleranceFailsWithItsLocationAndRow() throws {
        let box = try Self.recorded()
        // The table's MSE of the 4-bit row, recorded as 0.5.
        try Self.edit(box, "0.5\n", "0.5002\n")
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 1)
        #expect(result.stdout.contains("notebooks/c.md:12: cell 2 differs (tolerance 1e-06)"))
        #expect(
            result.stdout.contains("output 1, row 2 (bits 4), column MSE: 0.5002 → 0.5 (relative difference 4.0e-04)"))
        #expect(result.stdout.contains("1 notebook, 4 cells: 2 match, 1 differs, 1 skipped"))
    }

    @Test func aNumberWithinTheToleranceMatches() throws {
        let box = try Self.recorded()
        try Self.edit(box, "0.5\n", "0.5000002\n")
        #expect(try box.qnb("check", "notebooks/c.md").status == 0)
    }

    @Test func theFrontMatterAndCommandLineToleranceOverrideTheDefault() throws {
        let loose = Self.notebook.replacingOccurrences(of: "seed: 1\n", with: "seed: 1\ntolerance: 1e-3\n")
        let box = try Self.recorded(loose)
        try Self.edit(box, "0.5\n", "0.5002\n")
        #expect(try box.qnb("check", "notebooks/c.md").status == 0)
        try Self.edit(box, "0.5002\n", "0.502\n")
        let beyond = try box.qnb("check", "notebooks/c.md")
        #expect(beyond.status == 1)
        #expect(beyond.stdout.contains("cell 2 differs (tolerance 0.001)"))

        let strict = try Self.recorded()
        try Self.edit(strict, "0.5\n", "0.5002\n")
        #expect(try strict.qnb("check", "--tolerance", "1e-3", "notebooks/c.md").status == 0)
        #expect(try strict.qnb("check", "--tolerance", "1e-5", "notebooks/c.md").status == 1)
    }

    @Test func aNumberInsidePrintedTextIsComparedAsANumber() throws {
        let box = try Self.recorded()
        try Self.edit(box, "mse = 0.125", "mse = 0.1250000001")
        #expect(try box.qnb("check", "notebooks/c.md").status == 0)
        try Self.edit(box, "mse = 0.1250000001", "mse = 0.135")
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 1)
        let expectedDiff = """
              --- output/c.json
              +++ this run
              @@ -1 +1 @@
              -mse = 0.135
              +mse = 0.125
                     ^^^^^  was 0.135, relative difference 0.074
            """
        #expect(result.stdout.contains(expectedDiff), "\(result.stdout)")
        // The words around the number are compared exactly.
        try Self.edit(box, "mse = 0.135", "MSE = 0.125")
        #expect(try box.qnb("check", "--tolerance", "1", "notebooks/c.md").status == 1)
    }

    @Test func aCellMarkedCheckFalseIsNotCompared() throws {
        let box = try Self.recorded()
        let snapshot = try box.read("output/c.json")
        // The random tensor's count field, in the unchecked third cell.
        try Self.edit(box, "\"value\" : 2\n", "\"value\" : 3\n")
        #expect(try box.read("output/c.json") != snapshot)
        #expect(try box.qnb("check", "notebooks/c.md").status == 0)
    }

    @Test func aMissingSnapshotExitsWithThree() throws {
        let box = try Sandbox()
        try box.write("notebooks/c.md", Self.notebook)
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 3)
        #expect(result.stdout.contains("no snapshot 'output/c.json' to compare with"))
        #expect(!box.exists("output/c.json"))
        #expect(!box.exists("output/c.html"))
    }

    @Test func aCorruptSnapshotExitsWithTwoAndSaysWhatIsWrong() throws {
        let box = try Self.recorded()
        try box.write("output/c.json", "{\"format\": 1, \"qnb\": ")
        let notJSON = try box.qnb("check", "notebooks/c.md")
        #expect(notJSON.status == 2)
        #expect(notJSON.stdout.contains("'output/c.json' is not a valid qnb snapshot: it is not JSON"))
        try box.write(
            "output/c.json",
            "{\"format\": 1, \"qnb\": \"0.1.0\", \"notebook\": \"c.md\", \"parameters\": {}, \"cells\": [{\"cell\": \"one\"}]}"
        )
        let wrongType = try box.qnb("check", "notebooks/c.md")
        #expect(wrongType.status == 2)
        #expect(wrongType.stdout.contains("expected a number at cells[0].cell"))
    }

    @Test func anExpectedErrorWithAWrongMessageFails() throws {
        let box = try Self.recorded()
        try box.write(
            "notebooks/c.md", Self.notebook.replacingOccurrences(of: "\"division by zero\"", with: "\"overflow\""))
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("notebooks/c.md:26:"))
        #expect(result.stderr.contains("not with the expected error (a message containing \"overflow\")"))
        #expect(result.stdout.contains("notebooks/c.md:24: cell 4 failed"))
    }

    @Test func aNotebookThatNowFailsEarlierReportsTheFailureAndTheCellsNotRun() throws {
        let box = try Self.recorded()
        try box.write(
            "notebooks/c.md",
            Self.notebook.replacingOccurrences(of: "print(\"mse =\", 0.125)", with: "print(\"mse =\", x[7])"))
        let result = try box.qnb("check", "notebooks/c.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("notebooks/c.md:9:"))
        #expect(result.stdout.contains("notebooks/c.md:7: cell 1 failed"))
        #expect(result.stdout.contains("✗ notebooks/c.md: cell 1 failed, 3 not run"))
        #expect(result.stdout.contains("1 notebook, 4 cells: 0 match, 1 failed, 3 not run"))
    }

    @Test func updateAcceptsNewOutputsButNeverAfterAFailure() throws {
        let box = try Self.recorded()
        let good = try box.read("output/c.json")
        try Self.edit(box, "0.5\n", "0.75\n")
        let edited = try box.read("output/c.json")

        // A failing notebook leaves the snapshot as it was, even with --update.
        let source = try box.read("notebooks/c.md")
        try box.write("notebooks/c.md", source.replacingOccurrences(of: "0.125)", with: "x[9])"))
        let failed = try box.qnb("check", "--update", "notebooks/c.md")
        #expect(failed.status == 1)
        #expect(try box.read("output/c.json") == edited)

        try box.write("notebooks/c.md", source)
        let updated = try box.qnb("check", "--update", "notebooks/c.md")
        #expect(updated.status == 0, "\(updated.stdout)")
        #expect(updated.stdout.contains("updated output/c.json"))
        #expect(try box.read("output/c.json") == good)
        #expect(try box.qnb("check", "notebooks/c.md").status == 0)
        // --update also records a missing snapshot and replaces a corrupt one.
        try box.write("output/c.json", "not json")
        #expect(try box.qnb("check", "--update", "notebooks/c.md").status == 0)
        #expect(try box.read("output/c.json") == good)
    }

    /// Every file a check compares with, and the folder listing, byte for byte.
    static func state(of box: Sandbox) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: box.root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.standardizedFileURL.path.dropFirst(box.root.standardizedFileURL.path.count))
            files[path] = (try? Data(contentsOf: url)) ?? Data()
        }
        return files
    }

    @Test func aCheckNeverModifiesTheFilesItComparesWith() throws {
        let box = try Self.recorded()
        try Self.edit(box, "0.5\n", "0.75\n")
        let before = try Self.state(of: box)
        #expect(try box.qnb("check", "notebooks/c.md").status == 1)
        #expect(try Self.state(of: box) == before)
        try box.write("output/c.json", "{")
        let corrupt = try Self.state(of: box)
        #expect(try box.qnb("check", "notebooks").status == 2)
        #expect(try Self.state(of: box) == corrupt)
    }

    @Test func theHTMLReviewPageShowsTheExpectedOutputBesideTheNewOne() throws {
        let box = try Self.recorded()
        let page = try box.read("output/c.html")
        try Self.edit(box, "0.5\n", "0.75\n")
        let result = try box.qnb("check", "--html", "notebooks/c.md")
        #expect(result.status == 1)
        #expect(result.stdout.contains("check page: output/c.check.html"))
        let review = try box.read("output/c.check.html")
        #expect(review.contains("1 of 4 cells differs from <code>output/c.json</code>"))
        #expect(review.contains("qnb-cell--differs"))
        #expect(review.contains("column MSE: 0.75 → 0.5"))
        #expect(try box.read("output/c.html") == page)
    }

    @Test func theJUnitReportParsesAsXMLWithOneCasePerCell() throws {
        let box = try Self.recorded()
        try Self.edit(box, "0.5\n", "0.75\n")
        let result = try box.qnb("check", "--junit", "reports/check.xml", "notebooks/c.md")
        #expect(result.status == 1)
        let data = try Data(contentsOf: box.root.appendingPathComponent("reports/check.xml"))
        let collector = JUnitCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.testcases == ["cell 1 (line 7)", "cell 2 (line 12)", "cell 3 (line 19)", "cell 4 (line 24)"])
        #expect(collector.elements["failure"] == 1)
        #expect(collector.elements["skipped"] == 1)
        #expect(collector.attributes["testsuites"]?["failures"] == "1")
        #expect(collector.failureText.contains("column MSE: 0.75 → 0.5"))
    }

    @Test func shardsSplitALibraryIntoDisjointParts() throws {
        let box = try Sandbox()
        for name in ["a", "b", "c", "d", "e"] {
            try box.write("notebooks/\(name).md", "```swift\nprint(\"\(name)\")\n```\n")
        }
        #expect(try box.qnb("run", "notebooks").status == 0)
        var seen: [String] = []
        for shard in 1...2 {
            let result = try box.qnb("check", "--shard", "\(shard)/2", "notebooks")
            #expect(result.status == 0)
            let names = result.stdout.split(separator: "\n").filter { $0.hasPrefix("✓") }.map {
                String($0.split(separator: " ")[1].dropLast())
            }
            seen += names
        }
        #expect(seen.sorted() == ["a", "b", "c", "d", "e"].map { "notebooks/\($0).md" })
        #expect(try box.qnb("check", "--shard", "3/2", "notebooks").status == 2)
    }

    @Test func parallelJobsPrintEachNotebookTogetherInPathOrder() throws {
        let box = try Sandbox()
        for index in 0..<6 {
            try box.write("notebooks/n\(index).md", "```swift\nprint(\(index))\nprint(\(index * 10))\n```\n")
        }
        #expect(try box.qnb("run", "--jobs", "3", "notebooks").status == 0)
        // Pages and snapshots do not depend on how many notebooks ran at once.
        #expect(try box.qnb("run", "--jobs", "1", "--output-dir", "serial", "notebooks").status == 0)
        for index in 0..<6 {
            #expect(try box.read("output/n\(index).html") == box.read("serial/n\(index).html"))
            #expect(try box.read("output/n\(index).json") == box.read("serial/n\(index).json"))
        }
        for index in 0..<6 {
            try Self.editFile(box, "output/n\(index).json", "\(index * 10)\\n", "\(index * 10 + 1)\\n")
        }
        let serial = try box.qnb("check", "--jobs", "1", "notebooks")
        let parallel = try box.qnb("check", "--jobs", "3", "notebooks")
        #expect(serial.status == 1 && parallel.status == 1)
        // Identical apart from the times on the status lines.
        let withoutTimes = { (text: String) in
            text.replacingOccurrences(of: #" in [0-9.]+ ms"#, with: "", options: .regularExpression)
        }
        #expect(withoutTimes(parallel.stdout) == withoutTimes(serial.stdout))
        let statusLines = serial.stdout.split(separator: "\n").filter { $0.hasPrefix("✗") }
        #expect(statusLines.map { $0.split(separator: ":")[0] } == (0..<6).map { "✗ notebooks/n\($0).md" })
        #expect(serial.stdout.contains("6 notebooks, 6 cells: 0 match, 6 differ"))
    }

    static func editFile(_ box: Sandbox, _ path: String, _ old: String, _ new: String) throws {
        let text = try box.read(path)
        #expect(text.contains(old))
        try box.write(path, text.replacingOccurrences(of: old, with: new))
    }
}

/// Collects what the JUnit tests look at while parsing.
final class JUnitCollector: NSObject, XMLParserDelegate {
    var testcases: [String] = []
    var elements: [String: Int] = [:]
    var attributes: [String: [String: String]] = [:]
    var failureText = ""
    private var inFailure = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements[name, default: 0] += 1
        if self.attributes[name] == nil { self.attributes[name] = attributes }
        if name == "testcase", let title = attributes["name"] { testcases.append(title) }
        if name == "failure" { inFailure = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure" { inFailure = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFailure { failureText += string }
    }
}
