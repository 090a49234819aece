/// An error raised while reading or writing a tensor file.
///
/// The message is meant to be shown to a person as is, for example
/// `'w.npy' is truncated: the header promises 4 096 bytes of data, the file has 1 000`.
public struct TensorFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The human-readable explanation, naming the file and what is wrong with it.
    public var message: String

    /// Creates an error with the given human-readable message.
    public init(_ message: String) {
        self.message = message
    }

    /// Creates an error with the given human-readable message.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Small formatting helpers shared by the readers and writers.
enum Fmt {
    /// Formats an integer with a space every three digits: `4096` → `4 096`.
    static func count<T: BinaryInteger>(_ value: T) -> String {
        let digits = String(value.magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                out.append(" ")
            }
            out.append(char)
        }
        return value < 0 ? "-" + out : out
    }

    /// Formats a shape the way Python prints a tuple: `()`, `(5,)`, `(3, 4)`.
    static func tuple(_ shape: [Int]) -> String {
        switch shape.count {
        case 0: return "()"
        case 1: return "(\(shape[0]),)"
        default: return "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
    }

    /// Formats a shape the way JSON prints a list: `[3, 4]`.
    static func list(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// Quotes a file name for messages.
    static func name(_ fileName: String) -> String {
        "'\(fileName)'"
    }

    /// Shows at most `limit` bytes of untrusted text, with control characters escaped.
    static func snippet<S: Sequence>(_ bytes: S, limit: Int = 40) -> String where S.Element == UInt8 {
        var out = ""
        var taken = 0
        for byte in bytes {
            if taken == limit {
                out += "…"
                break
            }
            taken += 1
            if byte >= 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "\\x" + hex2(byte)
            }
        }
        return out
    }

    /// Shows at most `limit` characters of UTF-8 text, with control characters escaped.
    static func text<S: Sequence>(_ bytes: S, limit: Int = 40) -> String where S.Element == UInt8 {
        var out = ""
        for (index, scalar) in String(decoding: Array(bytes), as: UTF8.self).unicodeScalars.enumerated() {
            if index == limit {
                out += "…"
                break
            }
            out += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return out
    }

    /// Two lowercase hex digits.
    static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Overflow-checked arithmetic on sizes that come from untrusted headers.
enum Checked {
    /// The product of all dimensions, or nil when it does not fit in `Int`.
    /// A zero dimension makes the product zero whatever the other dimensions are.
    static func elementCount(_ shape: [Int]) -> Int? {
        if shape.contains(0) {
            return 0
        }
        var product = 1
        for dim in shape {
            guard dim >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: dim)
            if overflow {
                return nil
            }
            product = next
        }
        return product
    }

    /// `count × itemSize`, or nil on overflow.
    static func byteCount(count: Int, itemSize: Int) -> Int? {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
        return overflow ? nil : bytes
    }
}
