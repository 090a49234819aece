extension TeXParser {
    /// `\begin{name}` … `\end{name}` (the `\begin` already read): matrices, `cases`, `aligned`
    /// and `gathered` (with their unnumbered `align`/`gather` forms), and `array`.
    mutating func parseEnvironment() throws(TeXError) -> MathNode {
        let name = try parseEnvironmentName()
        let savedStyle = displayStyle
        defer { displayStyle = savedStyle }
        switch name {
        case "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix":
            displayStyle = false
            let table = MathNode.table(try parseRows(endingWith: name), columnAlignment: nil, displayStyle: false)
            let fences: [String: (String, String)] = [
                "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
                "Vmatrix": ("‖", "‖"),
            ]
            guard let (open, close) = fences[name] else { return table }
            return .row([Self.growing(open, .prefix), table, Self.growing(close, .postfix)])
        case "cases", "dcases":
            displayStyle = name == "dcases"
            let rows = try parseRows(endingWith: name)
            let table = MathNode.table(rows, columnAlignment: ["left"], displayStyle: displayStyle)
            return .row([Self.growing("{", .prefix), table])
        case "aligned", "align", "align*", "split", "alignedat", "alignat", "alignat*", "eqnarray", "eqnarray*":
            if name.hasPrefix("align") && name.contains("at") { _ = try parseEnvironmentName() }
            displayStyle = true
            let rows = try parseRows(endingWith: name)
            let columns = rows.map(\.count).max() ?? 1
            let alignment = (0..<max(columns, 2)).map { $0 % 2 == 0 ? "right" : "left" }
            return .table(rows, columnAlignment: alignment, displayStyle: true, columnSpacing: "0em")
        case "gathered", "gather", "gather*":
            displayStyle = true
            return .table(try parseRows(endingWith: name), columnAlignment: nil, displayStyle: true)
        case "array":
            displayStyle = false
            let specification = try parseEnvironmentName()
            let names: [Character: String] = ["l": "left", "c": "center", "r": "right"]
            let alignment = specification.compactMap { names[$0] }
            let rows = try parseRows(endingWith: name)
            return .table(rows, columnAlignment: alignment.isEmpty ? nil : alignment, displayStyle: false)
        default:
            throw .unknownEnvironment(name)
        }
    }

    /// Rows of cells separated by `&` and `\\`, up to `\end{environment}`, or up to `}` when
    /// `environment` is `nil` (`\substack{…}`). A last row left empty by a final `\\` is dropped.
    mutating func parseRows(endingWith environment: String?) throws(TeXError) -> [[MathNode]] {
        var rows: [[MathNode]] = []
        var row: [MathNode] = []
        while true {
            let cell = MathNode.row(try parseList())
            guard let token = current else { throw environment.map { .missingEnd($0) } ?? .missingCloseBrace }
            position += 1
            switch token.kind {
            case .alignment:
                row.append(cell)
            case .command("\\"), .command("cr"):
                skipOptionalBracket()
                rows.append(row + [cell])
                row = []
            case .command("end") where environment != nil:
                let end = try parseEnvironmentName()
                guard end == environment else { throw .mismatchedEnd(expected: environment ?? "", got: end) }
                return Self.closing(rows, row + [cell])
            case .closeBrace where environment == nil:
                return Self.closing(rows, row + [cell])
            default:
                position -= 1
                throw environment.map { .missingEnd($0) } ?? unexpected(token)
            }
        }
    }

    private static func closing(_ rows: [[MathNode]], _ last: [MathNode]) -> [[MathNode]] {
        last == [.row([])] && !rows.isEmpty ? rows : rows + [last]
    }
}
