import QNBScript
import Yams

/// Reads the `//| key: value` lines at the top of a cell. Values are YAML scalars (read with
/// Yams), so `true`, `1e-4`, `"quoted: text"` and trailing `# comments` mean what they mean in
/// front matter.
struct CellOptionsParser {
    struct Result {
        var options = CellOptions()
        /// How many lines at the top of the cell are option lines.
        var lineCount = 0
        /// Where the `label` key is written, for duplicate-label errors.
        var labelLocation: SourceLocation?
        var diagnostics: [Diagnostic] = []
    }

    let origin: SourceOrigin

    func parse(_ source: String) -> Result {
        var result = Result()
        var firstLines: [String: Int] = [:]
        for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let utf8 = Array(line.utf8)
            var index = 0
            while index < utf8.count, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\t") {
                index += 1
            }
            guard utf8[index...].starts(with: Array("//|".utf8)) else { break }
            result.lineCount = offset + 1
            index += 3
            skipSpaces(utf8, &index)
            guard index < utf8.count else { continue }  // a bare `//|` line
            let notebookLine = origin.line + offset
            let keyStart = index
            guard let colon = utf8[keyStart...].firstIndex(of: UInt8(ascii: ":")) else {
                result.diagnostics.append(problem(.malformedCellOptionLine, line: notebookLine, index: keyStart))
                continue
            }
            let key = String(decoding: utf8[keyStart..<colon], as: UTF8.self)
                .trimmingBlanks()
            guard !key.isEmpty else {
                result.diagnostics.append(problem(.malformedCellOptionLine, line: notebookLine, index: keyStart))
                continue
            }
            guard CellOptions.keys.contains(key) else {
                let notes =
                    Suggestion.closest(to: key, among: CellOptions.keys).map {
                        [Diagnostic.Note(message: "did you mean '\($0)'?")]
                    } ?? []
                result.diagnostics.append(
                    NotebookProblem.unknownCellOption(key).diagnostic(
                        at: location(line: notebookLine, index: keyStart), notes: notes))
                continue
            }
            if let first = firstLines[key] {
                let duplicate = NotebookProblem.duplicateCellOption(key, firstLine: first)
                result.diagnostics.append(problem(duplicate, line: notebookLine, index: keyStart))
                continue
            }
            firstLines[key] = notebookLine
            var valueStart = colon + 1
            skipSpaces(utf8, &valueStart)
            let valueText = String(decoding: utf8[valueStart...], as: UTF8.self)
            let valueLocation = location(line: notebookLine, index: valueStart)
            if key == "label" { result.labelLocation = location(line: notebookLine, index: keyStart) }
            if let problem = apply(key: key, valueText: valueText, to: &result.options) {
                result.diagnostics.append(problem.diagnostic(at: valueLocation))
            }
        }
        return result
    }

    /// Sets option `key` from its value text; the problem if the value does not fit.
    private func apply(key: String, valueText: String, to options: inout CellOptions) -> NotebookProblem? {
        let node: Node?
        do {
            node = try YAMLCoreSchema.compose(valueText)
        } catch {
            node = nil
        }
        let shown = valueText.trimmingBlanks()
        func invalid(_ expected: String) -> NotebookProblem {
            .invalidCellOptionValue(key: key, expected: expected, got: shown)
        }
        var scalar: Node.Scalar? = nil
        if let node, case .scalar(let value) = node, YAMLCoreSchema.value(of: value) != .null { scalar = value }
        let value = node.flatMap(YAMLCoreSchema.value(of:))
        var bool: Bool? = nil
        if case .bool(let flag) = value { bool = flag }
        let number = value?.number
        switch key {
        case "echo", "output", "fold", "check":
            guard let bool else { return invalid("true or false") }
            switch key {
            case "echo": options.echo = bool
            case "output": options.output = bool
            case "fold": options.fold = bool
            default: options.check = bool
            }
        case "error":
            if let bool {
                options.error = bool ? CellOptions.ErrorExpectation() : nil
            } else if case .string(let text) = value, !text.isEmpty {
                options.error = CellOptions.ErrorExpectation(expectedMessage: text)
            } else {
                return invalid("true, false or a quoted part of the expected message")
            }
        case "timeout", "tolerance":
            guard let number, number.isFinite, number > 0 else {
                return invalid(key == "timeout" ? "a positive number of seconds" : "a positive number")
            }
            if key == "timeout" { options.timeout = number } else { options.tolerance = number }
        case "label":
            guard let scalar, Self.isLabel(scalar.string) else {
                return invalid("a label of letters, digits, '-' and '_' such as 'fig-hist' or 'tbl-sweep'")
            }
            options.label = scalar.string
        case "caption":
            guard let scalar else {
                if shown.hasPrefix("\""), shown.contains("\\") {
                    return invalid(
                        "a string; in double quotes a backslash starts an escape such as \\n or \\\\, "
                            + "so write text with backslashes in single quotes")
                }
                return invalid("a string (quote it if it contains ': ' or starts with a special character)")
            }
            options.caption = scalar.string
        default:
            break
        }
        return nil
    }

    /// Labels start with a letter and continue with letters, digits, `-` and `_`.
    static func isLabel(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
    }

    private func skipSpaces(_ utf8: [UInt8], _ index: inout Int) {
        while index < utf8.count, utf8[index] == UInt8(ascii: " ") || utf8[index] == UInt8(ascii: "\t") {
            index += 1
        }
    }

    /// The notebook location of byte `index` (0-based) of a cell line on notebook line `line`.
    private func location(line: Int, index: Int) -> SourceLocation {
        SourceLocation(file: origin.file, line: line, column: origin.columnOffset + index + 1)
    }

    private func problem(_ problem: NotebookProblem, line: Int, index: Int) -> Diagnostic {
        problem.diagnostic(at: location(line: line, index: index))
    }
}
