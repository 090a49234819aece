/// Why a formula cannot be converted; the page then shows its TeX source instead.
enum TeXError: Error, Hashable, Sendable {
    case unknownCommand(String)
    case unknownEnvironment(String)
    /// A command or `^`/`_` at the end of its group, with nothing to apply to.
    case missingArgument(String)
    case missingCloseBrace
    case unexpectedCloseBrace
    case doubleSuperscript
    case doubleSubscript
    case missingRight
    case unexpectedRight(String)
    /// `\left`, `\right`, `\middle` or `\big` followed by something that is not a delimiter.
    case notADelimiter(after: String)
    case missingEnd(String)
    case unexpectedEnd(String)
    case mismatchedEnd(expected: String, got: String)
    /// `&` or `\\` outside an environment that has rows and columns.
    case misplacedAlignment(String)
    case tooDeep(limit: Int)

    var message: String {
        switch self {
        case .unknownCommand(let name): return "unknown TeX command '\\\(name)'"
        case .unknownEnvironment(let name): return "unknown TeX environment '\(name)'"
        case .missingArgument(let command): return "'\(command)' is missing its argument"
        case .missingCloseBrace: return "unbalanced braces: a '{' is never closed"
        case .unexpectedCloseBrace: return "unbalanced braces: '}' without a matching '{'"
        case .doubleSuperscript: return "double superscript (use braces: x^{a^b})"
        case .doubleSubscript: return "double subscript (use braces: x_{a_b})"
        case .missingRight: return "'\\left' without a matching '\\right'"
        case .unexpectedRight(let command): return "'\\\(command)' without a matching '\\left'"
        case .notADelimiter(let command): return "'\\\(command)' must be followed by a delimiter such as ( or \\|"
        case .missingEnd(let name): return "'\\begin{\(name)}' without a matching '\\end{\(name)}'"
        case .unexpectedEnd(let name): return "'\\end{\(name)}' without a matching '\\begin{\(name)}'"
        case .mismatchedEnd(let expected, let got):
            return "'\\begin{\(expected)}' is closed by '\\end{\(got)}'"
        case .misplacedAlignment(let token): return "'\(token)' outside a matrix, cases or aligned environment"
        case .tooDeep(let limit): return "formula nested more than \(limit) levels deep"
        }
    }
}
