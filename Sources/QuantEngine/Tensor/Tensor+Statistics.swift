import CQuantize

/// Summary statistics. Sums, means and standard deviations accumulate in `Double` in one fixed
/// order, so they are bit-identical on every machine and core count:
///
/// 1. the elements are cut into blocks of 4096 consecutive elements (the last may be shorter);
/// 2. inside a block, element `i` is added in index order to lane `i % 8` of eight Double
///    accumulators, combined as `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`;
/// 3. the block sums are combined by pairwise summation in block order (split at `n / 2`).
///
/// min, max and absMax are exact elements; percentile follows numpy's default method to the bit.
extension Tensor {
    /// The smallest element; NaN if any element is NaN (numpy's `min`).
    ///
    /// - Throws: `QuantEngineError.emptyTensor` for a tensor with no elements.
    public func min() throws(QuantEngineError) -> Float {
        let scan = try nonEmptyRange("min()")
        return scan.hasNaN ? .nan : scan.min
    }

    /// The largest element; NaN if any element is NaN (numpy's `max`).
    public func max() throws(QuantEngineError) -> Float {
        let scan = try nonEmptyRange("max()")
        return scan.hasNaN ? .nan : scan.max
    }

    /// The largest magnitude `max(|x|)`, the statistic symmetric quantization is built on; NaN
    /// if any element is NaN.
    public func absMax() throws(QuantEngineError) -> Float {
        let scan = try nonEmptyRange("absMax()")
        return scan.hasNaN ? .nan : Swift.max(-scan.min, scan.max)
    }

    /// The sum of all elements, accumulated in `Double` (0 for an empty tensor).
    public func sum() -> Double {
        withUnsafeBufferPointer { x in Reduction.sum(count: x.count, ElementTerms(x: x)) }
    }

    /// The arithmetic mean, `sum() / count`, in `Double`.
    public func mean() throws(QuantEngineError) -> Double {
        guard count > 0 else { throw .emptyTensor(operation: "mean()") }
        return sum() / Double(count)
    }

    /// The population standard deviation `sqrt(Σ(x − mean)² / n)` (numpy's default `ddof=0`),
    /// computed in two passes in `Double` for accuracy.
    public func std() throws(QuantEngineError) -> Double {
        guard count > 0 else { throw .emptyTensor(operation: "std()") }
        let mean = sum() / Double(count)
        let squares = withUnsafeBufferPointer { x in
            Reduction.sum(count: x.count, SquaredDeviationTerms(x: x, mean: mean))
        }
        return (squares / Double(count)).squareRoot()
    }

    /// The `p`-th percentile (0…100) with linear interpolation between order statistics — numpy's
    /// default `method="linear"` (Hyndman & Fan type 7), reproduced to the bit for Float32 input:
    /// the virtual index `(n − 1) · p/100` and its fraction `g` are computed in `Double`, then
    /// `a + (b − a)·g` (or `b − (b − a)·(1 − g)` when `g ≥ 0.5`) in Float32, as numpy's `_lerp`.
    /// NaN if any element is NaN.
    ///
    /// - Throws: `QuantEngineError.invalidPercentile` outside 0…100, `.emptyTensor` when empty.
    public func percentile(_ p: Double) throws(QuantEngineError) -> Float {
        guard p >= 0, p <= 100 else { throw .invalidPercentile(p) }
        guard count > 0 else { throw .emptyTensor(operation: "percentile()") }
        if rangeScan().hasNaN { return .nan }
        let n = count
        let virtualIndex = Double(n - 1) * (p / 100)
        // floor(virtualIndex) is exact: virtualIndex ≤ n − 1 < 2^53.
        let lower = virtualIndex.rounded(.down)
        let gamma = virtualIndex - lower
        var work = scalars
        return work.withUnsafeMutableBufferPointer { buffer -> Float in
            if virtualIndex >= Double(n - 1) {
                Selection.select(buffer, n - 1)
                return buffer[n - 1]
            }
            let k = Int(lower)
            Selection.select(buffer, k)
            let a = buffer[k]
            var b = buffer[k + 1]
            for i in (k + 2)..<n where buffer[i] < b { b = buffer[i] }
            // numpy's _lerp: the Double weight is rounded to Float32 (nearest even) and the
            // arithmetic is Float32, each operation rounding to nearest even.
            let difference = b - a
            if gamma >= 0.5 {
                return b - difference * Float(1 - gamma)
            }
            return a + difference * Float(gamma)
        }
    }

    /// Min, max and NaN presence in one pass; `min`/`max` ignore NaN (and are ±infinity when
    /// the tensor holds infinities).
    struct RangeScan {
        var min: Float
        var max: Float
        var hasNaN: Bool
        /// Whether any element is NaN or infinite.
        var hasNonFinite: Bool { hasNaN || !min.isFinite || !max.isFinite }
    }

