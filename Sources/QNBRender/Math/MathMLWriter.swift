/// Writes a `MathNode` tree as MathML Core markup, every text escaped. The formula's TeX source
/// goes along in an `<annotation>`, so that it can be copied and read by assistive software.
struct MathMLWriter {
    private(set) var markup = ""

    /// `<math>` (`display="block"` for display math) holding `node` and its TeX `source`.
    static func math(_ node: MathNode, source: String, display: Bool) -> String {
        var writer = MathMLWriter()
        writer.markup += display ? "<math display=\"block\">" : "<math>"
        writer.markup += "<semantics>"
        writer.writeRow(node)
        writer.markup += "<annotation encoding=\"application/x-tex\">\(source.htmlEscaped)</annotation>"
        writer.markup += "</semantics></math>"
        return writer.markup
    }

    /// One element for `node`: a row of several nodes in an `<mrow>`.
    private mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let name, let upright):
            markup += upright && name.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
            markup += name.htmlEscaped + "</mi>"
        case .number(let digits):
            markup += "<mn>\(digits.htmlEscaped)</mn>"
        case .op(let symbol, let attributes):
            markup += "<mo"
            if let form = attributes.form { attribute("form", form.rawValue) }
            if let stretchy = attributes.stretchy { attribute("stretchy", stretchy ? "true" : "false") }
            if let leftSpace = attributes.leftSpace { attribute("lspace", leftSpace) }
            if let rightSpace = attributes.rightSpace { attribute("rspace", rightSpace) }
            if let size = attributes.size {
                attribute("minsize", size)
                attribute("maxsize", size)
            }
            markup += ">\(symbol.htmlEscaped)</mo>"
        case .text(let text):
            markup += "<mtext>\(text.htmlEscaped)</mtext>"
        case .space(let width):
            markup += "<mspace width=\"\(width.htmlEscaped)\"></mspace>"
        case .row:
            writeRow(node)
        case .scripts(let base, let sub, let sup):
            let tag = sub == nil ? "msup" : sup == nil ? "msub" : "msubsup"
            markup += "<\(tag)>"
            writeBase(base)
            for script in [sub, sup].compactMap({ $0 }) { writeRow(script) }
            markup += "</\(tag)>"
        case .limits(let base, let under, let over, let accent, let accentUnder):
            let tag = under == nil ? "mover" : over == nil ? "munder" : "munderover"
            markup += "<\(tag)"
            if accentUnder { attribute("accentunder", "true") }
            if accent { attribute("accent", "true") }
            markup += ">"
            writeBase(base)
            for child in [under, over].compactMap({ $0 }) { writeRow(child) }
            markup += "</\(tag)>"
        case .fraction(let numerator, let denominator, let displayStyle, let lineThickness):
            markup += "<mfrac"
            if let lineThickness { attribute("linethickness", lineThickness) }
            if let displayStyle { attribute("displaystyle", displayStyle ? "true" : "false") }
            markup += ">"
            writeRow(numerator)
            writeRow(denominator)
            markup += "</mfrac>"
        case .squareRoot(let radicand):
            markup += "<msqrt>"
            writeChildren(radicand)
            markup += "</msqrt>"
        case .root(let radicand, let index):
            element("mroot", [radicand, index])
        case .table(let rows, let columnAlignment, let displayStyle, let columnSpacing):
            writeTable(rows, columnAlignment: columnAlignment, displayStyle: displayStyle, columnSpacing: columnSpacing)
        case .style(let displayStyle, let content):
            markup += "<mstyle displaystyle=\"\(displayStyle)\">"
            writeChildren(content)
            markup += "</mstyle>"
        }
    }

    /// `<tag>` with each child as one element.
    private mutating func element(_ tag: String, _ children: [MathNode]) {
        markup += "<\(tag)>"
        for child in children { writeRow(child) }
        markup += "</\(tag)>"
    }

    /// The base of scripts. A `\big` delimiter keeps its size only inside an `<mrow>` there:
    /// browsers do not stretch an operator that is itself the base of scripts.
    private mutating func writeBase(_ base: MathNode) {
        guard case .op(_, let attributes) = base, attributes.size != nil else { return writeRow(base) }
        markup += "<mrow>"
        write(base)
        markup += "</mrow>"
    }

    /// A row's nodes in an `<mrow>`, or alone when there is exactly one.
    private mutating func writeRow(_ node: MathNode) {
        guard case .row(let items) = node else { return write(node) }
        if items.count == 1 { return writeRow(items[0]) }
        markup += "<mrow>"
        for item in items { write(item) }
        markup += "</mrow>"
    }

    /// The nodes of a row as siblings, for elements that act as rows themselves (`<msqrt>`,
    /// `<mtd>`, `<mstyle>`).
    private mutating func writeChildren(_ node: MathNode) {
        guard case .row(let items) = node else { return write(node) }
        for item in items { write(item) }
    }

    private mutating func writeTable(
        _ rows: [[MathNode]], columnAlignment: [String]?, displayStyle: Bool, columnSpacing: String?
    ) {
        markup += "<mtable"
        if displayStyle { attribute("displaystyle", "true") }
        if let columnSpacing { attribute("columnspacing", columnSpacing) }
        markup += ">"
        for row in rows {
            markup += "<mtr>"
            for (column, cell) in row.enumerated() {
                let alignment = columnAlignment.map { $0[min(column, $0.count - 1)] } ?? "center"
                markup += alignment == "center" ? "<mtd>" : "<mtd columnalign=\"\(alignment)\">"
                writeChildren(cell)
                markup += "</mtd>"
            }
            markup += "</mtr>"
        }
        markup += "</mtable>"
    }

    private mutating func attribute(_ name: String, _ value: String) {
        markup += " \(name)=\"\(value.htmlEscaped)\""
    }
}
