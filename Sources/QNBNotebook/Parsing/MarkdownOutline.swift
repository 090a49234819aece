import CCmark

/// What the notebook parser needs from cmark's tree, copied into Swift values: the fenced code
/// blocks, the headings and the prose text (for cross-references). cmark's pointers never leave
/// `init(markdown:)`.
struct MarkdownOutline {
    struct FencedBlock {
        var info: String
        var literal: String
        var startLine: Int
        var startColumn: Int
        var endLine: Int
    }

    struct HeadingNode {
        var level: Int
        var text: String
        var line: Int
    }

    struct TextRun {
        var text: String
        /// Start line of the block the text belongs to (cmark gives inline nodes no reliable
        /// position).
        var line: Int
        var column: Int
    }

    /// A code span `` `\(expr)` `` and the lines of the paragraph or heading that holds it.
    struct InlineCode {
        var literal: String
        var blockLines: ClosedRange<Int>
    }

    var fencedBlocks: [FencedBlock] = []
    var inlineCode: [InlineCode] = []
    var headings: [HeadingNode] = []
    var textRuns: [TextRun] = []

    /// Parses `markdown` with cmark and copies out what the notebook needs.
    init(markdown: String) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let document: OpaquePointer? = markdown.withCString { pointer in
            // The byte count, not strlen: a NUL in the text must not cut it short.
            cmark_parse_document(pointer, markdown.utf8.count, options)
        }
        guard let document else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }

        var heading: HeadingNode?
        var blockLine = 1
        var blockColumn = 1
        var blockEndLine = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            switch type {
            case CMARK_NODE_CODE_BLOCK:
                // Indented code blocks have an empty info string and are never cells.
                let info = Self.string(cmark_node_get_fence_info(node))
                fencedBlocks.append(
                    FencedBlock(
                        info: info,
                        literal: Self.string(cmark_node_get_literal(node)),
                        startLine: Int(cmark_node_get_start_line(node)),
                        startColumn: Int(cmark_node_get_start_column(node)),
                        endLine: Int(cmark_node_get_end_line(node))))
            case CMARK_NODE_HEADING:
                if entering {
                    heading = HeadingNode(
                        level: Int(cmark_node_get_heading_level(node)), text: "",
                        line: Int(cmark_node_get_start_line(node)))
                } else if let finished = heading {
                    headings.append(finished)
                    heading = nil
                }
                fallthrough
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    blockLine = Int(cmark_node_get_start_line(node))
                    blockColumn = Int(cmark_node_get_start_column(node))
                    blockEndLine = max(blockLine, Int(cmark_node_get_end_line(node)))
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = Self.string(cmark_node_get_literal(node))
                heading?.text += literal
                if type == CMARK_NODE_TEXT, !Self.isInsideLink(node) {
                    textRuns.append(TextRun(text: literal, line: blockLine, column: blockColumn))
                }
                if type == CMARK_NODE_CODE, InlineExpression.isInline(literal) {
                    inlineCode.append(InlineCode(literal: literal, blockLines: blockLine...blockEndLine))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                heading?.text += " "
            default:
                break
            }
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }
}
