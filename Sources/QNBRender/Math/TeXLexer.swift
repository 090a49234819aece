/// Splits a TeX formula into tokens the way TeX reads math: `\` and the letters after it form
/// one command (or `\` and one other character a control symbol), `%` starts a comment that runs
/// to the end of the line, and every other character is a token of its own.
struct TeXLexer {
    let source: String

    init(_ source: String) {
        self.source = source
    }

    /// Every token, white space included, in order. Linear in the length of the source.
    func tokens() -> [TeXToken] {
        var tokens: [TeXToken] = []
        var index = source.startIndex
        while index < source.endIndex {
            let start = index
            let character = source[index]
            index = source.index(after: index)
            let kind: TeXToken.Kind
            switch character {
            case "\\":
                guard index < source.endIndex else {
                    kind = .command("")
                    break
                }
                if source[index].isASCIILetter {
                    let nameStart = index
                    while index < source.endIndex, source[index].isASCIILetter { index = source.index(after: index) }
                    kind = .command(String(source[nameStart..<index]))
                } else {
                    let symbol = source[index]
                    index = source.index(after: index)
                    kind = .command(symbol.isWhitespace ? " " : String(symbol))
                }
            case "{": kind = .openBrace
            case "}": kind = .closeBrace
            case "^": kind = .superscript
            case "_": kind = .subscript
            case "&": kind = .alignment
            case "%":
                while index < source.endIndex, !source[index].isNewline { index = source.index(after: index) }
                kind = .space
            case _ where character.isWhitespace:
                while index < source.endIndex, source[index].isWhitespace { index = source.index(after: index) }
                kind = .space
            default:
                kind = .character(character)
            }
            tokens.append(TeXToken(kind: kind, text: source[start..<index]))
        }
        return tokens
    }
}

extension Character {
    /// `a`–`z` or `A`–`Z`: the letters of a TeX command name.
    var isASCIILetter: Bool {
        guard let ascii = asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122)
    }
}
