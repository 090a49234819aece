/// The engine's one pseudo-random generator: xoshiro256** 1.0 (Blackman & Vigna, "Scrambled
/// linear pseudorandom number generators", ACM TOMS 2021; C reference
/// https://prng.di.unimi.it/xoshiro256starstar.c), seeded through `SplitMix64`.
///
/// Only integer operations are involved, so the stream is identical on every platform: the same
/// notebook with the same seed draws the same numbers everywhere. Period 2^256 − 1.
///
/// The generator is a value: copying it forks the stream, and `mutating next()` advances it, so
/// a notebook can keep one generator (seeded from its front matter) and let every call without
/// an explicit `seed:` continue the same stream.
public struct RandomGenerator: RandomNumberGenerator, Sendable, Equatable {
    /// The 256-bit state `s[0…3]`; never all zero.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second value of the last Marsaglia polar pair, returned by the next `nextNormal()`.
    var spareNormal: Double?

    /// A generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = (seeder.next(), seeder.next(), seeder.next(), seeder.next())
        // SplitMix64 outputs are a bijection of distinct counters, so four zeros cannot occur;
        // the check documents the invariant xoshiro needs.
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
    }

    /// A generator with an explicit 256-bit state, e.g. to reproduce a published test vector.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` for the all-zero state, from which
    ///   xoshiro would only ever produce zeros.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) throws(QuantEngineError) {
        guard state != (0, 0, 0, 0) else {
            throw .invalidArgument("the xoshiro256** state must not be all zero")
        }
        self.state = state
    }

    /// The next 64 random bits: `rotl(s1 · 5, 7) · 9`, then the xoshiro linear update.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    public static func == (lhs: RandomGenerator, rhs: RandomGenerator) -> Bool {
        lhs.state == rhs.state && lhs.spareNormal == rhs.spareNormal
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
