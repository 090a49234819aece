import CCmark
import QNBScript

extension Curriculum {
    /// Reads a folder's README. A README that cannot be read (missing, too large, not UTF-8) is
    /// an empty reading order with a warning saying why: it never stops a run.
    public static func load(path: String) -> Curriculum {
        do {
            return parse(source: try Notebook.readText(path: path), path: path)
        } catch {
            let warnings = error.diagnostics.map {
                CurriculumProblem.unreadable(reason: $0.message).diagnostic(at: $0.location)
            }
            return Curriculum(path: path, warnings: warnings)
        }
    }

    /// Reads the title, introduction, parts and links of a README's text with cmark.
    ///
    /// Text is taken without markup; raw HTML is dropped, as it is from a page's prose (the
    /// index escapes what is left).
    public static func parse(source: String, path: String) -> Curriculum {
        var curriculum = Curriculum(path: path, source: source)
        guard source.utf8.count <= Notebook.maximumSize else {
            let limit = NotebookProblem.tooLarge(limit: Notebook.maximumSize).message
            curriculum.warnings = [
                CurriculumProblem.unreadable(reason: limit).diagnostic(
                    at: SourceLocation(file: path, line: 1, column: 1))
            ]
            return curriculum
        }
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let document: OpaquePointer? = source.withCString { pointer in
            // The byte count, not strlen: a NUL in the text must not cut it short.
            cmark_parse_document(pointer, source.utf8.count, options)
        }
        guard let document else { return curriculum }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return curriculum }
        defer { cmark_iter_free(iterator) }

        /// The block whose text is being collected: a heading or a paragraph.
        struct Block {
            var text = ""
            var line = 1
            var column = 1
            /// Links of this block: index in `curriculum.links`, and where their text starts and
            /// ends in `text` (UTF-8 offsets).
            var links: [(index: Int, start: Int, end: Int)] = []
            var inListItem = false
            var isIntroduction = false
        }
        var block: Block?
        /// The link being read: its index in `curriculum.links`, where it starts in the block's
        /// text (a UTF-8 offset), and its own text so far.
        var link: (index: Int, start: Int, text: String)?
        var part: Int?
        var pastIntroduction = false

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING, CMARK_NODE_PARAGRAPH:
                if entering {
                    let parent = cmark_node_parent(node).map(cmark_node_get_type)
                    let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
                    if isHeading, cmark_node_get_heading_level(node) > 1 || curriculum.title != nil {
                        pastIntroduction = true
                    }
                    block = Block(
                        line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
                        inListItem: parent == CMARK_NODE_ITEM,
                        isIntroduction: !isHeading && !pastIntroduction && parent == CMARK_NODE_DOCUMENT)
                } else if let finished = block {
                    let text = finished.text.trimmingBlanks()
                    if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                        if cmark_node_get_heading_level(node) == 1 && curriculum.title == nil {
                            curriculum.title = text
                        } else {
                            curriculum.parts.append(text)
                            part = curriculum.parts.count - 1
                        }
                    } else if finished.isIntroduction, !text.isEmpty {
                        curriculum.introduction.append(text)
                    }
                    if finished.inListItem, let first = finished.links.first {
                        curriculum.links[first.index].summary = summary(
                            of: finished.text, linkFrom: first.start, to: first.end)
                    }
                    block = nil
                }
            case CMARK_NODE_LIST:
                pastIntroduction = true
            case CMARK_NODE_LINK:
                guard var current = block else { break }
                if entering {
                    var line = Int(cmark_node_get_start_line(node))
                    var column = Int(cmark_node_get_start_column(node))
                    if line < 1 || column < 1 { (line, column) = (current.line, current.column) }
                    curriculum.links.append(
                        Link(
                            destination: string(cmark_node_get_url(node)), text: "", summary: nil, part: part,
                            location: SourceLocation(file: path, line: line, column: column)))
                    link = (curriculum.links.count - 1, current.text.utf8.count, "")
                } else if let open = link {
                    current.links.append((open.index, open.start, current.text.utf8.count))
                    curriculum.links[open.index].text = open.text.trimmingBlanks()
                    block = current
                    link = nil
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = string(cmark_node_get_literal(node))
                block?.text += literal
                link?.text += literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                block?.text += " "
                link?.text += " "
            default:
                break
            }
        }
        return curriculum
    }

    /// The sentence of a list item about its first link, whose text is `text`'s UTF-8 bytes
    /// `start..<end`: what follows the link when the item starts with it
    /// (`[Symmetric](symmetric.md) — the formula` → `the formula`), else the whole item; `nil`
    /// when nothing is left.
    static func summary(of text: String, linkFrom start: Int, to end: Int) -> String? {
        let utf8 = Array(text.utf8)
        let before = String(decoding: utf8[..<start], as: UTF8.self)
        var sentence: Substring
        if before.trimmingBlanks().isEmpty {
            sentence = Substring(String(decoding: utf8[end...], as: UTF8.self))
            let separators: Set<Character> = [" ", "\t", "—", "–", "-", ":", ",", ";", "."]
            while let first = sentence.first, separators.contains(first) { sentence = sentence.dropFirst() }
        } else {
            sentence = Substring(text)
        }
        let trimmed = sentence.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
