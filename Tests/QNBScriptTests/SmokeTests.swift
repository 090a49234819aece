import QNBScript
import QNBTestSupport
import Testing

@Test func smoke() {
    let result = runCell(
        """
        let x = 1 + 2 * 3
        print(x, 0.1 + 0.2)
        var a = [1, 2]
        a.append(3)
        func f(_ n: Int) -> Int { n <= 1 ? 1 : n * f(n - 1) }
        print(a, f(5))
        a
        """)
    #expect(result.error == nil)
    #expect(result.streamText == "7 0.30000000000000004\n[1, 2, 3] 120\n")
    #expect(result.displayText == "[1, 2, 3]")
}
