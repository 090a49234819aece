/// Binned data: `edges.count == counts.count + 1`.
///
/// Binning follows `numpy.histogram`: bin `i` holds values `v` with `edges[i] <= v < edges[i + 1]`, the last
/// bin also includes its right edge; NaN and ±inf values are ignored and not counted; with an explicit range,
/// values outside it are ignored. Equal-width edges are computed like `numpy.linspace`
/// (`lo + i * ((hi - lo) / bins)`, last edge exactly `hi`), and every value is binned exactly against these
/// edges (Float input is converted to Double without loss). A zero-width range `v...v` becomes
/// `v - 0.5 ... v + 0.5` and no finite data gives `0...1`, as in numpy. `bins` is clamped to `1...10_000`.
public struct Histogram: Hashable, Sendable {
    /// `bins + 1` increasing edges.
    public var edges: [Double]
    /// One value per bin: counts, or densities if `density`.
    public var counts: [Double]
    /// `counts` are densities: `count / (total * binWidth)`, so the area is 1 (all zeros if no value counted).
    public var density: Bool
    /// Legend label.
    public var label: String?

    /// Maximum number of bins; larger requests are clamped.
    public static let maxBins = 10_000

    /// Bins `values` into `bins` equal-width bins over `range` (default: min...max of the finite values;
    /// NaN/inf values are ignored and not counted; values outside an explicit range are ignored; the last bin
    /// includes its right edge, numpy.histogram semantics). A non-finite explicit range means automatic.
    public init(
        values: UnsafeBufferPointer<Float>, bins: Int, range: ClosedRange<Double>? = nil, density: Bool = false,
        label: String? = nil
    ) {
        self = Binning.make(values, bins: bins, range: range, density: density, label: label)
    }

    /// Same as the `Float` initializer, for `Double` values.
    public init(
        values: [Double], bins: Int, range: ClosedRange<Double>? = nil, density: Bool = false, label: String? = nil
    ) {
        self = values.withUnsafeBufferPointer {
            Binning.make($0, bins: bins, range: range, density: density, label: label)
        }
    }

    /// Explicit edges (must be strictly increasing, at least 2). Invalid edges are repaired rather than
    /// rejected: non-finite edges are dropped, the rest sorted and de-duplicated, at most `maxBins + 1` kept;
    /// fewer than 2 left gives the single bin `0...1`.
    public init(values: UnsafeBufferPointer<Float>, edges: [Double], density: Bool = false, label: String? = nil) {
        self = Binning.make(values, edges: edges, density: density, label: label)
    }

    /// Same as the `Float` explicit-edges initializer, for `Double` values.
    public init(values: [Double], edges: [Double], density: Bool = false, label: String? = nil) {
        self = values.withUnsafeBufferPointer {
            Binning.make($0, edges: edges, density: density, label: label)
        }
    }

    /// Precomputed histogram. `counts` is truncated or zero-padded to `edges.count - 1` entries; edges are
    /// used as given (renderers skip non-finite edges).
    public init(edges: [Double], counts: [Double], density: Bool = false, label: String? = nil) {
        let n = max(edges.count - 1, 0)
        var c = Array(counts.prefix(n))
        if c.count < n { c += [Double](repeating: 0, count: n - c.count) }
        self.edges = edges
        self.counts = c
        self.density = density
        self.label = label
    }

    private init(edges: [Double], counts: [Double], density: Bool, label: String?, raw: Void) {
        self.edges = edges
        self.counts = counts
        self.density = density
        self.label = label
    }

    fileprivate static func built(edges: [Double], counts: [Int], density: Bool, label: String?) -> Histogram {
        var total = 0
        for c in counts { total &+= c }
        var out = [Double](repeating: 0, count: counts.count)
        for i in counts.indices {
            if density {
                let width = edges[i + 1] - edges[i]
                let denom = Double(total) * width
                out[i] = (total > 0 && width > 0 && denom.isFinite) ? Double(counts[i]) / denom : 0
            } else {
                out[i] = Double(counts[i])
            }
        }
        return Histogram(edges: edges, counts: out, density: density, label: label, raw: ())
    }
}

