import Foundation
import QNBScript
import Testing

/// The hostile corpus in `Hostile/cases` (written by `Hostile/make_hostile.py`): bad notebooks,
/// corrupt `.npy`/`.safetensors`/CSV files and the notebooks that load them, hostile cell code
/// and limits — plus cases too large to commit, made here. Each is run with `qnb run` in a
/// sandbox of its own; the exit status and standard error (every message with its location)
/// must equal `Hostile/expected.txt`, and no run may end by a signal.
///
/// `QNB_UPDATE_HOSTILE=1 swift test --filter HostileCorpusTests` rewrites `expected.txt`; read
/// its diff before committing.
@Suite struct HostileCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile")
    static let cases = folder.appendingPathComponent("cases")

    /// Cases made at test time: `name` → notebook text.
    static func generated() -> [(String, String)] {
        // A 10 MB line of prose, then a cell that still runs.
        let longLine =
            "# Long\n\n" + String(repeating: "word ", count: 2_000_000) + "\n\n```swift\nprint(\"after\")\n```\n"
        // A notebook of 16 MiB and one byte.
        let tooLarge = String(repeating: "a", count: (16 << 20) + 1)
        // Every free function of the cell language called with hostile arguments, a cell each,
        // run with --allow-errors: each must answer with a located error or a value, never a crash.
        var everyBuiltin = "# Every builtin, abused\n"
        let names = BuiltinLibrary.qnb.reference.filter { $0.kind == .function }.map(\.name)
        for name in names.reduce(into: [String](), { if !$1.isEmpty && !$0.contains($1) { $0.append($1) } }) {
            for arguments in ["", "-1, Double.nan", "[Double](), \"\", [[1], []]"] {
                everyBuiltin += "\n```swift\n_ = \(name)(\(arguments))\n```\n"
            }
        }
        return [
            ("generated-10mb-line.md", longLine), ("generated-too-large.md", tooLarge),
            ("generated-every-builtin.md", everyBuiltin),
        ]
    }

    @Test func everyCaseEndsNormallyWithTheExpectedMessages() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.cases.path).filter { $0.hasSuffix(".md") }
            .sorted()
        let files = Self.cases.appendingPathComponent("files")
        var transcript = ""
        var count = 0
        for (name, text) in try names.map({ ($0, try Data(contentsOf: Self.cases.appendingPathComponent($0))) })
            + Self.generated().map({ ($0.0, Data($0.1.utf8)) })
        {
            let box = try Sandbox()
            try box.write(name, text)
            try FileManager.default.copyItem(at: files, to: box.root.appendingPathComponent("files"))
            let argumentsFile = Self.cases.appendingPathComponent(String(name.dropLast(3)) + ".args")
            var arguments =
                (try? String(contentsOf: argumentsFile, encoding: .utf8))?
                .split(separator: "\n").map(String.init) ?? []
            if name == "generated-every-builtin.md" { arguments = ["--allow-errors", "--timeout", "5"] }
            let result = try QNBProcess.run(["run"] + arguments + [name], in: box.root)
            #expect(!result.signaled, "\(name) ended by a signal: \(result.stderr)")
            #expect([0, 1, 2].contains(result.status), "\(name): exit \(result.status)")
            transcript += "== \(name)\(arguments.isEmpty ? "" : " " + arguments.joined(separator: " "))\n"
            transcript += "exit \(result.status)\n" + Self.shortened(result.stderr)
            count += 1
        }
        #expect(count >= 60)
        let expectedFile = Self.folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["QNB_UPDATE_HOSTILE"] == "1" {
            try transcript.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        if expected != transcript {
            let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let new = transcript.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            Issue.record(
                """
                the hostile corpus's outcomes changed (QNB_UPDATE_HOSTILE=1 rewrites Hostile/expected.txt); \
                first difference at line \(first + 1):
                expected: \(first < old.count ? old[first] : "<end>")
                actual:   \(first < new.count ? new[first] : "<end>")
                """)
        }
    }

    /// Standard error with very long source lines (the 10 MB line) cut, so the transcript stays
    /// readable.
    static func shortened(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count > 300 ? line.prefix(300) + "… (\(line.count) characters)" : line
        }.joined(separator: "\n")
    }
}
