/// Reading numeric CSV files into a 2-D `float64` array of shape `[rows, columns]`.
///
/// - Delimiter: a comma; when the first non-blank line has no comma but has a semicolon or a tab, that character
///   is used for the whole file instead.
/// - Header: the first non-blank row is a header when any of its fields is not a number; its fields, trimmed and
///   unquoted, become ``LoadedArray/columns``. (A header made only of numbers is read as data.)
/// - Blank lines (empty or only spaces and tabs) are skipped; `\n`, `\r\n` and `\r` all end lines; a leading
///   byte-order mark is ignored.
/// - Fields are trimmed of spaces and tabs and may be wrapped in double quotes (`""` inside quotes is a quote).
///   Numbers are parsed by Swift's `Double(String)`: `1.5`, `-2e-3`, `nan`, `inf`, `-inf`, `infinity`,
///   hexadecimal floats.
/// - Rows with a different number of fields than the first row are an error naming the line; fields that are not
///   numbers are an error naming `line:column` (1-based, column counted in characters).
public enum CSV {
    /// Reads CSV text. `fileName` is only used in error messages.
    public static func read(text: String, fileName: String) throws(TensorFileError) -> LoadedArray {
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(TensorFileError) in try read(utf8: UnsafeRawBufferPointer(utf8), fileName: fileName) }
        }
        return try result.get()
    }

    /// A field of a line: its text (unquoted, trimmed) and where it starts.
    struct Field {
        var bytes: ArraySlice<UInt8>
        var column: Int
        var quoted: Bool
    }

    static func read(utf8 input: UnsafeRawBufferPointer, fileName: String) throws(TensorFileError) -> LoadedArray {
        var bytes = Array(input)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        let file = Fmt.name(fileName)
        var delimiter: UInt8?
        var columns: [String]?
        var width = 0
        var widthLine = 0
        var rows = 0
        var values: [Double] = []

        for (lineIndex, range) in lineRanges(bytes).enumerated() {
            let lineNumber = lineIndex + 1
            let line = bytes[range]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                continue
            }
            let separator: UInt8
            if let delimiter {
                separator = delimiter
            } else {
                if line.contains(UInt8(ascii: ",")) {
                    separator = UInt8(ascii: ",")
                } else if line.contains(UInt8(ascii: ";")) {
                    separator = UInt8(ascii: ";")
                } else if line.contains(0x09) {
                    separator = 0x09
                } else {
                    separator = UInt8(ascii: ",")
                }
                delimiter = separator
            }
            let fields = try split(line, separator: separator, file: file, line: lineNumber)
            if width == 0 {
                width = fields.count
                widthLine = lineNumber
                let numbers = fields.map { number($0.bytes) }
                if numbers.contains(where: { $0 == nil }) {
                    columns = fields.map { String(decoding: $0.bytes, as: UTF8.self) }
                    continue
                }
                values.append(contentsOf: numbers.compactMap { $0 })
                rows += 1
                continue
            }
            guard fields.count == width else {
                throw TensorFileError(
                    "\(file) line \(lineNumber) has \(fields.count) fields, but line \(widthLine) "
                        + "has \(width)")
            }
            for (index, field) in fields.enumerated() {
                guard let value = number(field.bytes) else {
                    let shown = field.bytes.isEmpty ? "an empty field" : "'\(Fmt.text(field.bytes))'"
                    throw TensorFileError(
                        "\(fileName):\(lineNumber):\(field.column): field \(index + 1) is \(shown), "
                            + "not a number")
                }
                values.append(value)
            }
            rows += 1
        }
        if width == 0 {
            throw TensorFileError("\(file) has no rows")
        }
        return LoadedArray(name: nil, shape: [rows, width], dtype: .float64, values: values, columns: columns)
    }

    /// The byte ranges of the lines, split at `\n`, `\r\n` and `\r`.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                ranges.append(lineStart..<index)
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                    index += 1
                }
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < bytes.count {
            ranges.append(lineStart..<bytes.count)
        }
        return ranges
    }

    /// Splits a line into trimmed, unquoted fields with their 1-based character columns.
    static func split(
        _ line: ArraySlice<UInt8>, separator: UInt8, file: String, line lineNumber: Int
    ) throws(TensorFileError) -> [Field] {
        var fields: [Field] = []
        var index = line.startIndex
        var column = 1
        func isSpace(_ byte: UInt8) -> Bool {
            (byte == 0x20 || byte == 0x09) && byte != separator
        }
        func advance() {
            // Count characters, not bytes: UTF-8 continuation bytes do not start a column.
            if line[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        while true {
            while index < line.endIndex && isSpace(line[index]) {
                advance()
            }
            let fieldColumn = column
            if index < line.endIndex && line[index] == UInt8(ascii: "\"") {
                advance()
                var text: [UInt8] = []
                var closed = false
                while index < line.endIndex {
                    let byte = line[index]
                    advance()
                    if byte == UInt8(ascii: "\"") {
                        if index < line.endIndex && line[index] == UInt8(ascii: "\"") {
                            text.append(byte)
                            advance()
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        text.append(byte)
                    }
                }
                guard closed else {
                    throw TensorFileError(
                        "\(file) line \(lineNumber), column \(fieldColumn): the quoted field is "
                            + "not closed on this line")
                }
                while index < line.endIndex && isSpace(line[index]) {
                    advance()
                }
                fields.append(Field(bytes: text[...], column: fieldColumn, quoted: true))
                if index < line.endIndex && line[index] != separator {
                    throw TensorFileError(
                        "\(file) line \(lineNumber), column \(column): unexpected text after a "
                            + "quoted field")
                }
            } else {
                let begin = index
                while index < line.endIndex && line[index] != separator {
                    advance()
                }
                var fieldEnd = index
                while fieldEnd > begin && isSpace(line[fieldEnd - 1]) {
                    fieldEnd -= 1
                }
                fields.append(Field(bytes: line[begin..<fieldEnd], column: fieldColumn, quoted: false))
            }
            if index < line.endIndex {
                advance()  // the separator
            } else {
                return fields
            }
        }
    }

    /// Parses a field with `Double(String)`; nil for empty or non-numeric text.
    static func number(_ bytes: ArraySlice<UInt8>) -> Double? {
        if bytes.isEmpty || bytes.count > 400 {
            return nil
        }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
