import ArgumentParser
import Foundation
import QNBNotebook
import QNBRender

extension QNB {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-run notebooks and compare their outputs with their snapshots.",
            discussion: """
                Each notebook runs again and its outputs are compared with the snapshot that \
                `qnb run` recorded (OUTPUT-DIR/NAME.json); no page and no snapshot is written \
                unless asked. Numbers compare with a relative tolerance (default 1e-6, with an \
                absolute floor of 1e-12 for values near zero) that the front matter's \
                `tolerance` and a cell's `//| tolerance:` override; numbers printed inside text \
                compare the same way, and the text around them must match exactly. Cells with \
                `//| check: false` are not compared; cells with `//| error: "text"` must fail \
                with a message containing the text.

                Exit status: 0 everything matches; 1 a cell differs or fails unexpectedly; \
                2 bad usage or unreadable input (a notebook or snapshot that cannot be read); \
                3 a snapshot is missing. With several notebooks, the highest of these.
                """
        )

        @OptionGroup var selection: NotebookSelection

        @Flag(
            help: "Accept the new outputs: rewrite the snapshot of every notebook that ran without unexpected errors.")
        var update = false

        @Flag(
            help:
                "For each notebook that differs, write OUTPUT-DIR/NAME.check.html showing the expected outputs beside the new ones."
        )
        var html = false

        @Option(
            help: ArgumentHelp("Write a JUnit XML report (one test case per cell) to this file.", valueName: "file"))
        var junit: String?

        @Option(
            help: ArgumentHelp(
                "Default relative tolerance (front matter and cell settings still override it).", valueName: "r"))
        var tolerance: Double?

        func validate() throws {
            if let tolerance, !(tolerance >= 0 && tolerance.isFinite) {
                throw ValidationError("--tolerance must be a non-negative number.")
            }
        }

        func run() throws {
            let notebooks = try selection.notebooks()
            let job = CheckJob(
                options: try selection.runOptions(allowErrors: false),
                outputDirectory: selection.outputDirectory,
                tolerance: tolerance.map { Tolerance(relative: $0) } ?? .default,
                update: update, writesPage: html)
            var tally = CheckTally()
            var suites: [JUnitReport.Suite] = []
            JobQueue.run(count: notebooks.count, workers: selection.workerCount(for: notebooks.count)) { index in
                job.check(notebooks[index])
            } deliver: { _, outcome in
                outcome.transcript.flush()
                tally.add(outcome)
                suites.append(outcome.suite)
            }
            Terminal.standardOutput.write(tally.summary + "\n")
            if let junit {
                do {
                    try OutputPaths.createFolder(of: junit)
                    try AtomicFile.save(JUnitReport(suites: suites).xml, to: junit)
                } catch {
                    Terminal.standardError.write("qnb: error: \(error)\n")
                    throw ExitCode(ExitStatus.badInput)
                }
            }
            if tally.status != ExitStatus.success { throw ExitCode(tally.status) }
        }
    }
}

/// What checking one notebook found.
struct CheckOutcome: Sendable {
    var status: Int32
    var transcript: Transcript
    /// The cell results, when the notebook ran and had a snapshot to compare with.
    var comparison: SnapshotComparison?
    var snapshotMissing = false
    var snapshotUpdated = false
    var unreadable = false
    var suite: JUnitReport.Suite
}

/// Checks one notebook against its snapshot.
struct CheckJob: Sendable {
    var options: RunOptions
    var outputDirectory: String
    var tolerance: Tolerance
    var update: Bool
    var writesPage: Bool

    func check(_ file: NotebookFile) -> CheckOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var transcript = Transcript()
        let out = Terminal.standardOutput
        let snapshotPath = OutputPaths.joined(outputDirectory, file.outputName + ".json")
        var outcome = CheckOutcome(
            status: ExitStatus.success, transcript: Transcript(), suite: JUnitReport.Suite(name: file.path))
        func finish(_ status: Int32, _ line: String) -> CheckOutcome {
            transcript.out(line + "\n")
            outcome.status = status
            outcome.transcript = transcript
            return outcome
        }

        // The snapshot first: without one (and without --update) there is nothing to run for.
        var expected: Snapshot?
        var existingText: String?
        if let data = FileManager.default.contents(atPath: snapshotPath) {
            let text = String(decoding: data, as: UTF8.self)
            existingText = text
            do {
                expected = try Snapshot(jsonText: text, path: OutputPaths.display(snapshotPath))
            } catch {
                if !update {
                    outcome.unreadable = true
                    outcome.suite.add(name: "snapshot", error: "\(error)")
                    return finish(ExitStatus.badInput, out.styled("✗", 31) + " \(file.path): \(error)")
                }
            }
        } else if FileManager.default.fileExists(atPath: snapshotPath) {
            outcome.unreadable = true
            let problem = "cannot read '\(OutputPaths.display(snapshotPath))'"
            outcome.suite.add(name: "snapshot", error: problem)
            return finish(ExitStatus.badInput, out.styled("✗", 31) + " \(file.path): \(problem)")
        } else if !update {
            outcome.snapshotMissing = true
            let problem = "no snapshot '\(OutputPaths.display(snapshotPath))' to compare with"
            outcome.suite.add(name: "snapshot", error: problem + " (record one with qnb run or qnb check --update)")
            return finish(
                ExitStatus.missingSnapshot,
                out.styled("?", 33)
                    + " \(file.path): \(problem); record one with `qnb run` or `qnb check --update`")
        }

