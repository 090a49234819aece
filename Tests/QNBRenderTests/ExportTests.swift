import Foundation
import QNBNotebook
import QNBPlot
import QNBScript
import Testing

@testable import QNBRender

/// `qnb run --format md,ipynb`: the prose unchanged, each cell with its outputs.
@Suite struct ExportTests {
    static let source = """
        ---
        title: Export
        description: A notebook to export.
        ---

        Prose with *emphasis*, a [link](https://example.com) and `code`.

        ```swift
        //| label: tbl-one
        let x = 1
        x
        ```

        - a list item
        - another

        ```swift
        //| echo: false
        print("hidden code")
        ```

        ```swift
        //| error: true
        fails()
        ```

        The end.
        """

    static func run() throws -> NotebookRun {
        let notebook = try Notebook.parse(source: source, path: "notebooks/export.md")
        let figure = Figure(series: [.line(XYSeries(x: [0, 1], y: [0, 1], label: "y = x"))], title: "A line")
        let cells = [
            CellRun(cellIndex: 0, status: .succeeded, outputs: [.stream("one\n"), .display(.text("1"))]),
            CellRun(cellIndex: 1, status: .succeeded, outputs: [.display(.figure(.figure(figure)))]),
            CellRun(
                cellIndex: 2, status: .expectedFailure,
                error: .error(
                    "cannot find 'fails' in scope", at: SourceLocation(file: "notebooks/export.md", line: 23, column: 1)
                )),
        ]
        return NotebookRun(notebook: notebook, cells: cells)
    }

    @Test func markdownKeepsTheProseAndFencesTheOutputs() throws {
        let run = try Self.run()
        let markdown = MarkdownExporter.export(run)
        let figure = Figure(series: [.line(XYSeries(x: [0, 1], y: [0, 1], label: "y = x"))], title: "A line")
        let expected = """
            # Export

            A notebook to export.

            Prose with *emphasis*, a [link](https://example.com) and `code`.

            ```swift
            let x = 1
            x
            ```

            ```text
            one
            ```

            ```text
            1
            ```

            - a list item
            - another

            ```text
            \(Graphic.figure(figure).plainText)
            ```

            ```swift
            fails()
            ```

            ```text
            notebooks/export.md:23:1: error: cannot find 'fails' in scope
            ```

            The end.

            """
        #expect(markdown == expected)
    }

    @Test func fencesAreLongerThanAnyBacktickRunInside() {
        #expect(MarkdownExporter.fenced("a ``` b", info: "text") == "````text\na ``` b\n````")
    }

    @Test func jupyterNotebookHasTheDocumentedStructure() throws {
        let text = JupyterExporter.export(try Self.run())
        #expect(text == JupyterExporter.export(try Self.run()))  // deterministic
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["nbformat"] as? Int == 4 && json["nbformat_minor"] as? Int == 5)
        let kernel = (json["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any]
        #expect(kernel?["name"] as? String == "qnb")
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(
            cells.map { $0["cell_type"] as? String ?? "" } == [
                "markdown", "markdown", "code", "markdown", "code", "code", "markdown",
            ])
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == cells.count)
        #expect(
            ids.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        // prose blocks are the Markdown as written
        #expect(
            (cells[1]["source"] as? [String])?.joined()
                == "Prose with *emphasis*, a [link](https://example.com) and `code`.")
        // a code cell: its code without option lines, a stream and a value with plain and HTML forms
        let first = cells[2]
        #expect((first["source"] as? [String])?.joined() == "let x = 1\nx")
        #expect(first["execution_count"] as? Int == 1)
        let outputs = try #require(first["outputs"] as? [[String: Any]])
        #expect(outputs.map { $0["output_type"] as? String } == ["stream", "display_data"])
        let data = try #require(outputs[1]["data"] as? [String: Any])
        #expect((data["text/plain"] as? [String])?.joined() == "1")
        #expect((data["text/html"] as? [String])?.joined().contains("<pre class=\"qnb-text\">1</pre>") == true)
        // a figure carries its SVG and its ASCII form; the hidden code is marked hidden
        let figureData = try #require(((cells[4]["outputs"] as? [[String: Any]])?.first)?["data"] as? [String: Any])
        #expect((figureData["image/svg+xml"] as? [String])?.joined().hasPrefix("<svg") == true)
        #expect(
            ((cells[4]["metadata"] as? [String: Any])?["jupyter"] as? [String: Any])?["source_hidden"] as? Bool == true)
        // an expected failure is an error output
        let error = try #require((cells[5]["outputs"] as? [[String: Any]])?.first)
        #expect(
            error["output_type"] as? String == "error" && error["evalue"] as? String == "cannot find 'fails' in scope")
    }

    /// The exported notebook validates against nbformat's own JSON schema, with the `nbformat`
    /// Python package that `make test` installs into `.build/nbformat-venv` (the test is skipped
    /// without it, and required when `QNB_REQUIRE_NBFORMAT=1`, as `make test` sets).
    @Test func jupyterNotebookValidatesWithNbformat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let python = root.appendingPathComponent(".build/nbformat-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            #expect(
                ProcessInfo.processInfo.environment["QNB_REQUIRE_NBFORMAT"] != "1",
                "make test installs nbformat into .build/nbformat-venv; it is missing")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qnb-export-\(getpid()).ipynb")
        defer { try? FileManager.default.removeItem(at: file) }
        try JupyterExporter.export(try Self.run()).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-c",
            "import sys, nbformat; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print('valid')",
            file.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0 && text.contains("valid"), "\(text)")
    }
}

@Suite struct SiteNavigationTests {
    @Test(arguments: [
        ("a/b", "index", "../index.html"), ("a/b", "a/c", "c.html"), ("a/b", "d/e", "../d/e.html"),
        ("index", "a/b", "a/b.html"), ("x", "y", "y.html"), ("a/b/c", "a/d", "../d.html"),
        // Names are percent-encoded: a notebook named javascript:alert(1).md is a file, not a script.
        ("index", "javascript:alert(1)", "javascript%3Aalert(1).html"),
        ("a/b", "c/d e#f?g%h", "../c/d%20e%23f%3Fg%25h.html"), ("x", "é", "%C3%A9.html"),
    ])
    func relativeLinks(from: String, to: String, expected: String) {
        #expect(SiteNavigation.href(from: from, to: to) == expected)
    }
}
