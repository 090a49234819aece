/// A parsed JSON value. Numbers keep their text; integers that fit in `Int` are also given as `int`.
indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(text: String, int: Int?)
    case bool(Bool)
    case null

    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A strict RFC 8259 JSON parser over bytes, with a nesting limit so hostile input cannot exhaust the stack.
/// Duplicate object keys are rejected.
struct JSONParser {
    static let maxDepth = 64

    let bytes: UnsafeRawBufferPointer
    let context: String
    var position = 0
    var depth = 0

    init(bytes: UnsafeRawBufferPointer, context: String) {
        self.bytes = bytes
        self.context = context
    }

    /// Parses one value filling the whole input, apart from surrounding whitespace.
    mutating func parseAll() throws(TensorFileError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw failure("unexpected text after the JSON value")
        }
        return value
    }

    func failure(_ what: String) -> TensorFileError {
        let shown = position < bytes.count ? " near '\(Fmt.snippet(bytes[position...], limit: 20))'" : ""
        return TensorFileError("\(context) is not valid JSON at byte \(position)\(shown): \(what)")
    }

    var current: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    mutating func parseValue() throws(TensorFileError) -> JSONValue {
        skipWhitespace()
        guard let byte = current else {
            throw failure("the text ends where a value should start")
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            if depth > Self.maxDepth {
                throw failure("nesting deeper than \(Self.maxDepth) levels")
            }
            let value = byte == UInt8(ascii: "{") ? try parseObject() : try parseArray()
            depth -= 1
            return value
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            throw failure("unexpected character")
        }
    }

    mutating func literal(_ word: String) throws(TensorFileError) {
        let expected = Array(word.utf8)
        guard bytes.count - position >= expected.count,
            bytes[position..<position + expected.count].elementsEqual(expected)
        else {
            throw failure("unknown literal")
        }
        position += expected.count
    }

    mutating func parseObject() throws(TensorFileError) -> JSONValue {
        position += 1  // {
        var entries: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(entries)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw failure("expected a string key")
            }
            let key = try parseString()
            guard seen.insert(key).inserted else {
                throw failure("duplicate key \"\(Fmt.snippet(key.utf8))\"")
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else {
                throw failure("expected ':'")
            }
            position += 1
            entries.append((key, try parseValue()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(entries)
            default:
                throw failure("expected ',' or '}'")
            }
        }
    }

    mutating func parseArray() throws(TensorFileError) -> JSONValue {
        position += 1  // [
        var items: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            items.append(try parseValue())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default:
                throw failure("expected ',' or ']'")
            }
        }
    }

    mutating func parseNumber() throws(TensorFileError) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") {
            position += 1
        }
        guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw failure("expected a digit")
        }
        if first == UInt8(ascii: "0") {
            position += 1
        } else {
            skipDigits()
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard skipDigits() > 0 else {
                throw failure("expected a digit after '.'")
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                position += 1
            }
            guard skipDigits() > 0 else {
                throw failure("expected a digit in the exponent")
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return .number(text: text, int: isInteger ? Int(text) : nil)
    }

    @discardableResult
    mutating func skipDigits() -> Int {
        let start = position
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            position += 1
        }
        return position - start
    }

    mutating func parseString() throws(TensorFileError) -> String {
        position += 1  // "
        var out: [UInt8] = []
        while true {
            guard let byte = current else {
                throw failure("unterminated string")
            }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: out, as: UTF8.self) else {
                    throw failure("string is not valid UTF-8")
                }
                return string
            case 0x00..<0x20:
                throw failure("control character inside a string")
            case UInt8(ascii: "\\"):
                guard let escaped = current else {
                    throw failure("unterminated string")
                }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    out.append(contentsOf: String(try unicodeEscape()).utf8)
                default:
                    throw failure("unknown escape")
                }
            default:
                out.append(byte)
            }
        }
    }

    /// Reads the hex digits of a `\u` escape (the `\u` already consumed), joining surrogate pairs.
    mutating func unicodeEscape() throws(TensorFileError) -> Unicode.Scalar {
        let high = try hex4()
        if (0xDC00...0xDFFF).contains(high) {
            throw failure("lone low surrogate")
        }
        if (0xD800...0xDBFF).contains(high) {
            guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw failure("lone high surrogate")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("high surrogate not followed by a low surrogate")
            }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else {
                throw failure("bad surrogate pair")
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw failure("bad \\u escape")
        }
        return scalar
    }

    mutating func hex4() throws(TensorFileError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = PythonLiteralParser.hexValue(byte) else {
                throw failure("expected four hex digits after \\u")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}

/// JSON output in the style of Rust's serde_json (compact; `"`, `\` and control characters escaped,
/// control characters without a short form as lowercase `\u00XX`; everything else, `/` and non-ASCII included,
/// written as is), so headers match the reference safetensors implementation byte for byte.
enum JSONWriter {
    static func string(_ value: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x00..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
