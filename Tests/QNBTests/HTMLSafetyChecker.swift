import Foundation
import Testing

/// Runs `Tests/Support/check_html_safety.py` (html5lib, the WHATWG parsing algorithm) over many
/// pages in one Python process, with the `html5lib` that `make test` installs into
/// `.build/nbformat-venv`.
struct HTMLSafetyChecker {
    struct Page: Codable {
        var path: String
        /// What the page stands for in a failure message: the payload and its position.
        var label: String
        /// Text that must be visible on the page.
        var expectText: [String]?
    }

    struct Problem: Codable, CustomStringConvertible {
        var path: String
        var label: String
        var problem: String
        var `where`: String

        var description: String { "\(label): \(problem) at \(self.where)" }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let python: String

    /// The checker, or `nil` (and a recorded issue when `QNB_REQUIRE_HTML5LIB=1`, as `make test`
    /// sets when it installed html5lib) when html5lib is not installed.
    static func available(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> HTMLSafetyChecker? {
        let python = root.appendingPathComponent(".build/nbformat-venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: python), (try? run(python, ["-c", "import html5lib"]))?.0 == 0 {
            return HTMLSafetyChecker(python: python)
        }
        #expect(
            ProcessInfo.processInfo.environment["QNB_REQUIRE_HTML5LIB"] != "1",
            "make test installs html5lib into .build/nbformat-venv; it is missing", sourceLocation: sourceLocation)
        return nil
    }

    /// The problems found on `pages`.
    func check(_ pages: [Page], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Problem] {
        let manifest = FileManager.default.temporaryDirectory.appendingPathComponent("qnb-pages-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: manifest) }
        try JSONEncoder().encode(pages).write(to: manifest)
        let script = Self.root.appendingPathComponent("Tests/Support/check_html_safety.py").path
        let (status, output, errors) = try Self.run(python, [script, manifest.path])
        guard status == 0 else {
            Issue.record("the page checker failed (status \(status)): \(errors)", sourceLocation: sourceLocation)
            return []
        }
        return try JSONDecoder().decode([Problem].self, from: Data(output.utf8))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)
        )
    }
}
