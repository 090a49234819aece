/// A formula as plain text, for places that cannot hold MathML: the page's `<title>` when the
/// first heading has math. Symbols become their characters (`\Delta` → Δ, `\le` → ≤), function
/// names their names, one-character scripts Unicode super- and subscripts where they exist
/// (`x^2` → x², `w_i` → wᵢ), braces and structure commands disappear. Approximate by design: the
/// page itself shows the MathML.
enum MathPlainText {
    static func text(ofTeX tex: String) -> String {
        var output = ""
        let characters = Array(tex)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                var end = index + 1
                while end < characters.count, characters[end].isLetter { end += 1 }
                if end == index + 1, end < characters.count { end += 1 }  // `\,`, `\{`, `\%`
                let name = String(characters[(index + 1)..<end])
                output += symbol(name)
                index = end
                continue
            case "^", "_":
                var script = ""
                var next = index + 1
                if next < characters.count, characters[next] == "{" {
                    var depth = 0
                    var end = next
                    while end < characters.count {
                        if characters[end] == "{" { depth += 1 }
                        if characters[end] == "}" {
                            depth -= 1
                            if depth == 0 { break }
                        }
                        end += 1
                    }
                    script = text(ofTeX: String(characters[(next + 1)..<min(end, characters.count)]))
                    next = min(end + 1, characters.count)
                } else if next < characters.count {
                    script = String(characters[next])
                    next += 1
                }
                let map = character == "^" ? superscripts : subscripts
                while output.last == " " { output.removeLast() }
                let mapped = script.map { map[$0] }
                if !script.isEmpty, mapped.allSatisfy({ $0 != nil }) {
                    output += String(mapped.compactMap { $0 })
                } else if !script.isEmpty {
                    output += String(character) + (script.count == 1 ? script : "(" + script + ")")
                }
                index = next
                continue
            case "{", "}", "&":
                break
            case "~":
                output += " "
            default:
                output.append(character)
            }
            index += 1
        }
        return output.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    private static func symbol(_ name: String) -> String {
        if let symbol = TeXSymbols.identifiers[name] ?? TeXSymbols.operators[name]
            ?? TeXSymbols.largeOperators[name] ?? TeXSymbols.integrals[name] ?? TeXSymbols.delimiters[name]
        {
            return symbol
        }
        if let function = TeXSymbols.functions[name] { return function.name + " " }
        if TeXSymbols.spaces[name] != nil { return " " }
        if name == "\\" { return " " }
        // Fonts, accents, `\frac`, `\left`, `\text` …: their arguments follow as plain text.
        return ""
    }

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "−": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "a": "ᵃ", "b": "ᵇ", "c": "ᶜ", "d": "ᵈ",
        "e": "ᵉ", "f": "ᶠ", "g": "ᵍ", "h": "ʰ", "i": "ⁱ", "j": "ʲ", "k": "ᵏ", "l": "ˡ", "m": "ᵐ", "n": "ⁿ",
        "o": "ᵒ", "p": "ᵖ", "r": "ʳ", "s": "ˢ", "t": "ᵗ", "u": "ᵘ", "v": "ᵛ", "w": "ʷ", "x": "ˣ", "y": "ʸ",
        "z": "ᶻ", "T": "ᵀ",
    ]

    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "−": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "o": "ₒ", "x": "ₓ",
        "h": "ₕ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "p": "ₚ", "s": "ₛ", "t": "ₜ", "i": "ᵢ", "j": "ⱼ",
        "r": "ᵣ", "u": "ᵤ", "v": "ᵥ",
    ]
}
