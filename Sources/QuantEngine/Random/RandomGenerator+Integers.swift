/// Uniform integers and permutations, from `next()` with integer operations only, so every
/// platform draws the same values (the standard library's `Int.random(in:using:)` does not
/// promise a fixed algorithm).
extension RandomGenerator {
    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method ("Fast random
    /// integer generation in an interval", ACM TOMS 2019): the high word of `next() · bound`,
    /// drawing again when the low word falls in the biased `2^64 mod bound` values. Unbiased;
    /// consumes one output except with probability `bound / 2^64`. `bound` must be positive.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit  // 2^64 mod limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    /// Shuffles `elements` in place by Fisher–Yates from the end, as numpy's `shuffle`: for
    /// i = n−1 down to 1, swap element i with element `nextInt(below: i + 1)`.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, nextInt(below: i + 1))
        }
    }

    /// A uniformly random permutation of `0..<count` (the identity, then `shuffle`).
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<Swift.max(count, 0))
        shuffle(&indices)
        return indices
    }
}
