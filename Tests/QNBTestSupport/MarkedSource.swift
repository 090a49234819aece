import QNBScript

/// Source text with position markers (`1️⃣`, `2️⃣`, …) that tests use to say where a diagnostic
/// is expected; the markers are removed and their line and UTF-8 column remembered.
///
///     let marked = MarkedSource("let x = 1️⃣foo")
///     marked.source            // "let x = foo"
///     marked.position("1️⃣")   // (line: 1, column: 9)
public struct MarkedSource: Sendable {
    /// The text without markers.
    public let source: String
    /// Each marker's 1-based line and UTF-8 column in `source`.
    public let markers: [String: (line: Int, column: Int)]

    public static let markerNames = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public init(_ text: String) {
        var source = ""
        var markers: [String: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(text)
        outer: while let character = rest.first {
            for marker in Self.markerNames where rest.hasPrefix(marker) {
                precondition(markers[marker] == nil, "marker \(marker) appears twice")
                markers[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            source.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            rest = rest.dropFirst()
        }
        self.source = source
        self.markers = markers
    }

    /// The marker's position in the cell (line 1 is the cell's first line).
    public func position(_ marker: String = "1️⃣") -> (line: Int, column: Int) {
        guard let position = markers[marker] else { preconditionFailure("no marker \(marker) in the source") }
        return position
    }

    /// The marker's location when `source` is a whole file at `file` (line 1 is its first line).
    public func location(_ marker: String = "1️⃣", file: String) -> SourceLocation {
        let position = position(marker)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The marker's location in the notebook, for a cell starting at `origin`.
    public func location(_ marker: String = "1️⃣", origin: SourceOrigin) -> SourceLocation {
        let position = position(marker)
        return origin.location(line: position.line, column: position.column)
    }
}
