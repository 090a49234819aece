import QNBNotebook
import QNBScript
import Testing

/// Test text with position markers: `1️⃣`, `2️⃣`, … are removed and their 1-based line and
/// UTF-8 column in the remaining text recorded, so expected error positions are written where
/// they are. (After swift-format's `MarkedText`.)
struct MarkedText {
    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    let text: String
    let positions: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var positions: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while let character = rest.first {
            for marker in Self.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.text = text
        self.positions = positions
    }

    /// The location of `marker` in a notebook at `path`.
    func location(_ marker: String, path: String = "test.md") -> QNBScript.SourceLocation {
        let position = positions[marker] ?? (line: 0, column: 0)
        return QNBScript.SourceLocation(file: path, line: position.line, column: position.column)
    }
}

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
