import QNBScript
import QNBTestSupport
import Testing

/// The language-level builtins, each checked against what Swift gives for the same code.
@Suite struct StandardLibraryTests {
    @Test(arguments: [
        // Arrays
        ("[3, 1, 2].sorted()", "[1, 2, 3]"),
        ("[3, 1, 2].sorted(by: >)", "[3, 2, 1]"),
        ("[3, 1, 2].sorted { $0 > $1 }", "[3, 2, 1]"),
        ("[1, 2, 3].map { $0 * $0 }", "[1, 4, 9]"),
        ("[1, 2, 3, 4].filter { $0 % 2 == 0 }", "[2, 4]"),
        ("[1, 2, 3].reduce(0, +)", "6"),
        ("[0.5, 1.5].reduce(0, +)", "2.0"),
        ("[1, 2, 3].reduce(1) { $0 * $1 }", "6"),
        ("[1, nil, 3].compactMap { $0 }", "[1, 3]"),
        ("[[1], [2, 3]].flatMap { $0 }", "[1, 2, 3]"),
        ("[1, 2, 3].contains(2)", "true"),
        ("[1, 2, 3].contains { $0 > 5 }", "false"),
        ("[1, 2, 3].allSatisfy { $0 > 0 }", "true"),
        ("[1, 2, 3].firstIndex(of: 3)", "Optional(2)"),
        ("[1, 2, 3].firstIndex { $0 > 1 }", "Optional(1)"),
        ("[1, 2, 3].first(where: { $0 > 1 })", "Optional(2)"),
        ("[5, 1, 4].min()", "Optional(1)"),
        ("[5, 1, 4].max()", "Optional(5)"),
        ("[Int]().max()", "nil"),
        ("[\"x\", \"yy\"].joined(separator: \"-\")", "x-yy"),
        ("[\"a\", \"b\"].joined()", "ab"),
        ("[1, 2, 3].reversed()", "[3, 2, 1]"),
        ("[1, 2, 3].prefix(2)", "[1, 2]"),
        ("[1, 2, 3].suffix(5)", "[1, 2, 3]"),
        ("[1, 2, 3].dropFirst()", "[2, 3]"),
        ("[1, 2, 3].dropLast(2)", "[1]"),
        ("[5, 6].enumerated().map { $0.offset + $0.element }", "[5, 7]"),
        ("[1, 2, 3].count(where: { $0 > 1 })", "2"),
        ("[1, 2, 3].indices", "0..<3"),
        ("[0, 1, 2, 3, 4][2...]", "[2, 3, 4]"),
        ("[0, 1, 2, 3, 4][..<2]", "[0, 1]"),
        ("[0, 1, 2, 3, 4][...1]", "[0, 1]"),
        ("Array(repeating: 0.5, count: 2)", "[0.5, 0.5]"),
        ("[Double](repeating: 0, count: 2)", "[0.0, 0.0]"),
        ("Array(1...3)", "[1, 2, 3]"),
        ("Array(\"abc\")", "[\"a\", \"b\", \"c\"]"),
        ("[1, 2].first", "Optional(1)"),
        ("[1, 2].last", "Optional(2)"),
        ("[1, 2].isEmpty", "false"),
        // Strings
        ("\"Hello\".count", "5"),
        ("\"Hello\".uppercased()", "HELLO"),
        ("\"Hello\".lowercased()", "hello"),
        ("\"Hello\".hasPrefix(\"He\")", "true"),
        ("\"Hello\".hasSuffix(\"x\")", "false"),
        ("\"a,b,,c\".split(separator: \",\")", "[\"a\", \"b\", \"c\"]"),
        ("\"a,b,,c\".components(separatedBy: \",\")", "[\"a\", \"b\", \"\", \"c\"]"),
        ("\"abc\".contains(\"bc\")", "true"),
        ("\"abc\".reversed()", "cba"),
        ("\"banana\".filter { $0 != \"a\" }", "bnn"),
        ("\"a-b\".replacingOccurrences(of: \"-\", with: \"+\")", "a+b"),
        ("String(repeating: \"ab\", count: 3)", "ababab"),
        // Dictionaries
        ("[\"a\": 1, \"b\": 2].count", "2"),
        ("[\"a\": 1, \"b\": 2][\"a\"]", "Optional(1)"),
        ("[\"a\": 1][\"z\", default: 0]", "0"),
        ("[\"b\": 2, \"a\": 1].keys.sorted()", "[\"a\", \"b\"]"),
        ("[\"b\": 2, \"a\": 1].values.sorted()", "[1, 2]"),
        ("[\"a\": 1, \"b\": 2].mapValues { $0 * 10 }", "[\"a\": 10, \"b\": 20]"),
        ("[\"a\": 1, \"b\": 2].filter { $0.value > 1 }", "[\"b\": 2]"),
        ("[\"b\": 2, \"a\": 1].sorted { $0.key < $1.key }.map { $0.value }", "[1, 2]"),
        ("Dictionary(uniqueKeysWithValues: zip([\"a\", \"b\"], [1, 2]))", "[\"a\": 1, \"b\": 2]"),
        // Numbers
        ("abs(-5)", "5"),
        ("abs(-2.5)", "2.5"),
        ("min(3, 1, 2)", "1"),
        ("max(1.5, 2.5)", "2.5"),
        ("min(1, 2.5)", "1.0"),
        ("pow(2, 10)", "1024.0"),
        ("sqrt(2.0)", "1.4142135623730951"),
        ("exp(1.0)", "2.718281828459045"),
        ("log(10.0)", "2.302585092994046"),
        ("log2(8.0)", "3.0"),
        ("log10(1000.0)", "3.0"),
        ("floor(-2.5)", "-3.0"),
        ("ceil(2.1)", "3.0"),
        ("tanh(0.0)", "0.0"),
        ("(2.5).rounded()", "3.0"),
        ("(-2.5).rounded()", "-3.0"),
        ("(2.5).rounded(.toNearestOrEven)", "2.0"),
        ("(2.7).rounded(.down)", "2.0"),
        ("(-2.7).rounded(.towardZero)", "-2.0"),
        ("5.0.truncatingRemainder(dividingBy: 3)", "2.0"),
        ("9.0.squareRoot()", "3.0"),
        ("(0.0 / 0.0).isNaN", "true"),
        ("Double.infinity.isFinite", "false"),
        ("12.isMultiple(of: 4)", "true"),
        ("7.quotientAndRemainder(dividingBy: 2)", "(quotient: 3, remainder: 1)"),
        ("(-3).signum()", "-1"),
        ("255.nonzeroBitCount", "8"),
        ("Int.max", "9223372036854775807"),
        ("Double.pi", "3.141592653589793"),
        ("Float.ulpOfOne", "1.1920928955078125e-07"),
        ("3.description + \"!\"", "3!"),
    ])
    func builtin(_ source: String, _ expected: String) {
        #expect(displayed(source) == expected)
    }

