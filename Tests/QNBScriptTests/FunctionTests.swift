import QNBScript
import QNBTestSupport
import Testing

@Suite struct FunctionTests {
    @Test func labelsDefaultsVariadicsAndImplicitReturn() {
        expectCellOutput(
            """
            func greet(_ name: String, greeting: String = "Hello", punctuation p: String = "!") -> String {
                "\\(greeting), \\(name)\\(p)"
            }
            func sum(_ values: Int...) -> Int { values.reduce(0, +) }
            print(greet("Ann"), greet("Bob", greeting: "Hi"), greet("Cy", punctuation: "?"))
            print(sum(), sum(1, 2, 3))
            """,
            prints: "Hello, Ann! Hi, Bob! Hello, Cy?\n0 6\n")
    }

    @Test func recursionAndMutualRecursionOfNestedFunctions() {
        expectCellOutput(
            """
            func fact(_ n: Int) -> Int { n <= 1 ? 1 : n * fact(n - 1) }
            func parity(_ n: Int) -> String {
                func isEven(_ k: Int) -> Bool { k == 0 ? true : isOdd(k - 1) }
                func isOdd(_ k: Int) -> Bool { k == 0 ? false : isEven(k - 1) }
                return isEven(n) ? "even" : "odd"
            }
            print(fact(20), parity(7), parity(10))
            """,
            prints: "2432902008176640000 odd even\n")
    }

    @Test func inoutParametersWriteBack() {
        expectCellOutput(
            """
            func swapTwo(_ a: inout Int, _ b: inout Int) { let t = a; a = b; b = t }
            func double(_ xs: inout [Int]) { for i in xs.indices { xs[i] *= 2 } }
            func bump(_ x: inout Int, by k: Int = 1) { x += k }
            var p = 1, q = 2
            swapTwo(&p, &q)
            var xs = [1, 2, 3]
            double(&xs)
            var grid = [[0, 0], [0, 0]]
            bump(&grid[1][0], by: 5)
            print(p, q, xs, grid)
            """,
            prints: "2 1 [2, 4, 6] [[0, 0], [5, 0]]\n")
        expectCellError(
            "func f(_ x: inout Int) {}\nlet c = 1\nf(1️⃣&c)",
            "cannot pass immutable value as inout argument: 'c' is a 'let' constant")
        expectCellError(
            "func f(_ x: inout Int) {}\nvar v = 1\nf(1️⃣v)",
            "passing value of type 'Int' to an inout parameter requires explicit '&'")
    }

    @Test func closuresCaptureVariablesByReference() {
        expectCellOutput(
            """
            func makeCounter() -> () -> Int {
                var count = 0
                return { count += 1; return count }
            }
            let c1 = makeCounter()
            let c2 = makeCounter()
            _ = c1(); _ = c1()
            print(c1(), c2())
            var total = 0
            let add = { (k: Int) in total += k }
            add(2); add(3)
            print(total)
            var fs: [() -> Int] = []
            for i in 0..<3 { fs.append { i * 10 } }
            print(fs.map { $0() })
            """,
            prints: "3 1\n5\n[0, 10, 20]\n")
    }

    @Test func closureSyntaxVariantsAndFunctionValues() {
        expectCellOutput(
            """
            func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
            func triple(_ x: Int) -> Int { 3 * x }
            let sq: (Double) -> Double = { x in x * x }
            let add: (Int, Int) -> Int = { (a: Int, b: Int) -> Int in return a + b }
            print(apply({ x in x + 1 }, to: 1), apply(triple, to: 2), sq(1.5), add(2, 3))
            print([1, 2, 3].map(triple), [3, 1, 2].sorted(by: >), [1, 2, 3].reduce(0, +), [4, 5].map { $0 - 1 })
            print(zip([1, 2], [10, 20]).map { $0 + $1 }, ["a": 1].map { (k, v) in k + String(v) })
            """,
            prints: "2 6 2.25 5\n[3, 6, 9] [3, 2, 1] 6 [3, 4]\n[11, 22] [\"a1\"]\n")
    }

