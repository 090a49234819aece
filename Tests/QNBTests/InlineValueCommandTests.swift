import Foundation
import Testing

/// Values computed in prose through the command line: a failing value fails the run with a
/// located error and leaves the last snapshot alone; `qnb check` catches a value that drifts.
@Suite struct InlineValueCommandTests {
    static let notebook = """
        # Prose values

        ```swift
        let mse = 0.000123456
        ```

        The MSE is `\\(mse)`, or `\\(format(mse, digits: 2))`.
        """

    @Test func aFailingValueIsALocatedErrorAndKeepsTheLastSnapshot() throws {
        let box = try Sandbox()
        try box.write("notebooks/p.md", Self.notebook)
        let good = try box.qnb("run", "notebooks/p.md")
        #expect(good.status == 0, "stderr: \(good.stderr)")
        let snapshot = try box.read("output/p.json")
        #expect(snapshot.contains("\"text\" : \"0.0001235\""))

        try box.write("notebooks/p.md", Self.notebook + "\nThen `\\(msee * 2)`.\n")
        let bad = try box.qnb("run", "notebooks/p.md")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("notebooks/p.md:8:9: error: cannot find 'msee' in scope"))
        #expect(bad.stderr.contains(" 8 | Then `\\(msee * 2)`."))
        #expect(bad.stdout.contains("1 cell run, 1 inline value failed"))
        #expect(try box.read("output/p.json") == snapshot)
        #expect(try box.read("output/p.html").contains("qnb-value-failed"))
    }

    @Test func checkCatchesADriftingValueAndUpdateAcceptsIt() throws {
        let box = try Sandbox()
        try box.write("notebooks/p.md", Self.notebook)
        #expect(try box.qnb("run", "notebooks/p.md").status == 0)
        #expect(try box.qnb("check", "notebooks/p.md").status == 0)

        try box.write("notebooks/p.md", Self.notebook.replacingOccurrences(of: "0.000123456", with: "0.000124"))
        let drift = try box.qnb("check", "notebooks/p.md")
        #expect(drift.status == 1)
        #expect(
            drift.stdout.contains("line 7, column 15: \\(mse) was 0.0001235, now 0.000124 (relative difference 0.0044)")
        )
        // The two-digit value rounds to the same text and number, so it does not count.
        #expect(!drift.stdout.contains("format(mse"))

        #expect(try box.qnb("check", "--update", "notebooks/p.md").status == 0)
        #expect(try box.qnb("check", "notebooks/p.md").status == 0)
        #expect(try box.read("output/p.json").contains("\"text\" : \"0.000124\""))
    }
}
