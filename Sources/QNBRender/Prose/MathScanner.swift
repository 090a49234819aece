/// Finds the `$…$` and `$$…$$` formulas of a notebook's prose before cmark parses it, so that
/// `_`, `*`, `\,` or a line starting with `+ ` inside a formula are never read as Markdown.
///
/// The rules follow Pandoc's `tex_math_dollars`: `\$` is a dollar sign; dollars inside code spans
/// and code blocks are not math; an opening `$` must be followed by a non-space and a closing `$`
/// preceded by one and not followed by a digit, so "costs $5 and $10" stays text. A formula
/// stays within one paragraph (a blank line ends the search); display math may span its lines,
/// inline math may continue on a line that does not start a new block.
struct MathScanner {
    private let bytes: [UInt8]
    /// Byte ranges of the lines, without their line endings.
    private let lines: [Range<Int>]
    /// 1-based lines inside code and HTML blocks, where nothing is math.
    private let verbatimLines: Set<Int>

    init(_ markdown: String, verbatimLines: Set<Int>) {
        bytes = Array(markdown.utf8)
        // Lines end at "\n", "\r\n" or a lone "\r", as in CommonMark.
        var lines: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            lines.append(start..<index)
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            start = index
        }
        lines.append(start..<bytes.count)
        self.lines = lines
        self.verbatimLines = verbatimLines
    }

    /// The prose with placeholders, and the formulas found. The placeholders' marker is in
    /// neither `markdown` nor `avoiding` (the markup that joins the prose before placeholders
    /// are replaced: cells and computed values).
    static func extract(_ markdown: String, verbatimLines: Set<Int>, avoiding: [String] = []) -> MathExtraction {
        let scanner = MathScanner(markdown, verbatimLines: verbatimLines)
        guard markdown.utf8.contains(UInt8(ascii: "$")), let marker = unusedMarker(in: [markdown] + avoiding) else {
            return MathExtraction(markdown: markdown, spans: [], marker: "\u{E000}")
        }
        return scanner.replacing(scanner.formulas(), marker: marker)
    }

    /// A private-use character that none of `texts` contains, the first free one in `ranges`: a
    /// placeholder no notebook text can pose as (formulas here, the table of contents in
    /// `HTMLPage`, which searches another range so the two never meet).
    static func unusedMarker(
        in texts: [String], ranges: [ClosedRange<UInt32>] = [0xE000...0xF8FF, 0xF0000...0xFFFFD]
    ) -> Unicode.Scalar? {
        let used = Set(
            texts.flatMap { $0.unicodeScalars.filter { $0.properties.generalCategory == .privateUse }.map(\.value) })
        for range in ranges {
            if let free = range.first(where: { !used.contains($0) }) { return Unicode.Scalar(free) }
        }
        return nil
    }

    /// A formula's byte range (delimiters included) and kind.
    private struct Found {
        var range: Range<Int>
        var display: Bool
        var firstLine: Int
    }

    /// Every formula, in order. Scans each paragraph (a run of non-blank lines outside code
    /// and HTML blocks) once, left to right.
    private func formulas() -> [Found] {
        var found: [Found] = []
        var lineIndex = 0
        while lineIndex < lines.count {
            guard isProse(lineIndex) else {
                lineIndex += 1
                continue
            }
            var last = lineIndex
            while last + 1 < lines.count, isProse(last + 1) { last += 1 }
            scanParagraph(lines: lineIndex...last, into: &found)
            lineIndex = last + 1
        }
        return found
    }

    private func isProse(_ lineIndex: Int) -> Bool {
        !verbatimLines.contains(lineIndex + 1)
            && !lines[lineIndex].allSatisfy { [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[$0]) }
    }

    /// Scans a paragraph once, left to right. A search for a closing delimiter that fails is
    /// remembered, so that the next opener does not search the same text again (which would
    /// make a paragraph full of lone `$` or backticks quadratic).
    private func scanParagraph(lines paragraph: ClosedRange<Int>, into found: inout [Found]) {
        let end = lines[paragraph.upperBound].upperBound
        var index = lines[paragraph.lowerBound].lowerBound
        var inlineFailsBefore = index
        var displayFails = false
        var unmatchedBackticks: Set<Int> = []
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += index + 1 < end && bytes[index + 1].isASCIIPunctuation ? 2 : 1
            case UInt8(ascii: "`"):
                let length = run(of: UInt8(ascii: "`"), at: index, end: end)
                if !unmatchedBackticks.contains(length),
                    let close = closingBackticks(length, from: index + length, end: end)
                {
                    index = close
                } else {
                    unmatchedBackticks.insert(length)
                    index += length
                }
            case UInt8(ascii: "$"):
                if index + 1 < end && bytes[index + 1] == UInt8(ascii: "$") {
                    let close = displayFails ? nil : closingDisplay(from: index + 2, end: end)
                    displayFails = close == nil
                    if let close, bytes[(index + 2)..<(close - 2)].contains(where: { !$0.isASCIIWhitespace }) {
                        found.append(Found(range: index..<close, display: true, firstLine: line(of: index)))
                        index = close
                    } else {
                        index += 2
                    }
                    continue
                }
                guard index >= inlineFailsBefore else {
                    index += 1
                    continue
                }
                switch closingInline(from: index + 1, end: end) {
                case .closed(let close):
                    found.append(Found(range: index..<close, display: false, firstLine: line(of: index)))
                    index = close
                case .notClosed(let before):
                    inlineFailsBefore = before
                    index += 1
                case .invalidOpening:
                    index += 1
                }
            default:
                index += 1
            }
        }
    }

    /// The number of `byte`s in a row at `index`.
    private func run(of byte: UInt8, at index: Int, end: Int) -> Int {
        var count = 0
        while index + count < end, bytes[index + count] == byte { count += 1 }
        return count
    }

    /// The end of the backtick run of exactly `length` that closes a code span, if any.
    private func closingBackticks(_ length: Int, from start: Int, end: Int) -> Int? {
        var index = start
        while index < end {
            guard bytes[index] == UInt8(ascii: "`") else {
                index += 1
                continue
            }
            let count = run(of: UInt8(ascii: "`"), at: index, end: end)
            if count == length { return index + count }
            index += count
        }
        return nil
    }

    /// The end of the first `$$` after `start` (a `\\$` is not one), if any.
    private func closingDisplay(from start: Int, end: Int) -> Int? {
        var index = start
        while index + 1 < end {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
            } else if bytes[index] == UInt8(ascii: "$") && bytes[index + 1] == UInt8(ascii: "$") {
                return index + 2
            } else {
                index += 1
            }
        }
        return nil
    }

    private enum InlineClose {
        case closed(at: Int)
        /// No `$` closes a formula opened before `before` (the end of the paragraph, or a
        /// line that starts a block).
        case notClosed(before: Int)
        /// A space follows the `$`: it opens nothing.
        case invalidOpening
    }

    /// The end of the `$` that closes inline math whose content starts at `start`.
    private func closingInline(from start: Int, end: Int) -> InlineClose {
        guard start < end, !bytes[start].isASCIIWhitespace else { return .invalidOpening }
        var index = start
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
            case UInt8(ascii: "$"):
                let followedByDigit = index + 1 < end && bytes[index + 1] >= 0x30 && bytes[index + 1] <= 0x39
                if !bytes[index - 1].isASCIIWhitespace && !followedByDigit { return .closed(at: index + 1) }
                index += 1
            case UInt8(ascii: "`"):
                // A code span takes precedence: `$` inside one never closes math.
                return .notClosed(before: index)
            case 0x0A, 0x0D:
                // Inline math may wrap onto the next line, unless that line starts a block.
                let next = bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? index + 2 : index + 1
                if startsBlock(line(of: next)) { return .notClosed(before: index) }
                index = next
            default:
                index += 1
            }
        }
        return .notClosed(before: end)
    }

    /// Whether the line begins a list item, heading, block quote or code fence.
    private func startsBlock(_ lineIndex: Int) -> Bool {
        let line = lines[lineIndex]
        var index = line.lowerBound
        while index < line.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < line.upperBound else { return false }
        let first = bytes[index]
        let second = index + 1 < line.upperBound ? bytes[index + 1] : 0x20
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"): return second.isASCIIWhitespace
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "="): return true
        case 0x30...0x39:
            var digit = index
            while digit < line.upperBound, bytes[digit] >= 0x30, bytes[digit] <= 0x39 { digit += 1 }
            return digit < line.upperBound && (bytes[digit] == UInt8(ascii: ".") || bytes[digit] == UInt8(ascii: ")"))
        default: return false
        }
    }

    /// The index of the line that holds byte `index` (or ends just before it).
    private func line(of index: Int) -> Int {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].lowerBound <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The prose with a placeholder in place of each formula's part on each of its lines.
    private func replacing(_ found: [Found], marker: Unicode.Scalar) -> MathExtraction {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var spans: [MathSpan] = []
        var copied = 0
        for formula in found {
            let number = spans.count
            let placeholder = Array((String(Character(marker)) + String(number) + String(Character(marker))).utf8)
            let quoteDepth = blockQuoteDepth(of: formula.firstLine)
            var pieces: [String] = []
            var content: [String] = []
            var lineIndex = formula.firstLine
            var start = formula.range.lowerBound
            while true {
                let line = lines[lineIndex]
                if lineIndex != formula.firstLine {
                    start = line.lowerBound + prefixLength(of: line, quoteDepth: quoteDepth)
                }
                let end = min(line.upperBound, formula.range.upperBound)
                output += bytes[copied..<start]
                output += placeholder
                copied = end
                let piece = String(decoding: bytes[start..<end], as: UTF8.self)
                pieces.append(piece)
                content.append(piece)
                if formula.range.upperBound <= line.upperBound { break }
                lineIndex += 1
            }
            let delimiter = formula.display ? 2 : 1
            var tex = content.joined(separator: "\n")
            tex = String(tex.dropFirst(delimiter).dropLast(delimiter))
            let line = lines[formula.firstLine]
            spans.append(
                MathSpan(
                    tex: tex.trimmingWhitespace, display: formula.display, line: formula.firstLine + 1,
                    column: formula.range.lowerBound - line.lowerBound + 1, pieces: pieces))
        }
        output += bytes[copied...]
        return MathExtraction(markdown: String(decoding: output, as: UTF8.self), spans: spans, marker: marker)
    }

    /// How many `>` markers open the line (block quotes the formula is in).
    private func blockQuoteDepth(of lineIndex: Int) -> Int {
        var depth = 0
        for index in lines[lineIndex] {
            switch bytes[index] {
            case UInt8(ascii: ">"): depth += 1
            case 0x20, 0x09: continue
            default: return depth
            }
        }
        return depth
    }

    /// The indentation and block-quote markers that start a continuation line of a formula:
    /// Markdown's, not the formula's.
    private func prefixLength(of line: Range<Int>, quoteDepth: Int) -> Int {
        var index = line.lowerBound
        var quotes = 0
        while index < line.upperBound {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
            } else if byte == UInt8(ascii: ">") && quotes < quoteDepth {
                quotes += 1
                index += 1
            } else {
                break
            }
        }
        return index - line.lowerBound
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }

    /// The characters a backslash escapes in CommonMark.
    fileprivate var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self)
            || (0x7B...0x7E).contains(self)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
