import QNBScript
import QNBTestSupport
import Testing

/// Type annotations are checked, integer literals adapt to Doubles like in Swift, and an Int
/// variable does not silently mix with a Double (Swift rejects `i + d`; so do we).
@Suite struct TypeCheckTests {
    @Test(arguments: [
        ("let x: Int = 1️⃣1.5", "cannot convert value of type 'Double' to specified type 'Int'"),
        ("let s: String = 1️⃣5", "cannot convert value of type 'Int' to specified type 'String'"),
        ("let xs: [Int] = [1️⃣1.5]", "cannot convert value of type 'Double' to expected element type 'Int'"),
        ("let o: Int = 1️⃣nil", "'nil' cannot initialize specified type 'Int'"),
        ("var y = 1\ny = 1️⃣2.5", "cannot assign value of type 'Double' to type 'Int'"),
        ("var s = \"a\"\ns = 1️⃣1", "cannot assign value of type 'Int' to type 'String'"),
        (
            "let i = 1\nlet d = 2.0\nlet u = i 1️⃣+ d",
            "binary operator '+' cannot be applied to operands of type 'Int' and 'Double'"
        ),
        (
            "var total = 0\nfor x in [0.5] { total 1️⃣+= x }",
            "binary operator '+=' cannot be applied to operands of type 'Int' and 'Double'"
        ),
        ("let s = \"a\" 1️⃣+ 1", "binary operator '+' cannot be applied to operands of type 'String' and 'Int'"),
        ("let m = 1️⃣-\"x\"", "unary operator '-' cannot be applied to an operand of type 'String'"),
        ("let b = 1️⃣!5", "unary operator '!' cannot be applied to an operand of type 'Int'"),
        ("let o: Int? = 1\nlet p = 1️⃣o + 1", "value of optional type 'Int?' must be unwrapped to a value of type 'Int'"),
        (
            "let z = 1️⃣[1, \"a\"]",
            "heterogeneous collection literal could only be inferred to '[Any]'; add explicit type annotation if this is intentional"
        ),
        ("let i = 2\nlet r = sqrt(1️⃣i)", "cannot convert value of type 'Int' to expected argument type 'Double'"),
        (
            "let i = 1\nlet d = 2.0\nlet m = 1️⃣max(i, d)",
            "conflicting arguments to generic parameter 'T' ('Int' vs. 'Double')"
        ),
        ("let a = 1\nif 1️⃣a { }", "cannot convert value of type 'Int' to expected condition type 'Bool'"),
        (
            "var xs: [Double] = []\nlet i = 3\nxs.append(1️⃣i)",
            "cannot convert value of type 'Int' to expected argument type 'Double'"
        ),
        (
            "let d = 1.5\nlet c = d 1️⃣% 2",
            "'%' is unavailable: For floating point numbers use truncatingRemainder instead"
        ),
        (
            "let r: Range<Int> = 1️⃣0...3",
            "cannot convert value of type 'ClosedRange<Int>' to specified type 'Range<Int>'"
        ),
    ])
    func mismatchesAreLocatedErrors(_ source: String, _ message: String) {
        expectCellError(source, message)
    }

    /// Regression: a closure over an array of tuples holding enum cases failed with "cannot
    /// convert value of type 'enum case '.perTensor'' to expected argument type 'enum case
    /// '.perTensor''".
    @Test func closuresOverTuplesWithEnumCases() {
        let source = """
            let configurations: [(String, Granularity)] = [("a", .perTensor), ("b", .perChannel(axis: 0))]
            (configurations.map { $0.0 }, configurations.filter { $0.0 == "b" }.count)
            """
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        #expect(result.displayText == "([\"a\", \"b\"], 1)")
    }

    @Test func literalsAdaptToDoubleContexts() {
        expectCellOutput(
            """
            let a: Double = 1
            let b: [Double] = [1, 2]
            var c = [Double]()
            c.append(3)
            var d: [Double] = []
            d.append(4)
            d += [5]
            let e: Double? = 6
            let f: (Int, Double) = (1, 2)
            func g(_ x: Double) -> Double { x / 2 }
            let h = [1, 2.5]
            var k = 0.0
            k = 7
            print(a, b, c, d, e as Any, f, g(3), h, k, 1 / 2, 1 / 2.0, Double(1) / 2)
            """,
            prints: "1.0 [1.0, 2.0] [3.0] [4.0, 5.0] Optional(6.0) (1, 2.0) 1.5 [1.0, 2.5] 7.0 0 0.5 0.5\n")
    }

    @Test func floatIsADoubleRoundedToFloat32() {
        expectCellOutput(
            "let f: Float = 0.1\nlet g = Float(1) / 3\nprint(f, Float(0.1), g)",
            prints: "0.10000000149011612 0.10000000149011612 0.3333333333333333\n")
    }

    @Test func conversionsBetweenNumbersAndText() {
        expectCellOutput(
            """
            print(Int(3.99), Int(-3.99), Double(2), Int("12") as Any, Int("x") as Any, Double("0.5")!, String(7), Bool("true")!)
            print(Int("ff", radix: 16)!, String(255, radix: 2), String(describing: 1.5), "\\(2)" + "x")
            """,
            prints: "3 -3 2.0 Optional(12) nil 0.5 7 true\n255 11111111 1.5 2x\n")
        expectCellError(
            "let x = Int(1️⃣Double.nan)", "Double value cannot be converted to Int because it is either infinite or NaN")
        expectCellError(
            "let x = Int(1️⃣1e300)",
            "Double value cannot be converted to Int because the result would be greater than Int.max")
    }

    @Test func optionalAnnotationsWrapValues() {
        expectCellOutput(
            """
            var best: Double? = nil
            for x in [3.0, 1.0, 2.0] { if best == nil || x < best! { best = x } }
            print(best as Any, best!)
            var names: [String: Int] = [:]
            names["a"] = 1
            let found: Int? = names["a"]
            print(found as Any, names["b"] as Any)
            """,
            prints: "Optional(1.0) 1.0\nOptional(1) nil\n")
    }
}
