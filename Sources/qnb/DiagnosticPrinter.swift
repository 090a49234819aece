import QNBScript

/// Prints diagnostics the way compilers do:
///
///     notebooks/x.md:12:9: error: cannot find 'foo' in scope
///        12 |     let y = foo + 1
///           |             ^
///
/// Positions are 1-based lines and UTF-8 columns; the caret is placed under the character that
/// starts at that byte, so lines with non-ASCII text before the error still line up.
struct DiagnosticPrinter {
    var terminal: Terminal = .standardError

    /// The notebook sources by path, for showing the offending line.
    var sources: [String: String] = [:]

    func print(_ diagnostic: Diagnostic) {
        terminal.write(format(diagnostic))
    }

    func format(_ diagnostic: Diagnostic) -> String {
        let color: Int
        switch diagnostic.severity {
        case .error: color = 31
        case .warning: color = 35
        case .note: color = 36
        }
        var text = terminal.styled("\(diagnostic.location):", 0, bold: true)
        text += " " + terminal.styled("\(diagnostic.severity.rawValue):", color) + " "
        text += terminal.styled(diagnostic.message, 0, bold: true) + "\n"
        text += excerpt(at: diagnostic.location)
        for note in diagnostic.notes {
            if let location = note.location {
                text += "\(location): " + terminal.styled("note:", 36) + " \(note.message)\n"
                text += excerpt(at: location)
            } else {
                text += terminal.styled("note:", 36) + " \(note.message)\n"
            }
        }
        return text
    }

    /// The source line of `location` and a caret under its column, or nothing if the source is
    /// not known or the location lies outside it.
    func excerpt(at location: SourceLocation) -> String {
        guard let source = sources[location.file], location.line >= 1 else { return "" }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return "" }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let bytes = Array(line.utf8)
        let prefixBytes = bytes.prefix(max(0, min(location.column - 1, bytes.count)))
        // Keep tabs so the caret lines up with the tab stops of the printed line.
        let padding = String(decoding: prefixBytes, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(number) | \(line)\n \(gutter) | \(padding)" + terminal.styled("^", 32) + "\n"
    }
}
