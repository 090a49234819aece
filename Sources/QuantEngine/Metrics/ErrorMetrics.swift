/// How far an approximation (typically a dequantized tensor) is from its reference.
///
/// With `e = x − x̂` per element, computed in Double, and sums accumulated in Double in the
/// deterministic order of `Reduction`:
///
/// - `mse = Σe² / n`, `rmse = √mse`, `mae = Σ|e| / n`, `maxError = max |e|`;
/// - `sqnr = 10 · log10(Σx² / Σe²)` in dB (`PortableMath.log10`, so the same on every
///   platform). It is `+∞` when the error is exactly zero (a perfect reconstruction, even of an
///   all-zero signal) and `−∞` when the signal is zero but the error is not;
/// - `cosine = Σx·x̂ / (√Σx² · √Σx̂²)`; defined as 1 when both tensors are all zeros and 0 when
///   exactly one is;
/// - given the `QuantizedTensor`: `clippedFraction`, the share of elements whose rounded code
///   `round(x / scale) + zeroPoint` fell outside `[qmin, qmax]` and was saturated, and
///   `levelsUsed`, the number of distinct codes.
public struct ErrorMetrics: Sendable, Equatable {
    /// The number of elements compared.
    public let count: Int
    public let mse: Double
    public let rmse: Double
    public let mae: Double
    public let maxError: Double
    /// Signal-to-quantization-noise ratio in decibels.
    public let sqnr: Double
    public let cosine: Double
    /// Share of saturated elements in 0…1; `nil` unless compared with a `QuantizedTensor`.
    public let clippedFraction: Double?
    /// Number of distinct codes; `nil` unless compared with a `QuantizedTensor`.
    public let levelsUsed: Int?

    /// Compares `reference` with `approximation` element by element.
    ///
    /// - Throws: `QuantEngineError.shapeMismatch` naming both shapes when they differ,
    ///   `.emptyTensor` when there is nothing to compare.
    public static func compare(_ reference: Tensor, _ approximation: Tensor) throws(QuantEngineError)
        -> ErrorMetrics
    {
        try compare(reference, approximation, clippedFraction: nil, levelsUsed: nil)
    }

    /// Compares `reference` with `quantized.dequantized()`, adding the clipped fraction and the
    /// number of levels used.
    public static func compare(_ reference: Tensor, _ quantized: QuantizedTensor)
        throws(QuantEngineError) -> ErrorMetrics
    {
        guard reference.shape == quantized.shape else {
            throw .shapeMismatch(reference.shape, quantized.shape, operation: "compare")
        }
        guard reference.count > 0 else { throw .emptyTensor(operation: "compare") }
        let clipped = clippedCount(reference, quantized)
        return try compare(
            reference, quantized.dequantized(),
            clippedFraction: Double(clipped) / Double(reference.count),
            levelsUsed: levelsUsed(quantized))
    }

    private static func compare(
        _ reference: Tensor, _ approximation: Tensor, clippedFraction: Double?, levelsUsed: Int?
    ) throws(QuantEngineError) -> ErrorMetrics {
        guard reference.shape == approximation.shape else {
            throw .shapeMismatch(reference.shape, approximation.shape, operation: "compare")
        }
        let n = reference.count
        guard n > 0 else { throw .emptyTensor(operation: "compare") }
        let sums = reference.withUnsafeBufferPointer { x in
            approximation.withUnsafeBufferPointer { y in
                Reduction.reduce(
                    count: n, identity: Sums(),
                    block: { range in Sums(x, y, range) },
                    combine: { $0.adding($1) })
            }
        }
        let mse = sums.squaredError / Double(n)
        let sqnr: Double
        if sums.squaredError == 0 {
            sqnr = .infinity
        } else if sums.signal == 0 {
            sqnr = -.infinity
        } else {
            sqnr = 10 * PortableMath.log10(sums.signal / sums.squaredError)
        }
        let cosine: Double
        if sums.signal == 0 || sums.approximation == 0 {
            cosine = sums.signal == sums.approximation ? 1 : 0
        } else {
            cosine = sums.cross / (sums.signal.squareRoot() * sums.approximation.squareRoot())
        }
        return ErrorMetrics(
            count: n, mse: mse, rmse: mse.squareRoot(), mae: sums.absoluteError / Double(n),
            maxError: sums.maxError, sqnr: sqnr, cosine: cosine,
            clippedFraction: clippedFraction, levelsUsed: levelsUsed)
    }

    /// The per-block partial sums and maximum.
    private struct Sums {
        var signal = 0.0  // Σx²
        var approximation = 0.0  // Σx̂²
        var cross = 0.0  // Σx·x̂
        var squaredError = 0.0  // Σe²
        var absoluteError = 0.0  // Σ|e|
        var maxError = 0.0  // max|e|

        init() {}

