/// A guard run before parsing: swift-syntax's parser takes time exponential in the nesting of
/// `[` at the start of expressions (it looks ahead for a type such as `[[Int]]` at every level),
/// so a hostile cell like `[[[[[[[[[[[[[[[[[[[[[[[[` would hang the run. Real code nests arrays a
/// few levels deep; deeper than `maximumDepth` is rejected with a located error.
public enum BracketDepthCheck {
    public static let maximumDepth = 12

    /// The (line, column) of the first `[` nested deeper than the limit, outside strings and
    /// comments (code inside string interpolations counts).
    public static func firstTooDeep(in source: String) -> (line: Int, column: Int)? {
        scan(source, stopWhenTooDeep: true).tooDeep
    }

    /// Unclosed brackets a cell may end with before ``unclosedProblem(in:)`` reports them
    /// itself, and the cell size (bytes) from which any unclosed bracket is reported.
    public static let unclosedLimit = 4
    public static let unclosedSizeLimit = 16_384

    /// A second hazard: for every bracket still open at the end, swift-syntax's recovery scans
    /// the rest of the cell again and again (3 KB with a few hundred open `{` took minutes to
    /// parse). Past `unclosedLimit` open brackets — or any in a cell of `unclosedSizeLimit`
    /// bytes or more — the first of them is reported instead of parsing; fewer, in small cells,
    /// are left to swift-syntax's better messages ("expected '}' to end 'if' statement").
    public static func unclosedProblem(in source: String) -> (message: String, line: Int, column: Int)? {
        let open = scan(source, stopWhenTooDeep: false).unclosed
        guard let first = open.first,
            open.count > unclosedLimit || source.utf8.count >= unclosedSizeLimit
        else { return nil }
        let more = open.count - 1
        let others = more == 0 ? "" : " (nor \(more) more bracket\(more == 1 ? "" : "s") after it)"
        return ("this '\(first.bracket)' is never closed\(others)", first.line, first.column)
    }

    struct Scan {
        var tooDeep: (line: Int, column: Int)?
        var unclosed: [(bracket: Character, line: Int, column: Int)] = []
    }

    /// One pass over the code outside strings and comments: the first `[` nested too deep and
    /// the brackets left open at the end (each closer closes the innermost open bracket).
    static func scan(_ source: String, stopWhenTooDeep: Bool) -> Scan {
        var result = Scan()
        enum Mode {
            case code(parentheses: Int)
            case string(multiline: Bool, pounds: Int)
            case lineComment
            case blockComment(depth: Int)
        }
        let bytes = Array(source.utf8)
        var modes: [Mode] = [.code(parentheses: 0)]
        var depth = 0
        var line = 1
        var column = 1
        var i = 0
        func peek(_ offset: Int) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }
        func advance(_ count: Int = 1) {
            for _ in 0..<count where i < bytes.count {
                if bytes[i] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            switch modes[modes.count - 1] {
            case .code(let parentheses):
                switch byte {
                case UInt8(ascii: "["):
                    depth += 1
                    result.unclosed.append(("[", line, column))
                    if depth > maximumDepth && result.tooDeep == nil {
                        result.tooDeep = (line, column)
                        if stopWhenTooDeep { return result }
                    }
                case UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                    if !result.unclosed.isEmpty { result.unclosed.removeLast() }
                case UInt8(ascii: "{"):
                    result.unclosed.append(("{", line, column))
                case UInt8(ascii: "}"):
                    if !result.unclosed.isEmpty { result.unclosed.removeLast() }
                case UInt8(ascii: "("):
                    modes[modes.count - 1] = .code(parentheses: parentheses + 1)
                    result.unclosed.append(("(", line, column))
                case UInt8(ascii: ")"):
                    if parentheses == 0 && modes.count > 1 {
                        modes.removeLast()  // end of an interpolation
                    } else {
                        modes[modes.count - 1] = .code(parentheses: max(0, parentheses - 1))
                        if !result.unclosed.isEmpty { result.unclosed.removeLast() }
                    }
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    modes.append(.lineComment)
                    advance()
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    modes.append(.blockComment(depth: 1))
                    advance()
                case UInt8(ascii: "#"), UInt8(ascii: "\""):
                    var pounds = 0
                    while peek(pounds) == UInt8(ascii: "#") { pounds += 1 }
                    guard peek(pounds) == UInt8(ascii: "\"") else { break }
                    let multiline = peek(pounds + 1) == UInt8(ascii: "\"") && peek(pounds + 2) == UInt8(ascii: "\"")
                    advance(pounds + (multiline ? 2 : 0))
                    modes.append(.string(multiline: multiline, pounds: pounds))
                default: break
                }
            case .string(let multiline, let pounds):
                if byte == UInt8(ascii: "\\") {
                    var k = 1
                    var matched = true
                    for _ in 0..<pounds {
                        if peek(k) != UInt8(ascii: "#") { matched = false }
                        k += 1
                    }
                    if matched && peek(k) == UInt8(ascii: "(") {
                        advance(k)
                        modes.append(.code(parentheses: 0))
                    } else {
                        advance()
                    }
                } else if byte == UInt8(ascii: "\"") {
                    let closing = multiline ? peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"") : true
                    var k = multiline ? 3 : 1
                    var poundsMatch = true
                    for _ in 0..<pounds {
                        if peek(k) != UInt8(ascii: "#") { poundsMatch = false }
                        k += 1
                    }
                    if closing && poundsMatch {
                        advance(k - 1)
                        modes.removeLast()
                    }
                } else if byte == UInt8(ascii: "\n") && !multiline {
                    modes.removeLast()
                }
            case .lineComment:
                if byte == UInt8(ascii: "\n") { modes.removeLast() }
            case .blockComment(let nesting):
                if byte == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                    advance()
                    if nesting == 1 {
                        modes.removeLast()
                    } else {
                        modes[modes.count - 1] = .blockComment(depth: nesting - 1)
                    }
                } else if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                    advance()
                    modes[modes.count - 1] = .blockComment(depth: nesting + 1)
                }
            }
            advance()
        }
        return result
    }
}
