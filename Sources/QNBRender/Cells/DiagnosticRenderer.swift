import QNBNotebook
import QNBScript

/// HTML for errors and warnings, compiler style: `file:line:column: error: message`, then the
/// offending notebook line with a caret under the column, then the notes.
struct DiagnosticRenderer {
    enum Style {
        /// An error that failed the cell: red.
        case failure
        /// The error an `error:` cell was expected to raise: neutral.
        case expected
        /// A warning: amber.
        case warning

        var cssClass: String {
            switch self {
            case .failure: return "qnb-diagnostic qnb-diagnostic--error"
            case .expected: return "qnb-diagnostic qnb-diagnostic--expected"
            case .warning: return "qnb-diagnostic qnb-diagnostic--warning"
            }
        }

        var heading: String {
            switch self {
            case .failure: return "Error"
            case .expected: return "Expected error"
            case .warning: return "Warning"
            }
        }
    }

    let notebook: Notebook

    func render(_ diagnostic: Diagnostic, style: Style, into writer: inout HTMLWriter) {
        writer.open("div", class: style.cssClass, ["role": style == .failure ? "alert" : nil])
        writer.element("div", class: "qnb-diagnostic-kind", text: style.heading)
        writer.open("p", class: "qnb-diagnostic-message")
        writer.element("span", class: "qnb-diagnostic-location", text: "\(diagnostic.location):")
        writer.text(" \(diagnostic.severity.rawValue): ")
        writer.element("strong", text: diagnostic.message)
        writer.close("p")
        excerpt(at: diagnostic.location, into: &writer)
        for note in diagnostic.notes {
            writer.open("p", class: "qnb-diagnostic-message qnb-diagnostic-note")
            if let location = note.location {
                writer.element("span", class: "qnb-diagnostic-location", text: "\(location):")
                writer.text(" ")
            }
            writer.text("note: \(note.message)")
            writer.close("p")
            if let location = note.location { excerpt(at: location, into: &writer) }
        }
        writer.close("div")
        writer.newline()
    }

    /// The notebook line and a caret under the column, if the location is in this notebook.
    /// Tabs before the column are kept in the caret line so it lines up.
    private func excerpt(at location: SourceLocation, into writer: inout HTMLWriter) {
        guard location.file == notebook.path, let line = notebook.sourceLine(location.line) else { return }
        let number = String(location.line)
        let bytes = Array(line.utf8)
        let prefix = String(decoding: bytes.prefix(max(0, min(location.column - 1, bytes.count))), as: UTF8.self)
        let padding = String(prefix.map { $0 == "\t" ? Character("\t") : Character(" ") })
        writer.open("pre", class: "qnb-diagnostic-source")
        writer.element("span", class: "qnb-gutter", text: " \(number) | ")
        writer.text(line)
        writer.text("\n")
        writer.element("span", class: "qnb-gutter", text: " \(String(repeating: " ", count: number.count)) | ")
        writer.text(padding)
        writer.element("span", class: "qnb-caret", text: "^")
        writer.close("pre")
    }
}
