import QNBScript
import QNBTestSupport
import Testing

/// Operators, precedence and literals. Expected texts were printed by the real Swift compiler
/// (swiftc 6.3) for the same expressions.
@Suite struct ExpressionTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"),
        ("2 - 3 - 4", "-5"),
        ("-2 * 3", "-6"),
        ("1 < 2 && 3 > 2 || false", "true"),
        ("true || false && false", "true"),
        ("7 % 3", "1"),
        ("-7 % 3", "-1"),
        ("-7 / 2", "-3"),
        ("2 * 3 + 4 * 5 - 6 / 2", "23"),
        ("(1 + 2) * 3", "9"),
        ("2 << 3 + 1", "17"),
        ("1 + 2 == 3", "true"),
        ("5 & 3 | 8", "9"),
        ("5 ^ 1", "4"),
        ("~0", "-1"),
        ("1 << 62", "4611686018427387904"),
        ("-16 >> 2", "-4"),
        ("1 << 64", "0"),
        ("1 << -1", "0"),
        ("0xff + 0b101 + 0o17 + 1_000", "1275"),
        ("Int.max &+ 1", "-9223372036854775808"),
        ("3 &* Int.max", "9223372036854775805"),
        ("1 == 1.0", "true"),
        ("2 > 1 ? \"yes\" : \"no\"", "yes"),
        ("[1, 2] == [1, 2]", "true"),
        ("(1, \"a\") == (1, \"a\")", "true"),
        ("(1, 2) < (1, 3)", "true"),
        ("\"abc\" < \"abd\"", "true"),
        ("\"ab\" + \"cd\"", "abcd"),
        ("[1] + [2, 3]", "[1, 2, 3]"),
        ("nil ?? 5", "5"),
    ])
    func integerAndLogicalOperators(_ source: String, _ expected: String) {
        #expect(displayed(source) == expected)
    }

    @Test(arguments: [
        ("0.1 + 0.2", "0.30000000000000004"),
        ("1e-3", "0.001"),
        ("1.5e10", "15000000000.0"),
        ("2.0 / 3.0", "0.6666666666666666"),
        ("1.0 / 0", "inf"),
        ("-1.0 / 0", "-inf"),
        ("0.0 / 0", "nan"),
        ("1e16", "1e+16"),
        ("1e15", "1000000000000000.0"),
        ("1 + 2.5", "3.5"),
        ("2 * 0.5", "1.0"),
        ("1 / 2 * 2.0", "1.0"),
        ("-0.0", "-0.0"),
        ("2.0 * .pi", "6.283185307179586"),
    ])
    func doubleOperatorsFollowIEEEAndSwiftFormatting(_ source: String, _ expected: String) {
        #expect(displayed(source) == expected)
    }

    @Test func integerLiteralsTakeTheTypeTheContextWants() {
        expectCellOutput(
            """
            let x: Double = 1 / 3
            let y: Double = 1
            var z = 0.5
            z += 1
            z = 2
            let w = z * 2
            print(x, y, z, w, [1, 2.5], sqrt(2), max(1, 2.5))
            """,
            prints: "0.3333333333333333 1.0 2.0 4.0 [1.0, 2.5] 1.4142135623730951 2.5\n")
    }

    @Test func stringLiteralsEscapesInterpolationAndMultiline() {
        expectCellOutput(
            #"""
            let name = "qnb"
            let n = 3
            print("tab\tquote\"backslash\\ \(name) has \(n + 1) \("parts")")
            print("""
                line one
                  line two \(n)
                """)
            print(#"raw \n"#, "é✓".count)
            """#,
            prints: "tab\tquote\"backslash\\ qnb has 4 parts\nline one\n  line two 3\nraw \\n 2\n")
    }

    @Test func rangesAndStrides() {
        expectCellOutput(
            """
            print(0..<3, 1...3, Array(0..<4), Array(1...3))
            print(Array(stride(from: 10, to: 0, by: -3)), Array(stride(from: 0.0, through: 1.0, by: 0.25)))
            print((0..<10).count, (1...3).contains(3), (0.0...1.0).contains(0.5))
            """,
            prints: "0..<3 1...3 [0, 1, 2, 3] [1, 2, 3]\n[10, 7, 4, 1] [0.0, 0.25, 0.5, 0.75, 1.0]\n10 true true\n")
    }

    @Test func tuplesWithLabelsAndIndices() {
        expectCellOutput(
            """
            let t = (a: 1, b: "x")
            var u = (1, 2)
            u.0 = 5
            let (p, q) = (10, 20)
            print(t.a, t.b, t.0, t.1, t, u, p + q, (a: 1, b: 2).a)
            """,
            prints: "1 x 1 x (a: 1, b: \"x\") (5, 2) 30 1\n")
    }

    @Test func optionalsChainingAndCoalescing() {
        expectCellOutput(
            """
            let some: Int? = 3
            let none: Int? = nil
            let words: [String]? = ["a", "bb"]
            print(some as Any, none as Any, some ?? 0, none ?? -1, some! + 1)
            print(words?.count as Any, words?.first?.count as Any, none == nil, some == 3)
            if let s = some, s > 2 { print("unwrapped", s) }
            if let s = none { print(s) } else { print("nil!") }
            """,
            prints: "Optional(3) nil 3 -1 4\nOptional(2) Optional(1) true true\nunwrapped 3\nnil!\n")
    }

    @Test func ifAndSwitchAsValues() {
        expectCellOutput(
            """
            let v = 5
            let r = if v > 3 { "big" } else { "small" }
            let s = switch v { case 0: "zero"; case 1...9: "digit"; default: "many" }
            print(r, s)
            """,
            prints: "big digit\n")
    }
}
