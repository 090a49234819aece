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

    struct Parsed: Sendable {
        let tree: SourceFileSyntax
        let converter: SourceLocationConverter
    }

    /// Parses and folds a cell; a syntax error is reported at the first diagnostic swift-syntax
    /// gives, with the others as notes.
    static func parse(_ source: String) throws -> Parsed {
        if let refusal = refusal(of: source) { throw refusal }
        var parser = Parser(source, maximumNestingLevel: maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let converter = SourceLocationConverter(fileName: "cell", tree: tree)
        if let invalid = InvalidCharacterCheck.firstBeforeSpacedEqual(in: tree) {
            throw ScriptError(
                InvalidCharacterCheck.message, at: position(converter.location(for: invalid)))
        }

        let diagnostics = syntaxDiagnostics(tree)
        if let first = diagnostics.first {
            var error = ScriptError(first.message, at: position(converter.location(for: first.position)))
            for other in diagnostics.dropFirst().prefix(10) {
                error.notes.append((other.message, position(converter.location(for: other.position))))
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

    /// Why `source` is not parsed at all, if it is not: nesting and runs that make swift-syntax's
    /// parser recurse or rescan without bound. Checked in linear time, before parsing.
    static func refusal(of source: String) -> ScriptError? {
        if let (line, column) = BracketDepthCheck.firstTooDeep(in: source) {
            return ScriptError(
                "brackets '[' nested more than \(BracketDepthCheck.maximumDepth) levels deep are not supported in qnb cells",
                at: SourcePosition(line: line, column: column))
        }
        if let (message, line, column) = BracketDepthCheck.unclosedProblem(in: source) {
            return ScriptError(message, at: SourcePosition(line: line, column: column))
        }
        if let (line, column) = BindingRunCheck.firstTooLong(in: source) {
            return ScriptError(
                "more than \(BindingRunCheck.maximumRun) 'let', 'var' or 'inout' in a row are not supported in qnb cells",
                at: SourcePosition(line: line, column: column))
        }
        return nil
    }

    /// Problems (missing or unexpected tokens) beyond which diagnostics are generated for the
    /// first one's surroundings only.
    static let diagnosedProblemLimit = 50
    /// The largest piece of source, in bytes, around the first problem that is then diagnosed.
    static let diagnosedScopeBytes = 4096

    /// swift-syntax's diagnostics of `tree` with their positions in it.
    ///
    /// `ParseDiagnosticsGenerator` takes time quadratic in the number of problems among siblings
    /// (4,000 lines of a lone `let` take seconds, a 16 MiB notebook of them hours), so past
    /// ``diagnosedProblemLimit`` problems it diagnoses only the largest enclosing node of at most
    /// ``diagnosedScopeBytes`` around the first one, detached from the rest: the first error and
    /// its neighbours' notes, in time linear in the cell.
    static func syntaxDiagnostics(_ tree: SourceFileSyntax) -> [(message: String, position: AbsolutePosition)] {
        var problems = 0
        var first: TokenSyntax?
        for token in tree.tokens(viewMode: .all)
        where token.presence == .missing || token.parent?.is(UnexpectedNodesSyntax.self) == true {
            if first == nil { first = token }
            problems += 1
            if problems > diagnosedProblemLimit { break }
        }
        guard problems > diagnosedProblemLimit, let first else {
            return ParseDiagnosticsGenerator.diagnostics(for: tree).map { ($0.message, $0.position) }
        }
        var scope = Syntax(first)
        while let parent = scope.parent, parent.totalLength.utf8Length <= diagnosedScopeBytes { scope = parent }
        // The scope and, inside a long list, its next siblings within the same byte budget, each
        // diagnosed detached: the first error and notes for the ones after it.
        var scopes = [scope]
        if let parent = scope.parent, parent.kind.isSyntaxCollection {
            let siblings = parent.children(viewMode: .all)
            if let index = siblings.firstIndex(where: { $0.id == scope.id }) {
                var bytes = scope.totalLength.utf8Length
                for sibling in siblings[siblings.index(after: index)...] {
                    bytes += sibling.totalLength.utf8Length
                    if bytes > diagnosedScopeBytes { break }
                    scopes.append(sibling)
                }
            }
        }
        var local: [(message: String, position: AbsolutePosition)] = []
        for part in scopes where part.hasError && local.count <= 10 {
            let offset = part.position.utf8Offset
            local += ParseDiagnosticsGenerator.diagnostics(for: part.detached).map {
                ($0.message, AbsolutePosition(utf8Offset: offset + $0.position.utf8Offset))
            }
        }
        return local.isEmpty ? [("this code cannot be parsed", first.positionAfterSkippingLeadingTrivia)] : local
    }

    static func position(_ location: SwiftSyntax.SourceLocation) -> SourcePosition {
        SourcePosition(line: location.line, column: location.column)
    }
}
