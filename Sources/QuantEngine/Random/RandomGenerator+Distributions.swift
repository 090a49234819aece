/// Samples from continuous distributions, built from `next()` with IEEE-exact operations
/// (+ − × ÷ √) and `PortableMath.log` only, so every platform draws the same values.
extension RandomGenerator {
    /// A uniform Float in [0, 1) from the top 24 bits: `Float(x >> 40) · 2^−24` (exact, every
    /// multiple of 2^−24 equally likely). Consumes one 64-bit output.
    public mutating func nextFloat() -> Float {
        Float(next() >> 40) * 0x1p-24  // exact: a 24-bit integer times a power of two
    }

    /// A uniform Double in [0, 1) from the top 53 bits: `Double(x >> 11) · 2^−53` (exact, numpy's
    /// `next_double`). Consumes one 64-bit output.
    public mutating func nextDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample by the Marsaglia polar method (Marsaglia & Bray 1964).
    ///
    /// Draw `u, v` uniform in (−1, 1) as `2·nextDouble() − 1` (exact), reject unless
    /// `0 < s = u² + v² < 1`, then `u·√(−2·ln s / s)` and `v·√(−2·ln s / s)` are independent
    /// standard normals. The first is returned and the second kept for the next call, so a
    /// stream of normals consumes about 1.27 × 2 outputs per pair.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextDouble() - 1
            let v = 2 * nextDouble() - 1
            let s = u * u + v * v
            guard s < 1, s > 0 else { continue }
            let factor = (-2 * PortableMath.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// Writes `Float(mean + std · z)` for the next `output.count` normals `z` — exactly the values
    /// that repeated `nextNormal()` calls would give, leaving the generator (spare included) in
    /// the same state — but faster: candidate pairs are drawn in batches with a branch-free
    /// rejection step, then the logarithms and square roots of a batch are computed in a
    /// separate loop whose iterations are independent, so their latencies overlap.
    mutating func fillNormals(_ output: UnsafeMutableBufferPointer<Float>, mean: Double, std: Double) {
        var written = 0
        let count = output.count
        if written < count, let spare = spareNormal {
            spareNormal = nil
            output[written] = Float(mean + std * spare)  // to Float32: nearest even
            written += 1
        }
        let batch = 256
        var us = [Double](repeating: 0, count: batch + 1)
        var vs = us
        var ss = us
        us.withUnsafeMutableBufferPointer { us in
            vs.withUnsafeMutableBufferPointer { vs in
                ss.withUnsafeMutableBufferPointer { ss in
                    while written < count {
                        let pairs = Swift.min(batch, (count - written + 1) / 2)
                        // Draw until `pairs` candidates are accepted; a rejected candidate is
                        // overwritten by the next (slot `accepted` only advances on success).
                        var accepted = 0
                        while accepted < pairs {
                            let u = 2 * nextDouble() - 1
                            let v = 2 * nextDouble() - 1
                            let s = u * u + v * v
                            us[accepted] = u
                            vs[accepted] = v
                            ss[accepted] = s
                            accepted += (s < 1 && s > 0) ? 1 : 0
                        }
                        for pair in 0..<pairs {
                            let s = ss[pair]
                            let factor = (-2 * PortableMath.log(s) / s).squareRoot()
                            output[written] = Float(mean + std * (us[pair] * factor))  // to Float32: nearest even
                            written += 1
                            let second = vs[pair] * factor
                            if written < count {
                                output[written] = Float(mean + std * second)  // to Float32: nearest even
                                written += 1
                            } else {
                                spareNormal = second
                            }
                        }
                    }
                }
            }
        }
    }

    /// A Laplace (double exponential) sample with location `loc` and scale `scale`, by numpy's
    /// inversion: `U = nextDouble()`; `loc − scale·ln(2 − U − U)` if `U ≥ 0.5`, else
    /// `loc + scale·ln(U + U)`, drawing again when `U == 0`.
    public mutating func nextLaplace(loc: Double = 0, scale: Double = 1) -> Double {
        while true {
            let u = nextDouble()
            if u >= 0.5 { return loc - scale * PortableMath.log(2.0 - u - u) }
            if u > 0 { return loc + scale * PortableMath.log(u + u) }
        }
    }
}
