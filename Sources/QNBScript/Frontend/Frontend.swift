import SwiftDiagnostics
import SwiftOperators
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// The front end of the cell language, in a fixed order: parse with SwiftParser, stop at
/// swift-syntax's own diagnostics, fold operators with Swift's precedence, then lower to qnb's AST.
enum Frontend {
    /// Brackets nested deeper than this are a syntax error (keeps the parser and the
    /// interpreter's recursion bounded).
    static let maximumNestingLevel = 256

    struct Parsed {
        let tree: SourceFileSyntax
        let converter: SourceLocationConverter
    }

    /// Parses and folds a cell; a syntax error is reported at the first diagnostic swift-syntax
    /// gives, with the others as notes.
    static func parse(_ source: String) throws -> Parsed {
        if let (line, column) = BracketDepthCheck.firstTooDeep(in: source) {
            throw ScriptError(
                "brackets '[' nested more than \(BracketDepthCheck.maximumDepth) levels deep are not supported in qnb cells",
                at: SourcePosition(line: line, column: column))
        }
        var parser = Parser(source, maximumNestingLevel: maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let converter = SourceLocationConverter(fileName: "cell", tree: tree)
        if let invalid = InvalidCharacterCheck.firstBeforeSpacedEqual(in: tree) {
            throw ScriptError(
                InvalidCharacterCheck.message, at: position(converter.location(for: invalid)))
        }

        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        if let first = diagnostics.first {
            var error = ScriptError(first.message, at: position(first.location(converter: converter)))
            for other in diagnostics.dropFirst().prefix(10) {
                error.notes.append((other.message, position(other.location(converter: converter))))
            }
            throw error
        }

        var foldError: OperatorError?
        let folded = OperatorTable.standardOperators.foldAll(tree) { error in
            if foldError == nil { foldError = error }
        }
        if let foldError {
            let diagnostic = foldError.asDiagnostic
            throw ScriptError(diagnostic.message, at: position(diagnostic.location(converter: converter)))
        }
        guard let file = folded.as(SourceFileSyntax.self) else {
            throw ScriptError("internal error: folding did not produce a source file", at: .unknown)
        }
        return Parsed(tree: file, converter: SourceLocationConverter(fileName: "cell", tree: file))
    }

    static func position(_ location: SwiftSyntax.SourceLocation) -> SourcePosition {
        SourcePosition(line: location.line, column: location.column)
    }
}