        /// The sums of one block, each in the lane order of `Reduction.laneSum` (element `i` into
        /// lane `i % 8`, lanes combined pairwise). Three passes with two SIMD8<Double>
        /// accumulators each: more at once would spill the 16 SSE registers of baseline x86-64;
        /// the block (2 × 16 KiB) stays in L1 between passes.
        init(_ x: UnsafeBufferPointer<Float>, _ y: UnsafeBufferPointer<Float>, _ range: Range<Int>) {
            let start = range.lowerBound
            let end = range.upperBound
            let vectorEnd = start + (end - start) / 8 * 8
            var xx = SIMD8<Double>(), yy = SIMD8<Double>()
            var i = start
            while i < vectorEnd {
                let a = SIMD8<Double>(Reduction.load8(x, i))
                let b = SIMD8<Double>(Reduction.load8(y, i))
                xx += a * a
                yy += b * b
                i += 8
            }
            var xy = SIMD8<Double>(), ee = SIMD8<Double>()
            i = start
            while i < vectorEnd {
                let a = SIMD8<Double>(Reduction.load8(x, i))
                let b = SIMD8<Double>(Reduction.load8(y, i))
                let e = a - b
                xy += a * b
                ee += e * e
                i += 8
            }
            var absolute = SIMD8<Double>(), largest = SIMD8<Double>()
            var nan = SIMDMask<SIMD8<Int64>>()
            i = start
            while i < vectorEnd {
                let e = SIMD8<Double>(Reduction.load8(x, i)) - SIMD8<Double>(Reduction.load8(y, i))
                let magnitude = e.replacing(with: -e, where: e .< 0)
                absolute += magnitude
                largest.replace(with: magnitude, where: magnitude .> largest)
                nan = nan .| (e .!= e)
                i += 8
            }
            var lane = 0
            for i in vectorEnd..<end {
                let a = Double(x[i])
                let b = Double(y[i])
                let e = a - b
                xx[lane] += a * a
                yy[lane] += b * b
                xy[lane] += a * b
                ee[lane] += e * e
                absolute[lane] += Swift.abs(e)
                if Swift.abs(e) > largest[lane] { largest[lane] = Swift.abs(e) }
                if e.isNaN { nan[lane] = true }
                lane += 1
            }
            func total(_ v: SIMD8<Double>) -> Double {
                ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]))
            }
            signal = total(xx)
            approximation = total(yy)
            cross = total(xy)
            squaredError = total(ee)
            absoluteError = total(absolute)
            maxError = any(nan) ? .nan : largest.max()
        }

        func adding(_ other: Sums) -> Sums {
            var result = self
            result.signal += other.signal
            result.approximation += other.approximation
            result.cross += other.cross
            result.squaredError += other.squaredError
            result.absoluteError += other.absoluteError
            result.maxError =
                maxError.isNaN || other.maxError.isNaN ? .nan : Swift.max(maxError, other.maxError)
            return result
        }
    }

    /// Elements whose rounded quotient (with the tensor's own rounding rule; nearest for
    /// stochastic rounding) left their group's grid.
    private static func clippedCount(_ reference: Tensor, _ quantized: QuantizedTensor) -> Int {
        guard let layout = try? quantized.granularity.layout(for: reference.shape) else { return 0 }
        let rule: FloatingPointRoundingRule
        if case .stochastic = quantized.rounding { rule = .toNearestOrEven } else { rule = quantized.rounding.rule }
        let sets = quantized.parameters
        var clipped = 0
        reference.withUnsafeBufferPointer { x in
            layout.forEachRun { group, range in
                let parameters = sets[group < sets.count ? group : 0]
                let scale = parameters.scale
                let lower = Float(parameters.qmin - parameters.zeroPoint)
                let upper = Float(parameters.qmax - parameters.zeroPoint)
                clipped += Reduction.reduce(
                    count: range.count, identity: 0,
                    block: { local in
                        var count = 0
                        for i in local {
                            let level = (x[range.lowerBound + i] / scale).rounded(rule)  // the quantizer's rule
                            count += level < lower || level > upper ? 1 : 0
                        }
                        return count
                    },
                    combine: +)
            }
        }
        return clipped
    }

    /// The number of distinct codes, by a histogram over the grid (at most 2^16 bins).
    static func levelsUsed(_ quantized: QuantizedTensor) -> Int {
        let parameters = quantized.parameters[0]
        var seen = [Bool](repeating: false, count: parameters.qmax - parameters.qmin + 1)
        let offset = parameters.qmin
        seen.withUnsafeMutableBufferPointer { seen in
            // Codes lie in [qmin, qmax] by construction.
            quantized.codes.forEach { seen[$0 - offset] = true }
        }
        return seen.reduce(0) { $0 + ($1 ? 1 : 0) }
    }

    /// The metrics of every slice along `axis` (one row per output channel for `axis: 0`).
    ///
    /// - Throws: `shapeMismatch` for different shapes, `invalidArgument` for an axis outside
    ///   the shape, and the errors of `compare` (empty or non-finite slices).
    public static func perSlice(_ reference: Tensor, _ approximation: Tensor, axis: Int) throws(QuantEngineError)
        -> [ErrorMetrics]
    {
        guard reference.shape == approximation.shape else {
            throw .shapeMismatch(reference.shape, approximation.shape, operation: "evaluate")
        }
        let layout = try Granularity.perChannel(axis: axis).layout(for: reference.shape)
        let references = reference.withUnsafeBufferPointer { layout.values(of: $0) }
        let approximations = approximation.withUnsafeBufferPointer { layout.values(of: $0) }
        var result: [ErrorMetrics] = []
        for (a, b) in zip(references, approximations) {
            result.append(try compare(Tensor(a), Tensor(b)))
        }
        return result
    }
}

extension QuantizedTensor {
    /// How many distinct codes occur: at most `2^bits`, often far fewer for peaked data.
    public var levelsUsed: Int { ErrorMetrics.levelsUsed(self) }
}