/// Binning kernels (generic over Float/Double, specialized by the optimizer).
enum Binning {
    static func clampBins(_ b: Int) -> Int { b < 1 ? 1 : (b > Histogram.maxBins ? Histogram.maxBins : b) }

    static func make<T: BinaryFloatingPoint>(
        _ buf: UnsafeBufferPointer<T>, bins: Int, range: ClosedRange<Double>?, density: Bool, label: String?
    ) -> Histogram {
        let n = clampBins(bins)
        var lo: Double
        var hi: Double
        if let r = range, r.lowerBound.isFinite, r.upperBound.isFinite {
            lo = Swift.min(r.lowerBound, r.upperBound)
            hi = Swift.max(r.lowerBound, r.upperBound)
        } else if let mm = finiteMinMax(buf) {
            lo = mm.lo
            hi = mm.hi
        } else {
            lo = 0
            hi = 1
        }
        if lo == hi {
            let pad = Swift.max(0.5, abs(lo) * 1e-9)
            lo -= pad
            hi += pad
        }
        lo = Swift.max(lo, -Double.greatestFiniteMagnitude)
        hi = Swift.min(hi, Double.greatestFiniteMagnitude)
        let edges = uniformEdges(lo: lo, hi: hi, bins: n)
        let counts = countUniform(buf, edges: edges)
        return Histogram.built(edges: edges, counts: counts, density: density, label: label)
    }

    static func make<T: BinaryFloatingPoint>(
        _ buf: UnsafeBufferPointer<T>, edges raw: [Double], density: Bool, label: String?
    ) -> Histogram {
        var e = raw.filter { $0.isFinite }.sorted()
        var unique: [Double] = []
        unique.reserveCapacity(e.count)
        for v in e where unique.last.map({ $0 < v }) ?? true { unique.append(v) }
        e = Array(unique.prefix(Histogram.maxBins + 1))
        if e.count < 2 { e = [0, 1] }
        let counts = countSearch(buf, edges: e)
        return Histogram.built(edges: e, counts: counts, density: density, label: label)
    }

    /// Min and max of the finite values, or nil if there are none. Fast path: NaN-ignoring min/max (a
    /// comparison with NaN is false); a second, filtering pass only runs when an infinity was seen.
    static func finiteMinMax<T: BinaryFloatingPoint>(_ buf: UnsafeBufferPointer<T>) -> (lo: Double, hi: Double)? {
        var mn0 = T.infinity, mn1 = T.infinity, mn2 = T.infinity, mn3 = T.infinity
        var mx0 = -T.infinity, mx1 = -T.infinity, mx2 = -T.infinity, mx3 = -T.infinity
        let n = buf.count
        var j = 0
        while j &+ 4 <= n {
            let a = buf[j], b = buf[j &+ 1], c = buf[j &+ 2], d = buf[j &+ 3]
            mn0 = a < mn0 ? a : mn0
            mx0 = a > mx0 ? a : mx0
            mn1 = b < mn1 ? b : mn1
            mx1 = b > mx1 ? b : mx1
            mn2 = c < mn2 ? c : mn2
            mx2 = c > mx2 ? c : mx2
            mn3 = d < mn3 ? d : mn3
            mx3 = d > mx3 ? d : mx3
            j &+= 4
        }
        while j < n {
            let a = buf[j]
            mn0 = a < mn0 ? a : mn0
            mx0 = a > mx0 ? a : mx0
            j &+= 1
        }
        let mn = Swift.min(Swift.min(mn0, mn1), Swift.min(mn2, mn3))
        let mx = Swift.max(Swift.max(mx0, mx1), Swift.max(mx2, mx3))
        if mn.isFinite && mx.isFinite { return (Double(mn), Double(mx)) }
        var smn = T.infinity, smx = -T.infinity
        var found = false
        for v in buf where v.isFinite {
            if v < smn { smn = v }
            if v > smx { smx = v }
            found = true
        }
        return found ? (Double(smn), Double(smx)) : nil
    }

    /// numpy.linspace(lo, hi, bins + 1); falls back to interpolation when `hi - lo` overflows.
    static func uniformEdges(lo: Double, hi: Double, bins: Int) -> [Double] {
        var e = [Double](repeating: 0, count: bins + 1)
        let width = hi - lo
        if width.isFinite {
            let step = width / Double(bins)
            for i in 0...bins { e[i] = Double(i) * step + lo }
        } else {
            for i in 0...bins {
                let f = Double(i) / Double(bins)
                e[i] = lo * (1 - f) + hi * f
            }
        }
        e[0] = lo
        e[bins] = hi
        return e
    }

