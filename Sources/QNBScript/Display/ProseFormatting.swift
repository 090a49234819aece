/// How values read inside sentences: the text that replaces an inline prose value
/// `` `\(expr)` ``, and the `format`/`percent` builtins that let a notebook choose the digits.
///
/// Numbers are written for people, not for parsers: four significant digits by default (a
/// notebook that wants more asks with `format(x, digits: 6)`), trailing zeros dropped, digit
/// groups from four integer digits on (`1,797`, `16,777,216`, as English prose writes them), a
/// true minus sign (`−0.25`), and powers of
/// ten (`1.5 × 10⁻⁷`) instead of `e` notation for very small or very large magnitudes.
/// Deterministic and locale-independent.
public enum ProseFormatting {
    /// Significant digits of a Double in prose when the expression does not format it itself.
    public static let significantDigits = 4
    /// The most elements an array or tuple may have to be written in a sentence.
    public static let maximumElements = 16
    /// The longest text a host object's one-line description may have to stand in a sentence.
    public static let maximumObjectText = 120

    /// `value` with `digits` significant digits (1…17).
    public static func number(_ value: Double, significantDigits digits: Int = significantDigits) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        if value == 0 { return "0" }
        let digits = min(max(digits, 1), 17)
        let scientific = cFormat("%.\(digits - 1)e", value)
        guard let e = scientific.firstIndex(of: "e"),
            let exponent = Int(scientific[scientific.index(after: e)...])
        else { return scientific }
        if exponent >= -4 && exponent < 9 {
            return styled(
                NumberFormatting.trimmed(NumberFormatting.fixed(value, decimals: max(0, digits - 1 - exponent))))
        }
        let mantissa = styled(NumberFormatting.trimmed(String(scientific[..<e])))
        return mantissa + " × 10" + superscript(exponent)
    }

    /// `value` rounded to exactly `decimals` places (0…20), trailing zeros kept.
    public static func number(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "−∞" : "∞" }
        return styled(NumberFormatting.fixed(value, decimals: min(max(decimals, 0), 20)))
    }

    /// An integer with digit groups from four digits on and a true minus sign.
    public static func integer(_ value: Int) -> String {
        styled(String(value))
    }

    /// The text of `value` in a sentence and, when it is a number, the number (what `qnb check`
    /// compares with a tolerance). Throws a message saying why the value cannot stand in prose:
    /// no value, a function, a collection too long, an object with no one-line form.
    public static func text(of value: Value) throws(ProseFormattingError) -> (text: String, number: Double?) {
        switch value {
        case .int(let v): return (integer(v), Double(v))
        case .double(let v): return (number(v), v)
        default: return (try text(of: value, nested: false), nil)
        }
    }

    private static func text(of value: Value, nested: Bool) throws(ProseFormattingError) -> String {
        switch value {
        case .int(let v): return integer(v)
        case .double(let v): return number(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v):
            guard nested else { return v }
            var quoted = ""
            value.write(to: &quoted, nested: true)
            return quoted
        case .optional(let inner):
            guard let inner else { return "nil" }
            return try text(of: inner, nested: nested)
        case .option(let option): return Value.optionText(option)
        case .range: return value.description
        case .array(let elements):
            return "[" + (try list(elements, of: "array")) + "]"
        case .tuple(let tuple):
            if tuple.elements.isEmpty {
                throw ProseFormattingError(
                    "the expression has no value (it returns Void); an inline value must give a number, text or Boolean"
                )
            }
            return "(" + (try list(tuple.elements, of: "tuple")) + ")"
        case .dictionary:
            throw ProseFormattingError(
                "a dictionary cannot be shown in a sentence; quote one of its values, e.g. `\\(d[\"key\"]!)`")
        case .function:
            throw ProseFormattingError("a function cannot be shown in a sentence; call it")
        case .object(let object):
            let text = object.scriptDescription
            guard !text.contains(where: \.isNewline), text.count <= maximumObjectText else {
                throw ProseFormattingError(
                    "a \(type(of: object).scriptTypeName) is too large to show in a sentence; "
                        + "quote one of its numbers instead")
            }
            return text
        }
    }

    private static func list(_ elements: [Value], of kind: String) throws(ProseFormattingError) -> String {
        guard elements.count <= maximumElements else {
            throw ProseFormattingError(
                "an \(kind) of \(elements.count) elements is too long for a sentence (at most \(maximumElements)); "
                    + "quote a few of them or a summary such as its mean")
        }
        var parts: [String] = []
        for element in elements {
            if case .array = element {
                throw ProseFormattingError("a nested array cannot be shown in a sentence")
            }
            parts.append(try text(of: element, nested: true))
        }
        return parts.joined(separator: ", ")
    }

    /// Digit groups in the integer part (four digits or more) and `−` for the minus sign of a
    /// number printf wrote; a negative zero loses its sign.
    private static func styled(_ plain: String) -> String {
        var digits = Substring(plain)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        let point = digits.firstIndex(of: ".") ?? digits.endIndex
        let whole = digits[..<point]
        var grouped = String(whole)
        if whole.count >= 4 {
            grouped = ""
            for (index, character) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
        }
        let body = grouped + digits[point...]
        if negative && body.contains(where: { $0 != "0" && $0 != "." && $0 != "," }) { return "−" + body }
        return body
    }

    private static func superscript(_ exponent: Int) -> String {
        let map: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "-": "⁻",
        ]
        return String(String(exponent).map { map[$0] ?? $0 })
    }
}

/// Why a value cannot be written in a sentence.
public struct ProseFormattingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
