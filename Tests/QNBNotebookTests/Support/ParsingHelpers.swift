import QNBNotebook
import QNBScript
import Testing

/// The diagnostics `Notebook.parse` throws for `source`, or an issue if it parses.
func parseErrors(
    _ source: String, path: String = "test.md", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> [Diagnostic] {
    do {
        _ = try Notebook.parse(source: source, path: path)
        Issue.record("expected the notebook to be rejected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.diagnostics
    }
}

/// The notebook, or an issue with its diagnostics.
func parsed(
    _ source: String, path: String = "test.md", sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Notebook? {
    do {
        return try Notebook.parse(source: source, path: path)
    } catch {
        Issue.record("unexpected diagnostics: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
