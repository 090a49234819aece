extension StringProtocol {
    /// The text made safe for HTML text and quoted attribute values: `&`, `<`, `>`, `"` and `'`
    /// become character references, and NUL becomes U+FFFD (as a browser shows it; markup passes
    /// through cmark as C strings, where a NUL would cut it off, an attribute value unclosed).
    /// The one escaping function of QNBRender: every string from a notebook or a value goes
    /// through it.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\u{0}": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
