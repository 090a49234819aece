import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a hostile or careless notebook cannot do to the machine that runs it: exhaust memory,
/// flood the page, read files outside its folder, or leave a half-written page when the run is
/// interrupted. Each limit ends in a clear located error and a normal exit, never a signal.
@Suite struct LimitsAndSandboxTests {
    // MARK: Memory

    @Test func aTensorBeyondTheBudgetIsALocatedError() throws {
        let box = try Sandbox()
        try box.write("n.md", "# Big\n\n```swift\nlet z = zeros([100000, 100000])\n```\n")
        let result = try box.qnb("run", "--max-memory", "1G", "n.md")
        #expect(result.status == 1)
        #expect(!result.signaled)
        #expect(
            result.stderr.contains(
                "n.md:4:15: error: this needs 37.3 GiB, more than the memory budget of 1 GiB (qnb run --max-memory sets it)"
            ), "\(result.stderr)")
    }

    @Test func anArrayGrowingInALoopStopsAtTheBudget() throws {
        let box = try Sandbox()
        try box.write(
            "n.md",
            "```swift\nvar rows: [[Double]] = []\nwhile true { rows.append(Array(repeating: 0.5, count: 200_000)) }\n```\n"
        )
        let result = try box.qnb("run", "--max-memory", "300M", "n.md")
        #expect(result.status == 1)
        #expect(!result.signaled)
        #expect(result.stderr.contains("of the 300 MiB memory budget are in use"), "\(result.stderr)")
        #expect(result.stderr.contains("n.md:3:"))
    }

    @Test(arguments: ["512M", "1.5GiB", "25%", "2000000000"])
    func memorySizesParse(size: String) throws {
        let box = try Sandbox()
        try box.write("n.md", "```swift\n1\n```\n")
        #expect(try box.qnb("run", "--max-memory", size, "n.md").status == 0)
    }

    @Test(arguments: ["", "abc", "0", "-1G", "150%", "5Q"])
    func badMemorySizesAreUsageErrors(size: String) throws {
        let box = try Sandbox()
        try box.write("n.md", "```swift\n1\n```\n")
        let result = try box.qnb("run", "--max-memory", size, "n.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-memory"), "\(result.stderr)")
    }

    // MARK: Time

    /// A long engine kernel stops at the cell's time limit, not after it: the error comes from
    /// inside the kernel (the interpreter's own check would not name it).
    @Test(arguments: [
        ("let a = randn([3000, 3000], seed: 1)", "matmul"),
        ("let a = quantize(randn([3000, 3000], seed: 1), bits: 8)", "integer matmul"),
    ])
    func longKernelsStopAtTheTimeLimit(setup: String, kernel: String) throws {
        let box = try Sandbox()
        let repeated = Array(repeating: "_ = matmul(a, a)", count: 20).joined(separator: "\n")
        try box.write("n.md", "```swift\n\(setup)\n\(repeated)\n```\n")
        let result = try box.qnb("run", "--timeout", "2", "n.md")
        #expect(result.status == 1)
        #expect(!result.signaled)
        // Which of the twenty products runs out of time depends on the machine; each is at column 5.
        #expect(
            result.stderr.contains(":5: error: cell exceeded its time limit (in \(kernel))"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("n.md:"))
    }

    /// A translation model's training needs memory for its batch's trace: a batch too large for
    /// the budget is refused before the pass, and long training stops at the cell's time limit.
    @Test func translationTrainingRespectsTheMemoryBudgetAndTheTimeLimit() throws {
        let box = try Sandbox()
        let setup = "let c = numberCorpus(upTo: 2000)\nvar m = seq2seq(c, embedding: 512, hidden: 1024, seed: 0)\n"
        try box.write("big.md", "```swift\n\(setup)train(&m, on: c, epochs: 1, batchSize: 2000, seed: 1)\n```\n")
        let big = try box.qnb("run", "--max-memory", "1G", "big.md")
        #expect(big.status == 1)
        #expect(!big.signaled)
        #expect(big.stderr.contains("big.md:4:7: error: this needs 2.8 GiB"), "\(big.stderr)")
        #expect(big.stderr.contains("more than the memory budget of 1 GiB"), "\(big.stderr)")
        try box.write(
            "long.md",
            "```swift\nlet c = numberCorpus()\nvar m = seq2seq(c, seed: 0)\ntrain(&m, on: c, epochs: 1000, seed: 1)\n```\n"
        )
        let long = try box.qnb("run", "--timeout", "2", "long.md")
        #expect(long.status == 1)
        #expect(!long.signaled)
        #expect(long.stderr.contains("long.md:4:1: error: cell exceeded its time limit"), "\(long.stderr)")
    }

    /// A time limit too long for Swift's `Duration` crashed qnb; now it is simply no limit.
    @Test func hugeTimeLimitsRun() throws {
        let box = try Sandbox()
        try box.write("f.md", "---\ntimeout: 1e300\n---\n\n```swift\nprint(6 * 7)\n```\n")
        try box.write("c.md", "```swift\n//| timeout: 1.7976931348623157e308\nprint(6 * 7)\n```\n")
        for arguments in [["f.md"], ["c.md"], ["--timeout", "1e300", "c.md"]] {
            let result = try box.qnb(["run"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.signaled)
        }
        #expect(try box.read("output/c.html").contains("42"))
    }

    // MARK: Output and size

    @Test func anEndlessPrintIsCutAndThePageStaysSmall() throws {
        let box = try Sandbox()
        try box.write(
            "n.md", "```swift\nvar i = 0\nwhile true { print(\"line \\(i) of the flood\"); i += 1 }\n```\n")
        let result = try box.qnb("run", "--timeout", "20", "n.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("n.md:3:1: error: cell exceeded its time limit of 20 s"))
        let page = try box.read("output/n.html")
        #expect(page.contains("… output cut: the cell printed more than 1 MiB"))
        #expect(page.utf8.count < 3 << 20)
    }

    @Test func aNotebookOverTheSizeLimitIsRefusedWithoutReadingItWhole() throws {
        let box = try Sandbox()
        try box.write("huge.md", Data(repeating: UInt8(ascii: "a"), count: (16 << 20) + 1))
        let result = try box.qnb("run", "huge.md")
        #expect(result.status == 2)
        #expect(result.stderr.contains("huge.md:1:1: error: the notebook is larger than 16 MiB, the most qnb reads"))
        #expect(!box.exists("output/huge.html"))
    }

    // MARK: Reading files

    /// `load` reads only below the notebook's folder: not `..`, not an absolute path, not a
    /// link inside the folder that leads out, not the current folder — unless `--allow-read`
    /// names the folder.
    @Test func loadReadsOnlyBelowTheNotebookOrAllowedFolders() throws {
        let box = try Sandbox()
        let weights = try Data(contentsOf: Self.fixture("npy/be_f4.npy"))
        try box.write("secret/w.npy", weights)
        try box.write("course/data/w.npy", weights)
        try FileManager.default.createSymbolicLink(
            atPath: box.root.appendingPathComponent("course/data/link.npy").path,
            withDestinationPath: box.root.appendingPathComponent("secret/w.npy").path)
        let secret = box.root.appendingPathComponent("secret/w.npy").path
        let cases = [
            ("load(\"data/w.npy\").count", nil),
            ("load(\"../secret/w.npy\")", "'../secret/w.npy' is outside the notebook's folder"),
            ("load(\"\(secret)\")", "'\(secret)' is outside the notebook's folder"),
            ("load(\"data/link.npy\")", "'data/link.npy' is outside the notebook's folder"),
            ("load(\"data/../../secret/w.npy\")", "'data/../../secret/w.npy' is outside the notebook's folder"),
        ]
        for (code, message) in cases {
            try box.write("course/n.md", "```swift\n\(code)\n```\n")
            let result = try box.qnb("run", "course/n.md")
            if let message {
                #expect(result.status == 1, "\(code)")
                #expect(result.stderr.contains("course/n.md:2:6: error: \(message)"), "\(code): \(result.stderr)")
                #expect(result.stderr.contains("qnb run --allow-read FOLDER allows another"))
            } else {
                #expect(result.status == 0, "\(code): \(result.stderr)")
            }
        }
        // The current folder is not readable by default either.
        try box.write("course/n.md", "```swift\nload(\"../secret/w.npy\").count\n```\n")
        #expect(try box.qnb("run", "course/n.md").status == 1)
        let allowed = try box.qnb("run", "--allow-read", "secret", "course/n.md")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let link = try box.qnb("run", "--allow-read", "nowhere", "course/n.md")
        #expect(link.status == 2)
        #expect(link.stderr.contains("--allow-read: 'nowhere' is not a folder."))
    }

    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TensorFilesTests/Fixtures/\(name)")
    }

    // MARK: Writing

    /// Ctrl-C during a run leaves the previous page and snapshot as they were, and no
    /// temporary file behind.
    @Test func anInterruptedRunLeavesThePreviousOutputsIntact() throws {
        let box = try Sandbox()
        try box.write("n.md", "# N\n\n```swift\nprint(\"first\")\n```\n")
        #expect(try box.qnb("run", "n.md").status == 0)
        let page = try box.read("output/n.html")
        let snapshot = try box.read("output/n.json")

        try box.write("n.md", "# N\n\n```swift\nprint(\"second\")\nvar i = 0\nwhile true { i += 1 }\n```\n")
        let process = Process()
        process.executableURL = QNBProcess.binary
        process.arguments = ["run", "n.md"]
        process.currentDirectoryURL = box.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        Thread.sleep(forTimeInterval: 1.0)
        process.interrupt()  // SIGINT
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(message.contains("qnb: interrupted"))
        #expect(try box.read("output/n.html") == page)
        #expect(try box.read("output/n.json") == snapshot)
        let left = try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("output").path)
        #expect(left.sorted() == ["n.html", "n.json"])
    }

    /// Several runs writing the same output folder at once: every file ends up whole (equal to
    /// what one run writes) and no temporary file is left.
    @Test func concurrentRunsNeverLeaveAHalfWrittenFile() throws {
        let box = try Sandbox()
        try box.write("n.md", "# N\n\n```swift\nrandn([64, 64], seed: 1)\n```\n")
        #expect(try box.qnb("run", "--format", "html,md,ipynb", "n.md").status == 0)
        let expected = try ["n.html", "n.json", "n.md", "n.ipynb"].map { try box.read("output/\($0)") }
        let processes = try (0..<4).map { _ in
            let process = Process()
            process.executableURL = QNBProcess.binary
            process.arguments = ["run", "--format", "html,md,ipynb", "n.md"]
            process.currentDirectoryURL = box.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try ["n.html", "n.json", "n.md", "n.ipynb"].map { try box.read("output/\($0)") } == expected)
        let left = try FileManager.default.contentsOfDirectory(atPath: box.root.appendingPathComponent("output").path)
        #expect(left.sorted() == ["n.html", "n.ipynb", "n.json", "n.md"])
    }
}

