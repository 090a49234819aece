/// A value of the small Python-literal language used by `.npy` headers.
indirect enum PyValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([PyValue])
    case list([PyValue])
    case dict([(key: PyValue, value: PyValue)])

    /// A short description of the value's kind for messages.
    var kind: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .bool: return "a boolean"
        case .none: return "None"
        case .tuple: return "a tuple"
        case .list: return "a list"
        case .dict: return "a dict"
        }
    }
}

/// Parses the Python literal in a `.npy` header: dicts, tuples, lists, strings, integers (Python 2's `3L` too),
/// `True`, `False` and `None`, with any whitespace and trailing commas. Nothing is evaluated.
struct PythonLiteralParser {
    /// Deeper nesting than this is rejected; real headers nest three levels at most.
    static let maxDepth = 32

    let bytes: [UInt8]
    let latin1: Bool
    let fileName: String
    var position = 0
    var depth = 0

    init(bytes: [UInt8], latin1: Bool, fileName: String) {
        self.bytes = bytes
        self.latin1 = latin1
        self.fileName = fileName
    }

    /// Parses one literal that must fill the whole input, apart from surrounding whitespace.
    mutating func parseAll() throws(TensorFileError) -> PyValue {
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw failure("unexpected text after the header dict")
        }
        return value
    }

    func failure(_ what: String) -> TensorFileError {
        let shown = position < bytes.count ? " near '\(Fmt.snippet(bytes[position...], limit: 20))'" : ""
        return TensorFileError(
            "\(Fmt.name(fileName)) has a malformed .npy header at byte \(position)\(shown): \(what)")
    }

    var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
            position += 1
        }
    }

    mutating func parseValue() throws(TensorFileError) -> PyValue {
        skipWhitespace()
        guard let byte = current else {
            throw failure("the header ends where a value should start")
        }
        switch byte {
        case UInt8(ascii: "{"):
            return try nested { (parser: inout PythonLiteralParser) throws(TensorFileError) in try parser.parseDict() }
        case UInt8(ascii: "("):
            return try nested { (parser: inout PythonLiteralParser) throws(TensorFileError) in try parser.parseTuple() }
        case UInt8(ascii: "["):
            return try nested { (parser: inout PythonLiteralParser) throws(TensorFileError) in
                .list(try parser.parseSequence(closing: UInt8(ascii: "]")))
            }
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .int(try parseInt())
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"):
            return try parseName()
        default:
            throw failure("unexpected character")
        }
    }

    mutating func nested(
        _ body: (inout PythonLiteralParser) throws(TensorFileError) -> PyValue
    ) throws(TensorFileError) -> PyValue {
        depth += 1
        if depth > Self.maxDepth {
            throw failure("nesting deeper than \(Self.maxDepth) levels")
        }
        let value = try body(&self)
        depth -= 1
        return value
    }

    mutating func expect(_ char: UInt8, _ what: String) throws(TensorFileError) {
        skipWhitespace()
        guard current == char else {
            throw failure("expected \(what)")
        }
        position += 1
    }

    mutating func parseDict() throws(TensorFileError) -> PyValue {
        position += 1  // {
        var entries: [(key: PyValue, value: PyValue)] = []
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .dict(entries)
            }
            let key = try parseValue()
            try expect(UInt8(ascii: ":"), "':' after a dict key")
            let value = try parseValue()
            entries.append((key, value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != UInt8(ascii: "}") {
                throw failure("expected ',' or '}' in the dict")
            }
        }
    }

    /// Parses `(...)`: `()` and `(x,)` and `(x, y)` are tuples, `(x)` is just `x`, as in Python.
    mutating func parseTuple() throws(TensorFileError) -> PyValue {
        let start = position
        let items = try parseSequence(closing: UInt8(ascii: ")"))
        if items.count == 1 {
            // Look back for the comma that makes a one-element tuple.
            var index = position - 2
            while index > start, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(bytes[index]) {
                index -= 1
            }
            if bytes[index] != UInt8(ascii: ",") {
                return items[0]
            }
        }
        return .tuple(items)
    }

    /// Parses comma-separated values up to `closing`, allowing a trailing comma.
    mutating func parseSequence(closing: UInt8) throws(TensorFileError) -> [PyValue] {
        position += 1  // opening bracket
        var items: [PyValue] = []
        while true {
            skipWhitespace()
            if current == closing {
                position += 1
                return items
            }
            items.append(try parseValue())
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
            } else if current != closing {
                throw failure("expected ',' or '\(Unicode.Scalar(closing))'")
            }
        }
    }

    mutating func parseInt() throws(TensorFileError) -> Int {
        var negative = false
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") {
            negative = current == UInt8(ascii: "-")
            position += 1
        }
        var value = 0
        var digits = 0
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 {
                throw failure("integer too large")
            }
            value = sum
            digits += 1
            position += 1
        }
        if digits == 0 {
            throw failure("expected digits")
        }
        if current == UInt8(ascii: "L") || current == UInt8(ascii: "l") {
            position += 1  // Python 2 long suffix, found in old files.
        }
        if let byte = current,
            byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "_")
        {
            throw failure("only plain integers are allowed")
        }
        return negative ? -value : value
    }

    mutating func parseName() throws(TensorFileError) -> PyValue {
        let start = position
        while let byte = current, Self.isNameByte(byte) {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        switch name {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .none
        default:
            position = start
            throw failure("unexpected name '\(name)'")
        }
    }

    mutating func parseString() throws(TensorFileError) -> String {
        guard let quote = current else {
            throw failure("expected a string")
        }
        position += 1
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []  // UTF-8 bytes pending decoding (format 3.0)
        func flush() throws(TensorFileError) {
            if raw.isEmpty {
                return
            }
            // Validity was checked for the whole header before parsing.
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while true {
            guard let byte = current else {
                throw failure("unterminated string")
            }
            position += 1
            if byte == quote {
                try flush()
                return String(scalars)
            }
            if byte == 0x0A || byte == 0x0D {
                throw failure("line break inside a string")
            }
            if byte != UInt8(ascii: "\\") {
                if latin1 || byte < 0x80 {
                    try flush()
                    scalars.append(Unicode.Scalar(byte))
                } else {
                    raw.append(byte)
                }
                continue
            }
            try flush()
            guard let escaped = current else {
                throw failure("unterminated string")
            }
            position += 1
            switch escaped {
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                scalars.append(Unicode.Scalar(escaped))
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "0"): scalars.append("\0")
            case UInt8(ascii: "x"): scalars.append(try hexScalar(digits: 2))
            case UInt8(ascii: "u"): scalars.append(try hexScalar(digits: 4))
            case UInt8(ascii: "U"): scalars.append(try hexScalar(digits: 8))
            default:
                throw failure("unsupported escape in a string")
            }
        }
    }

    mutating func hexScalar(digits: Int) throws(TensorFileError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw failure("bad hex escape")
            }
            value = value << 4 | digit
            position += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw failure("escape is not a Unicode scalar")
        }
        return scalar
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
