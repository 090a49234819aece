import ArgumentParser
import Foundation
import QNBNotebook
import QNBRender
import QNBScript

extension QNB {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute notebooks and write one self-contained HTML page for each.",
            discussion: """
                Cells run top to bottom in one shared environment. The first cell that fails \
                stops the notebook: the remaining cells are shown as not run, the page is still \
                written, and qnb exits with status 1. Errors are printed as \
                path:line:column: error: message, with the source line.

                A notebook given as a file is written to OUTPUT-DIR/NAME.html; the notebooks \
                found in a folder keep their layout below it (notebooks/a/b.md, run as \
                `qnb run notebooks`, becomes OUTPUT-DIR/a/b.html). Beside each page, a run \
                without unexpected errors records the snapshot OUTPUT-DIR/NAME.json: every \
                cell's outputs, numbers kept as numbers, for `qnb check`.
                """
        )

        @Argument(help: "Notebook files (.md) or folders; a folder means every *.md file in it, recursively.")
        var paths: [String]

        @Option(name: .customLong("output-dir"), help: "Folder for the pages.")
        var outputDirectory = "output"

        @Flag(help: "Run the remaining cells after a cell fails (the exit status is still 1).")
        var allowErrors = false

        @Option(
            name: [.customShort("p"), .customLong("param")],
            help: ArgumentHelp("Override a front matter parameter.", valueName: "name=value")
        )
        var parameters: [String] = []

        @Flag(help: "Print how long loading, each cell, rendering and writing took (to standard error).")
        var timings = false

        @Option(
            help: ArgumentHelp(
                "Time limit per cell in seconds (default: the notebook's, else 60).", valueName: "seconds"))
        var timeout: Double?

        func validate() throws {
            if paths.isEmpty {
                throw ValidationError("Give at least one notebook file or folder.")
            }
            if let timeout, !(timeout > 0 && timeout.isFinite) {
                throw ValidationError("--timeout must be a positive number of seconds.")
            }
            _ = try parsedParameters()
        }

        func parsedParameters() throws -> [String: NotebookParameter] {
            var result: [String: NotebookParameter] = [:]
            for text in parameters {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    throw ValidationError("-p expects name=value, got '\(text)'.")
                }
                let name = String(text[..<equals])
                result[name] = NotebookParameter(parsing: String(text[text.index(after: equals)...]))
            }
            return result
        }

        func run() throws {
            let notebooks: [NotebookFile]
            do {
                notebooks = try NotebookDiscovery.find(paths)
            } catch {
                Terminal.standardError.write("qnb: error: \(error.message)\n")
                throw ExitCode(ExitStatus.badInput)
            }
            let options = RunOptions(allowErrors: allowErrors, parameters: try parsedParameters(), timeout: timeout)
            var status = ExitStatus.success
            for file in notebooks {
                status = max(status, runOne(file, options: options))
            }
            if status != ExitStatus.success { throw ExitCode(status) }
        }

        /// Runs one notebook, writes its page and prints its summary; returns its exit status.
        func runOne(_ file: NotebookFile, options: RunOptions) -> Int32 {
            let clock = ContinuousClock()
            let start = clock.now
            var printer = DiagnosticPrinter()
            let stderr = Terminal.standardError
            var stages = StageTimings(clock: clock, start: start)

            let notebook: Notebook
            do {
                let loaded = try Notebook.load(path: file.path)
                printer.sources[file.path] = loaded.source
                notebook = loaded
            } catch {
                if let source = error.source { printer.sources[file.path] = source }
                for diagnostic in error.diagnostics { printer.print(diagnostic) }
                if error.diagnostics.isEmpty { stderr.write("qnb: error: \(error)\n") }
                return ExitStatus.badInput
            }
            for warning in notebook.warnings { printer.print(warning) }
            stages.lap("load and parse")

            let run: NotebookRun
            do {
                run = try NotebookRunner(options: options).run(notebook) { cell, _, duration in
                    stages.add("cell \(cell.index + 1) (line \(cell.fenceLine))", duration)
                }
            } catch {
                stderr.write("qnb: error: \(error)\n")
                return ExitStatus.badInput
            }
            stages.lap("session set-up")
            for cell in run.cells {
                for warning in cell.warnings { printer.print(warning) }
                if cell.status == .failed, let error = cell.error { printer.print(error) }
            }

            let page = HTMLPage.render(run)
            stages.lap("render page")
            let destination = joinedPath(outputDirectory, file.outputName + ".html")
            do {
                if let slash = destination.lastIndex(of: "/"), slash != destination.startIndex {
                    try FileManager.default.createDirectory(
                        atPath: String(destination[..<slash]), withIntermediateDirectories: true)
                }
            } catch {
                stderr.write(
                    "qnb: error: cannot create the folder of '\(destination)': \(error.localizedDescription)\n")
                return ExitStatus.badInput
            }
            do {
                try AtomicFile.save(page, to: destination)
                // The snapshot records what the notebook produced for `qnb check`; a run with an
                // unexpected failure leaves the last good snapshot alone.
                if run.succeeded {
                    var snapshot = Snapshot(run)
                    snapshot.notebook = displayPath(file.path)
                    try AtomicFile.save(snapshot.jsonText(), to: snapshotPath(forPage: destination))
                }
            } catch {
                stderr.write("qnb: error: \(error)\n")
                return ExitStatus.badInput
            }

            stages.lap("write page")
            let elapsed = clock.now - start
            print(summary(of: run, file: file, page: displayPath(destination), elapsed: elapsed))
            if timings { stderr.write(stages.report(title: file.path, total: elapsed)) }
            return run.cells.contains { $0.status == .failed } ? ExitStatus.cellFailed : ExitStatus.success
        }

        func summary(of run: NotebookRun, file: NotebookFile, page: String, elapsed: Duration) -> String {
            let out = Terminal.standardOutput
            let executed = run.cells.filter { $0.status != .notRun && $0.status != .skipped }.count
            let failed = run.cells.filter { $0.status == .failed }.count
            let notRun = run.cells.filter { $0.status == .notRun }.count
            var text = failed == 0 ? out.styled("✓", 32) : out.styled("✗", 31)
            text += " \(file.path): \(executed) \(executed == 1 ? "cell" : "cells") run"
            if failed > 0 { text += ", \(failed) failed" }
            if notRun > 0 { text += ", \(notRun) not run" }
            text += " in \(formatDuration(elapsed.milliseconds)) → \(page)"
            return text
        }

        /// `folder/name` with one slash between them and no leading `./`.
        func joinedPath(_ folder: String, _ name: String) -> String {
            var folder = Substring(folder)
            while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
            while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
            if folder.isEmpty || folder == "." { return name }
            return folder.hasSuffix("/") ? folder + name : folder + "/" + name
        }

        /// `output/a/b.json` for the page `output/a/b.html`.
        func snapshotPath(forPage page: String) -> String {
            String(page.dropLast(".html".count)) + ".json"
        }

        /// An absolute path inside the current folder shown relative to it.
        func displayPath(_ path: String) -> String {
            guard path.hasPrefix("/") else { return path }
            let current = FileManager.default.currentDirectoryPath + "/"
            return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
        }
    }
}
