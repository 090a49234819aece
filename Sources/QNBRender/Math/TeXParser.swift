/// Parses the TeX of one formula into a `MathNode` tree: the subset of LaTeX math that
/// tutorials use (scripts, fractions, roots, delimiters, Greek, fonts, accents, big operators with
/// limits, matrices, cases and aligned equations). Anything else is a `TeXError`, and the caller
/// shows the source instead. Nesting deeper than `nestingLimit` is an error too, so hostile input
/// cannot exhaust the stack.
struct TeXParser {
    /// How deeply groups, arguments and scripts may nest.
    static let nestingLimit = 40

    /// How the scripts of an atom are placed.
    enum LimitsPlacement {
        /// Beside it (`x_i`).
        case never
        /// Below and above in display style, beside it otherwise (`\sum`, `\max`).
        case inDisplay
        /// Always below and above (`\underbrace`).
        case always
    }

    /// One element of a row, with what the row needs to know about it.
    struct Atom {
        var node: MathNode
        var limits: LimitsPlacement = .never
        /// A function name such as `\log`: followed by an invisible function application.
        var isFunction = false
        /// An opening delimiter: a function name before it gets no space.
        var opensPair = false
        /// `\sum`, `\int` …: TeX puts a thin space between it and an ordinary symbol before it.
        var isLargeOperator = false
    }

    let tokens: [TeXToken]
    var position = 0
    /// Display style (limits below and above) in effect at the current position.
    var displayStyle: Bool
    /// The alphabet selected by an enclosing `\mathbf`, `\mathrm` …
    var alphabet: MathAlphabet?
    /// Inside the optional argument of `\sqrt`, which a `]` ends.
    var stopsAtBracket = false
    /// Inside a script (or a root's index), where TeX puts no space around operators.
    var inScript = false
    var depth = 0

    init(_ source: String, display: Bool) {
        tokens = TeXLexer(source).tokens()
        displayStyle = display
    }

    /// The formula's tree. In display math, `\\` at the top level splits it into centred lines.
    mutating func parse() throws(TeXError) -> MathNode {
        var lines: [MathNode] = []
        while true {
            let items = try parseList()
            guard let token = current else {
                if lines.isEmpty { return .row(items) }
                if !items.isEmpty { lines.append(.row(items)) }
                return .table(lines.map { [$0] }, columnAlignment: nil, displayStyle: displayStyle)
            }
            guard case .command(let name) = token.kind, name == "\\" || name == "cr" else { throw unexpected(token) }
            position += 1
            skipOptionalBracket()
            lines.append(.row(items))
        }
    }

    var current: TeXToken? { position < tokens.count ? tokens[position] : nil }

    mutating func skipSpaces() {
        while position < tokens.count, tokens[position].kind == .space { position += 1 }
    }

    /// Whether `token` ends the list being parsed (the caller decides whether it belongs there).
    func isTerminator(_ token: TeXToken) -> Bool {
        switch token.kind {
        case .closeBrace, .alignment: return true
        case .command(let name): return ["\\", "cr", "right", "middle", "end"].contains(name)
        case .character("]"): return stopsAtBracket
        default: return false
        }
    }

    /// The error for a terminator found where it does not belong.
    func unexpected(_ token: TeXToken) -> TeXError {
        switch token.kind {
        case .closeBrace: return .unexpectedCloseBrace
        case .alignment: return .misplacedAlignment("&")
        case .command("right"): return .unexpectedRight("right")
        case .command("middle"): return .unexpectedRight("middle")
        case .command("end"):
            var copy = self
            copy.position += 1
            return .unexpectedEnd((try? copy.parseEnvironmentName()) ?? "")
        default: return .misplacedAlignment(String(token.text))
        }
    }

    /// Atoms up to the next terminator (not consumed), with their scripts attached.
    /// `\displaystyle` and `\textstyle` apply to the rest of the list.
    mutating func parseList() throws(TeXError) -> [MathNode] {
        let savedStyle = displayStyle
        defer { displayStyle = savedStyle }
        var atoms: [Atom] = []
        var styled: [MathNode] = []
        var style: Bool?
        func flush() {
            let nodes = Self.applyingFunctions(atoms)
            atoms = []
            if let style { styled.append(.style(displayStyle: style, .row(nodes))) } else { styled += nodes }
        }
        while true {
            skipSpaces()
            guard let token = current, !isTerminator(token) else { break }
            if case .command(let name) = token.kind, Self.styleCommands.contains(name) {
                position += 1
                flush()
                style = name == "displaystyle"
                displayStyle = name == "displaystyle"
                continue
            }
            guard let atom = try parseAtom() else { continue }
            atoms.append(try parseScripts(of: atom))
        }
        flush()
        return styled
    }