    /// Scans the elements once for min, max and NaN; for an empty tensor returns min = +inf,
    /// max = −inf.
    func rangeScan() -> RangeScan {
        let identity = RangeScan(min: .infinity, max: -.infinity, hasNaN: false)
        return withUnsafeBufferPointer { x in
            Reduction.reduce(
                count: x.count, identity: identity,
                block: { range in Self.scanBlock(x, range) },
                combine: { a, b in
                    RangeScan(
                        min: Swift.min(a.min, b.min), max: Swift.max(a.max, b.max),
                        hasNaN: a.hasNaN || b.hasNaN)
                })
        }
    }

    /// One block of `rangeScan`: CQuantize's AVX2 copy of `scanBlockSIMD` where the CPU has AVX2.
    static func scanBlock(
        _ x: UnsafeBufferPointer<Float>, _ range: Range<Int>,
        using implementation: QuantizationKernels.Implementation = .fastest
    ) -> RangeScan {
        guard implementation == .avx2, let base = x.baseAddress else { return scanBlockSIMD(x, range) }
        var scan = RangeScan(min: .infinity, max: -.infinity, hasNaN: false)
        var nan: Int32 = 0
        cq_range_scan_avx2(base + range.lowerBound, range.count, &scan.min, &scan.max, &nan)
        scan.hasNaN = nan != 0
        return scan
    }

    static func scanBlockSIMD(_ x: UnsafeBufferPointer<Float>, _ range: Range<Int>) -> RangeScan {
        // Two SIMD8 accumulators so the compare-select chains do not serialise. A NaN compares
        // false and is never selected; it is recorded in a separate mask.
        var lo0 = SIMD8<Float>(repeating: .infinity)
        var hi0 = SIMD8<Float>(repeating: -.infinity)
        var lo1 = lo0
        var hi1 = hi0
        var nan = SIMDMask<SIMD8<Int32>>()
        var i = range.lowerBound
        let end = range.upperBound
        while i + 16 <= end {
            let a = Reduction.load8(x, i)
            let b = Reduction.load8(x, i + 8)
            lo0.replace(with: a, where: a .< lo0)
            hi0.replace(with: a, where: a .> hi0)
            lo1.replace(with: b, where: b .< lo1)
            hi1.replace(with: b, where: b .> hi1)
            nan = nan .| (a .!= a) .| (b .!= b)
            i += 16
        }
        lo0.replace(with: lo1, where: lo1 .< lo0)
        hi0.replace(with: hi1, where: hi1 .> hi0)
        var lo = lo0.min()
        var hi = hi0.max()
        var hasNaN = any(nan)
        while i < end {
            let a = x[i]
            lo = a < lo ? a : lo
            hi = a > hi ? a : hi
            hasNaN = hasNaN || a != a
            i += 1
        }
        return RangeScan(min: lo, max: hi, hasNaN: hasNaN)
    }

    private func nonEmptyRange(_ operation: String) throws(QuantEngineError) -> RangeScan {
        guard count > 0 else { throw .emptyTensor(operation: operation) }
        return rangeScan()
    }

    /// The flat index of the first NaN or infinite element, or `nil` if all are finite.
    public func firstNonFiniteIndex() -> Int? {
        withUnsafeBufferPointer { x in x.firstIndex { !$0.isFinite } }
    }

    /// Throws `QuantEngineError.nonFiniteValue` naming the first NaN or infinite element.
    public func validateFinite() throws(QuantEngineError) {
        if let index = firstNonFiniteIndex() {
            throw .nonFiniteValue(index: index, kind: NonFiniteKind(scalars[index]) ?? .nan)
        }
    }
}

/// `x[i]` as Double: the terms of `sum()`.
private struct ElementTerms: LaneTerms {
    let x: UnsafeBufferPointer<Float>
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> { SIMD8<Double>(Reduction.load8(x, i)) }
    @inline(__always) func term(_ i: Int) -> Double { Double(x[i]) }
}

/// `(x[i] − mean)²` in Double: the terms of the variance.
private struct SquaredDeviationTerms: LaneTerms {
    let x: UnsafeBufferPointer<Float>
    let mean: Double
    @inline(__always) func lanes(_ i: Int) -> SIMD8<Double> {
        let deviation = SIMD8<Double>(Reduction.load8(x, i)) - mean
        return deviation * deviation
    }
    @inline(__always) func term(_ i: Int) -> Double {
        let deviation = Double(x[i]) - mean
        return deviation * deviation
    }
}
