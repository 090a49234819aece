import QNBScript
import QNBTestSupport
import Testing

/// `print` writes what Swift's print writes; each expected line was produced by swiftc 6.3.
@Suite struct PrintFormattingTests {
    @Test(arguments: [
        (#"print(0.1 + 0.2)"#, "0.30000000000000004\n"),
        (
            #"print(1.0, 2.5e-5, 1e16, 1e15, 123456789.0, 1.0/3.0, -0.0)"#,
            "1.0 2.5e-05 1e+16 1000000000000000.0 123456789.0 0.3333333333333333 -0.0\n"
        ),
        (#"print(Double.infinity, Double.nan, -Double.infinity)"#, "inf nan -inf\n"),
        (#"print([1, 2, 3], ["a", "b\n"], [1.5, 2.0])"#, "[1, 2, 3] [\"a\", \"b\\n\"] [1.5, 2.0]\n"),
        (#"print((1, "a", 2.0), (a: 1, b: "x"))"#, "(1, \"a\", 2.0) (a: 1, b: \"x\")\n"),
        (#"print(["a": 1], [String: Int](), [Int]())"#, "[\"a\": 1] [:] []\n"),
        (#"print([[1, 2], [3]], [1: "a"], (1.0, [2]))"#, "[[1, 2], [3]] [1: \"a\"] (1.0, [2])\n"),
        (#"print([Optional(1), nil])"#, "[Optional(1), nil]\n"),
        (#"print(Optional("s") as Any)"#, "Optional(\"s\")\n"),
        (#"print("tab\t", "q\"")"#, "tab\t q\"\n"),
        (#"print(["q\"\t\\"])"#, "[\"q\\\"\\t\\\\\"]\n"),
        (#"print(1, 2, separator: "-", terminator: "!\n")"#, "1-2!\n"),
        (
            #"print(Array(zip([1, 2], [3, 4])), Array([5, 6].enumerated()))"#,
            "[(1, 3), (2, 4)] [(offset: 0, element: 5), (offset: 1, element: 6)]\n"
        ),
        (#"print(Int.max, Int.min, Double.pi)"#, "9223372036854775807 -9223372036854775808 3.141592653589793\n"),
        (
            #"print(Int(2.9), Int(-2.9), Double(3), String(3.0), String(describing: [1]), "\(1.5)")"#,
            "2 -2 3.0 3.0 [1] 1.5\n"
        ),
        (#"print(Int("12") as Any, Int("x") as Any, Double("1.5") as Any)"#, "Optional(12) nil Optional(1.5)\n"),
        (
            #"print(round(2.5), round(-2.5), (2.5).rounded(), (3.5).rounded(.toNearestOrEven), (2.5).rounded(.toNearestOrEven))"#,
            "3.0 -3.0 3.0 4.0 2.0\n"
        ),
        (
            #"print(type(of: 1), type(of: [1.0]), type(of: "s"), type(of: ["a": 1]))"#,
            "Int Array<Double> String Dictionary<String, Int>\n"
        ),
        (#"print(1e-5, 0.0001, 100000000000000000.0)"#, "1e-05 0.0001 1e+17\n"),
        (#"print()"#, "\n"),
        (#"print("a", terminator: "")"#, "a"),
    ])
    func printMatchesSwift(_ source: String, _ expected: String) {
        #expect(runCell(source).streamText == expected)
    }

    @Test func consecutivePrintsMergeIntoOneStream() {
        let result = runCell("print(1)\nprint(2)\nlet x = 3\nprint(x)")
        #expect(result.outputs == [.stream("1\n2\n3\n")])
    }

    @Test func stringFormatCoversPrintfConversions() {
        // Expected texts from C's printf for the same formats.
        expectCellOutput(
            #"print(String(format: "%.3f|%5d|%-4s|%e|%%|%x|%08.2f|%g", 3.14159, 42, "ab", 1234.5, 255, -3.14159, 0.0001))"#,
            prints: "3.142|   42|ab  |1.234500e+03|%|ff|-0003.14|0.0001\n")
        expectCellError(#"String(format: "%d", 1️⃣2.5)"#, "'%d' expects an Int, got 'Double'")
    }
}
