import Foundation

/// Notebooks that put one payload in every position where notebook text or a computed value
/// reaches a page, a group of related positions per notebook (so that a failing page names its
/// payload and, with the offending element's place on the page, its position).
enum XSSNotebooks {
    /// A group of positions, and the notebook that fills them with a payload.
    enum Group: String, CaseIterable {
        /// Paragraphs, lists, quotes, link texts and targets, autolinks, images, emphasis,
        /// code spans, a reference definition, a prose code block's info string and text.
        case prose
        /// Headings: the page `<title>`, anchors and the table of contents (with an inline value).
        case headings
        /// Inline values `` `\(…)` ``: computed text, and a failing one's message.
        case inlineValues
        /// Cell code: comments and string literals, highlighted; a `norun` cell; a folded cell.
        case code
        /// Printed output, displayed strings, arrays and dictionaries, table column names and
        /// cells. The code is hidden, so the payload must be on the page as text.
        case outputs
        /// Figure titles, axis labels, series names, annotation labels, bar categories, grids.
        case figures
        /// File names: saving under one, loading a missing one.
        case files
        /// Front matter: title, description, parameter values shown under the title.
        case frontMatter
        /// Runtime errors with the payload in their message, expected and unexpected.
        case runtimeErrors
        /// Syntax errors whose source line holds the payload.
        case syntaxErrors
        /// Math: inline, display, and TeX the converter cannot render (shown as source).
        case math
        /// Cell options: captions of figures, tables and plain cells; an unknown word after
        /// `swift` in a fence (a warning on the page).
        case cellOptions

        /// Groups whose payload must be visible as text on the page, not dropped.
        var showsPayloadAsText: Bool { self == .outputs || self == .code }
    }

    static func notebook(_ group: Group, payload p: String) -> String {
        let s = swiftLiteral(p), y = yamlLiteral(p), line = p.replacingOccurrences(of: "\n", with: " ")
        switch group {
        case .prose:
            return """
                \(p)

                Text before \(line) text after, *\(line)* and **\(line)**.

                - \(line)
                - [\(line)](https://example.com/) and [link](\(line)) and <\(line)> and ![\(line)](\(line))

                > \(line)

                A code span \(codeSpan(line)) and [a reference][r1].

                [r1]: \(line)

                ~~~\(line)
                \(p)
                ~~~

                """
        case .headings:
            return """
                # \(line)

                Introduction.

                ## \(line)

                ### \(line) and more

                ## Value `\\(\(s))`

                ## Last \(line)

                """
        case .inlineValues:
            return """
                # Inline values

                A value `\\(\(s))` and `\\(\(s) + "!")`, and a failing one `\\(fatalError(\(s)))`
                followed by [a link](x/onmouseover=alert(1)//) whose target must stay an attribute value.

                """
        case .code:
            return """
                # Code

                ```swift
                // \(line)
                let s = \(s) /* \(line) */
                s.count
                ```

                ```swift norun
                \(p)
                ```

                ```swift
                //| fold: true
                let t = \(s)
                ```

                """
        case .outputs:
            return """
                # Outputs

                ```swift
                //| echo: false
                print(\(s))
                ```

                ```swift
                //| echo: false
                \(s)
                ```

                ```swift
                //| echo: false
                [\(s), \(s)]
                ```

                ```swift
                //| echo: false
                [\(s): \(s)]
                ```

                ```swift
                //| echo: false
                var t = Table([\(s), "n"])
                t.append([\(s), 1])
                t.append(["x", 2])
                t
                ```

                """
        case .figures:
            return """
                # Figures

                ```swift
                let x = [0.0, 1.0, 2.0]
                plot(
                    line(x: x, y: [0.0, 1.0, 4.0], label: \(s)), step(x: x, y: [1.0, 0.0, 2.0], label: \(s)),
                    vline(0.5, label: \(s)), hline(1.5, label: \(s)), band(0.2, 0.4, label: \(s)),
                    title: \(s), xLabel: \(s), yLabel: \(s))
                ```

                ```swift
                plot(bar(labels: [\(s), "b"], values: [1.0, 2.0], label: \(s)), title: \(s))
                ```

                ```swift
                grid([
                    plot(histogram([1.0, 2.0, 2.0, 3.0], bins: 3, label: \(s)), histogram([1.0, 3.0], bins: 3, label: \(s)), title: \(s)),
                    plot(scatter(x: [1.0, 2.0], y: [2.0, 1.0], label: \(s)), scatter(x: [1.5], y: [1.5], label: \(s)), title: \(s)),
                ], columns: 2)
                ```

                """
        case .files:
            return """
                # Files

                ```swift
                save(tensor([1.0, 2.0]), to: \(s) + ".npy")
                ```

                ```swift
                save(tensor([1.0, 2.0]), to: \(s))
                ```

                ```swift
                load(\(s) + ".npy")
                ```

                ```swift
                load(\(s))
                ```

                """
        case .frontMatter:
            return """
                ---
                title: \(y)
                description: \(y)
                params:
                  evil: \(y)
                  list: [\(y), 1]
                ---

                Body.

                ```swift
                print(evil)
                ```

                """
        case .runtimeErrors:
            return """
                # Errors

                ```swift
                fatalError(\(s))
                ```

                ```swift
                precondition(1 > 2, \(s))
                ```

                ```swift
                //| error: true
                fatalError(\(s))
                ```

                ```swift
                //| error: \(y)
                fatalError("something else")
                ```

                """
        case .syntaxErrors:
            return """
                # Syntax errors

                ```swift
                \(p)
                ```

                ```swift
                let x = ) // \(line)
                ```

                ```swift
                let y = \(s) +
                ```

                """
        case .math:
            return """
                # Math

                Inline $\(line)$ and $\\text{\(line)}$ and $\\mathrm{\(line)}$ and $\\notacommand{\(line)}$.

                $$\(line)$$

                $$
                \\begin{aligned} a &= \(line) \\end{aligned}
                $$

                """
        case .cellOptions:
            return """
                # Options

                ```swift
                //| label: fig-a
                //| caption: \(y)
                plot(line([1.0, 2.0]))
                ```

                ```swift
                //| label: tbl-a
                //| caption: \(y)
                var t = Table(["a"])
                t.append([1])
                t
                ```

                ```swift
                //| caption: \(y)
                print(1)
                ```

                See @fig-a and @tbl-a.

                ```swift \(line)
                print(2)
                ```

                """
        }
    }

