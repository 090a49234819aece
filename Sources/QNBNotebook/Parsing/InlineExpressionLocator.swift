/// Finds where cmark's inline code spans `` `\(expr)` `` are in the notebook's text. cmark 0.30
/// gives inline nodes no source position, only their block's lines, so each span is found again
/// by scanning those lines for backtick runs the way CommonMark pairs them and comparing the
/// content with cmark's literal.
struct InlineExpressionLocator {
    private let bytes: [UInt8]
    private let lines: SourceLines
    /// Per block (keyed by its first line), where the scan for its next span resumes.
    private var cursors: [Int: Int] = [:]

    init(markdown: String) {
        bytes = Array(markdown.utf8)
        lines = SourceLines(markdown)
    }

    /// The span holding `literal` in the block on `blockLines`, after the spans found before in
    /// the same block: its byte range (backticks included) and the line and column of the
    /// expression after `\(`; `nil` when no backtick pair there has that content.
    mutating func locate(
        _ literal: String, blockLines: ClosedRange<Int>
    ) -> (range: Range<Int>, line: Int, column: Int)? {
        guard blockLines.lowerBound >= 1, blockLines.upperBound <= lines.count else { return nil }
        let blockEnd = lines.contentEnds[blockLines.upperBound - 1]
        var index = cursors[blockLines.lowerBound] ?? lines.starts[blockLines.lowerBound - 1]
        let wanted = Array(literal.utf8)
        while index < blockEnd {
            guard bytes[index] == UInt8(ascii: "`") else {
                // A backslash escapes the next character, a backtick included.
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                continue
            }
            let open = index
            let length = runLength(at: open, end: blockEnd)
            guard let close = closingRun(length, from: open + length, end: blockEnd) else {
                // Unpaired backticks are literal text.
                index = open + length
                continue
            }
            index = close + length
            let (content, leading) = normalizedContent(open + length..<close)
            guard content == wanted else { continue }
            cursors[blockLines.lowerBound] = index
            let expressionStart = open + length + leading + 2
            let line = lineNumber(containing: expressionStart, from: blockLines.lowerBound)
            return (open..<index, line, expressionStart - lines.starts[line - 1] + 1)
        }
        return nil
    }

    private func runLength(at start: Int, end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == UInt8(ascii: "`") { index += 1 }
        return index - start
    }

    /// The start of the next run of exactly `length` backticks.
    private func closingRun(_ length: Int, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            let run = runLength(at: index, end: end)
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// The span's content as CommonMark defines it — line endings as spaces, one space stripped
    /// from each side when both sides have one and the content is not all spaces — and how many
    /// bytes were stripped from its start.
    private func normalizedContent(_ range: Range<Int>) -> (content: [UInt8], leading: Int) {
        var content: [UInt8] = []
        content.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") {
                content.append(UInt8(ascii: " "))
                if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
            } else if byte == UInt8(ascii: "\n") {
                content.append(UInt8(ascii: " "))
            } else {
                content.append(byte)
            }
            index += 1
        }
        let space = UInt8(ascii: " ")
        if content.count >= 2, content.first == space, content.last == space, content.contains(where: { $0 != space }) {
            return (Array(content.dropFirst().dropLast()), 1)
        }
        return (content, 0)
    }

    private func lineNumber(containing offset: Int, from first: Int) -> Int {
        var line = first
        while line < lines.count, lines.starts[line] <= offset { line += 1 }
        return line
    }
}
