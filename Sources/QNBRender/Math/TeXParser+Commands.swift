extension TeXParser {
    /// The atom a command stands for (its arguments read), `nil` for one that produces nothing.
    mutating func parseCommand(_ name: String) throws(TeXError) -> Atom? {
        if let symbol = TeXSymbols.identifiers[name] {
            if alphabet == .roman { return Atom(node: .identifier(symbol, upright: true)) }
            let mapped = alphabet.flatMap { alphabet in symbol.first.flatMap { alphabet.map($0) } }.map { String($0) }
            return Atom(
                node: .identifier(mapped ?? symbol, upright: mapped == nil && TeXSymbols.upright.contains(symbol)))
        }
        if let symbol = TeXSymbols.operators[name] { return Atom(node: spacedOperator(symbol)) }
        if let symbol = TeXSymbols.largeOperators[name] {
            return Atom(node: .op(symbol), limits: .inDisplay, isLargeOperator: true)
        }
        if let symbol = TeXSymbols.integrals[name] { return Atom(node: .op(symbol), isLargeOperator: true) }
        if let function = TeXSymbols.functions[name] {
            return Atom(
                node: .identifier(function.name), limits: function.limits ? .inDisplay : .never, isFunction: true)
        }
        if let width = TeXSymbols.spaces[name] { return Atom(node: .space(width: width)) }
        if let delimiter = TeXSymbols.delimiters[name] {
            return Atom(
                node: Self.fixedDelimiter(delimiter), opensPair: TeXSymbols.openingDelimiters.contains(delimiter))
        }
        if let accent = TeXSymbols.accents[name] {
            let base = try parseArgument("\\" + name)
            let mark = MathNode.op(accent.mark, MathOperator(stretchy: accent.stretchy))
            return Atom(
                node: accent.under
                    ? .limits(base: base, under: mark, over: nil, accentUnder: true)
                    : .limits(base: base, under: nil, over: mark, accent: true))
        }
        if let brace = TeXSymbols.braces[name] {
            let base = try parseArgument("\\" + name)
            let mark = MathNode.op(brace.mark, MathOperator(stretchy: true))
            return Atom(
                node: brace.under
                    ? .limits(base: base, under: mark, over: nil) : .limits(base: base, under: nil, over: mark),
                limits: .always)
        }
        if let font = TeXSymbols.fonts[name] {
            let saved = alphabet
            alphabet = font
            defer { alphabet = saved }
            return Atom(node: try parseArgument("\\" + name))
        }
        if TeXSymbols.textCommands.contains(name) { return Atom(node: .text(try parseTextArgument(name))) }
        if let size = Self.delimiterSize(name) {
            let delimiter = try parseDelimiter(after: name)
            let node = MathNode.op(delimiter, MathOperator(stretchy: true, size: size))
            return Atom(node: node, opensPair: TeXSymbols.openingDelimiters.contains(delimiter))
        }
        return try parseStructure(name)
    }

    /// Commands with their own layout: fractions, roots, `\left`…`\right`, environments …
    private mutating func parseStructure(_ name: String) throws(TeXError) -> Atom? {
        switch name {
        case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
            let forced: Bool? = name.hasPrefix("d") || name == "cfrac" ? true : name.hasPrefix("t") ? false : nil
            let saved = displayStyle
            displayStyle = forced ?? false
            defer { displayStyle = saved }
            let numerator = try parseArgument("\\" + name), denominator = try parseArgument("\\" + name)
            guard name.hasSuffix("binom") else {
                return Atom(node: .fraction(numerator, denominator, displayStyle: forced))
            }
            let fraction = MathNode.fraction(numerator, denominator, displayStyle: forced, lineThickness: "0")
            return Atom(node: .row([Self.growing("(", .prefix), fraction, Self.growing(")", .postfix)]))
        case "sqrt":
            return Atom(node: try parseRoot())
        case "left":
            return Atom(node: try parseLeftRight(), opensPair: true)
        case "operatorname", "operatornamewithlimits":
            var limits = name == "operatornamewithlimits"
            skipSpaces()
            if current?.kind == .character("*") {
                position += 1
                limits = true
            }
            let text = try parseTextArgument(name).replacingNonBreakingSpaces
            return Atom(node: .identifier(text, upright: true), limits: limits ? .inDisplay : .never, isFunction: true)
        case "overset", "stackrel", "underset":
            let script = try parseScriptArgument("\\" + name)
            let base = try parseArgument("\\" + name)
            return Atom(
                node: name == "underset"
                    ? .limits(base: base, under: script, over: nil) : .limits(base: base, under: nil, over: script))
        case "substack":
            skipSpaces()
            guard current?.kind == .openBrace else { throw .missingArgument("\\substack") }
            position += 1
            let rows = try parseRows(endingWith: nil)
            return Atom(node: .table(rows, columnAlignment: nil, displayStyle: false))
        case "begin":
            return Atom(node: try parseEnvironment())
        case "not":
            guard let next = try parseAtom(single: true) else { throw .missingArgument("\\not") }
            switch next.node {
            case .op(let symbol, let attributes): return Atom(node: .op(Self.negated(symbol), attributes))
            case .identifier(let symbol, let upright):
                return Atom(node: .identifier(Self.negated(symbol), upright: upright))
            default: throw .missingArgument("\\not")
            }
        case "bmod":
            return Atom(node: .op("mod", MathOperator(leftSpace: "0.2222em", rightSpace: "0.2222em")))
        case "mod", "pmod":
            let word: [MathNode] = [.space(width: "1em"), .identifier("mod"), .space(width: "0.3333em")]
            guard name == "pmod" else { return Atom(node: .row(word)) }
            let argument = try parseArgument("\\pmod")
            return Atom(
                node: .row([.space(width: "1em"), .op("(", .fixed)] + word.dropFirst() + [argument, .op(")", .fixed)]))
        case "hline", "hdashline", "relax", "nonumber", "notag", "limits", "nolimits", "displaylimits":
            return nil
        default:
            throw .unknownCommand(name)
        }
    }

    /// `\sqrt{x}` or `\sqrt[n]{x}`.
    private mutating func parseRoot() throws(TeXError) -> MathNode {
        skipSpaces()
        var index: MathNode?
        if current?.kind == .character("[") {
            position += 1
            let saved = (stopsAtBracket, displayStyle, inScript)
            (stopsAtBracket, displayStyle, inScript) = (true, false, true)
            let items = try parseList()
            (stopsAtBracket, displayStyle, inScript) = saved
            guard let close = current else { throw .missingArgument("\\sqrt") }
            guard close.kind == .character("]") else { throw unexpected(close) }
            position += 1
            index = .row(items)
        }
        let radicand = try parseArgument("\\sqrt")
        return index.map { .root(radicand, index: $0) } ?? .squareRoot(radicand)
    }

    /// `\left(` … `\middle|` … `\right)`: delimiters that grow with what they enclose.
    private mutating func parseLeftRight() throws(TeXError) -> MathNode {
        let open = try parseDelimiter(after: "left")
        var items: [MathNode] = open.isEmpty ? [] : [Self.growing(open, .prefix)]
        while true {
            items += try parseList()
            guard let token = current else { throw .missingRight }
            switch token.kind {
            case .command("right"):
                position += 1
                let close = try parseDelimiter(after: "right")
                if !close.isEmpty { items.append(Self.growing(close, .postfix)) }
                return .row(items)
            case .command("middle"):
                position += 1
                let middle = try parseDelimiter(after: "middle")
                if !middle.isEmpty { items.append(.op(middle, MathOperator(stretchy: true))) }
            default:
                throw .missingRight
            }
        }
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`; "" for `.`.
    private mutating func parseDelimiter(after command: String) throws(TeXError) -> String {
        skipSpaces()
        guard let token = current else { throw .notADelimiter(after: command) }
        let delimiter: String?
        switch token.kind {
        case .character("."): delimiter = ""
        case .character(let character): delimiter = TeXSymbols.delimiterCharacters[character]
        case .command(let name): delimiter = TeXSymbols.delimiters[name]
        default: delimiter = nil
        }
        guard let delimiter else { throw .notADelimiter(after: command) }
        position += 1
        return delimiter
    }

    /// Text in braces (`\text{…}`), with TeX's escapes resolved and spaces at its ends kept
    /// (as no-break spaces, which browsers do not trim).
    mutating func parseTextArgument(_ command: String) throws(TeXError) -> String {
        skipSpaces()
        guard let first = current else { throw .missingArgument("\\" + command) }
        guard first.kind == .openBrace else {
            guard case .character(let character) = first.kind else { throw .missingArgument("\\" + command) }
            position += 1
            return String(character)
        }
        position += 1
        var text = ""
        var nesting = 0
        while true {
            guard let token = current else { throw .missingCloseBrace }
            position += 1
            switch token.kind {
            case .openBrace: nesting += 1
            case .closeBrace:
                if nesting == 0 { return text.keepingOuterSpaces }
                nesting -= 1
            case .space: text += " "
            case .character("~"): text += "\u{A0}"
            case .character(let character): text.append(character)
            case .superscript: text += "^"
            case .subscript: text += "_"
            case .alignment: text += "&"
            case .command(let name):
                if ["$", "%", "_", "{", "}", "&", "#"].contains(name) {
                    text += name
                } else if name == " " {
                    text += " "
                } else if let width = TeXSymbols.spaces[name], !width.hasPrefix("-") {
                    text += width == "0.1667em" ? "\u{2009}" : " "
                } else if name == "textbackslash" {
                    text += "\\"
                } else if name == "ldots" || name == "dots" {
                    text += "…"
                } else {
                    throw .unknownCommand(name)
                }
            }
        }
    }

    /// The text of `{name}` after `\begin` or `\end`.
    mutating func parseEnvironmentName() throws(TeXError) -> String {
        skipSpaces()
        guard current?.kind == .openBrace else { throw .missingArgument("\\begin") }
        position += 1
        var name = ""
        while let token = current, token.kind != .closeBrace {
            name += token.text
            position += 1
        }
        guard current != nil else { throw .missingCloseBrace }
        position += 1
        return name.trimming(" ")
    }

    /// A delimiter that keeps its text size, as TeX's plain `(` does; `|` and `‖` without the
    /// space MathML gives them between other symbols.
    static func fixedDelimiter(_ delimiter: String) -> MathNode {
        delimiter == "|" || delimiter == "‖"
            ? .op(delimiter, MathOperator(stretchy: false, leftSpace: "0em", rightSpace: "0em"))
            : .op(delimiter, .fixed)
    }

    /// A delimiter that grows with the row it opens or closes.
    static func growing(_ delimiter: String, _ form: MathOperator.Form) -> MathNode {
        .op(delimiter, MathOperator(form: form, stretchy: true))
    }

    /// The height of `\big(`, `\Bigl(`, `\biggr)` …, `nil` for other commands.
    static func delimiterSize(_ name: String) -> String? {
        if let size = TeXSymbols.delimiterSizes[name] { return size }
        guard let last = name.last, "lrm".contains(last) else { return nil }
        return TeXSymbols.delimiterSizes[String(name.dropLast())]
    }

    /// The negated relation for `\not`.
    static func negated(_ symbol: String) -> String {
        let negations: [String: String] = [
            "=": "≠", "∈": "∉", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "≡": "≢", "∼": "≁", "⊂": "⊄",
            "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∣": "∤", "∃": "∄", "≈": "≉", "≃": "≄", "≅": "≇", "∥": "∦",
        ]
        return negations[symbol] ?? symbol + "\u{338}"
    }
}

extension String {
    /// Leading and trailing spaces as no-break spaces, so that the browser keeps them.
    fileprivate var keepingOuterSpaces: String {
        guard first == " " || last == " " else { return self }
        let leading = prefix { $0 == " " }.count
        let trailing = leading == count ? 0 : reversed().prefix { $0 == " " }.count
        let middle = dropFirst(leading).dropLast(trailing)
        return String(repeating: "\u{A0}", count: leading) + middle + String(repeating: "\u{A0}", count: trailing)
    }

    /// A name from `\operatorname{…}`: spaces as they were, trimmed.
    fileprivate var replacingNonBreakingSpaces: String {
        String(map { $0 == "\u{A0}" || $0 == "\u{2009}" ? " " : $0 }).trimming(" ")
    }

    /// The string without leading and trailing `character`s.
    func trimming(_ character: Character) -> String {
        let start = firstIndex { $0 != character } ?? endIndex
        let end = lastIndex { $0 != character }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
