/// The alphabets of `\mathrm`, `\mathbf`, `\mathbb` and friends. Except for upright text, MathML
/// Core styles letters through Unicode's Mathematical Alphanumeric Symbols (𝐱, ℝ, ℒ) rather than
/// a `mathvariant` attribute, so each alphabet maps characters to those code points.
enum MathAlphabet: Hashable, Sendable {
    /// Upright: letters stay as they are, names are not split into letters.
    case roman
    case italic
    case bold
    case boldItalic
    case doubleStruck
    case script
    case fraktur
    case sansSerif
    case monospace

    /// `character` in this alphabet, or `nil` when the alphabet has no such character (the
    /// character is then used as it is).
    func map(_ character: Character) -> Character? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        let value = scalar.value
        if let exception = Self.exceptions[self]?[character] { return exception }
        let upper = value >= 0x41 && value <= 0x5A, lower = value >= 0x61 && value <= 0x7A
        let digit = value >= 0x30 && value <= 0x39
        let greekUpper = value >= 0x391 && value <= 0x3A9, greekLower = value >= 0x3B1 && value <= 0x3C9
        let start: UInt32?
        switch self {
        case .roman: return nil
        case .italic: start = upper || lower ? 0x1D434 : nil
        case .bold:
            if digit { return Self.character(0x1D7CE + value - 0x30) }
            if greekUpper { return Self.character(0x1D6A8 + value - 0x391) }
            if greekLower { return Self.character(0x1D6C2 + value - 0x3B1) }
            start = upper || lower ? 0x1D400 : nil
        case .boldItalic:
            if digit { return Self.character(0x1D7CE + value - 0x30) }
            if greekUpper { return Self.character(0x1D71C + value - 0x391) }
            if greekLower { return Self.character(0x1D736 + value - 0x3B1) }
            start = upper || lower ? 0x1D468 : nil
        case .doubleStruck:
            if digit { return Self.character(0x1D7D8 + value - 0x30) }
            start = upper || lower ? 0x1D538 : nil
        case .script: start = upper || lower ? 0x1D49C : nil
        case .fraktur: start = upper || lower ? 0x1D504 : nil
        case .sansSerif:
            if digit { return Self.character(0x1D7E2 + value - 0x30) }
            start = upper || lower ? 0x1D5A0 : nil
        case .monospace:
            if digit { return Self.character(0x1D7F6 + value - 0x30) }
            start = upper || lower ? 0x1D670 : nil
        }
        guard let start else { return nil }
        return Self.character(start + (upper ? value - 0x41 : 26 + value - 0x61))
    }

    private static func character(_ value: UInt32) -> Character? {
        Unicode.Scalar(value).map(Character.init)
    }

    /// Letters that Unicode encoded before the Mathematical Alphanumeric Symbols block (its
    /// positions for them are reserved holes).
    private static let exceptions: [MathAlphabet: [Character: Character]] = [
        .italic: ["h": "ℎ"],
        .doubleStruck: ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"],
        .script: [
            "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ", "e": "ℯ",
            "g": "ℊ", "o": "ℴ",
        ],
        .fraktur: ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"],
    ]
}
