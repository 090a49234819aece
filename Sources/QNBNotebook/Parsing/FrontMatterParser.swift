import QNBScript
import Yams

/// Finds the YAML front matter at the top of a notebook and reads it with Yams, reporting every
/// problem at its notebook line and column.
struct FrontMatterParser {
    let text: String
    let lines: SourceLines
    let path: String

    /// The lines of the front matter block (both delimiter lines included), `nil` if the notebook
    /// has none. Front matter starts with a `---` line at the very top that is followed by a
    /// non-blank line (a `---` followed by a blank line is a thematic break), and ends at the next
    /// `---` or `...` line.
    func locate() -> Result<ClosedRange<Int>, Diagnostic>? {
        guard let first = lines.content(of: 1, in: text), isDelimiter(first, allowDots: false),
            let second = lines.content(of: 2, in: text),
            !second.allSatisfy({ $0 == " " || $0 == "\t" })
        else { return nil }
        for line in 2...lines.count {
            if let content = lines.content(of: line, in: text), isDelimiter(content, allowDots: true) {
                return .success(1...line)
            }
        }
        return .failure(NotebookProblem.unterminatedFrontMatter.diagnostic(at: location(line: 1, column: 1)))
    }

    /// Reads the YAML between the delimiter lines of `block`.
    func parse(_ block: ClosedRange<Int>) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter(lines: block)
        var diagnostics: [Diagnostic] = []
        let yamlLines = (block.lowerBound + 1)..<block.upperBound
        let yaml = yamlLines.compactMap { lines.content(of: $0, in: text) }.joined(separator: "\n")
        let root: Node?
        do {
            root = try YAMLCoreSchema.compose(yaml)
        } catch {
            return (frontMatter, [yamlDiagnostic(error, firstLine: yamlLines.lowerBound)])
        }
        guard let root else { return (frontMatter, []) }
        guard case .mapping(let mapping) = root else {
            if YAMLCoreSchema.value(of: root) == .null { return (frontMatter, []) }
            let at = location(of: root, firstLine: yamlLines.lowerBound)
            return (frontMatter, [NotebookProblem.frontMatterNotMapping.diagnostic(at: at)])
        }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let keyLocation = location(of: keyNode, firstLine: yamlLines.lowerBound)
            let valueLocation = location(of: value, firstLine: yamlLines.lowerBound)
            let key = keyNode.string ?? ""
            guard seen.insert(key).inserted else {
                diagnostics.append(NotebookProblem.duplicateFrontMatterKey(key).diagnostic(at: keyLocation))
                continue
            }
            func invalid(_ expected: String) {
                let problem = NotebookProblem.invalidFrontMatterValue(
                    key: key, expected: expected, got: Self.describe(value))
                diagnostics.append(problem.diagnostic(at: valueLocation))
            }
            switch key {
            case "title":
                if let text = Self.text(value) { frontMatter.title = text } else { invalid("a string") }
            case "description":
                if let text = Self.text(value) { frontMatter.description = text } else { invalid("a string") }
            case "seed":
                if case .int(let seed) = YAMLCoreSchema.value(of: value), seed >= 0 {
                    frontMatter.seed = seed
                } else {
                    invalid("an integer from 0 to \(Int.max)")
                }
            case "tolerance":
                if let number = Self.positiveNumber(value) {
                    frontMatter.tolerance = number
                } else {
                    invalid("a positive number")
                }
            case "timeout":
                if let number = Self.positiveNumber(value) {
                    frontMatter.timeout = number
                } else {
                    invalid("a positive number of seconds")
                }
            case "params":
                let (params, locations, problems) = parameters(value, firstLine: yamlLines.lowerBound)
                frontMatter.params = params
                frontMatter.parameterLocations = locations
                diagnostics += problems
                if case .mapping = value {
                } else if YAMLCoreSchema.value(of: value) != .null {
                    invalid("a mapping of parameter names to values")
                }
            default:
                let suggestion = Suggestion.closest(to: key, among: FrontMatter.keys)
                diagnostics.append(
                    NotebookProblem.unknownFrontMatterKey(key).diagnostic(
                        at: keyLocation,
                        notes: suggestion.map { [Diagnostic.Note(message: "did you mean '\($0)'?")] } ?? []))
            }
        }
        return (frontMatter, diagnostics)
    }

    private func parameters(
        _ node: Node, firstLine: Int
    ) -> ([String: NotebookParameter], [String: SourceLocation], [Diagnostic]) {
        guard case .mapping(let mapping) = node else { return ([:], [:], []) }
        var params: [String: NotebookParameter] = [:]
        var locations: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let name = keyNode.string ?? ""
            let at = location(of: keyNode, firstLine: firstLine)
            guard Self.isIdentifier(name) else {
                diagnostics.append(NotebookProblem.invalidParameterName(name).diagnostic(at: at))
                continue
            }
            guard seen.insert(name).inserted else {
                diagnostics.append(NotebookProblem.duplicateFrontMatterKey("params.\(name)").diagnostic(at: at))
                continue
            }
            guard let parameter = NotebookParameter(yaml: value) else {
                let problem = NotebookProblem.invalidParameterValue(name: name, got: Self.describe(value))
                diagnostics.append(problem.diagnostic(at: location(of: value, firstLine: firstLine)))
                continue
            }
            params[name] = parameter
            locations[name] = at
        }
        return (params, locations, diagnostics)
    }

    // MARK: Values

    /// Strings, and plain scalars YAML would read as numbers or booleans (`title: 2024`), as text.
    private static func text(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, YAMLCoreSchema.value(of: scalar) != .null else { return nil }
        return scalar.string
    }

    private static func positiveNumber(_ node: Node) -> Double? {
        guard let value = YAMLCoreSchema.value(of: node)?.number, value.isFinite, value > 0
        else { return nil }
        return value
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    /// A short rendering of a YAML value for messages: a scalar quoted, else its kind.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "\"\(scalar.string)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    // MARK: Locations

    private func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var content = line
        while let last = content.last, last == " " || last == "\t" { content.removeLast() }
        return content == "---" || (allowDots && content == "...")
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The notebook location of a Yams mark in the YAML that starts on notebook line `firstLine`.
    private func location(mark: Mark?, firstLine: Int) -> SourceLocation {
        guard let mark else { return location(line: max(1, firstLine - 1), column: 1) }
        let line = firstLine + mark.line - 1
        let column = lines.content(of: line, in: text).map { $0.utf8Column(ofScalarColumn: mark.column) } ?? mark.column
        return location(line: line, column: column)
    }

    private func location(of node: Node, firstLine: Int) -> SourceLocation {
        location(mark: node.mark, firstLine: firstLine)
    }

    private func yamlDiagnostic(_ error: any Error, firstLine: Int) -> Diagnostic {
        let problem: String
        let mark: Mark?
        switch error as? YamlError {
        case .scanner(let context, let text, let at, _), .parser(let context, let text, let at, _),
            .composer(let context, let text, let at, _):
            problem = context.map { "\(text) (\($0.text))" } ?? text
            mark = at
        case .duplicatedKeysInMapping(let duplicates, let context):
            problem = "duplicate key '\(duplicates.joined(separator: "', '"))'"
            mark = context.mark
        case .reader(let text, _, _, _):
            problem = text
            mark = nil
        default:
            problem = String(describing: error)
            mark = nil
        }
        return NotebookProblem.invalidFrontMatterYAML(problem: problem).diagnostic(
            at: location(mark: mark, firstLine: firstLine))
    }
}
