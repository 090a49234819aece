import QNBScript
import QNBTestSupport
import Testing

/// What would trap in Swift is a located error here, never a crash.
@Suite struct RuntimeErrorTests {
    @Test(arguments: [
        ("let a = Int.max 1️⃣+ 1", "arithmetic overflow in '+': 9223372036854775807 + 1 does not fit in Int"),
        ("let b = Int.min 1️⃣- 1", "arithmetic overflow in '-': -9223372036854775808 - 1 does not fit in Int"),
        ("let c = Int.max 1️⃣* 2", "arithmetic overflow in '*': 9223372036854775807 * 2 does not fit in Int"),
        ("let d = Int.min 1️⃣/ -1", "arithmetic overflow in '/': -9223372036854775808 / -1 does not fit in Int"),
        ("let e = Int.min 1️⃣% -1", "arithmetic overflow in '%': -9223372036854775808 % -1 does not fit in Int"),
        (
            "let m = Int.min\nlet f = 1️⃣-m",
            "arithmetic overflow in unary '-': -(-9223372036854775808) does not fit in Int"
        ),
        ("var g = Int.max\ng 1️⃣+= 1", "arithmetic overflow in '+': 9223372036854775807 + 1 does not fit in Int"),
        (
            "let h = 9_223_372_036_854_775_807 1️⃣+ 1",
            "arithmetic overflow in '+': 9223372036854775807 + 1 does not fit in Int"
        ),
        ("let zero = 0\nlet i = 10 1️⃣/ zero", "division by zero"),
        ("let zero = 0\nlet j = 10 1️⃣% zero", "division by zero in remainder operation"),
        ("let k = abs(1️⃣Int.min)", "arithmetic overflow in 'abs': -9223372036854775808 has no positive Int"),
        ("let a = [1, 2]\nlet x = a[1️⃣2]", "index 2 is out of range for an array of 2 elements"),
        ("let a = [1, 2]\nlet x = a[1️⃣-1]", "index -1 is out of range for an array of 2 elements"),
        ("var a = [1, 2]\na[1️⃣5] = 0", "index 5 is out of range for an array of 2 elements"),
        ("let a = [1, 2]\nlet s = a[1️⃣1..<3]", "range 1..<3 is out of bounds for an array of 2 elements"),
        ("var a: [Int] = []\na.1️⃣removeLast()", "can't remove last element from an empty collection"),
        ("var a = [1]\na.remove(at: 1️⃣3)", "index 3 is out of range for an array of 1 element"),
        ("let n = 5\nlet r = 0 1️⃣..< n - 10", "range requires lowerBound <= upperBound (0 > -5)"),
        ("let o: Int? = nil\nlet v = o1️⃣!", "unexpectedly found nil while unwrapping an Optional value"),
        ("let d = [\"a\": 1]\nlet v = d[\"b\"]1️⃣! + 1", "unexpectedly found nil while unwrapping an Optional value"),
        (
            "let s = \"abc\"\nlet c = 1️⃣s[0]",
            "'subscript(_:)' is unavailable: cannot subscript String with an Int, use a String.Index instead."
        ),
        ("let x = [1, 2].1️⃣foo", "value of type '[Int]' has no member 'foo'"),
        ("let y = (a: 1, b: 2).1️⃣c", "value of type '(a: Int, b: Int)' has no member 'c'"),
        (
            "let o: [Int]? = [1]\nlet c = o.1️⃣count",
            "value of optional type '[Int]?' must be unwrapped to refer to member 'count' of wrapped base type '[Int]'"
        ),
        ("for i in 1️⃣5 { }", "for-in loop requires 'Int' to conform to 'Sequence'"),
        ("let s = stride(from: 0, to: 10, by: 1️⃣0)", "stride step must not be zero"),
        ("1️⃣fatalError(\"stop here\")", "stop here"),
        ("precondition(1️⃣1 > 2, \"needs more\")", "precondition failed: needs more"),
        (
            "let x = 5\nswitch x { case 1: print(1); case 2: print(2) }",
            "no 'switch' case matches 5; add a 'default' case"
        ),
    ])
    func trapsBecomeLocatedErrors(_ source: String, _ message: String) {
        if source.contains("1️⃣") {
            expectCellError(source, message)
        } else {
            #expect(runCell(source).errorMessage == message)
        }
    }

