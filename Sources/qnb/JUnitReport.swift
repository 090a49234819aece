import QNBNotebook

/// A JUnit XML report of a check, the format CI systems (GitHub Actions reporters, GitLab,
/// Jenkins) display: one test suite per notebook, one test case per cell. A differing cell is a
/// `failure` carrying its diff, an unexpected error an `error`, a cell not compared `skipped`.
/// No times, so the report of an unchanged library is the same file every run.
struct JUnitReport {
    struct Suite: Sendable {
        var name: String
        var cases: [Case] = []

        init(name: String) {
            self.name = name
        }

        init(file: String, comparison: SnapshotComparison) {
            self.init(name: file)
            let printer = CheckPrinter(terminal: .plain)
            for difference in comparison.notebookDifferences {
                cases.append(Case(name: "notebook", file: file, line: nil, result: .failure("differs", difference)))
            }
            for cell in comparison.cells {
                let name = "cell \(cell.cell) (line \(cell.line))" + (cell.label.map { " \($0)" } ?? "")
                let result: Case.Result
                switch cell.verdict {
                case .match: result = .passed
                case .differs:
                    result = .failure(
                        "cell \(cell.cell) differs", printer.report(cell, notebook: file, snapshot: "snapshot"))
                case .failed:
                    let message = cell.error?.message ?? "failed"
                    let location = cell.error.map { "\(file):\($0.line):\($0.column): error: \($0.message)" } ?? message
                    result = .error(message, location)
                case .notRun: result = .skipped("not run: an earlier cell failed")
                case .skipped(let reason): result = .skipped(reason)
                }
                cases.append(Case(name: name, file: file, line: cell.line, result: result))
            }
        }

        mutating func add(name: String, error: String) {
            cases.append(Case(name: name, file: self.name, line: nil, result: .error(error, error)))
        }
    }

    struct Case: Sendable {
        enum Result: Sendable {
            case passed
            case failure(String, String)
            case error(String, String)
            case skipped(String)
        }

        var name: String
        var file: String
        var line: Int?
        var result: Result
    }

    var suites: [Suite]

    var xml: String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let all = suites.flatMap(\.cases)
        text += "<testsuites name=\"qnb check\"\(Self.counts(all))>\n"
        for suite in suites {
            text += "  <testsuite name=\"\(Self.escape(suite.name))\"\(Self.counts(suite.cases))>\n"
            for test in suite.cases {
                var attributes = "name=\"\(Self.escape(test.name))\" classname=\"\(Self.escape(suite.name))\""
                attributes += " file=\"\(Self.escape(test.file))\""
                if let line = test.line { attributes += " line=\"\(line)\"" }
                switch test.result {
                case .passed:
                    text += "    <testcase \(attributes)/>\n"
                case .failure(let message, let body):
                    text += "    <testcase \(attributes)>\n"
                    text += "      <failure message=\"\(Self.escape(message))\" type=\"mismatch\">"
                    text += Self.escape(body, attribute: false) + "</failure>\n    </testcase>\n"
                case .error(let message, let body):
                    text += "    <testcase \(attributes)>\n"
                    text += "      <error message=\"\(Self.escape(message))\" type=\"error\">"
                    text += Self.escape(body, attribute: false) + "</error>\n    </testcase>\n"
                case .skipped(let message):
                    text += "    <testcase \(attributes)>\n"
                    text += "      <skipped message=\"\(Self.escape(message))\"/>\n    </testcase>\n"
                }
            }
            text += "  </testsuite>\n"
        }
        return text + "</testsuites>\n"
    }

    private static func counts(_ cases: [Case]) -> String {
        var failures = 0
        var errors = 0
        var skipped = 0
        for test in cases {
            switch test.result {
            case .passed: break
            case .failure: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
        return " tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
    }

    /// Text for an XML attribute or element: markup characters escaped, and the characters
    /// XML 1.0 cannot contain at all (most control characters) written as `\u{…}`.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r":
                if attribute { result += "&#\(scalar.value);" } else { result.unicodeScalars.append(scalar) }
            default:
                let value = scalar.value
                if value < 0x20 || (0xFFFE...0xFFFF).contains(value) {
                    result += "\\u{\(String(value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