    @inline(__always)
    static func binIndex(
        _ d: Double, _ lo: Double, _ hi: Double, _ scale: Double, _ last: Int, _ e: UnsafeBufferPointer<Double>
    ) -> Int {
        guard d >= lo && d <= hi else { return -1 }  // also rejects NaN
        var i = Int((d - lo) * scale)  // finite, in 0...bins (+rounding)
        if i > last { i = last }
        // Exact correction against the stored edges (normally zero iterations).
        while i > 0 && d < e[i] { i &-= 1 }
        while i < last && d >= e[i &+ 1] { i &+= 1 }
        return i
    }

    /// Counts for equal-width `edges`, in blocks of 256 values:
    /// 1. a branch-free (auto-vectorized) pass computes each bin index as `floor((v - lo) * scale)` using
    ///    the 1.5·2^p rounding trick (no trapping float→int conversion); NaN and out-of-range values go to a
    ///    trash bin; values whose scaled position lies within `eps` (a bound on the rounding error) of an
    ///    integer, i.e. next to an edge, go to a flag bin and are re-binned exactly against the stored
    ///    edges. Float input uses 4-lane Float arithmetic when its error bound is small enough, else Double;
    /// 2. a branch-free scalar pass increments four interleaved sub-histograms (breaking store-to-load
    ///    dependencies when consecutive values share a bin).
    static func countUniform<T: BinaryFloatingPoint>(_ buf: UnsafeBufferPointer<T>, edges: [Double]) -> [Int] {
        let bins = edges.count - 1
        let lo = edges[0], hi = edges[bins]
        let width = hi - lo
        let scale = Double(bins) / width
        let mag = Swift.max(abs(lo), abs(hi))
        let epsD = 1e-9 + 32 * (mag * 2.3e-16) * scale
        guard width.isFinite, scale.isFinite, scale > 0, epsD < 0.05 else { return countSearch(buf, edges: edges) }
        // Float error bound (units of bins): 2^-24 · (3·mag·scale + 2·bins), doubled for safety.
        let epsF = 1.2e-7 * (3 * mag * scale + 2 * Double(bins))
        let useFloat = T.self == Float.self && epsF < 0.02 && mag < 1e30
        let last = bins - 1
        let stride = bins + 2  // bin `bins` = trash (NaN/outside), `bins + 1` = near an edge
        let flagBin = bins + 1
        var sub = [Int](repeating: 0, count: stride * 4)
        var exact = [Int](repeating: 0, count: bins)
        let block = 256
        edges.withUnsafeBufferPointer { e in
            sub.withUnsafeMutableBufferPointer { c in
                guard let c0 = c.baseAddress else { return }
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: block) { idx in
                    guard let ip = idx.baseAddress else { return }
                    let n = buf.count
                    var start = 0
                    var flagged = 0
                    while start < n {
                        let m = Swift.min(block, n &- start)
                        if useFloat {
                            floatIndices(
                                buf, start, m, idx, lo: Float(lo), scale: Float(scale), bins: bins,
                                eps: Float(epsF))
                        } else {
                            doubleIndices(buf, start, m, idx, lo: lo, scale: scale, bins: bins, eps: epsD)
                        }
                        accumulate(ip, m, c0, stride)
                        let nowFlagged =
                            c0[flagBin] &+ c0[stride &+ flagBin] &+ c0[2 &* stride &+ flagBin]
                            &+ c0[3 &* stride &+ flagBin]
                        var pending = nowFlagged &- flagged
                        flagged = nowFlagged
                        var k = 0
                        while pending > 0 && k < m {
                            if Int(ip[k]) == flagBin {
                                let j = binIndex(Double(buf[start &+ k]), lo, hi, scale, last, e)
                                if j >= 0 { exact[j] &+= 1 }
                                pending &-= 1
                            }
                            k &+= 1
                        }
                        start &+= m
                    }
                }
            }
        }
        var counts = exact
        for i in 0..<bins {
            counts[i] &+= sub[i] &+ sub[stride &+ i] &+ sub[2 &* stride &+ i] &+ sub[3 &* stride &+ i]
        }
        return counts
    }

    /// Branch-free increments into four interleaved sub-histograms of `stride` counters each.
    @inline(never)
    static func accumulate(_ idx: UnsafePointer<Int32>, _ m: Int, _ c0: UnsafeMutablePointer<Int>, _ stride: Int) {
        let c1 = c0 + stride
        let c2 = c1 + stride
        let c3 = c2 + stride
        var k = 0
        while k &+ 4 <= m {
            c0[Int(idx[k])] &+= 1
            c1[Int(idx[k &+ 1])] &+= 1
            c2[Int(idx[k &+ 2])] &+= 1
            c3[Int(idx[k &+ 3])] &+= 1
            k &+= 4
        }
        while k < m {
            c0[Int(idx[k])] &+= 1
            k &+= 1
        }
    }

    /// Index pass in Double arithmetic: `idx[k]` = bin, `bins` (trash: NaN/outside) or `bins + 1` (near an
    /// edge: binned exactly afterwards).
    @inline(__always)
    static func doubleIndices<T: BinaryFloatingPoint>(
        _ buf: UnsafeBufferPointer<T>, _ start: Int, _ m: Int, _ idx: UnsafeMutableBufferPointer<Int32>,
        lo: Double, scale: Double, bins: Int, eps: Double
    ) {
        let magic = 6_755_399_441_055_744.0  // 1.5 * 2^52: x + magic - magic rounds x to an integer
        let top = Double(bins)
        let trash = Int32(truncatingIfNeeded: bins)
        let flag = trash &+ 1
        for k in 0..<m {
            let t = (Double(buf[start &+ k]) - lo) * scale
            let valid = t >= 0 && t <= top  // false for NaN
            // Garbage (but no trap) for invalid t; masked by `valid` below.
            let r = (t + magic) - magic
            let fl = r > t ? r - 1 : r
            let frac = t - fl
            let i = Int32(truncatingIfNeeded: (fl + magic).bitPattern & 0xFFFF_FFFF)
            let near = valid && (frac < eps || frac > 1 - eps)
            idx[k] = near ? flag : (valid ? i : trash)
        }
    }

    /// Index pass in 4-lane Float arithmetic (same contract as `doubleIndices`).
    @inline(__always)
    static func floatIndices<T: BinaryFloatingPoint>(
        _ buf: UnsafeBufferPointer<T>, _ start: Int, _ m: Int, _ idx: UnsafeMutableBufferPointer<Int32>,
        lo: Float, scale: Float, bins: Int, eps: Float
    ) {
        let magic: Float = 12_582_912  // 1.5 * 2^23
        let top = Float(bins)
        let trash = Int32(truncatingIfNeeded: bins)
        let flag = trash &+ 1
        for k in 0..<m {
            let t = (Float(buf[start &+ k]) - lo) * scale
            let valid = t >= 0 && t <= top
            let r = (t + magic) - magic
            let fl = r > t ? r - 1 : r
            let frac = t - fl
            let i = Int32(truncatingIfNeeded: (fl + magic).bitPattern & 0x3F_FFFF)
            let near = valid && (frac < eps || frac > 1 - eps)
            idx[k] = near ? flag : (valid ? i : trash)
        }
    }

    /// Counts by binary search over arbitrary non-decreasing edges.
    static func countSearch<T: BinaryFloatingPoint>(_ buf: UnsafeBufferPointer<T>, edges: [Double]) -> [Int] {
        let bins = edges.count - 1
        var counts = [Int](repeating: 0, count: max(bins, 0))
        guard bins > 0 else { return counts }
        let lo = edges[0], hi = edges[bins]
        edges.withUnsafeBufferPointer { e in
            counts.withUnsafeMutableBufferPointer { c in
                for v in buf {
                    let d = Double(v)
                    guard d >= lo && d <= hi else { continue }
                    var a = 0
                    var b = bins
                    while b &- a > 1 {
                        let m = (a &+ b) >> 1
                        if e[m] <= d { a = m } else { b = m }
                    }
                    c[a] &+= 1
                }
            }
        }
        return counts
    }
}
