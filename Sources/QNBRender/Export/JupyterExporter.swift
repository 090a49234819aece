import Foundation
import QNBNotebook
import QNBPlot
import QNBScript

/// A notebook run as a Jupyter notebook (nbformat 4.5): one Markdown cell per prose block, one
/// code cell per qnb cell with its outputs — streams, values as `text/plain` and `text/html`,
/// figures as `image/svg+xml` with their ASCII form as `text/plain`, errors as error outputs.
/// Cell ids are deterministic (`markdown-N`, `cell-N`) and keys are sorted, so the same run gives
/// the same bytes. The kernelspec names qnb: Jupyter shows the notebook with its outputs; running
/// it there needs a qnb kernel, which qnb does not provide.
public enum JupyterExporter {
    public static func export(_ run: NotebookRun) -> String {
        var cells: [JSONValue] = []
        var markdownCount = 0
        let notebook = run.notebook
        if !notebook.hasLevelOneHeading {
            markdownCount += 1
            let title = "# " + run.title + (notebook.frontMatter.description.map { "\n\n" + $0 } ?? "")
            cells.append(markdownCell(title, id: "markdown-\(markdownCount)"))
        }
        for segment in NotebookSegment.split(run) {
            switch segment {
            case .prose(let text):
                markdownCount += 1
                cells.append(markdownCell(text, id: "markdown-\(markdownCount)"))
            case .cell(let cell, let cellRun):
                cells.append(codeCell(cell, cellRun))
            }
        }
        let document: JSONValue = .object([
            "cells": .array(cells),
            "metadata": .object([
                "kernelspec": .object([
                    "display_name": .string("qnb (Swift)"), "language": .string("swift"), "name": .string("qnb"),
                ]),
                "language_info": .object([
                    "file_extension": .string(".swift"), "mimetype": .string("text/x-swift"), "name": .string("swift"),
                ]),
                "qnb": .object(["source": .string(notebook.path), "title": .string(run.title)]),
            ]),
            "nbformat": .int(4),
            "nbformat_minor": .int(5),
        ])
        return document.text + "\n"
    }

    static func markdownCell(_ text: String, id: String) -> JSONValue {
        .object([
            "cell_type": .string("markdown"), "id": .string(id), "metadata": .object([:]), "source": lines(text),
        ])
    }

    static func codeCell(_ cell: Cell, _ cellRun: CellRun?) -> JSONValue {
        var outputs: [JSONValue] = []
        if let cellRun, cell.options.output {
            var renderer = OutputRenderer(figurePrefix: "cell-\(cell.number)-fig")
            for output in cellRun.outputs {
                switch output {
                case .stream(let text):
                    outputs.append(
                        .object(["name": .string("stdout"), "output_type": .string("stream"), "text": lines(text)]))
                case .display(let display):
                    var data: [String: JSONValue] = ["text/plain": lines(display.plainText)]
                    var writer = HTMLWriter()
                    renderer.render(display, into: &writer)
                    data["text/html"] = lines(writer.html)
                    if case .figure(let graphic) = display {
                        data["image/svg+xml"] = lines(SVGRenderer.render(graphic, id: "cell-\(cell.number)-svg"))
                    }
                    outputs.append(
                        .object([
                            "data": .object(data), "metadata": .object([:]), "output_type": .string("display_data"),
                        ]))
                case .file:
                    outputs.append(
                        .object([
                            "name": .string("stdout"), "output_type": .string("stream"),
                            "text": lines(output.plainText + "\n"),
                        ]))
                }
            }
            if let error = cellRun.error {
                outputs.append(
                    .object([
                        "ename": .string(cellRun.status == .expectedFailure ? "ExpectedError" : "Error"),
                        "evalue": .string(error.message), "output_type": .string("error"),
                        "traceback": .array([.string(error.description)]),
                    ]))
            }
        }
        let executed = cellRun?.status.hasRun ?? false
        return .object([
            "cell_type": .string("code"),
            "execution_count": executed ? .int(cell.number) : .null,
            "id": .string("cell-\(cell.number)"),
            "metadata": .object(cell.options.echo ? [:] : ["jupyter": .object(["source_hidden": .bool(true)])]),
            "outputs": .array(outputs),
            "source": lines(cell.displayedCode),
        ])
    }

    /// Jupyter's multi-line string: a list of lines, each but the last ending in `\n`.
    static func lines(_ text: String) -> JSONValue {
        var result: [JSONValue] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                result.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { result.append(.string(current)) }
        return .array(result)
    }
}

/// A JSON document with object keys in sorted order and two-space indentation.
indirect enum JSONValue: Encodable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case bool(Bool)
    case null

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .object(let members): try container.encode(members)
        case .array(let elements): try container.encode(elements)
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and containers of them always encode.
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
