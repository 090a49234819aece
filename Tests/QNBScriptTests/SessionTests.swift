import QNBScript
import QNBTestSupport
import Testing

/// A session is a notebook's kernel: cells share one environment, top to bottom.
@Suite struct SessionTests {
    @Test func cellsShareVariablesFunctionsAndClosures() {
        let runner = CellRunner()
        let results = runner.run(cells: [
            "//| echo: false\nvar total = 0\nfunc add(_ x: Int) { total += x }",
            "add(5)\nlet bump = { total += 100 }",
            "bump()\nadd(1)\ntotal",
        ])
        #expect(results.allSatisfy { $0.error == nil })
        #expect(results[2].displayText == "106")
        #expect(runner.session.value(of: "total") == .int(106))
    }

    @Test func laterCellsMayRedeclareNames() {
        let runner = CellRunner()
        runner.run("let x = 1\nlet show = { x }")
        let result = runner.run("let x = \"two\"\nprint(x, show())")
        #expect(result.streamText == "two 1\n")
        #expect(runner.run("let y = 1\nlet 1 = 2").error != nil)
    }

    @Test func theLastExpressionIsDisplayedLikeJupyter() {
        #expect(runCell("let x = 41\nx + 1").outputs == [.display(.text("42"))])
        #expect(runCell("\"text\"").outputs == [.display(.text("text"))])
        #expect(runCell("[\"a\", \"b\"]").outputs == [.display(.text("[\"a\", \"b\"]"))])
        #expect(runCell("print(1)").outputs == [.stream("1\n")])
        #expect(runCell("var a = [1]\na.append(2)").outputs.isEmpty)
        #expect(runCell("var n = 1\nn = 2").outputs.isEmpty)
        #expect(runCell("func f() {}\nf()").outputs.isEmpty)
        #expect(runCell("let z = 1").outputs.isEmpty)
        #expect(runCell("for i in 0..<1 { i }").outputs.isEmpty)
        #expect(runCell("print(\"a\")\n(1, 2)").outputs == [.stream("a\n"), .display(.text("(1, 2)"))])
        #expect(runCell("let o: Int? = 3\no").outputs == [.display(.text("Optional(3)"))])
        #expect(runCell("func f() -> Int { 7 }").outputs.isEmpty)
        #expect(runCell("// only a comment").outputs.isEmpty)
    }

    @Test func anErrorKeepsEarlierOutputsAndDefinitions() {
        let runner = CellRunner()
        let failing = runner.run("let kept = 1\nprint(\"before\")\nlet bad = [1][5]\nlet never = 2")
        #expect(failing.outputs == [.stream("before\n")])
        #expect(failing.errorMessage == "index 5 is out of range for an array of 1 element")
        #expect(failing.error?.location == QNBScript.SourceLocation(file: "test.md", line: 3, column: 15))
        #expect(runner.run("kept + 1").displayText == "2")
        #expect(runner.run("never").errorMessage == "cannot find 'never' in scope")
    }

    @Test func notebookParametersAreConstants() {
        let session = ScriptSession()
        session.define("bits", .int(4))
        session.define("name", .string("demo"))
        session.define("rates", .array([.double(0.5), .int(1)]))
        session.define("verbose", .bool(true))
        let result = session.run("print(bits * 2, name, rates, verbose)", origin: SourceOrigin(file: "p.md", line: 1))
        #expect(result.streamText == "8 demo [0.5, 1] true\n")
        let assignment = session.run("bits = 5", origin: SourceOrigin(file: "p.md", line: 9))
        #expect(assignment.errorMessage == "cannot assign to value: 'bits' is a 'let' constant")
    }

    @Test func inlineValuesForProse() {
        let session = ScriptSession()
        _ = session.run("let mse = 0.000123456789\nlet bits = [4, 8]", origin: SourceOrigin(file: "n.md", line: 1))
        let value = try? session.evaluate("mse * 2", origin: SourceOrigin(file: "n.md", line: 12)).get()
        #expect(value == .double(0.000246913578))
        #expect(value.map { try? ProseFormatting.text(of: $0).text } == "0.0002469")
        #expect((try? session.evaluate("bits.count", origin: SourceOrigin(file: "n.md", line: 12)).get()) == .int(2))
        guard case .failure(let error) = session.evaluate("missing + 1", origin: SourceOrigin(file: "n.md", line: 12))
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message == "cannot find 'missing' in scope")
        #expect(error.location.line == 12)
    }

    @Test func sessionsAreIndependent() {
        let a = ScriptSession()
        let b = ScriptSession()
        _ = a.run("let only = 1", origin: SourceOrigin(file: "a.md", line: 1))
        #expect(
            b.run("only", origin: SourceOrigin(file: "b.md", line: 1)).errorMessage == "cannot find 'only' in scope")
    }

    @Test func sessionsRunOnSeveralThreadsAtOnce() async {
        await withTaskGroup(of: String.self) { group in
            for k in 0..<4 {
                group.addTask {
                    let session = ScriptSession()
                    return session.run(
                        "func f(_ n: Int) -> Int { n == 0 ? \(k) : f(n - 1) }\nprint(f(300))",
                        origin: SourceOrigin(file: "t.md", line: 1)
                    ).streamText
                }
            }
            var outputs: [String] = []
            for await output in group { outputs.append(output) }
            #expect(outputs.sorted() == ["0\n", "1\n", "2\n", "3\n"])
        }
    }
}
