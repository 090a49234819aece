import Foundation
import QNBTestSupport
import Testing

/// Pages are inert: every payload of `XSSPayloads` in every position where notebook text or a
/// computed value reaches HTML — notebook pages, the site index, `qnb check`'s review page —
/// gives pages that, parsed as a browser parses them, hold no script, no event handler, no
/// script URL and no embedding element.
@Suite("Pages are inert", .serialized)
struct XSSTests {
    typealias Group = XSSNotebooks.Group

    @Test func everyPayloadInEveryPositionLeavesThePagesInert() throws {
        guard let checker = HTMLSafetyChecker.available() else { return }
        let clock = ContinuousClock()
        let start = clock.now
        let box = try Sandbox()
        let payloads = XSSPayloads.all
        var pages: [HTMLSafetyChecker.Page] = []
        var names: Set<String> = []
        for (number, payload) in payloads.enumerated() {
            let shown = "payload \(number) \(payload.debugDescription)"
            for group in Group.allCases {
                try box.write("site/\(group.rawValue)/p\(number).md", XSSNotebooks.notebook(group, payload: payload))
                pages.append(
                    .init(
                        path: box.root.appendingPathComponent("out/\(group.rawValue)/p\(number).html").path,
                        label: "\(shown) in \(group.rawValue)",
                        expectText: group.showsPayloadAsText ? [payload] : nil))
            }
            let name = XSSNotebooks.fileName(payload)
            if names.insert(name).inserted {
                try box.write("site/\(name).md", XSSNotebooks.namedNotebook)
                pages.append(
                    .init(
                        path: box.root.appendingPathComponent("out/\(name).html").path,
                        label: "\(shown) as a file name", expectText: nil))
            }
            try box.write("check/p\(number).md", XSSNotebooks.checkNotebook(payload: payload, version: 1))
        }
        try box.write("site/README.md", XSSNotebooks.readme(payloads))
        pages.append(
            .init(path: box.root.appendingPathComponent("out/index.html").path, label: "the site index and README"))

        let run = try Self.qnb(["run", "site", "--output-dir", "out", "--allow-errors"], in: box)
        #expect(run.status == 1, "failing cells make the status 1: \(run.stderr.suffix(2000))")
        // The README was read: its title (holding the first payload) heads the index.
        #expect(try box.read("out/index.html").contains("<h1 class=\"qnb-title\">Course "))
        let generated = clock.now

        // qnb check --html: the snapshot's outputs and the diff hold the payload.
        let recorded = try Self.qnb(["run", "check", "--output-dir", "outc"], in: box)
        #expect(recorded.status == 0, "\(recorded.stderr.suffix(2000))")
        for (number, payload) in payloads.enumerated() {
            try box.write("check/p\(number).md", XSSNotebooks.checkNotebook(payload: payload, version: 2))
            pages.append(
                .init(
                    path: box.root.appendingPathComponent("outc/p\(number).check.html").path,
                    label: "payload \(number) \(payload.debugDescription) on the check page", expectText: [payload]))
        }
        let checked = try Self.qnb(["check", "check", "--output-dir", "outc", "--html"], in: box)
        #expect(checked.status == 1, "every notebook differs: \(checked.stderr.suffix(2000))")
        let reviewed = clock.now

        let missing = pages.filter { !FileManager.default.fileExists(atPath: $0.path) }
        #expect(missing.isEmpty, "no page written for: \(missing.map(\.label).prefix(20))")
        let problems = try checker.check(pages.filter { FileManager.default.fileExists(atPath: $0.path) })
        for problem in problems.prefix(200) { Issue.record("\(problem)") }
        let done = clock.now
        print(
            """
            XSS: \(payloads.count) payloads × \(Group.allCases.count) position groups, plus file names, the index and \
            check pages: \(pages.count - missing.count) pages checked, \(problems.count) problems \
            (notebooks run in \(generated - start), check pages in \(reviewed - generated), \
            html5lib in \(done - reviewed))
            """)
    }

    /// Runs qnb with its output in files: a thousand notebooks' messages overflow a pipe.
    static func qnb(_ arguments: [String], in box: Sandbox) throws -> QNBProcess.Result {
        let process = Process()
        process.executableURL = QNBProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = box.root
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = box.root.appendingPathComponent("stdout.txt"), err = box.root.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        return QNBProcess.Result(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }
}