        guard let notebook = NotebookLoader.load(file, into: &transcript) else {
            outcome.unreadable = true
            outcome.suite.add(name: "notebook", error: "the notebook cannot be read")
            return finish(ExitStatus.badInput, out.styled("✗", 31) + " \(file.path): not checked, it cannot be read")
        }
        let run: NotebookRun
        do {
            run = try NotebookRunner(options: options).run(notebook)
        } catch {
            transcript.err("qnb: error: \(error)\n")
            outcome.unreadable = true
            outcome.suite.add(name: "notebook", error: "\(error)")
            return finish(ExitStatus.badInput, out.styled("✗", 31) + " \(file.path): not checked")
        }
        NotebookLoader.report(run, into: &transcript)
        let actual = Snapshot(run, path: file.path)
        let elapsed = " in " + formatDuration((clock.now - start).milliseconds)

        var comparison: SnapshotComparison?
        if let expected {
            let result = SnapshotComparison(
                expected: expected, actual: actual, notebook: notebook, defaultTolerance: tolerance)
            comparison = result
            outcome.comparison = result
            let printer = CheckPrinter(terminal: .standardOutput)
            transcript.out(printer.report(result, notebook: file.path, snapshot: OutputPaths.display(snapshotPath)))
            outcome.suite = JUnitReport.Suite(file: file.path, comparison: result)
        }

        if update && run.succeeded {
            let text = actual.jsonText()
            if text != existingText {
                do {
                    try OutputPaths.createFolder(of: snapshotPath)
                    try AtomicFile.save(text, to: snapshotPath)
                } catch {
                    transcript.err("qnb: error: \(error)\n")
                    return finish(ExitStatus.badInput, out.styled("✗", 31) + " \(file.path): snapshot not updated")
                }
                outcome.snapshotUpdated = true
                let what = comparison.map { CheckPrinter.verdictSummary($0) } ?? "no valid snapshot before"
                return finish(
                    ExitStatus.success,
                    out.styled("↻", 36)
                        + " \(file.path): \(what); updated \(OutputPaths.display(snapshotPath))\(elapsed)")
            }
        }

        if let comparison, writesPage, !comparison.matches {
            let page = OutputPaths.joined(outputDirectory, file.outputName + ".check.html")
            let review = CheckReview(comparison, snapshot: OutputPaths.display(snapshotPath))
            do {
                try OutputPaths.createFolder(of: page)
                try AtomicFile.save(HTMLPage.render(run, options: RenderOptions(review: review)), to: page)
                transcript.out("  check page: \(OutputPaths.display(page))\n")
            } catch {
                transcript.err("qnb: error: \(error)\n")
            }
        }

        guard let comparison else {
            // --update on a notebook without a valid snapshot that failed: nothing to accept.
            return finish(
                ExitStatus.cellFailed, out.styled("✗", 31) + " \(file.path): failed, snapshot not updated\(elapsed)")
        }
        if comparison.matches {
            return finish(
                ExitStatus.success,
                out.styled("✓", 32) + " \(file.path): \(CheckPrinter.verdictSummary(comparison))\(elapsed)")
        }
        var line = out.styled("✗", 31) + " \(file.path): \(CheckPrinter.verdictSummary(comparison))"
        if update { line += "; snapshot not updated" }
        return finish(ExitStatus.cellFailed, line + elapsed)
    }
}

/// Counts over every notebook of a check, for the closing summary and the exit status.
struct CheckTally {
    var notebooks = 0
    var cells = 0
    var matching = 0
    var differing = 0
    var failed = 0
    var notRun = 0
    var skipped = 0
    var missing = 0
    var unreadable = 0
    var updated = 0
    var notebookDifferences = 0
    var status = ExitStatus.success

    mutating func add(_ outcome: CheckOutcome) {
        notebooks += 1
        status = max(status, outcome.status)
        if outcome.snapshotMissing { missing += 1 }
        if outcome.unreadable { unreadable += 1 }
        if outcome.snapshotUpdated { updated += 1 }
        guard let comparison = outcome.comparison else { return }
        if !comparison.notebookDifferences.isEmpty { notebookDifferences += 1 }
        for cell in comparison.cells {
            cells += 1
            switch cell.verdict {
            case .match: matching += 1
            case .differs: differing += 1
            case .failed: failed += 1
            case .notRun: notRun += 1
            case .skipped: skipped += 1
            }
        }
    }

    /// `12 notebooks, 148 cells: 147 match, 1 differs`
    var summary: String {
        var parts = ["\(matching) match"]
        if differing > 0 { parts.append("\(differing) \(differing == 1 ? "differs" : "differ")") }
        if failed > 0 { parts.append("\(failed) failed") }
        if notRun > 0 { parts.append("\(notRun) not run") }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        var text = "\(plural(notebooks, "notebook")), \(plural(cells, "cell")): " + parts.joined(separator: ", ")
        var notes: [String] = []
        if notebookDifferences > 0 {
            notes.append("\(plural(notebookDifferences, "notebook")) with other differences")
        }
        if missing > 0 { notes.append("\(plural(missing, "snapshot")) missing") }
        if unreadable > 0 { notes.append("\(unreadable) not readable") }
        if updated > 0 { notes.append("\(plural(updated, "snapshot")) updated") }
        if !notes.isEmpty { text += "; " + notes.joined(separator: ", ") }
        return text
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
