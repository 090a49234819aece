import QNBScript
import QNBTestSupport
import Testing

@Suite struct StatementTests {
    @Test func forLoopsOverRangesArraysStringsDictionariesAndStrides() {
        expectCellOutput(
            """
            var out: [String] = []
            for i in 0..<3 { out.append("r\\(i)") }
            for i in 1...2 { out.append("c\\(i)") }
            for x in [7, 8] { out.append("a\\(x)") }
            for ch in "hé" { out.append(ch) }
            for (k, v) in ["x": 1, "y": 2] { out.append("\\(k)=\\(v)") }
            for t in stride(from: 0, to: 10, by: 4) { out.append("s\\(t)") }
            for _ in 0..<2 { out.append("_") }
            print(out.joined(separator: " "))
            """,
            prints: "r0 r1 r2 c1 c2 a7 a8 h é x=1 y=2 s0 s4 s8 _ _\n")
    }

    @Test func whereClausesTuplePatternsEnumeratedZipAndReversed() {
        expectCellOutput(
            """
            for (i, x) in [10, 20, 30].enumerated() where i != 1 { print(i, x) }
            for (a, b) in zip([1, 2, 3], ["a", "b"]) { print(a, b) }
            for x in [1, 2, 3].reversed() { print(x, terminator: " ") }
            print()
            """,
            prints: "0 10\n2 30\n1 a\n2 b\n3 2 1 \n")
    }

    @Test func breakContinueAndLabels() {
        expectCellOutput(
            """
            outer: for i in 0..<3 {
                for j in 0..<3 {
                    if j == 2 { continue outer }
                    if i == 2 { break outer }
                    print(i, j, terminator: "; ")
                }
            }
            print()
            var n = 0
            while true { n += 1; if n == 4 { break } }
            repeat { n -= 1 } while n > 1
            print(n)
            """,
            prints: "0 0; 0 1; 1 0; 1 1; \n1\n")
    }

    @Test func ifElseIfElseAndOptionalBinding() {
        expectCellOutput(
            """
            func classify(_ x: Int) -> String {
                if x < 0 { return "negative" } else if x == 0 { return "zero" } else { return "positive" }
            }
            let maybe: String? = "v"
            if let m = maybe, m.count == 1 { print(classify(-1), classify(0), classify(5), m) }
            if let maybe { print("shorthand", maybe) }
            """,
            prints: "negative zero positive v\nshorthand v\n")
    }

    @Test func guardBindsForTheRestOfTheScope() {
        expectCellOutput(
            """
            func half(_ x: Int?) -> Int {
                guard let x = x, x % 2 == 0 else { return -1 }
                return x / 2
            }
            print(half(8), half(3), half(nil))
            for i in 0..<4 {
                guard i != 2 else { continue }
                print(i, terminator: "")
            }
            print()
            """,
            prints: "4 -1 -1\n013\n")
    }

    @Test func switchWithLiteralsRangesTuplesBindingsWhereAndDefault() {
        expectCellOutput(
            """
            func describe(_ v: Int) -> String {
                switch v {
                case 0: return "zero"
                case 1, 2: return "small"
                case 3..<10: return "digit"
                case let n where n < 0: return "negative \\(n)"
                default: return "big"
                }
            }
            print(describe(0), describe(2), describe(7), describe(-4), describe(50))
            switch (0, 5) {
            case (0, 0): print("origin")
            case (0, let y): print("on y at", y)
            default: print("elsewhere")
            }
            switch "b" { case "a", "b": print("ab"); default: break }
            """,
            prints: "zero small digit negative -4 big\non y at 5\nab\n")
    }

    @Test func scopesShadowAndDoNotLeak() {
        expectCellOutput(
            """
            let x = 1
            do {
                let x = x + 1
                print(x)
            }
            for x in 5..<6 { print(x) }
            if true { let x = "inner"; print(x) }
            print(x)
            """,
            prints: "2\n5\ninner\n1\n")
        expectCellError("for i in 0..<2 { }\nprint(1️⃣i)", "cannot find 'i' in scope")
        expectCellError("if true { let inner = 1 }\nprint(1️⃣inner)", "cannot find 'inner' in scope")
    }

    @Test func assignmentsAndCompoundAssignmentsThroughPaths() {
        expectCellOutput(
            """
            var a = [[1, 2], [3, 4]]
            a[1][0] += 10
            a[0][1] = 0
            a[0].append(9)
            var t = (x: 1, y: [1])
            t.x *= 5
            t.y.append(2)
            var d = ["k": [1]]
            d["k"]!.append(2)
            d["n", default: []].append(3)
            var s = "ab"
            s += "c"
            var n = 17
            n %= 5; n -= 1; n /= 1
            (n, s) = (100, "swapped")
            print(a, t, d, s, n)
            """,
            prints: "[[1, 0, 9], [13, 4]] (x: 5, y: [1, 2]) [\"k\": [1, 2], \"n\": [3]] swapped 100\n")
    }

    @Test func deferredInitialization() {
        expectCellOutput(
            """
            let sign: String
            if -3 < 0 { sign = "minus" } else { sign = "plus" }
            print(sign)
            """,
            prints: "minus\n")
        expectCellError("var later: Int\nprint(1️⃣later)", "variable 'later' used before being initialized")
    }
}