    private static let styleCommands: Set<String> = ["displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle"]

    /// The nodes of a row, with an invisible function application between a function name and
    /// what follows it (spaced like TeX's thin space unless a delimiter follows), and TeX's thin space between
    /// an ordinary symbol and a function name or large operator after it.
    static func applyingFunctions(_ atoms: [Atom]) -> [MathNode] {
        var nodes: [MathNode] = []
        nodes.reserveCapacity(atoms.count)
        for (index, atom) in atoms.enumerated() {
            if atom.isFunction || atom.isLargeOperator, index > 0, isOrdinary(atoms[index - 1]) {
                nodes.append(.space(width: "0.1667em"))
            }
            nodes.append(atom.node)
            // Nothing to apply to at the end of a row (`x_{\max}`).
            guard atom.isFunction, index + 1 < atoms.count else { continue }
            let spaced = !atoms[index + 1].opensPair
            nodes.append(.op("\u{2061}", spaced ? MathOperator(rightSpace: "0.1667em") : MathOperator()))
        }
        return nodes
    }

    /// Whether TeX would class the atom as ordinary (or inner) rather than as an operator,
    /// relation, punctuation or space.
    private static func isOrdinary(_ atom: Atom) -> Bool {
        guard !atom.isFunction && !atom.isLargeOperator else { return false }
        switch atom.node {
        case .op, .space, .style: return false
        case .scripts(let base, _, _), .limits(let base, _, _, _, _):
            if case .op = base { return false }
            return true
        default: return true
        }
    }

