/// A text cut into the numbers written in it and the text around them, so that `qnb check` can
/// compare the numbers with a tolerance and everything else exactly.
///
/// A number is an optionally signed decimal (`-0.25`, `.5`, `3`, `1.5e-06`, with `−` accepted
/// as a minus sign) that does not continue a word: the `8` of `int8` and the digits of a version
/// such as `1.2.3` stay text, while the `4` of `4x` or `12ms` is a number followed by text.
public struct NumericText: Hashable, Sendable {
    public enum Piece: Hashable, Sendable {
        case text(String)
        /// A number, its spelling, and the offset of its first character in the text.
        case number(Double, spelling: String, offset: Int)
    }

    public var pieces: [Piece]

    public init(_ text: String) {
        let characters = Array(text)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index < characters.count {
            guard let end = Self.numberEnd(in: characters, at: index) else {
                index += 1
                continue
            }
            if textStart < index { pieces.append(.text(String(characters[textStart..<index]))) }
            let spelling = String(characters[index..<end])
            let value = Double(spelling.replacingOccurrences(of: "−", with: "-")) ?? .nan
            pieces.append(.number(value, spelling: spelling, offset: index))
            index = end
            textStart = end
        }
        if textStart < characters.count { pieces.append(.text(String(characters[textStart...]))) }
        self.pieces = pieces
    }

    /// Whether the texts are the same apart from numbers that `tolerance` accepts.
    public func matches(_ other: NumericText, tolerance: Tolerance) -> Bool {
        guard pieces.count == other.pieces.count else { return false }
        for (mine, theirs) in zip(pieces, other.pieces) {
            switch (mine, theirs) {
            case (.text(let a), .text(let b)):
                if a != b { return false }
            case (.number(let a, _, _), .number(let b, _, _)):
                if !tolerance.accepts(a, b) { return false }
            default:
                return false
            }
        }
        return true
    }

    /// The numbers that moved beyond `tolerance` between `expected` and this text, when the two
    /// have the same text around their numbers; `nil` when the text itself differs.
    public func numberChanges(from expected: NumericText, tolerance: Tolerance) -> [NumberChange]? {
        guard pieces.count == expected.pieces.count else { return nil }
        var changes: [NumberChange] = []
        for (old, new) in zip(expected.pieces, pieces) {
            switch (old, new) {
            case (.text(let a), .text(let b)):
                if a != b { return nil }
            case (.number(let a, let oldSpelling, _), .number(let b, let newSpelling, let offset)):
                if !tolerance.accepts(a, b) {
                    changes.append(
                        NumberChange(
                            expected: a, expectedSpelling: oldSpelling, actual: b, actualSpelling: newSpelling,
                            offset: offset))
                }
            default:
                return nil
            }
        }
        return changes
    }

    /// The end of the number starting at `start`, or `nil` if none starts there.
    static func numberEnd(in characters: [Character], at start: Int) -> Int? {
        func isDigit(_ index: Int) -> Bool {
            index < characters.count && characters[index].isASCII && characters[index].isNumber
        }
        func isCharacter(_ index: Int, in set: String) -> Bool {
            index < characters.count && set.contains(characters[index])
        }
        if start > 0 {
            let previous = characters[start - 1]
            if previous.isLetter || previous.isNumber || previous == "_" || previous == "." { return nil }
        }
        var index = start
        if isCharacter(index, in: "+-−") { index += 1 }
        var digits = 0
        while isDigit(index) {
            index += 1
            digits += 1
        }
        if isCharacter(index, in: ".") && isDigit(index + 1) {
            index += 1
            while isDigit(index) {
                index += 1
                digits += 1
            }
        }
        guard digits > 0 else { return nil }
        if isCharacter(index, in: "eE") {
            if isDigit(index + 1) {
                index += 1
            } else if isCharacter(index + 1, in: "+-") && isDigit(index + 2) {
                index += 2
            }
            while isDigit(index) { index += 1 }
        }
        // `1.2.3` and `3_000` are not numbers followed by text.
        if isCharacter(index, in: "._") && (isDigit(index + 1) || characters[index] == "_") { return nil }
        return index
    }
}

/// A number in a text output that moved beyond the tolerance.
public struct NumberChange: Hashable, Sendable {
    public var expected: Double
    public var expectedSpelling: String
    public var actual: Double
    public var actualSpelling: String
    /// Where the new spelling starts in its text, in characters.
    public var offset: Int

    public var relativeDifference: Double { Tolerance.relativeDifference(expected, actual) }
}
