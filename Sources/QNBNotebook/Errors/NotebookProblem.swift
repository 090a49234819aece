import QNBScript

/// Everything the notebook parser can report, one case per problem, each with its message.
/// Turned into located `Diagnostic`s with `diagnostic(at:)`.
public enum NotebookProblem: Hashable, Sendable {
    case unreadableFile(reason: String)
    /// A notebook larger than `Notebook.maximumSize`.
    case tooLarge(limit: Int)
    case invalidUTF8(line: Int, column: Int)
    case unterminatedFrontMatter
    case invalidFrontMatterYAML(problem: String)
    case frontMatterNotMapping
    case unknownFrontMatterKey(String)
    case duplicateFrontMatterKey(String)
    /// `expected` completes "must be …", e.g. "a non-negative integer"; `got` is quoted text
    /// (`"abc"`) or a kind of value (`a list`).
    case invalidFrontMatterValue(key: String, expected: String, got: String)
    case invalidParameterName(String)
    case invalidParameterValue(name: String, got: String)
    case unterminatedFence(fence: String)
    case unknownInfoWord(String)
    case malformedCellOptionLine
    case unknownCellOption(String)
    case duplicateCellOption(String, firstLine: Int)
    /// `expected` completes "expects …", e.g. "true or false".
    case invalidCellOptionValue(key: String, expected: String, got: String)
    case duplicateLabel(String, firstLine: Int)
    case unknownCrossReference(String)

    public var severity: Diagnostic.Severity {
        switch self {
        case .unterminatedFence, .unknownInfoWord, .unknownCrossReference: return .warning
        default: return .error
        }
    }

    public var message: String {
        switch self {
        case .unreadableFile(let reason):
            return "cannot read notebook: \(reason)"
        case .tooLarge(let limit):
            return "the notebook is larger than \(limit / (1 << 20)) MiB, the most qnb reads"
        case .invalidUTF8(let line, let column):
            return "not valid UTF-8 (first bad byte at line \(line), column \(column))"
        case .unterminatedFrontMatter:
            return "front matter is never closed (expected a line '---' or '...' after it)"
        case .invalidFrontMatterYAML(let problem):
            return "invalid YAML in front matter: \(problem)"
        case .frontMatterNotMapping:
            return "front matter must be a mapping of keys to values"
        case .unknownFrontMatterKey(let key):
            return "unknown front matter key '\(key)' (expected one of: "
                + FrontMatter.keys.joined(separator: ", ") + ")"
        case .duplicateFrontMatterKey(let key):
            return "duplicate front matter key '\(key)'"
        case .invalidFrontMatterValue(let key, let expected, let got):
            return "front matter '\(key)' must be \(expected), got \(got)"
        case .invalidParameterName(let name):
            return
                "parameter name '\(name)' is not a valid identifier (letters, digits and '_', not starting with a digit)"
        case .invalidParameterValue(let name, let got):
            return "parameter '\(name)' must be a number, a string, a boolean or a list of them, got \(got)"
        case .unterminatedFence(let fence):
            return "unterminated code fence: no closing \(fence), so the cell runs to the end of its container"
        case .unknownInfoWord(let word):
            return "unknown word '\(word)' after 'swift' in the fence's info string (expected: norun)"
        case .malformedCellOptionLine:
            return "cell option line must look like '//| key: value'"
        case .unknownCellOption(let key):
            return "unknown cell option '\(key)' (expected one of: "
                + CellOptions.keys.joined(separator: ", ") + ")"
        case .duplicateCellOption(let key, let firstLine):
            return "duplicate cell option '\(key)' (first set on line \(firstLine))"
        case .invalidCellOptionValue(let key, let expected, let got):
            return "cell option '\(key)' expects \(expected), got '\(got)'"
        case .duplicateLabel(let label, let firstLine):
            return "duplicate label '\(label)' (first used on line \(firstLine))"
        case .unknownCrossReference(let label):
            return "reference to unknown label '@\(label)' (no cell has 'label: \(label)')"
        }
    }

    /// The problem at a notebook location, with the given notes.
    public func diagnostic(at location: SourceLocation, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(severity, message, at: location, notes: notes)
    }
}
