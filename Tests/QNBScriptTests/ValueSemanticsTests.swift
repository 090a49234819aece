import QNBScript
import QNBTestSupport
import Testing

@Suite struct ValueSemanticsTests {
    @Test func copiesAreIndependent() {
        expectCellOutput(
            """
            var a = [1, 2, 3]
            var b = a
            b.append(4)
            var m = [[1], [2]]
            var n = m
            n[0].append(9)
            var d = ["k": [1]]
            let e = d
            d["k"]!.append(2)
            var t = (x: [1], y: 2)
            var u = t
            u.x.append(5)
            func grow(_ xs: [Int]) -> [Int] { var ys = xs; ys.append(0); return ys }
            let g = grow(a)
            print(a, b, m, n, e, d, t.x, u.x, g)
            """,
            prints:
                "[1, 2, 3] [1, 2, 3, 4] [[1], [2]] [[1, 9], [2]] [\"k\": [1]] [\"k\": [1, 2]] [1] [1, 5] [1, 2, 3, 0]\n"
        )
    }

    @Test func closuresSeeLaterChangesOfCapturedVariables() {
        expectCellOutput(
            """
            var scale = 1.0
            let apply = { (x: Double) in x * scale }
            scale = 3
            print(apply(2))
            """,
            prints: "6.0\n")
    }

    @Test func letValuesCannotBeMutated() {
        expectCellError(
            "let a = [1]\na.1️⃣append(2)", "cannot use mutating member on immutable value: 'a' is a 'let' constant")
        expectCellError(
            "let m = [[1]]\nm[0].1️⃣append(2)", "cannot use mutating member on immutable value: 'm' is a 'let' constant")
        expectCellError(
            "func f(_ xs: [Int]) { xs.1️⃣append(1) }\nf([])",
            "cannot use mutating member on immutable value: 'xs' is a 'let' constant")
        expectCellError(
            "let a = [1]\na 1️⃣+= [2]", "left side of mutating operator isn't mutable: 'a' is a 'let' constant")
        expectCellError(
            "var flags = [true]\nlet f = flags\nf[0].1️⃣toggle()",
            "cannot use mutating member on immutable value: 'f' is a 'let' constant")
    }

    @Test func appendInALoopIsLinear() {
        // Would take minutes if every append copied the array.
        expectCellOutput(
            """
            var xs: [Int] = []
            for i in 0..<20_000 { xs.append(i) }
            var grid = [[Int]](repeating: [], count: 2)
            for i in 0..<20_000 { grid[i % 2].append(i) }
            var d: [Int: [Int]] = [:]
            for i in 0..<20_000 { d[i % 3, default: []].append(i) }
            var s = ""
            for _ in 0..<20_000 { s += "x" }
            print(xs.count, grid[1].count, d[0]!.count, s.count)
            """,
            prints: "20000 10000 6667 20000\n")
    }

    @Test func dictionariesKeepInsertionOrder() {
        expectCellOutput(
            """
            var d: [String: Int] = ["z": 1, "a": 2]
            d["m"] = 3
            d["z"] = 9
            d["a"] = nil
            d["a"] = 4
            print(d, Array(d.keys), d.values.reduce(0, +))
            for (k, v) in d { print(k, v, terminator: "; ") }
            print()
            """,
            prints: "[\"z\": 9, \"m\": 3, \"a\": 4] [\"z\", \"m\", \"a\"] 16\nz 9; m 3; a 4; \n")
    }

    @Test func sortingIsStableAndDeterministic() {
        expectCellOutput(
            """
            let pairs = [(1, "b"), (0, "x"), (1, "a"), (0, "y")]
            print(pairs.sorted { $0.0 < $1.0 }.map { $0.1 }, [3.5, -1, 2].sorted(), ["b", "a", "C"].sorted())
            """,
            prints: "[\"x\", \"y\", \"b\", \"a\"] [-1.0, 2.0, 3.5] [\"C\", \"a\", \"b\"]\n")
    }

    @Test func seededRandomnessIsReproducible() {
        let source = "print(Int.random(in: 0..<1000), Double.random(in: 0...1), [1, 2, 3, 4, 5].shuffled())"
        let first = runCell(source, configuration: SessionConfiguration(seed: 42)).streamText
        let again = runCell(source, configuration: SessionConfiguration(seed: 42)).streamText
        let other = runCell(source, configuration: SessionConfiguration(seed: 43)).streamText
        #expect(first == again)
        #expect(first != other)
    }
}
