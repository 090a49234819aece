/// The session's seeded random number generator (xoshiro256**, seeded through SplitMix64), so the
/// same notebook and seed give the same numbers on every platform.
///
/// Builtins draw from it through `BuiltinContext.random` (or take `nextSeed()` to seed a
/// generator of their own); `Int.random(in:)`, `shuffled()` and `randomElement()` use it too.
public final class SessionRandom: RandomNumberGenerator {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitmix = seed
        func nextSplitMix() -> UInt64 {
            splitmix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitmix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    public func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    /// A uniformly distributed Double in [0, 1) with 53 random bits.
    public func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An integer uniformly distributed in `range` (no modulo bias).
    public func nextInt(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if span == .max { return Int(bitPattern: UInt(next())) }
        let bound = span &+ 1
        let threshold = (0 &- bound) % bound
        while true {
            let r = next()
            let (high, low) = r.multipliedFullWidth(by: bound)
            if low >= threshold { return range.lowerBound &+ Int(bitPattern: UInt(high)) }
        }
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
