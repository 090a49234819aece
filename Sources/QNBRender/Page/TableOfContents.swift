import QNBNotebook

/// The page's table of contents: level-2 headings, with their level-3 headings nested.
struct TableOfContents {
    let headings: [Heading]
    /// Each heading's content markup as the prose rendered it, by notebook line; a heading
    /// missing here shows its text.
    var contents: [Int: String] = [:]

    /// The level-2 and level-3 headings of `run`'s notebook, their inline values computed.
    init(run: NotebookRun) {
        headings = run.notebook.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
            var shown = heading
            shown.text = run.resolvingInlineValues(in: heading)
            return shown
        }
    }

    /// The nested list of links; a level-3 heading before any level-2 one is listed at the top
    /// level.
    func list(into writer: inout HTMLWriter) {
        writer.open("ol")
        var hasOpenItem = false
        var nested = false
        for heading in headings {
            if heading.level == 3 && hasOpenItem {
                if nested { writer.close("li") } else { writer.open("ol") }
                nested = true
            } else {
                if nested {
                    writer.close("li")
                    writer.close("ol")
                    nested = false
                }
                if hasOpenItem { writer.close("li") }
                hasOpenItem = true
            }
            writer.open("li")
            if let content = contents[heading.line] {
                writer.open("a", ["href": "#\(heading.anchor)"])
                writer.trusted(content)
                writer.close("a")
            } else {
                writer.element("a", ["href": "#\(heading.anchor)"], text: heading.text)
            }
        }
        if nested {
            writer.close("li")
            writer.close("ol")
        }
        if hasOpenItem { writer.close("li") }
        writer.close("ol")
    }
}