/// The libraries cells run in have no way to start a process, reach the network, read the
/// environment or write a file: none of the APIs that would is named in their sources. (The
/// command line, which writes pages, is not scanned.)
@Suite struct NoAmbientAuthorityTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func libraryTargetsNameNoProcessNetworkEnvironmentOrWritingAPI() throws {
        // Whole identifiers only (`cmark_node_unlink` is fine), and calls where the name is also
        // an English word ("the file system").
        let calls = [
            "Process", "posix_spawn", "posix_spawnp", "popen", "system", "execv", "execve", "execvp", "fork",
            "getenv", "socket", "connect", "createFile", "fopen", "unlink", "rename", "mkdir",
        ].map { "(?<![A-Za-z0-9_])\($0)\\s*\\(" }
        let names = ["ProcessInfo", "environ", "URLSession", "URLRequest", "O_WRONLY", "O_CREAT"].map {
            "(?<![A-Za-z0-9_])\($0)(?![A-Za-z0-9_])"
        }
        let forbidden = try (calls + names).map { try NSRegularExpression(pattern: $0) }
        var offenders: [String] = []
        for target in ["QNBScript", "QuantEngine", "TensorFiles", "QNBNotebook", "QNBRender", "QNBPlot"] {
            let folder = Self.sources.appendingPathComponent(target)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            #expect(!files.isEmpty, "\(target) has no sources?")
            for file in files where file.hasSuffix(".swift") || file.hasSuffix(".c") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let range = NSRange(text.startIndex..., in: text)
                for pattern in forbidden where pattern.firstMatch(in: text, range: range) != nil {
                    offenders.append("\(target)/\(file): \(pattern.pattern)")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