    @Test func mutatingArrayMethods() {
        expectCellOutput(
            """
            var xs = [1, 2, 3]
            xs.append(4); xs.append(contentsOf: [5, 6]); xs.insert(0, at: 0)
            let removed = xs.remove(at: 1)
            print(xs, removed, xs.removeLast(), xs.removeFirst(), xs, xs.popLast() as Any)
            xs.removeAll(where: { $0 == 3 })
            var ys = [3, 1, 2]
            ys.sort(); let sorted = ys
            ys.sort(by: >); let descending = ys
            ys.reverse()
            ys.swapAt(0, 2)
            print(xs, sorted, descending, ys)
            xs.removeAll()
            var d = ["a": 1]
            let old = d.updateValue(5, forKey: "a")
            let gone = d.removeValue(forKey: "a")
            var flag = false
            flag.toggle()
            print(xs, old as Any, gone as Any, d, flag)
            """,
            prints:
                "[0, 2, 3, 4, 5, 6] 1 6 0 [2, 3, 4, 5] Optional(5)\n[2, 4] [1, 2, 3] [3, 2, 1] [3, 2, 1]\n[] Optional(1) Optional(5) [:] true\n"
        )
    }

    @Test func multipleTrailingClosuresAndClosureArguments() {
        expectCellOutput(
            """
            func both(_ f: () -> Int, second g: () -> Int) -> Int { f() + g() }
            print(both { 1 } second: { 2 })
            print([3, 1, 2].min(by: <)!, [3, 1, 2].max { $0 < $1 }!)
            """,
            prints: "3\n1 3\n")
    }

    @Test func theStandardReferenceDocumentsEverySignature() {
        let reference = BuiltinLibrary.standard.reference
        let signatures = Set(reference.map(\.signature))
        #expect(signatures.contains("print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")"))
        #expect(signatures.contains("stride(from: T, to: T, by: T) -> StrideTo<T>"))
        #expect(signatures.contains("mutating append(_ newElement: Element)"))
        #expect(
            signatures.contains(
                "reduce(_ initialResult: Result, _ nextPartialResult: (Result, Element) -> Result) -> Result"))
        #expect(signatures.contains("static func Int.random(in: Any) -> Int"))
        #expect(signatures.contains(".toNearestOrEven"))
        #expect(reference.filter { $0.kind == .function }.allSatisfy { !$0.doc.isEmpty })
    }

    /// Value types registered before their own members (sequence methods first) keep the
    /// documentation their own registration gives.
    @Test func valueTypesAreDocumented() {
        let types = BuiltinLibrary.standard.reference.filter { $0.kind == .type }
        for name in ["Array", "Range", "String", "Dictionary", "Int", "Double", "Bool"] {
            #expect(types.first { $0.name == name }?.doc.isEmpty == false, "\(name)")
        }
    }

    /// Ranges hold numbers and dictionaries pairs: `joined` could only fail on them, so, as in
    /// Swift, they have no such member.
    @Test func onlyCollectionsOfStringsHaveJoined() {
        let owners = BuiltinLibrary.standard.reference.filter { $0.name == "joined" }.compactMap(\.owner)
        #expect(owners == ["Array", "String"])
        _ = expectCellError("(1...3).1️⃣joined()", "value of type 'ClosedRange<Int>' has no member 'joined'")
        _ = expectCellError("[\"a\": 1].1️⃣joined()", "value of type '[String: Int]' has no member 'joined'")
    }
}
