/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014; C reference by Sebastiano Vigna, https://prng.di.unimi.it/splitmix64.c).
///
/// Used only to expand a 64-bit seed into the 256-bit state of `RandomGenerator`, as the
/// xoshiro authors recommend: consecutive outputs are well mixed even for seeds 0, 1, 2, ….
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The Weyl-sequence counter.
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// Advances the counter by the golden-ratio increment and returns its mixed value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
