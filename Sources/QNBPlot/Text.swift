/// Number of terminal columns `s` occupies: East Asian Wide/Fullwidth scalars (U+1100–115F, U+2E80–A4CF,
/// U+AC00–D7A3, U+F900–FAFF, U+FE30–FE4F, U+FF00–FF60, U+FFE0–FFE6, common emoji U+1F300–1F64F and
/// U+1F900–1F9FF, U+20000–3FFFD) count 2, combining/enclosing marks, format characters (e.g. ZWJ) and
/// control characters count 0, everything else 1.
public func displayWidth(_ s: String) -> Int {
    var w = 0
    for u in s.unicodeScalars { w += TextUtil.scalarWidth(u) }
    return w
}

/// Text helpers shared by the renderers.
enum TextUtil {
    static func scalarWidth(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Control characters (tabs, newlines, …) replaced by spaces, so a label stays on one line.
    static func oneLine(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let v = u.value
            out.append((v < 0x20 || (v >= 0x7F && v < 0xA0)) ? " " : u)
        }
        return String(out)
    }

    /// XML text/attribute escaping; drops characters that are not allowed in XML 1.0.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = u.value
                if v < 0x20 && v != 0x9 && v != 0xA && v != 0xD { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func spaces(_ n: Int) -> String { n > 0 ? String(repeating: " ", count: n) : "" }

    /// Right-aligns `s` in `w` display columns.
    static func padLeft(_ s: String, _ w: Int) -> String { spaces(w - displayWidth(s)) + s }

    /// Left-aligns `s` in `w` display columns.
    static func padRight(_ s: String, _ w: Int) -> String { s + spaces(w - displayWidth(s)) }

    /// Removes trailing spaces.
    static func rtrim(_ s: String) -> String {
        var t = Substring(s)
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }

    /// The longest prefix of `s` that fits in `w` columns (at least one character, to guarantee progress).
    static func splitPrefix(_ s: String, width w: Int) -> (String, String) {
        var used = 0
        var idx = s.startIndex
        while idx < s.endIndex {
            let cw = displayWidth(String(s[idx]))
            if used + cw > w && idx > s.startIndex { break }
            used += cw
            idx = s.index(after: idx)
        }
        return (String(s[..<idx]), String(s[idx...]))
    }

    /// `s` shortened to at most `w` columns, ending in ".." when cut.
    static func truncate(_ s: String, to w: Int) -> String {
        if displayWidth(s) <= w { return s }
        if w < 3 { return w <= 0 ? "" : splitPrefix(s, width: w).0 }
        var used = 0
        var out = ""
        for ch in s {
            let cw = displayWidth(String(ch))
            if used + cw > w - 2 { break }
            used += cw
            out.append(ch)
        }
        return out + ".."
    }

    /// Greedy word wrap by display width; over-long words are split.
    static func wrap(_ s: String, width: Int) -> [String] {
        let w = max(width, 1)
        var lines: [String] = []
        var cur = ""
        var curW = 0
        for sub in s.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(sub)
            var ww = displayWidth(word)
            while ww > w {
                if !cur.isEmpty {
                    lines.append(cur)
                    cur = ""
                    curW = 0
                }
                let (head, rest) = splitPrefix(word, width: w)
                lines.append(head)
                word = rest
                ww = displayWidth(word)
            }
            if word.isEmpty { continue }
            if cur.isEmpty {
                cur = word
                curW = ww
            } else if curW + 1 + ww <= w {
                cur += " " + word
                curW += 1 + ww
            } else {
                lines.append(cur)
                cur = word
                curW = ww
            }
        }
        if !cur.isEmpty { lines.append(cur) }
        return lines
    }
}