    /// One atom without its scripts; `nil` for a command that produces nothing (`\hline`).
    /// `single` reads one character where a run would otherwise be joined (`\frac12`).
    mutating func parseAtom(single: Bool = false) throws(TeXError) -> Atom? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.nestingLimit else { throw .tooDeep(limit: Self.nestingLimit) }
        skipSpaces()
        guard let token = current, !isTerminator(token) else { return nil }
        switch token.kind {
        case .openBrace:
            position += 1
            let savedBracket = stopsAtBracket
            stopsAtBracket = false
            let items = try parseList()
            stopsAtBracket = savedBracket
            guard let close = current else { throw .missingCloseBrace }
            guard close.kind == .closeBrace else { throw unexpected(close) }
            position += 1
            return Atom(node: .row(items))
        case .superscript, .subscript:
            // Scripts with nothing before them attach to an empty base.
            return Atom(node: .row([]))
        case .character(let character):
            return parseCharacter(character, single: single)
        case .command(let name):
            position += 1
            return try parseCommand(name)
        case .closeBrace, .alignment, .space:
            throw unexpected(token)
        }
    }

    /// `^`, `_`, primes, `\limits` and `\nolimits` after an atom.
    mutating func parseScripts(of atom: Atom) throws(TeXError) -> Atom {
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        var limits: Bool?
        scripts: while true {
            skipSpaces()
            guard let token = current else { break }
            switch token.kind {
            case .superscript:
                guard sup == nil else { throw .doubleSuperscript }
                position += 1
                sup = try parseScriptArgument("^")
            case .subscript:
                guard sub == nil else { throw .doubleSubscript }
                position += 1
                sub = try parseScriptArgument("_")
            case .character("'"):
                guard sup == nil else { throw .doubleSuperscript }
                position += 1
                primes += 1
            case .command("limits"):
                position += 1
                limits = true
            case .command("nolimits"):
                position += 1
                limits = false
            default:
                break scripts
            }
        }
        guard sub != nil || sup != nil || primes > 0 else { return atom }
        // A prime without a superscript follows its base: the prime glyph is already raised, and
        // browsers would raise it again as a superscript.
        var primeAfter: MathNode?
        if primes > 0 {
            let prime = MathNode.op(["′", "″", "‴"][min(primes, 3) - 1], .ordinary)
            let extra = Array(repeating: prime, count: max(0, primes - 3))
            switch sup {
            case nil: primeAfter = extra.isEmpty ? prime : .row([prime] + extra)
            case .row(let items): sup = .row([prime] + extra + items)
            case let node?: sup = .row([prime] + extra + [node])
            }
        }
        let placeBelowAndAbove: Bool
        switch atom.limits {
        case .always: placeBelowAndAbove = true
        case .inDisplay: placeBelowAndAbove = limits ?? displayStyle
        case .never: placeBelowAndAbove = limits ?? false
        }
        var result = atom
        result.opensPair = false
        if sub != nil || sup != nil {
            result.node =
                placeBelowAndAbove
                ? .limits(base: atom.node, under: sub, over: sup) : .scripts(base: atom.node, sub: sub, sup: sup)
        }
        if let primeAfter { result.node = .row([result.node, primeAfter]) }
        return result
    }

    /// The argument of `^` or `_`: a group or one token, in text style.
    mutating func parseScriptArgument(_ name: String) throws(TeXError) -> MathNode {
        let saved = (displayStyle, inScript)
        (displayStyle, inScript) = (false, true)
        defer { (displayStyle, inScript) = saved }
        return try parseArgument(name)
    }

    /// An operator typed as a character or named by a command: spaced by the browser's
    /// operator dictionary, except in scripts.
    func spacedOperator(_ symbol: String) -> MathNode {
        .op(symbol, inScript ? .ordinary : MathOperator())
    }

    /// A command's argument: a group, or a single token (`\frac12`, `x^\alpha`).
    mutating func parseArgument(_ command: String) throws(TeXError) -> MathNode {
        skipSpaces()
        guard let token = current, !isTerminator(token), token.kind != .superscript, token.kind != .subscript,
            let atom = try parseAtom(single: true)
        else { throw .missingArgument(command) }
        return atom.node
    }

    /// A `[…]` after `\\` (extra row spacing), skipped.
    mutating func skipOptionalBracket() {
        var look = position
        while look < tokens.count, tokens[look].kind == .space { look += 1 }
        guard look < tokens.count, tokens[look].kind == .character("[") else { return }
        var end = look + 1
        while end < tokens.count, tokens[end].kind != .character("]") { end += 1 }
        if end < tokens.count { position = end + 1 }
    }

    /// A letter, digit, operator or delimiter typed as itself.
    private mutating func parseCharacter(_ character: Character, single: Bool) -> Atom {
        position += 1
        if character.isNumber || (character == "." && !single && nextIsDigit) {
            var text = String(character)
            while !single, let next = current, case .character(let c) = next.kind,
                c.isASCIIDigit || (c == "." && !text.contains(".") && nextAfterIsDigit)
            {
                text.append(c)
                position += 1
            }
            if let alphabet, alphabet != .roman {
                text = String(text.map { alphabet.map($0) ?? $0 })
            }
            return Atom(node: .number(text))
        }
        if character.isLetter {
            guard let alphabet else { return Atom(node: .identifier(String(character))) }
            if alphabet == .roman {
                var text = String(character)
                while !single, let next = current, case .character(let c) = next.kind, c.isLetter {
                    text.append(c)
                    position += 1
                }
                return Atom(node: .identifier(text, upright: true))
            }
            return Atom(node: .identifier(String(alphabet.map(character) ?? character)))
        }
        switch character {
        case "-": return Atom(node: spacedOperator("−"))
        case "*": return Atom(node: spacedOperator("∗"))
        case "(", "[": return Atom(node: .op(String(character), .fixed), opensPair: true)
        case ")", "]": return Atom(node: .op(String(character), .fixed))
        case "|": return Atom(node: .op("|", MathOperator(stretchy: false, leftSpace: "0em", rightSpace: "0em")))
        case "/", ".": return Atom(node: .op(String(character), .ordinary))
        case "'": return Atom(node: .op("′", .ordinary))
        case "~": return Atom(node: .space(width: "0.3333em"))
        default: return Atom(node: spacedOperator(String(character)))
        }
    }

    /// Whether the token at `position` is a digit.
    private var nextIsDigit: Bool {
        guard let token = current, case .character(let c) = token.kind else { return false }
        return c.isASCIIDigit
    }

    /// Whether the token after the one at `position` is a digit (for "3.14").
    private var nextAfterIsDigit: Bool {
        guard position + 1 < tokens.count, case .character(let c) = tokens[position + 1].kind else { return false }
        return c.isASCIIDigit
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
