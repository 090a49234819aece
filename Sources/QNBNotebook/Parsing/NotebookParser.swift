import QNBScript

/// Splits off the front matter, finds the cells with cmark, reads their options, and collects
/// every problem with its notebook location.
struct NotebookParser {
    let source: String
    let path: String

    func parse() throws(NotebookLoadError) -> Notebook {
        let lines = SourceLines(source)
        var diagnostics: [Diagnostic] = []

        // Front matter, replaced by blank lines so cmark keeps the notebook's line numbers.
        let frontMatterParser = FrontMatterParser(text: source, lines: lines, path: path)
        var frontMatter = FrontMatter()
        var markdown = source
        switch frontMatterParser.locate() {
        case .success(let block):
            let (parsed, problems) = frontMatterParser.parse(block)
            frontMatter = parsed
            diagnostics += problems
            markdown = lines.blanking(block, in: source)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case nil:
            break
        }

        let outline = MarkdownOutline(markdown: markdown)
        var cells: [Cell] = []
        var labelLines: [String: Int] = [:]
        for block in outline.fencedBlocks {
            let words = block.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.first == "swift" else { continue }
            let (cell, problems, labelLocation) = makeCell(block, words: words, index: cells.count, lines: lines)
            diagnostics += problems
            if let label = cell.options.label, let at = labelLocation {
                if let first = labelLines[label] {
                    diagnostics.append(NotebookProblem.duplicateLabel(label, firstLine: first).diagnostic(at: at))
                } else {
                    labelLines[label] = at.line
                }
            }
            cells.append(cell)
        }

        let crossReferences = Self.numberFigures(cells)
        for run in outline.textRuns {
            for mention in CrossReference.mentions(in: run.text) where labelLines[mention.label] == nil {
                let at = SourceLocation(file: path, line: run.line, column: run.column)
                diagnostics.append(NotebookProblem.unknownCrossReference(mention.label).diagnostic(at: at))
            }
        }

        var locator = InlineExpressionLocator(markdown: markdown)
        var inlineExpressions: [InlineExpression] = []
        for code in outline.inlineCode {
            let found = locator.locate(code.literal, blockLines: code.blockLines)
            // A span qnb cannot find again (broken across block-quote lines) is still evaluated,
            // located at its block.
            let line = found?.line ?? code.blockLines.lowerBound
            inlineExpressions.append(
                InlineExpression(
                    index: inlineExpressions.count, expression: String(code.literal.dropFirst(2).dropLast()),
                    literal: code.literal, line: line, column: found?.column ?? 1, sourceRange: found?.range,
                    cellsBefore: cells.count(where: { $0.fenceLine < line })))
        }

        let headings = Self.anchoredHeadings(outline.headings, reserved: Set(cells.map(\.anchor)))
        let title = frontMatter.title ?? headings.first?.text ?? Self.fileStem(path)

        let sorted = diagnostics.sortedBySourceLocation()
        if sorted.contains(where: { $0.severity == .error }) {
            throw NotebookLoadError(diagnostics: sorted, source: source)
        }
        return Notebook(
            path: path, source: source, markdown: markdown, frontMatter: frontMatter, cells: cells,
            inlineExpressions: inlineExpressions, title: title, headings: headings, crossReferences: crossReferences,
            warnings: sorted,
            lines: lines)
    }

