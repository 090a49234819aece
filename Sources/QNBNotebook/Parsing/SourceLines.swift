/// The lines of a text as UTF-8 byte ranges. Lines end at `\n`, `\r\n` or a lone `\r`, as in
/// CommonMark (Swift's `Character` view would treat `\r\n` as one character, so this works on
/// bytes).
struct SourceLines: Hashable, Sendable {
    /// UTF-8 offset where each line starts.
    private(set) var starts: [Int] = []
    /// UTF-8 offset where each line's content ends (before its terminator).
    private(set) var contentEnds: [Int] = []
    /// UTF-8 offset just after each line's terminator.
    private(set) var ends: [Int] = []

    init(_ text: String) {
        var start = 0
        var offset = 0
        let bytes = Array(text.utf8)
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                var end = offset + 1
                if byte == UInt8(ascii: "\r"), end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
                    end += 1
                }
                starts.append(start)
                contentEnds.append(offset)
                ends.append(end)
                start = end
                offset = end
            } else {
                offset += 1
            }
        }
        if start < bytes.count {
            starts.append(start)
            contentEnds.append(bytes.count)
            ends.append(bytes.count)
        }
    }

    /// Number of lines; a final line without terminator counts, an empty text has none.
    var count: Int { starts.count }

    /// The content of 1-based line `line` of `text` (the text these lines were computed from),
    /// without its terminator; `nil` out of range.
    func content(of line: Int, in text: String) -> Substring? {
        guard line >= 1, line <= count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let end = utf8.index(utf8.startIndex, offsetBy: contentEnds[line - 1])
        return text[start..<end]
    }

    /// `text` with lines `range` emptied (their terminators kept), so that every other line keeps
    /// its number and columns.
    func blanking(_ range: ClosedRange<Int>, in text: String) -> String {
        guard count > 0 else { return text }
        let first = max(1, range.lowerBound)
        let last = min(count, range.upperBound)
        guard first <= last else { return text }
        var bytes = Array(text.utf8)
        var removed = 0
        for line in stride(from: last, through: first, by: -1) {
            let start = starts[line - 1]
            let end = contentEnds[line - 1]
            bytes.removeSubrange(start..<end)
            removed += end - start
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    /// The 1-based UTF-8 column of the character that starts at 1-based Unicode scalar column
    /// `scalarColumn` (libYAML counts columns in scalars; qnb counts UTF-8 bytes).
    func utf8Column(ofScalarColumn scalarColumn: Int) -> Int {
        var column = 1
        for (offset, scalar) in unicodeScalars.enumerated() {
            if offset >= scalarColumn - 1 { break }
            column += UTF8.width(scalar)
        }
        return column + Swift.max(0, scalarColumn - 1 - unicodeScalars.count)
    }
}
