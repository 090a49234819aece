import QNBNotebook
import QNBScript
import QNBTestSupport
import Testing

@Suite("Front matter")
struct FrontMatterTests {
    @Test func readsEveryKey() throws {
        let source = """
            ---
            title: "Symmetric: int8"
            description: A tour of scales.
            seed: 42
            tolerance: 1e-4
            timeout: 30
            params:
              bits: 4
              ratio: 0.5
              name: weights
              quoted: "8"
              enabled: true
              widths: [2, 4, 8]
            ---
            # Body
            """
        let notebook = try #require(parsed(source))
        let frontMatter = notebook.frontMatter
        #expect(frontMatter.title == "Symmetric: int8")
        #expect(frontMatter.description == "A tour of scales.")
        #expect(frontMatter.seed == 42)
        #expect(frontMatter.tolerance == 1e-4)
        #expect(frontMatter.timeout == 30)
        #expect(frontMatter.lines == 1...14)
        #expect(frontMatter.params["bits"] == .int(4))
        #expect(frontMatter.params["ratio"] == .double(0.5))
        #expect(frontMatter.params["name"] == .string("weights"))
        #expect(frontMatter.params["quoted"] == .string("8"))
        #expect(frontMatter.params["enabled"] == .bool(true))
        #expect(frontMatter.params["widths"] == .array([.int(2), .int(4), .int(8)]))
        #expect(
            frontMatter.parameterLocations["ratio"] == QNBScript.SourceLocation(file: "test.md", line: 9, column: 3))
        #expect(notebook.title == "Symmetric: int8")
    }

    @Test func noFrontMatter() throws {
        let notebook = try #require(parsed("# Title\n"))
        #expect(notebook.frontMatter == FrontMatter())
        #expect(notebook.frontMatter.lines == nil)
    }

    @Test func emptyFrontMatterAndDotsTerminator() throws {
        let empty = try #require(parsed("---\n# just a comment\n---\ntext\n"))
        #expect(empty.frontMatter.lines == 1...3)
        let dots = try #require(parsed("---\nseed: 1\n...\ntext\n"))
        #expect(dots.frontMatter.seed == 1)
        #expect(dots.frontMatter.lines == 1...3)
    }

    @Test func ruleFollowedByABlankLineIsNotFrontMatter() throws {
        let notebook = try #require(parsed("---\n\nseed: not yaml\n"))
        #expect(notebook.frontMatter.lines == nil)
        #expect(notebook.markdown == "---\n\nseed: not yaml\n")
    }

    @Test func unknownKeyIsLocatedWithASuggestion() {
        let marked = MarkedSource("---\ntitle: T\n1️⃣sed: 1\n---\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.location == marked.location("1️⃣", file: "test.md"))
        #expect(
            diagnostic?.message
                == "unknown front matter key 'sed' (expected one of: title, description, seed, tolerance, timeout, params)"
        )
        #expect(diagnostic?.notes.map(\.message) == ["did you mean 'seed'?"])
    }

    @Test(arguments: [
        ("seed: 1️⃣abc", "front matter 'seed' must be an integer from 0 to 9223372036854775807, got \"abc\""),
        ("seed: 1️⃣-3", "front matter 'seed' must be an integer from 0 to 9223372036854775807, got \"-3\""),
        ("seed: 1️⃣1.5", "front matter 'seed' must be an integer from 0 to 9223372036854775807, got \"1.5\""),
        (
            "seed: 1️⃣99999999999999999999",
            "front matter 'seed' must be an integer from 0 to 9223372036854775807, got \"99999999999999999999\""
        ),
        ("tolerance: 1️⃣0", "front matter 'tolerance' must be a positive number, got \"0\""),
        ("tolerance: 1️⃣tight", "front matter 'tolerance' must be a positive number, got \"tight\""),
        ("timeout: 1️⃣-1", "front matter 'timeout' must be a positive number of seconds, got \"-1\""),
        ("timeout: 1️⃣.inf", "front matter 'timeout' must be a positive number of seconds, got \".inf\""),
        ("title: 1️⃣[a, b]", "front matter 'title' must be a string, got a list"),
        ("description: 1️⃣{a: 1}", "front matter 'description' must be a string, got a mapping"),
        ("params: 1️⃣[bits]", "front matter 'params' must be a mapping of parameter names to values, got a list"),
    ])
    func malformedValueIsLocatedAtTheValue(line: String, message: String) {
        let marked = MarkedSource("---\n\(line)\n---\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
    }

    @Test func parameterErrors() {
        let marked = MarkedSource(
            "---\nparams:\n  1️⃣my-bits: 4\n  ok: 1\n  nested: 2️⃣{a: 1}\n  list: 3️⃣[[1]]\n  empty: 4️⃣~\n---\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.location) == ["1️⃣", "2️⃣", "3️⃣", "4️⃣"].map { marked.location($0, file: "test.md") })
        #expect(
            diagnostics.first?.message
                == "parameter name 'my-bits' is not a valid identifier (letters, digits and '_', not starting with a digit)"
        )
        #expect(
            diagnostics.dropFirst().first?.message
                == "parameter 'nested' must be a number, a string, a boolean or a list of them, got a mapping")
    }

    @Test func invalidYAMLIsLocated() {
        let diagnostics = parseErrors("---\ntitle: ok\nseed: [1, 2\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML in front matter: ") == true)
        // The problem is found in the YAML (lines 2–3), never before it.
        #expect((2...4).contains(diagnostics.first?.location.line ?? 0))
    }

    @Test func tabIndentationIsInvalidYAMLOnItsLine() {
        let diagnostics = parseErrors("---\nparams:\n\tbits: 4\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML in front matter:") == true)
    }

    @Test func frontMatterMustBeAMapping() {
        let marked = MarkedSource("---\n1️⃣- a\n- b\n---\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.map(\.message) == ["front matter must be a mapping of keys to values"])
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
    }

    @Test func unterminatedFrontMatter() {
        let diagnostics = parseErrors("---\ntitle: T\n\n# Heading\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == QNBScript.SourceLocation(file: "test.md", line: 1, column: 1))
        #expect(diagnostics.first?.message == "front matter is never closed (expected a line '---' or '...' after it)")
    }

    @Test func duplicateKeyIsAnError() {
        let diagnostics = parseErrors("---\nseed: 1\nseed: 2\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("duplicate") == true)
        #expect(diagnostics.first?.message.contains("seed") == true)
    }

    @Test func columnsAreUTF8Bytes() {
        // libYAML counts the key's column in Unicode scalars (15); qnb counts bytes (17).
        let marked = MarkedSource("---\n{title: \"éé\", 1️⃣sed: 1}\n---\n")
        let diagnostics = parseErrors(marked.source)
        #expect(diagnostics.first?.location == marked.location("1️⃣", file: "test.md"))
        #expect(diagnostics.first?.location.column == 17)
    }

    @Test(arguments: [
        ("4", NotebookParameter.int(4)),
        ("-2", .int(-2)),
        ("0.5", .double(0.5)),
        ("1e-3", .double(1e-3)),
        ("true", .bool(true)),
        ("\"8\"", .string("8")),
        ("weights", .string("weights")),
        ("[2, 4]", .array([.int(2), .int(4)])),
        ("{a: 1}", .string("{a: 1}")),
        ("[unclosed", .string("[unclosed")),
    ])
    func commandLineOverridesParseLikeFrontMatter(text: String, expected: NotebookParameter) {
        #expect(NotebookParameter(parsing: text) == expected)
    }

    @Test func parameterDescriptionIsYAMLLike() {
        #expect(
            NotebookParameter.array([.int(2), .double(0.5), .string("a"), .bool(false)]).description
                == "[2, 0.5, \"a\", false]")
    }
}
