/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), reporting where the first bad byte is.
enum UTF8Validation {
    /// The index of the first byte of the first invalid sequence: a byte that cannot start one,
    /// or a lead byte whose continuation bytes are missing or wrong (pointing at the lead byte
    /// puts the caret on the character the user sees as broken, e.g. a Latin-1 `é`).
    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1..<length {
                let position = index + offset
                guard position < bytes.endIndex else { return index }
                let byte = bytes[position]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= low && byte <= high else { return index }
            }
            index += length
        }
        return nil
    }

    /// 1-based line and UTF-8 column of byte `index`; lines end at `\n`, `\r\n` or `\r`.
    static func lineAndColumn(of index: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var position = bytes.startIndex
        while position < index {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r")
                    && (position + 1 >= bytes.endIndex || bytes[position + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        return (line, index - lineStart + 1)
    }
}
