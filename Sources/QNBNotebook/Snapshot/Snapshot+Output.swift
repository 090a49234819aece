import QNBPlot
import QNBScript

extension Snapshot {
    /// One output of a cell. Each kind keeps its plain-text form (`text`) beside its structure,
    /// so that a snapshot reads well and a check can show a text diff.
    public indirect enum Output: Hashable, Sendable {
        /// Text written by `print`.
        case stream(String)
        /// A displayed value shown as text (numbers, strings, arrays).
        case text(String)
        case table(columns: [String], rows: [[Scalar]], text: String)
        case record(title: String, fields: [Field], preview: String?, text: String)
        case stack([Output])
        /// A figure's data and its ASCII form.
        case figure(FigureData, text: String)
        /// A file the cell saved: its name, size and FNV-1a digest (the bytes are in the output
        /// folder, not in the snapshot).
        case file(name: String, bytes: Int, digest: String)

        public init(_ output: CellOutput) {
            switch output {
            case .stream(let text): self = .stream(text)
            case .display(let display): self.init(display)
            case .file(let file): self = .file(name: file.name, bytes: file.bytes.count, digest: file.digest)
            }
        }

        init(_ display: Display) {
            switch display {
            case .text(let text):
                self = .text(text)
            case .table(let table):
                self = .table(
                    columns: table.columns, rows: table.rows, text: table.plainText)
            case .record(let record):
                self = .record(
                    title: record.title,
                    fields: record.fields.map { Field(name: $0.name, value: $0.value) },
                    preview: record.preview, text: record.plainText)
            case .stack(let items):
                self = .stack(items.map(Output.init))
            case .figure(let graphic):
                self = .figure(FigureData(graphic), text: graphic.plainText)
            }
        }

        /// The text form, as the terminal shows it.
        public var text: String {
            switch self {
            case .stream(let text), .text(let text): return text
            case .table(_, _, let text), .record(_, _, _, let text), .figure(_, let text): return text
            case .file(let name, let bytes, _): return "saved \(name) (\(bytes) bytes)"
            case .stack(let items): return items.map(\.text).joined(separator: "\n")
            }
        }
    }

    /// A named value of a record.
    public struct Field: Hashable, Sendable, Codable {
        public var name: String
        public var value: Scalar

        public init(name: String, value: Scalar) {
            self.name = name
            self.value = value
        }
    }

    /// A table cell or field value: a JSON number, string, boolean or null. Numbers that JSON
    /// cannot write (NaN, ±∞) are written as the strings "NaN", "Infinity" and "-Infinity".
    public typealias Scalar = DisplayScalar
}

extension DisplayScalar {
    /// The value as a number, if it is one (the non-finite spellings of snapshots included).
    public var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .text("NaN"): return .nan
        case .text("Infinity"): return .infinity
        case .text("-Infinity"): return -.infinity
        case .text, .bool, .empty: return nil
        }
    }
}

extension Snapshot.Output: Codable {
    private enum Key: String, CodingKey {
        case kind, text, columns, rows, title, fields, preview, items, figure, name, bytes, digest
    }

    private enum Kind: String, Codable {
        case stream, text, table, record, stack, figure, file
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .stream:
            self = .stream(try container.decode(String.self, forKey: .text))
        case .text:
            self = .text(try container.decode(String.self, forKey: .text))
        case .table:
            self = .table(
                columns: try container.decode([String].self, forKey: .columns),
                rows: try container.decode([[Snapshot.Scalar]].self, forKey: .rows),
                text: try container.decode(String.self, forKey: .text))
        case .record:
            self = .record(
                title: try container.decode(String.self, forKey: .title),
                fields: try container.decode([Snapshot.Field].self, forKey: .fields),
                preview: try container.decodeIfPresent(String.self, forKey: .preview),
                text: try container.decode(String.self, forKey: .text))
        case .stack:
            self = .stack(try container.decode([Snapshot.Output].self, forKey: .items))
        case .figure:
            self = .figure(
                try container.decode(Snapshot.FigureData.self, forKey: .figure),
                text: try container.decode(String.self, forKey: .text))
        case .file:
            self = .file(
                name: try container.decode(String.self, forKey: .name),
                bytes: try container.decode(Int.self, forKey: .bytes),
                digest: try container.decode(String.self, forKey: .digest))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .stream(let text):
            try container.encode(Kind.stream, forKey: .kind)
            try container.encode(text, forKey: .text)
        case .text(let text):
            try container.encode(Kind.text, forKey: .kind)
            try container.encode(text, forKey: .text)
        case .table(let columns, let rows, let text):
            try container.encode(Kind.table, forKey: .kind)
            try container.encode(columns, forKey: .columns)
            try container.encode(rows, forKey: .rows)
            try container.encode(text, forKey: .text)
        case .record(let title, let fields, let preview, let text):
            try container.encode(Kind.record, forKey: .kind)
            try container.encode(title, forKey: .title)
            try container.encode(fields, forKey: .fields)
            try container.encodeIfPresent(preview, forKey: .preview)
            try container.encode(text, forKey: .text)
        case .stack(let items):
            try container.encode(Kind.stack, forKey: .kind)
            try container.encode(items, forKey: .items)
        case .figure(let data, let text):
            try container.encode(Kind.figure, forKey: .kind)
            try container.encode(data, forKey: .figure)
            try container.encode(text, forKey: .text)
        case .file(let name, let bytes, let digest):
            try container.encode(Kind.file, forKey: .kind)
            try container.encode(name, forKey: .name)
            try container.encode(bytes, forKey: .bytes)
            try container.encode(digest, forKey: .digest)
        }
    }
}
