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
    /// the same state — but much faster.
    ///
    /// The stream is consumed in order on the calling thread, one block of candidate pairs at a
    /// time, with a branch-free rejection step. The expensive part of the polar method — the
    /// logarithm, division and square root of each accepted pair — depends on nothing but that
    /// pair, so it is computed afterwards, vectorised (`PortableMath.log(of:into:)`) and spread
    /// over the cores. Every value is still computed by the same operations in the same order,
    /// so the result does not depend on the number of cores.
    mutating func fillNormals(_ output: UnsafeMutableBufferPointer<Float>, mean: Double, std: Double) {
        var written = 0
        let count = output.count
        if written < count, let spare = spareNormal {
            spareNormal = nil
            output[written] = Float(mean + std * spare)  // to Float32: nearest even
            written += 1
        }
        guard written < count, let out = output.baseAddress else { return }
        let block = Swift.min(SamplerBlocks.pairs, (count - written + 1) / 2)
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * block)
        defer { scratch.deallocate() }
        let us = scratch.baseAddress!  // allocate(capacity:) of a positive count is never empty
        let vs = us + block
        let ss = vs + block
        let logs = ss + block
        while written < count {
            let pairs = Swift.min(block, (count - written + 1) / 2)
            // Draw until `pairs` candidates are accepted; a rejected candidate is overwritten by
            // the next (slot `accepted` only advances on success).
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
            // An odd count leaves the last pair's second normal as the spare.
            let complete = Swift.min(pairs, (count - written) / 2)
            let first = written
            SamplerBlocks.forEachChunk(pairs) { range in
                PortableMath.log(
                    of: UnsafeBufferPointer(start: ss + range.lowerBound, count: range.count),
                    into: UnsafeMutableBufferPointer(start: logs + range.lowerBound, count: range.count))
                for pair in range {
                    let factor = (-2 * logs[pair] / ss[pair]).squareRoot()
                    out[first + 2 * pair] = Float(mean + std * (us[pair] * factor))  // to Float32: nearest even
                    if pair < complete {
                        out[first + 2 * pair + 1] = Float(mean + std * (vs[pair] * factor))  // to Float32: nearest even
                    }
                }
            }
            written += 2 * complete
            if complete < pairs {
                let last = pairs - 1
                written += 1
                spareNormal = vs[last] * (-2 * logs[last] / ss[last]).squareRoot()
            }
        }
    }

    /// Writes `Float(x)` for the next `output.count` Laplace samples `x` — exactly the values
    /// repeated `nextLaplace(loc:scale:)` calls would give, leaving the generator in the same
    /// state — drawing the uniforms in order, then computing the logarithms vectorised and
    /// spread over the cores (see `fillNormals`).
    mutating func fillLaplace(_ output: UnsafeMutableBufferPointer<Float>, loc: Double, scale: Double) {
        let count = output.count
        guard count > 0, let out = output.baseAddress else { return }
        let block = Swift.min(SamplerBlocks.pairs, count)
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * block)
        defer { scratch.deallocate() }
        let us = scratch.baseAddress!  // allocate(capacity:) of a positive count is never empty
        let logs = us + block
        var written = 0
        while written < count {
            let n = Swift.min(block, count - written)
            var drawn = 0
            while drawn < n {
                let u = nextDouble()
                us[drawn] = u
                drawn += u > 0 ? 1 : 0  // nextLaplace draws again on 0
            }
            let first = written
            SamplerBlocks.forEachChunk(n) { range in
                for index in range {
                    let u = us[index]
                    logs[index] = u >= 0.5 ? 2.0 - u - u : u + u
                }
                let logRange = UnsafeMutableBufferPointer(start: logs + range.lowerBound, count: range.count)
                PortableMath.log(of: UnsafeBufferPointer(logRange), into: logRange)
                for index in range {
                    let l = logs[index]
                    let x = us[index] >= 0.5 ? loc - scale * l : loc + scale * l
                    out[first + index] = Float(x)  // to Float32: nearest even
                }
            }
            written += n
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

/// How the samplers split their work: blocks of candidates drawn in order, then transformed in
/// chunks that may run on several cores.
enum SamplerBlocks {
    /// Candidates drawn per block (bounds the scratch memory: 4 Doubles each).
    static let pairs = 1 << 15
    /// Candidates per chunk of the transform.
    static let chunk = 1 << 12

    /// Calls `body` on consecutive ranges of at most `chunk` covering `0..<count`, concurrently
    /// for more than one chunk. `body` must only write its own range.
    static func forEachChunk(_ count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = (count + chunk - 1) / chunk
        if chunks <= 1 {
            body(0..<count)
            return
        }
        Parallel.concurrentPerform(iterations: chunks) { index in
            let start = index * chunk
            body(start..<Swift.min(start + chunk, count))
        }
    }
}
