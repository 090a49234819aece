import QuantEngine

/// The session's seeded random number generator (xoshiro256**, seeded through SplitMix64), so the
/// same notebook and seed give the same numbers on every platform.
///
/// Builtins draw from it through `BuiltinContext.random` (or take `nextSeed()` to seed a
/// generator of their own); `Int.random(in:)`, `shuffled()` and `randomElement()` use it too.
public final class SessionRandom: RandomNumberGenerator {
    /// The engine's generator, so cells and engine builtins share one documented algorithm.
    private var generator: RandomGenerator

    public init(seed: UInt64) {
        generator = RandomGenerator(seed: seed)
    }

    public func next() -> UInt64 {
        generator.next()
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
}
