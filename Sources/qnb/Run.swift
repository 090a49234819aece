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
                `qnb run notebooks`, becomes OUTPUT-DIR/a/b.html), with OUTPUT-DIR/index.html \
                listing them. A folder's README.md is not run: it gives the reading order of the \
                index and of the previous/next links (the notebooks it links to, in order, under \
                its headings; then the others, in path order). Beside each page, a run \
                without unexpected errors records the snapshot OUTPUT-DIR/NAME.json: every \
                cell's outputs, numbers kept as numbers, for `qnb check`.

                Several notebooks run in parallel (--jobs); each one's messages are printed \
                together when it is done, in path order.
                """
        )

        @OptionGroup var selection: NotebookSelection

        @Flag(help: "Run the remaining cells after a cell fails (the exit status is still 1).")
        var allowErrors = false

        @Option(
            help: ArgumentHelp(
                "What to write for each notebook, comma-separated: html (the page), md (GitHub Markdown with the "
                    + "outputs in text blocks), ipynb (a Jupyter notebook with its outputs).",
                valueName: "formats"))
        var format: String = "html"

        func validate() throws {
            _ = try ExportFormat.parse(format)
        }

        @Flag(help: "Print how long loading, each cell, rendering and writing took (to standard error).")
        var timings = false

        @Flag(
            name: [.customShort("v"), .customLong("verbose")],
            help: "Print every cell's outputs as text (figures in ASCII), as the cells produce them.")
        var verbose = false

        @Flag(
            name: .customLong("unsafe-html"),
            help: "Keep raw HTML written in the prose (dropped by default). Only for notebooks from trusted authors.")
        var unsafeHTML = false

        func run() throws {
            let notebooks = try selection.notebooks()
            let job = RunJob(
                options: try selection.runOptions(allowErrors: allowErrors),
                outputDirectory: selection.outputDirectory, timings: timings, verbose: verbose,
                formats: try ExportFormat.parse(format), unsafeHTML: unsafeHTML)
            // A folder is a site: an index page, and every page linked to it and its neighbours in
            // reading order (the folder's README.md, then path order). A notebook given as a file
            // is linked within its own folder's site, so that its page is the same however it is
            // produced (the index is written by running the folder).
            let site = selection.shard == nil ? Site(selection.paths, notebooks) : nil
            let navigation = site == nil ? Site.navigationWithinFolders(notebooks) : [:]
            if let site {
                // The README's problems as a reading order are warnings: the site is still written.
                var printer = DiagnosticPrinter()
                if let readme = site.readme { printer.sources[readme.path] = readme.source }
                for warning in site.warnings { printer.print(warning) }
                let index = OutputPaths.joined(selection.outputDirectory, "index.html")
                do {
                    try OutputPaths.createFolder(of: index)
                    try AtomicFile.save(site.indexPage(), to: index)
                } catch {
                    Terminal.standardError.write("qnb: error: \(error)\n")
                    throw ExitCode(ExitStatus.badInput)
                }
            }
            var status = ExitStatus.success
            JobQueue.run(count: notebooks.count, workers: selection.workerCount(for: notebooks.count)) { index in
                job.run(
                    notebooks[index],
                    navigation: site?.navigation(for: notebooks[index]) ?? navigation[notebooks[index].path])
            } deliver: { _, result in
                result.transcript.flush()
                status = max(status, result.status)
            }
            if status != ExitStatus.success { throw ExitCode(status) }
        }
    }
}

/// Runs one notebook, writes its page and snapshot, and describes what happened.
struct RunJob: Sendable {
    var options: RunOptions
    var outputDirectory: String
    var timings: Bool
    var verbose = false
    var formats: Set<ExportFormat> = [.html]
    /// Raw HTML in the prose is kept (`--unsafe-html`).
    var unsafeHTML = false

    struct Outcome: Sendable {
        var status: Int32
        var transcript: Transcript
    }

    func run(_ file: NotebookFile, navigation: SiteNavigation? = nil) -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        var transcript = Transcript()
        var stages = StageTimings(clock: clock, start: start)

        guard let notebook = NotebookLoader.load(file, into: &transcript) else {
            return Outcome(status: ExitStatus.badInput, transcript: transcript)
        }
        stages.lap("load and parse")

        let run: NotebookRun
        do {
            run = try NotebookRunner(options: options).run(notebook) { cell, _, duration in
                stages.add("cell \(cell.index + 1) (line \(cell.fenceLine))", duration)
            }
        } catch {
            transcript.err("qnb: error: \(error)\n")
            return Outcome(status: ExitStatus.badInput, transcript: transcript)
        }
        stages.lap("session set-up")
        if verbose { transcript.out(Self.outputText(of: run, path: file.path)) }
        NotebookLoader.report(run, into: &transcript)

        let renderOptions = RenderOptions(allowUnsafeHTML: unsafeHTML, navigation: navigation)
        let rendered = formats.contains(.html) ? HTMLPage.renderPage(run, options: renderOptions) : nil
        let page = rendered?.html
        if let rendered { NotebookLoader.report(rendered.warnings, of: run.notebook, into: &transcript) }
        stages.lap("render page")
        let destination = OutputPaths.joined(outputDirectory, file.outputName + ".html")
        do {
            try OutputPaths.createFolder(of: destination)
            if let page { try AtomicFile.save(page, to: destination) }
            if formats.contains(.markdown) {
                try AtomicFile.save(
                    MarkdownExporter.export(run), to: OutputPaths.joined(outputDirectory, file.outputName + ".md"))
            }
            if formats.contains(.jupyter) {
                try AtomicFile.save(
                    JupyterExporter.export(run), to: OutputPaths.joined(outputDirectory, file.outputName + ".ipynb"))
            }
            // Files the cells saved go to OUTPUT-DIR/NAME/, each written whole or not at all.
            for cell in run.cells {
                for case .file(let saved) in cell.outputs {
                    let path = OutputPaths.joined(outputDirectory, file.outputName + "/" + saved.name)
                    try OutputPaths.createFolder(of: path)
                    try AtomicFile.save(saved.bytes, to: path)
                }
            }
            // The snapshot records what the notebook produced for `qnb check`; a run with an
            // unexpected failure leaves the last good snapshot alone.
            if run.succeeded {
                try AtomicFile.save(
                    Snapshot(run, path: file.path).jsonText(), to: OutputPaths.snapshot(forPage: destination))
            }
        } catch {
            transcript.err("qnb: error: \(error)\n")
            return Outcome(status: ExitStatus.badInput, transcript: transcript)
        }

        stages.lap("write page")
        let elapsed = clock.now - start
        transcript.out(summary(of: run, file: file, page: OutputPaths.display(destination), elapsed: elapsed) + "\n")
        if timings { transcript.err(stages.report(title: file.path, total: elapsed)) }
        return Outcome(status: run.succeeded ? ExitStatus.success : ExitStatus.cellFailed, transcript: transcript)
    }

    /// Each cell's outputs in their text form under a `[3] notebooks/x.md:59` heading.
    static func outputText(of run: NotebookRun, path: String) -> String {
        var text = ""
        for cell in run.notebook.cells {
            guard let cellRun = run.run(of: cell), !cellRun.outputs.isEmpty else { continue }
            text += Terminal.standardOutput.styled("[\(cell.number)] \(path):\(cell.fenceLine)", 36) + "\n"
            for output in cellRun.outputs {
                var output = Snapshot.Output(output).text
                if !output.hasSuffix("\n") { output += "\n" }
                text += output
            }
            text += "\n"
        }
        return text
    }

    func summary(of run: NotebookRun, file: NotebookFile, page: String, elapsed: Duration) -> String {
        let out = Terminal.standardOutput
        let executed = run.cells.filter { $0.status != .notRun && $0.status != .skipped }.count
        let failed = run.cells.filter { $0.status == .failed }.count
        let notRun = run.cells.filter { $0.status == .notRun }.count
        var text = run.succeeded ? out.styled("✓", 32) : out.styled("✗", 31)
        text += " \(file.path): \(executed) \(executed == 1 ? "cell" : "cells") run"
        if failed > 0 { text += ", \(failed) failed" }
        let failedValues = run.inlineValues.filter { $0.status == .failed }.count
        if failedValues > 0 { text += ", \(failedValues) inline \(failedValues == 1 ? "value" : "values") failed" }
        if notRun > 0 { text += ", \(notRun) not run" }
        text += " in \(formatDuration(elapsed.milliseconds)) → \(page)"
        return text
    }
}

/// Loading a notebook and reporting its diagnostics, as `run` and `check` both do.
enum NotebookLoader {
    /// The notebook, with its warnings printed; `nil` after printing why it cannot be read.
    static func load(_ file: NotebookFile, into transcript: inout Transcript) -> Notebook? {
        var printer = DiagnosticPrinter()
        do {
            let notebook = try Notebook.load(path: file.path)
            printer.sources[file.path] = notebook.source
            for warning in notebook.warnings { transcript.err(printer.format(warning)) }
            return notebook
        } catch {
            if let source = error.source { printer.sources[file.path] = source }
            for diagnostic in error.diagnostics { transcript.err(printer.format(diagnostic)) }
            if error.diagnostics.isEmpty { transcript.err("qnb: error: \(error)\n") }
            return nil
        }
    }

    /// Warnings about the notebook found while rendering its page, with their source lines.
    static func report(_ warnings: [Diagnostic], of notebook: Notebook, into transcript: inout Transcript) {
        guard !warnings.isEmpty else { return }
        var printer = DiagnosticPrinter()
        printer.sources[notebook.path] = notebook.source
        for warning in warnings { transcript.err(printer.format(warning)) }
    }

    /// The cells' warnings and unexpected errors, with their source lines.
    static func report(_ run: NotebookRun, into transcript: inout Transcript) {
        var printer = DiagnosticPrinter()
        printer.sources[run.notebook.path] = run.notebook.source
        // Cells and prose values in document order, so errors print top to bottom.
        var diagnostics: [Diagnostic] = []
        for cell in run.cells {
            diagnostics += cell.warnings
            if cell.status == .failed, let error = cell.error { diagnostics.append(error) }
        }
        for value in run.inlineValues where value.status == .failed {
            if let error = value.error { diagnostics.append(error) }
        }
        for diagnostic in diagnostics.sortedBySourceLocation() { transcript.err(printer.format(diagnostic)) }
    }
}

extension OutputPaths {
    /// `output/a/b.json` for the page `output/a/b.html`.
    static func snapshot(forPage page: String) -> String {
        String(page.dropLast(".html".count)) + ".json"
    }
}

extension Snapshot {
    /// The snapshot of `run`, naming the notebook by `path` relative to the current folder.
    init(_ run: NotebookRun, path: String) {
        self.init(run)
        notebook = OutputPaths.display(path)
    }
}

/// The files `qnb run` can write for a notebook.
enum ExportFormat: String, CaseIterable, Sendable {
    case html
    case markdown = "md"
    case jupyter = "ipynb"

    /// `html,md,ipynb` → the set; an unknown name is a validation error naming the choices.
    static func parse(_ text: String) throws -> Set<ExportFormat> {
        var formats: Set<ExportFormat> = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = ExportFormat(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; choose from html, md, ipynb (comma-separated)")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else { throw ValidationError("--format needs at least one of html, md, ipynb") }
        return formats
    }
}