    @Test func errorsInsideFunctionsNoteTheCallSites() {
        let marked = MarkedSource(
            "func inner(_ a: [Int]) -> Int { a[1️⃣3] }\nfunc outer() -> Int { 2️⃣inner([1]) }\nlet r = 3️⃣outer()")
        let origin = SourceOrigin(file: "nb.md", line: 30)
        let result = ScriptSession().run(marked.source, origin: origin)
        #expect(result.error?.message == "index 3 is out of range for an array of 1 element")
        #expect(result.error?.location == marked.location("1️⃣", origin: origin))
        #expect(
            result.error?.notes.map(\.location) == [
                marked.location("2️⃣", origin: origin), marked.location("3️⃣", origin: origin),
            ])
        #expect(result.error?.notes.map(\.message) == ["called from here", "called from here"])
    }

    @Test func aTimeLimitStopsInfiniteLoopsAtTheLoop() {
        let configuration = SessionConfiguration(timeout: 0.2)
        expectCellError(
            "var n = 0\n1️⃣while true { n += 1 }", "cell exceeded its time limit of 0.2 s", configuration: configuration)
        expectCellError(
            "1️⃣for i in 0..<Int.max { _ = i }", "cell exceeded its time limit of 0.2 s", configuration: configuration)
        // Exponentially many calls, never deep: stopped at one of the calls.
        let calls = runCell(
            "func tree(_ d: Int) -> Int { d == 0 ? 1 : tree(d - 1) + tree(d - 1) }\ntree(60)",
            configuration: configuration)
        #expect(calls.errorMessage == "cell exceeded its time limit of 0.2 s")
        #expect(calls.error?.location.line == 1)
        // A per-cell limit overrides the session's.
        let runner = CellRunner()
        let result = runner.run("var n = 0\nrepeat { n += 1 } while true", timeout: 0.1)
        #expect(result.errorMessage == "cell exceeded its time limit of 0.1 s")
    }

    /// swift-syntax's parser cannot be interrupted: a cell is parsed under its time limit on a
    /// thread of its own, abandoned when the time is up, and the session goes on.
    @Test func parsingIsUnderTheCellsTimeLimit() async throws {
        // 2,000 statements (about 40 KB) take far longer than 10 µs to parse, in any build.
        let source = (0..<2_000).map { "let v\($0) = \($0) + 1" }.joined(separator: "\n") + "\nprint(v1)"
        let session = ScriptSession()
        let origin = SourceOrigin(file: "nb.md", line: 10)
        let slow = session.run(source, origin: origin, timeout: 0.000_01)
        #expect(slow.error?.message == "cell exceeded its time limit of 1e-05 s while being parsed")
        #expect(slow.error?.location == origin.location(line: 1, column: 1))
        #expect(slow.outputs.isEmpty)
        #expect(session.value(of: "v1") == nil)
        let next = session.run("print(1 + 1)", origin: origin, timeout: 30)
        #expect(next.error == nil)
        #expect(next.outputs == [.stream("2\n")])
        // The abandoned parse ends on its own; with time enough, the same cell runs.
        while ScriptSession.abandonedParseCount > 0 { try await Task.sleep(for: .milliseconds(5)) }
        let whole = session.run(source, origin: origin, timeout: 600)
        #expect(whole.error == nil)
        #expect(whole.outputs == [.stream("2\n")])
    }

    /// `timeLimitCap` bounds every cell, whatever time limit it is given.
    @Test func theTimeLimitCapBoundsEveryCell() {
        let session = ScriptSession(configuration: SessionConfiguration(timeLimitCap: 0.2))
        let origin = SourceOrigin(file: "nb.md", line: 1)
        for timeout in [1e300, 30, nil] {
            let result = session.run("var n = 0\nwhile true { n += 1 }", origin: origin, timeout: timeout)
            #expect(result.error?.message == "cell exceeded its time limit of 0.2 s")
        }
        let shorter = session.run("var n = 0\nwhile true { n += 1 }", origin: origin, timeout: 0.1)
        #expect(shorter.error?.message == "cell exceeded its time limit of 0.1 s")
    }

    /// A time limit too long for `Duration` (`//| timeout: 1e300`) trapped converting it; any
    /// positive finite limit is accepted, and past about 30 years it is no limit.
    @Test func hugeTimeLimitsAreNoLimit() {
        for timeout in [1e300, 1e12, Double.greatestFiniteMagnitude] {
            let result = ScriptSession().run(
                "print(6 * 7)", origin: SourceOrigin(file: "nb.md", line: 1), timeout: timeout)
            #expect(result.error == nil)
            #expect(result.outputs == [.stream("42\n")])
            let value = ScriptSession().evaluate(
                "6 * 7", origin: SourceOrigin(file: "nb.md", line: 1), timeout: timeout)
            #expect((try? value.get()) == .int(42))
        }
    }
}