    @Test func closuresTakeParameterTypesFromTheirContext() {
        expectCellOutput(
            """
            func makeAccumulator(start: Double) -> (Double) -> Double {
                var sum = start
                return { x in sum += x; return sum }
            }
            let acc = makeAccumulator(start: 1)
            let half: (Double) -> Double = { $0 / 2 }
            print(acc(2), acc(3), half(3))
            var stack = [1, 2, 3]
            while let top = stack.popLast() { print(top, terminator: " ") }
            print()
            """,
            prints: "3.0 6.0 1.5\n3 2 1 \n")
    }

    @Test func wrongLabelsAreReportedLikeSwift() {
        let setup = [
            "func quantize(_ x: Int, bits: Int = 8, scheme: Int = 0) -> Int { x }", "func f(bits: Int) -> Int { bits }",
            "func t2(_ a: Int, _ b: Int) {}",
        ]
        expectCellError(
            "quantize1️⃣(1, bit: 8)", "incorrect argument label in call (have '_:bit:', expected '_:bits:')", setup: setup
        )
        expectCellError("quantize1️⃣(x: 1)", "extraneous argument label 'x:' in call", setup: setup)
        expectCellError("quantize1️⃣(1, 8)", "missing argument label 'bits:' in call", setup: setup)
        expectCellError("f1️⃣(x: 1)", "incorrect argument label in call (have 'x:', expected 'bits:')", setup: setup)
        expectCellError("f(1️⃣)", "missing argument for parameter 'bits' in call", setup: setup)
        expectCellError("f(bits: 1, 1️⃣2)", "extra argument in call", setup: setup)
        expectCellError("t2(1, 2, 1️⃣3)", "extra argument in call", setup: setup)
        expectCellError("t2(11️⃣)", "missing argument for parameter #2 in call", setup: setup)
        expectCellError("quantize1️⃣(1, x: 8, y: 2)", "extra arguments at positions #2, #3 in call", setup: setup)
        expectCellError("quantize(1, x: 1️⃣8)", "extra argument 'x' in call", setup: setup)
        expectCellError(
            "quantize1️⃣(1, bit: 8, schem: 2)",
            "incorrect argument labels in call (have '_:bit:schem:', expected '_:bits:scheme:')", setup: setup)
        expectCellError(
            "quantize(1, scheme: 1, 1️⃣bits: 8)", "argument 'bits' must precede argument 'scheme'", setup: setup)
    }

    @Test func argumentTypesAreChecked() {
        expectCellError(
            "func f(bits: Int) -> Int { bits }\nf(bits: 1️⃣\"s\")",
            "cannot convert value of type 'String' to expected argument type 'Int'")
        expectCellError(
            "func g() -> Double { let i = 1\n return 1️⃣i }\n_ = g()",
            "cannot convert return expression of type 'Int' to return type 'Double'")
        expectCellError("let x = 1\n1️⃣x()", "cannot call value of non-function type 'Int'")
        expectCellError(
            "func 1️⃣h() -> Int { if false { return 1 } }\n_ = h()",
            "missing return in function 'h' expected to return 'Int'")
    }

    @Test func infiniteRecursionIsALocatedErrorNotACrash() {
        let result = expectCellError(
            "func down(_ n: Int) -> Int { return 1️⃣down(n + 1) }\ndown(0)",
            "recursion too deep (more than 512 nested calls)")
        #expect(result.error?.notes.count ?? 0 >= 1)
        expectCellError(
            "func down(_ n: Int) -> Int { 1️⃣down(n + 1) + 1 }\ndown(0)",
            "recursion too deep (more than 64 nested calls)",
            configuration: SessionConfiguration(maxCallDepth: 64))
    }

    @Test func deepLegalRecursionWithComplexExpressions() {
        expectCellOutput(
            """
            func depth(_ n: Int, _ acc: [Double]) -> Double {
                if n == 0 { return acc.reduce(0, +) }
                let next = acc.map { ($0 * 0.5 + Double(n) / 3.0) }.filter { $0 >= 0 }
                return depth(n - 1, next + [Double(n % 7)]) + (n % 2 == 0 ? 1.0 : 0.0) * 0
            }
            print(depth(400, [1.0]) > 0)
            """,
            prints: "true\n")
    }
}
