import QuantEngine
import Testing

@Suite("Random integers and permutations")
struct RandomIntegerTests {
    @Test func powerOfTwoBoundsTakeTheTopBits() {
        // For bound 2^k, Lemire's high word is the top k bits of one output and nothing is rejected.
        var g = RandomGenerator(seed: 17)
        var raw = g
        for k in [1, 3, 8, 20, 62] {
            #expect(g.nextInt(below: 1 << k) == Int(raw.next() >> UInt64(64 - k)))
        }
    }

    @Test func uniformOverSmallRanges() {
        var g = RandomGenerator(seed: 23)
        var counts = [Int](repeating: 0, count: 7)
        let n = 70_000
        for _ in 0..<n { counts[g.nextInt(below: 7)] += 1 }
        // χ² with 6 degrees of freedom: 22.46 is the 0.999 quantile.
        let expected = Double(n) / 7
        let chiSquare = counts.map { (Double($0) - expected) * (Double($0) - expected) / expected }.reduce(0, +)
        #expect(chiSquare < 22.46)
        #expect(g.nextInt(below: 1) == 0)
    }

    @Test func permutationsAreDeterministicPermutations() {
        var a = RandomGenerator(seed: 5)
        var b = RandomGenerator(seed: 5)
        let p = a.permutation(1000)
        #expect(p.sorted() == Array(0..<1000))
        #expect(p != Array(0..<1000))
        #expect(b.permutation(1000) == p)
        #expect(a.permutation(0).isEmpty && a.permutation(1) == [0])
        var words = ["a", "b", "c", "d"]
        var c = RandomGenerator(seed: 5)
        c.shuffle(&words)
        #expect(words.sorted() == ["a", "b", "c", "d"])
    }
}