    /// A notebook for `qnb check --html`: its outputs (and so the snapshot's, and the diff) hold
    /// the payload; `version` changes them.
    static func checkNotebook(payload p: String, version: Int) -> String {
        let s = swiftLiteral(p)
        return """
            # \(p.replacingOccurrences(of: "\n", with: " "))

            ```swift
            print(\(s))
            print(\(version))
            ```

            ```swift
            var t = Table([\(s), "n"])
            t.append([\(s) + "\(version)", \(version)])
            t
            ```

            """
    }

    /// A notebook whose file name is the payload: its title (no heading, no front matter title),
    /// the site index's link and path, the neighbours' links, and error locations show it.
    static let namedNotebook = """
        Prose.

        ```swift
        print(1)
        ```

        ```swift
        fatalError("stop")
        ```

        """

    /// The site's README, its reading order: every payload in the introduction, a heading, a
    /// link's text and a list item's sentence (which the index shows), and as a link target; the
    /// first payload in the title, which every page's link back to the index shows.
    static func readme(_ payloads: [String]) -> String {
        let lines = payloads.map { $0.replacingOccurrences(of: "\n", with: " ") }
        var text = "# Course \(lines.first ?? "")\n\n"
        for line in lines { text += "Intro \(line)\n\n" }
        for (number, line) in lines.enumerated() {
            text +=
                "## \(line)\n\n1. [\(line)](prose/p\(number).md) \(line)\n2. [target](\(line)) and [\(line)](\(codeSpan(line)))\n\n"
        }
        return text
    }

    /// The payload as a file name: `/` and NUL cannot be in one, and names stay short.
    static func fileName(_ payload: String) -> String {
        var name = payload.replacingOccurrences(of: "/", with: "\u{2215}").replacingOccurrences(of: "\u{0}", with: "")
        while name.utf8.count > 200 { name.removeLast() }
        return name
    }

    /// A Swift string literal whose value is `text`.
    static func swiftLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "`": result += "\\u{60}"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value)
                || scalar.value == 0xFEFF:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A YAML double-quoted scalar whose value is `text`.
    static func yamlLiteral(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value)
                || scalar.value == 0xFEFF:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A Markdown code span holding `text`, with enough backticks around it.
    static func codeSpan(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        return "\(fence) \(text) \(fence)"
    }
}
