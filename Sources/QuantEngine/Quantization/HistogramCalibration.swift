#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// Clipping thresholds chosen on a histogram of |x|, as NVIDIA's pytorch-quantization
/// `HistogramCalibrator` (the TensorRT recipe) does: 2048 bins over [0, max|x|], candidate
/// thresholds from bin 128 up. Everything is computed in Double (the reference uses Float32 on the
/// GPU for the MSE search), so results are reproducible and tested against a float64 port of the
/// reference code (`Tests/QuantEngineTests/Fixtures/make_fixtures.py`).
enum HistogramCalibration {
    static let binCount = 2048
    static let startBin = 128

    /// numpy.histogram(|x|, bins: 2048, range: (0, absMax)) in float64: counts and the 2049 edges.
    static func absHistogram(_ x: UnsafeBufferPointer<Float>, absMax: Double) -> (counts: [Double], edges: [Double]) {
        let n = binCount
        // numpy.linspace(0, absMax, n + 1): i · step, with the last edge exactly absMax.
        let step = absMax / Double(n)
        var edges = (0...n).map { Double($0) * step }
        edges[n] = absMax
        var counts = [Double](repeating: 0, count: n)
        guard absMax > 0 else {
            counts[0] = Double(x.count)
            return (counts, edges)
        }
        let norm = Double(n) / absMax
        for value in x {
            let a = Swift.abs(Double(value))
            guard a <= absMax else { continue }
            // numpy's index computation and its corrections at the edges.
            var index = Int(a * norm)
            if index >= n { index = n - 1 }
            if a < edges[index] {
                index -= 1
            } else if index != n - 1 && a >= edges[index + 1] {
                index += 1
            }
            counts[Swift.max(0, Swift.min(n - 1, index))] += 1
        }
        return (counts, edges)
    }

    /// The threshold whose quantized distribution is closest to the data's in Kullback–Leibler
    /// divergence: for each candidate bin i, the first i bins (the rest folded into bin i − 1)
    /// against the same bins merged into `2^(bits−1)` levels (`2^bits` when unsigned) and spread
    /// back over their non-empty bins. The last minimum wins, as in the reference.
    static func entropyThreshold(counts original: [Double], edges: [Double], bits: Int, unsigned: Bool) -> Double {
        var bins = original
        guard bins.count > startBin, edges.count == bins.count + 1 else { return edges.last ?? 0 }
        bins[0] = bins[1]  // as the reference: the spike of exact zeros is not allowed to dominate
        let levels = 1 << Swift.min(bits - 1 + (unsigned ? 1 : 0), 16)
        var best = Double.infinity
        var bestBin = bins.count
        var tail = bins[startBin...].reduce(0, +)
        var newDensity = [Double](repeating: 0, count: bins.count)
        var merged = [Double](repeating: 0, count: levels)
        var nonEmpty = [Int](repeating: 0, count: levels)
        var level = [Int](repeating: 0, count: bins.count)
        for i in startBin...bins.count {
            // np.digitize(range(i), linspace(0, i, levels + 1)) − 1: the level of each of the first i bins.
            // The level is the last m < levels with m · spacing ≤ j (the top edge, i, exceeds every j).
            let spacing = Double(i) / Double(levels)
            for j in 0..<i {
                var m = Swift.min(Int(Double(j) / spacing), levels - 1)
                while m + 1 < levels && Double(m + 1) * spacing <= Double(j) { m += 1 }
                while m > 0 && Double(m) * spacing > Double(j) { m -= 1 }
                level[j] = m
            }
            for k in 0..<levels {
                merged[k] = 0
                nonEmpty[k] = 0
            }
            for j in 0..<i where bins[j] != 0 {
                merged[level[j]] += bins[j]
                nonEmpty[level[j]] += 1
            }
            var newTotal = 0.0
            for j in 0..<i {
                newDensity[j] = bins[j] != 0 ? merged[level[j]] / Double(nonEmpty[level[j]]) : 0
                newTotal += newDensity[j]
            }
            if i > startBin { tail -= bins[i - 1] }
            // The reference keeps bins[0..<i] and adds everything from bin i on to its last bin.
            var referenceTotal = 0.0
            for j in 0..<i { referenceTotal += bins[j] }
            referenceTotal += tail
            guard referenceTotal > 0, newTotal > 0 else { continue }
            var divergence = 0.0
            for j in 0..<i {
                let p = (bins[j] + (j == i - 1 ? tail : 0)) / referenceTotal
                guard p > 0 else { continue }
                let q = newDensity[j] / newTotal
                if q <= 0 {
                    divergence = .infinity
                    break
                }
                divergence += p * log(p / q)
            }
            if divergence <= best {
                best = divergence
                bestBin = i
            }
        }
        return edges[Swift.min(bestBin, edges.count - 1)]
    }

    /// The bin centre that, used as the clipping threshold, minimises the count-weighted squared
    /// error of fake-quantizing the bin centres (pytorch-quantization's `_compute_amax_mse`).
    static func mseThreshold(counts: [Double], edges: [Double], bits: Int, unsigned: Bool) -> Double {
        guard counts.count > startBin, edges.count == counts.count + 1 else { return edges.last ?? 0 }
        let centers = (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 }
        let bound = Double((1 << Swift.min(bits - 1 + (unsigned ? 1 : 0), 16)) - 1)
        let lower = unsigned ? 0 : -bound
        var best = Double.infinity
        var bestCenter = centers.last ?? 0
        for i in startBin..<centers.count {
            let amax = centers[i]
            guard amax > 0 else { continue }
            let scale = bound / amax
            var total = 0.0
            for (center, count) in zip(centers, counts) {
                let q = Swift.min(Swift.max((center * scale).rounded(.toNearestOrEven), lower), bound) / scale
                total += (q - center) * (q - center) * count
            }
            let mse = total / Double(centers.count)
            if mse < best {
                best = mse
                bestCenter = amax
            }
        }
        return bestCenter
    }
}
