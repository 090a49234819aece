import QNBPlot
import QNBScript

/// HTML for what a cell produced: streams, text, tables, records and figures.
struct OutputRenderer {
    /// Makes the ids inside each figure's SVG unique on the page (`cell-3-fig-1`).
    var figurePrefix: String
    private var figureCount = 0

    init(figurePrefix: String) {
        self.figurePrefix = figurePrefix
    }

    mutating func render(_ output: CellOutput, into writer: inout HTMLWriter) {
        switch output {
        case .stream(let text):
            writer.open("pre", class: "qnb-stream")
            writer.text(Self.trimmingFinalNewline(text))
            writer.close("pre")
            writer.newline()
        case .display(let display):
            render(display, into: &writer)
        case .file(let file):
            writer.open("p", class: "qnb-saved")
            writer.text("Saved ")
            writer.element("code", text: file.name)
            writer.text(" (\(file.bytes.count) bytes)")
            writer.close("p")
            writer.newline()
        }
    }

    mutating func render(_ display: Display, into writer: inout HTMLWriter) {
        switch display {
        case .text(let text):
            writer.open("pre", class: "qnb-text")
            writer.text(Self.trimmingFinalNewline(text))
            writer.close("pre")
            writer.newline()
        case .table(let table):
            Self.render(table, into: &writer)
        case .record(let record):
            Self.render(record, into: &writer)
        case .stack(let displays):
            for display in displays { render(display, into: &writer) }
        case .figure(let graphic):
            figureCount += 1
            writer.open("div", class: "qnb-figure")
            writer.trusted(SVGRenderer.render(graphic, id: "\(figurePrefix)-\(figureCount)"))
            writer.close("div")
            writer.newline()
        }
    }

    /// A real table; numeric cells (and the headers of all-numeric columns) align right.
    static func render(_ table: DisplayTable, into writer: inout HTMLWriter) {
        let numericColumns = table.columns.indices.map { column in
            let values = table.rows.compactMap { column < $0.count ? $0[column] : nil }.filter { $0 != .empty }
            return !values.isEmpty && values.allSatisfy(\.isNumeric)
        }
        writer.open("div", class: "qnb-table-wrap")
        writer.open("table", class: "qnb-table")
        writer.newline()
        writer.open("thead")
        writer.open("tr")
        for (index, column) in table.columns.enumerated() {
            writer.element("th", class: numericColumns[index] ? "num" : nil, ["scope": "col"], text: column)
        }
        writer.close("tr")
        writer.close("thead")
        writer.newline()
        writer.open("tbody")
        writer.newline()
        for row in table.rows {
            writer.open("tr")
            let width = max(row.count, table.columns.count)
            for index in 0..<width {
                let value = index < row.count ? row[index] : .empty
                writer.element("td", class: value.isNumeric ? "num" : nil, text: value.formatted)
            }
            writer.close("tr")
            writer.newline()
        }
        writer.close("tbody")
        writer.close("table")
        writer.close("div")
        writer.newline()
    }

    /// A titled card: the fields as a compact grid of name/value pairs, then the preview.
    static func render(_ record: DisplayRecord, into writer: inout HTMLWriter) {
        writer.open("div", class: "qnb-record")
        writer.element("div", class: "qnb-record-title", text: record.title)
        if !record.fields.isEmpty {
            writer.open("dl", class: "qnb-fields")
            for field in record.fields {
                writer.open("div")
                writer.element("dt", text: field.name)
                writer.element("dd", class: field.value.isNumeric ? "num" : nil, text: field.value.formatted)
                writer.close("div")
            }
            writer.close("dl")
        }
        if let preview = record.preview, !preview.isEmpty {
            writer.open("pre", class: "qnb-preview")
            writer.text(trimmingFinalNewline(preview))
            writer.close("pre")
        }
        writer.close("div")
        writer.newline()
    }

    /// `<pre>` would show a final newline as an empty line.
    static func trimmingFinalNewline(_ text: String) -> Substring {
        text.hasSuffix("\n") ? text.dropLast() : text[...]
    }
}
