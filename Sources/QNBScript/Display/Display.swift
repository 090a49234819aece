import QNBPlot

/// What a cell shows: the structured, renderer-independent form of a value.
///
/// The interpreter turns every value it displays into a `Display`; the terminal and the snapshot
/// use its plain-text form (`Display.plainText`), QNBRender turns it into HTML, and the checker
/// compares its numbers as numbers. QNBScript itself never produces HTML.
public indirect enum Display: Hashable, Sendable {
    /// Preformatted plain text, shown in a monospace block: numbers, strings, arrays, tuples.
    case text(String)
    /// A table with named columns.
    case table(DisplayTable)
    /// A titled list of named values with an optional preview: a tensor's summary, error
    /// metrics, a quantized tensor's parameters.
    case record(DisplayRecord)
    /// Several displays, one under the other.
    case stack([Display])
    /// A figure: SVG on the page, ASCII in text.
    case figure(Graphic)
}

/// One cell of a table or one field of a record. Numbers stay numbers so the checker can compare
/// them with a tolerance; `formatted` is the text every renderer shows.
public enum DisplayScalar: Hashable, Sendable {
    case integer(Int)
    case number(Double)
    case text(String)
    case bool(Bool)
    /// An empty cell.
    case empty

    /// The text shown for this scalar, identical in the terminal, the snapshot and the page.
    public var formatted: String {
        switch self {
        case .integer(let value): return String(value)
        case .number(let value): return NumberFormatting.format(value)
        case .text(let value): return value
        case .bool(let value): return value ? "true" : "false"
        case .empty: return ""
        }
    }

    /// Whether renderers should align this scalar to the right (numbers) or the left (text).
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        case .text, .bool, .empty: return false
        }
    }
}

public struct DisplayTable: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[DisplayScalar]]

    public init(columns: [String], rows: [[DisplayScalar]]) {
        self.columns = columns
        self.rows = rows
    }
}

public struct DisplayRecord: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var value: DisplayScalar

        public init(_ name: String, _ value: DisplayScalar) {
            self.name = name
            self.value = value
        }
    }

    /// What the value is, e.g. `Tensor [512, 512] Float32`.
    public var title: String
    public var fields: [Field]
    /// An abbreviated view of the contents (numpy style), shown under the fields.
    public var preview: String?

    public init(title: String, fields: [Field], preview: String? = nil) {
        self.title = title
        self.fields = fields
        self.preview = preview
    }
}

/// What a cell produced, in order.
public enum CellOutput: Hashable, Sendable {
    /// Text written by `print`, newlines included.
    case stream(String)
    /// The value of the cell's last expression.
    case display(Display)
    /// A file the cell saved (`save(w, to: "w.npy")`): its name relative to the notebook's output
    /// folder and its bytes. The command line writes it; QNBScript never touches the file system
    /// for writing.
    case file(SavedFile)
}

/// A file produced by a cell, written by the command line into the notebook's output folder.
public struct SavedFile: Hashable, Sendable {
    /// A relative path made of plain segments (letters, digits, `.`, `_`, `-`), no `..`.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// A 64-bit FNV-1a hash of the bytes, as 16 hex digits: what snapshots record.
    public var digest: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
