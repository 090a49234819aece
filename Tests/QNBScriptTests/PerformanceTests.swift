import QNBScript
import QNBTestSupport
import Testing

/// Loops and calls must stay fast enough for tutorials; these check results (speed is
/// reported, not asserted, as the machine may be busy).
@Suite struct PerformanceTests {
    @Test func aLoopOfAdditions() {
        let iterations = 200_000
        let clock = ContinuousClock()
        var result: CellResult?
        let elapsed = clock.measure {
            result = runCell("var total = 0\nfor i in 0..<\(iterations) { total += i }\ntotal")
        }
        #expect(result?.displayText == String(iterations * (iterations - 1) / 2))
        let nanoseconds = Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9
        print("loop of \(iterations) additions: \(Int(nanoseconds / Double(iterations))) ns per iteration (this build)")
    }

    @Test func manyCallsAndClosures() {
        expectCellOutput(
            """
            func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
            let squares = (0..<10_000).map { $0 * $0 }.filter { $0 % 3 == 0 }
            print(fib(18), squares.count, squares.reduce(0, +))
            """,
            prints: "2584 3334 111127776111\n")
    }
}