    private func makeCell(
        _ block: MarkdownOutline.FencedBlock, words: [Substring], index: Int, lines: SourceLines
    ) -> (Cell, [Diagnostic], SourceLocation?) {
        var diagnostics: [Diagnostic] = []
        let fenceLocation = SourceLocation(file: path, line: block.startLine, column: block.startColumn)
        let origin = SourceOrigin(file: path, line: block.startLine + 1, columnOffset: block.startColumn - 1)

        var runs = true
        for word in words.dropFirst() {
            if word == "norun" {
                runs = false
            } else {
                let column = column(of: word, onLine: block.startLine, after: block.startColumn, lines: lines)
                let at = SourceLocation(file: path, line: block.startLine, column: column ?? block.startColumn)
                diagnostics.append(NotebookProblem.unknownInfoWord(String(word)).diagnostic(at: at))
            }
        }

        let fence = openingFence(of: block, lines: lines)
        let terminated = isClosed(block, fence: fence, lines: lines)
        if !terminated {
            diagnostics.append(NotebookProblem.unterminatedFence(fence: fence).diagnostic(at: fenceLocation))
        }

        let parsed = CellOptionsParser(origin: origin).parse(block.literal)
        diagnostics += parsed.diagnostics
        let cell = Cell(
            index: index, source: block.literal, origin: origin, fenceLine: block.startLine,
            fenceColumn: block.startColumn, info: block.info, options: parsed.options, runs: runs,
            optionLineCount: parsed.lineCount, isTerminated: terminated)
        return (cell, diagnostics, parsed.labelLocation)
    }

    /// The run of backticks or tildes that opens the block (```` ``` ```` if it cannot be read).
    private func openingFence(of block: MarkdownOutline.FencedBlock, lines: SourceLines) -> String {
        guard let line = lines.content(of: block.startLine, in: source) else { return "```" }
        let bytes = Array(line.utf8).dropFirst(max(0, block.startColumn - 1))
        guard let first = bytes.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return "```" }
        return String(decoding: bytes.prefix { $0 == first }, as: UTF8.self)
    }

    /// Whether the block's last line is a closing fence: after container markers (spaces, tabs,
    /// `>`), at least as many of the opening fence's characters, then only blanks. cmark ends an
    /// unclosed fence with its container (the document, a list item, a block quote), so the last
    /// line is then code or another block.
    private func isClosed(_ block: MarkdownOutline.FencedBlock, fence: String, lines: SourceLines) -> Bool {
        guard block.endLine > block.startLine, let line = lines.content(of: block.endLine, in: source),
            let fenceCharacter = fence.utf8.first
        else { return false }
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[index]) {
            index += 1
        }
        let runStart = index
        while index < bytes.count, bytes[index] == fenceCharacter { index += 1 }
        guard index - runStart >= fence.utf8.count else { return false }
        return bytes[index...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The 1-based UTF-8 column of `word` on `line`, searching after the fence at `column`.
    private func column(of word: Substring, onLine line: Int, after column: Int, lines: SourceLines) -> Int? {
        guard let text = lines.content(of: line, in: source) else { return nil }
        let bytes = Array(text.utf8), target = Array(word.utf8)
        guard !target.isEmpty, bytes.count >= target.count else { return nil }
        var index = max(0, column - 1)
        while index + target.count <= bytes.count {
            if Array(bytes[index..<(index + target.count)]) == target { return index + 1 }
            index += 1
        }
        return nil
    }

    /// Figures and tables numbered separately, in document order.
    static func numberFigures(_ cells: [Cell]) -> [CrossReference] {
        var counts: [CrossReference.Kind: Int] = [:]
        var seen: Set<String> = []
        var references: [CrossReference] = []
        for cell in cells {
            guard let label = cell.options.label, let kind = CrossReference.Kind(label: label),
                seen.insert(label).inserted
            else { continue }
            let number = (counts[kind] ?? 0) + 1
            counts[kind] = number
            references.append(CrossReference(label: label, kind: kind, number: number, cellIndex: cell.index))
        }
        return references
    }

    /// Headings with unique anchors that do not collide with cell anchors.
    static func anchoredHeadings(_ nodes: [MarkdownOutline.HeadingNode], reserved: Set<String>) -> [Heading] {
        var used = reserved
        return nodes.map { node in
            var base = Heading.slug(node.text)
            if base.hasPrefix("qnb-") { base = "h-" + base }  // `qnb-` ids belong to the renderer
            var anchor = base
            var suffix = 1
            while used.contains(anchor) {
                anchor = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(anchor)
            return Heading(level: node.level, text: node.text.trimmingBlanks(), line: node.line, anchor: anchor)
        }
    }

    /// `notebooks/symmetric.md` → `symmetric`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
