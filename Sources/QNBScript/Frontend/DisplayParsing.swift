import SwiftParser
import SwiftSyntax

/// Parsing a cell's code for display (the page's syntax highlighting), bounded like the
/// interpreter's parsing: code the interpreter refuses before parsing (hostile nesting, runs of
/// bindings) is not parsed, and a parse taking longer than ``timeLimit`` is abandoned.
public enum DisplayParsing {
    /// Seconds a cell's code may take to parse for display. Real cells take milliseconds.
    public static let timeLimit = 10.0

    /// The syntax tree of `code`, nil if it is refused or took longer than `seconds` (show it plain).
    public static func tree(for code: String, within seconds: Double = timeLimit) -> SourceFileSyntax? {
        guard Frontend.refusal(of: code) == nil else { return nil }
        let parse = { @Sendable in
            var parser = Parser(code, maximumNestingLevel: Frontend.maximumNestingLevel)
            return SourceFileSyntax.parse(from: &parser)
        }
        guard let deadline = ScriptSession.deadline(after: seconds) else { return BigStackThread.run(parse) }
        return BigStackThread.run(until: deadline, parse)
    }
}
