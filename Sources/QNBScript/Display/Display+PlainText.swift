import QNBPlot

/// The plain-text form of displays: what the terminal prints, what snapshots keep beside the
/// structured values, and what `qnb check` diffs.
extension Display {
    /// Monospace text without a trailing newline. Tables are aligned in columns (numbers to the
    /// right, text to the left) under a header and a rule; records are their title, one
    /// `name: value` line per field with the values aligned, then the preview.
    public var plainText: String {
        switch self {
        case .text(let text):
            return text
        case .table(let table):
            return table.plainText
        case .record(let record):
            return record.plainText
        case .stack(let items):
            return items.map(\.plainText).joined(separator: "\n")
        case .figure(let graphic):
            return graphic.plainText
        }
    }
}

extension DisplayTable {
    public var plainText: String {
        let cells = rows.map { $0.map(\.formatted) }
        var widths = columns.map(\.count)
        for row in cells {
            for (column, text) in row.enumerated() {
                if column < widths.count {
                    widths[column] = max(widths[column], text.count)
                } else {
                    widths.append(text.count)
                }
            }
        }
        func line(_ texts: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (column, width) in widths.enumerated() {
                let text = column < texts.count ? texts[column] : ""
                let padding = String(repeating: " ", count: width - text.count)
                parts.append(column < numeric.count && numeric[column] ? padding + text : text + padding)
            }
            var result = parts.joined(separator: "  ")
            while result.last == " " { result.removeLast() }
            return result
        }
        var lines = [line(columns, numeric: [])]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (row, texts) in zip(rows, cells) {
            lines.append(line(texts, numeric: row.map(\.isNumeric)))
        }
        return lines.joined(separator: "\n")
    }
}

extension DisplayRecord {
    public var plainText: String {
        var lines = [title]
        let width = fields.map(\.name.count).max() ?? 0
        for field in fields {
            let name = field.name + ":" + String(repeating: " ", count: width - field.name.count)
            lines.append("  \(name) \(field.value.formatted)")
        }
        if let preview { lines.append(preview) }
        return lines.joined(separator: "\n")
    }
}
