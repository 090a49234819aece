import QNBScript

/// Why a notebook cannot be read or run: every problem found (errors, and the warnings found
/// alongside them), in source order, so the command line can print them all at once.
public struct NotebookLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The notebook's text when it could be decoded, for printing the offending lines.
    public var source: String?

    public init(diagnostics: [Diagnostic], source: String? = nil) {
        self.diagnostics = diagnostics
        self.source = source
    }

    public init(_ problem: NotebookProblem, at location: SourceLocation) {
        self.init(diagnostics: [problem.diagnostic(at: location)])
    }

    /// Only the errors (there is at least one).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One compiler-style line per diagnostic.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Sorted by file, line and column; the sort is stable, so problems at the same place keep the
    /// order they were found in.
    public func sortedBySourceLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.location, rhs.element.location)
            if l.file != r.file { return l.file < r.file }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
