#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A resolved axis: final limits, scale and ticks.
struct Axis: Sendable {
    let lo: Double
    let hi: Double
    let isLog: Bool
    let ticks: [Tick]
    private let l0: Double
    private let l1: Double

    init(lo: Double, hi: Double, isLog: Bool, ticks: [Tick]) {
        var a = lo
        var b = hi
        if isLog {
            if !(a > 0 && a.isFinite) { a = 1 }
            if !(b > a && b.isFinite) { b = a * 10 }
        } else {
            if !a.isFinite { a = 0 }
            if !(b > a && b.isFinite && (b - a).isFinite) { b = a + 1 }
        }
        self.lo = a
        self.hi = b
        self.isLog = isLog
        self.ticks = ticks
        l0 = isLog ? log10(a) : a
        l1 = isLog ? log10(b) : b
    }

    /// Position of `v` in the axis as a fraction (0 at `lo`, 1 at `hi`); NaN when not drawable.
    func frac(_ v: Double) -> Double {
        if isLog {
            guard v > 0 else { return .nan }
            return (log10(v) - l0) / (l1 - l0)
        }
        return (v - lo) / (hi - lo)
    }

    /// Data value at fraction `f` of the axis.
    func value(atFrac f: Double) -> Double {
        isLog ? pow(10, l0 + f * (l1 - l0)) : lo + f * (hi - lo)
    }

    /// True when the first and last ticks sit on the limits (automatic limits).
    var ticksSpanLimits: Bool {
        guard let f = ticks.first, let l = ticks.last, ticks.count >= 2 else { return false }
        let tol = 1e-9
        return abs(frac(f.value)) < tol && abs(frac(l.value) - 1) < tol
    }
}

/// Running min/max of finite values.
struct Bounds {
    var lo = Double.infinity
    var hi = -Double.infinity

    mutating func add(_ v: Double) {
        guard v.isFinite else { return }
        if v < lo { lo = v }
        if v > hi { hi = v }
    }

    var isEmpty: Bool { !(lo <= hi) }
}

/// Kind of a drawable item, for legends and glyph/colour assignment.
enum ItemKind: Sendable {
    case histogram, line, scatter, step, bar, vline, hline, band, levels
}

/// A figure with its axes resolved.
struct ResolvedFigure {
    let figure: Figure
    /// x axis; in bar mode the value axis.
    let x: Axis
    /// y axis; unused in bar mode.
    let y: Axis
    /// Bar mode: the bar series (other series and annotations are ignored).
    let bars: [BarSeries]
    /// Bar mode: category names in order of first appearance.
    let categories: [String]
    /// Bar mode: `barValues[s][c]` = value of series s for category c.
    let barValues: [[Double?]]

    var isBar: Bool { !bars.isEmpty }

    init(_ f: Figure) {
        figure = f
        var bars: [BarSeries] = []
        for s in f.series { if case .bar(let b) = s { bars.append(b) } }
        self.bars = bars
        if !bars.isEmpty {
            var cats: [String] = []
            var seen = Set<String>()
            for b in bars {
                for l in b.labels.prefix(b.values.count) where !seen.contains(l) {
                    seen.insert(l)
                    cats.append(l)
                }
            }
            var matrix: [[Double?]] = []
            var vb = Bounds()
            if !f.logY { vb.add(0) }
            for b in bars {
                var row = [Double?](repeating: nil, count: cats.count)
                let n = min(b.labels.count, b.values.count)
                for i in 0..<n {
                    guard let c = cats.firstIndex(of: b.labels[i]), row[c] == nil else { continue }
                    let v = b.values[i]
                    row[c] = v
                    if !f.logY || v > 0 { vb.add(v) }
                }
                matrix.append(row)
            }
            categories = cats
            barValues = matrix
            x = ResolvedFigure.makeAxis(data: vb, explicit: f.yLimits, log: f.logY)
            y = Axis(lo: 0, hi: 1, isLog: false, ticks: [])
            return
        }
        categories = []
        barValues = []
        var xb = Bounds()
        var yb = Bounds()
        var hasHist = false
        for s in f.series {
            switch s {
            case .histogram(let h):
                hasHist = true
                let n = min(h.counts.count, h.edges.count - 1)
                guard n > 0 else { continue }
                xb.add(h.edges[0])
                xb.add(h.edges[n])
                for c in h.counts.prefix(n) where !f.logY || c > 0 { yb.add(c) }
            case .line(let p), .scatter(let p), .step(let p):
                for i in 0..<p.count {
                    let xv = p.x[i]
                    let yv = p.y[i]
                    guard xv.isFinite, yv.isFinite, !f.logY || yv > 0 else { continue }
                    xb.add(xv)
                    yb.add(yv)
                }
            case .bar:
                break
            }
        }
        if hasHist && !f.logY { yb.add(0) }
        for a in f.annotations {
            switch a {
            case .vline(let v, _): xb.add(v)
            case .hline(let v, _): if !f.logY || v > 0 { yb.add(v) }
            case .band(let from, let to, _):
                xb.add(from)
                xb.add(to)
            case .levels(let ls, _): for v in ls { xb.add(v) }
            }
        }
        x = ResolvedFigure.makeAxis(data: xb, explicit: f.xLimits, log: false)
        y = ResolvedFigure.makeAxis(data: yb, explicit: f.yLimits, log: f.logY)
    }

    /// Final limits and ticks: explicit limits win; otherwise the data range expanded to nice tick bounds.
    static func makeAxis(data: Bounds, explicit: ClosedRange<Double>?, log: Bool) -> Axis {
        if log {
            if let r = explicit, r.lowerBound > 0, r.upperBound.isFinite, r.upperBound > r.lowerBound {
                let lo = max(r.lowerBound, 1e-300)
                let hi = min(r.upperBound, 1e300)
                if hi > lo {
                    let ticks = Ticks.log(lo, hi).filter { $0.value >= lo * (1 - 1e-9) && $0.value <= hi * (1 + 1e-9) }
                    return Axis(lo: lo, hi: hi, isLog: true, ticks: ticks)
                }
            }
            // Values sitting exactly on a decade would be drawn on the axis itself: pad the bottom a little.
            let ticks = data.isEmpty ? Ticks.log(1, 10) : Ticks.log(data.lo * 0.8, data.hi)
            return Axis(lo: ticks.first?.value ?? 1, hi: ticks.last?.value ?? 10, isLog: true, ticks: ticks)
        }
        var bounds = data
        if let r = explicit, r.lowerBound.isFinite, r.upperBound.isFinite {
            let lo = max(r.lowerBound, -1e300)
            let hi = min(r.upperBound, 1e300)
            if hi > lo {
                let tol = (hi - lo) * 1e-9
                let ticks = Ticks.linear(lo, hi).filter { $0.value >= lo - tol && $0.value <= hi + tol }
                return Axis(lo: lo, hi: hi, isLog: false, ticks: ticks)
            }
            bounds = Bounds(lo: lo, hi: lo)
        }
        let ticks = bounds.isEmpty ? Ticks.linear(0, 1) : Ticks.linear(bounds.lo, bounds.hi)
        return Axis(lo: ticks.first?.value ?? 0, hi: ticks.last?.value ?? 1, isLog: false, ticks: ticks)
    }

    // MARK: Descriptions

    static func kindName(_ s: Series) -> String {
        switch s {
        case .histogram: return "histogram"
        case .line: return "line"
        case .scatter: return "scatter plot"
        case .step: return "step plot"
        case .bar: return "bar chart"
        }
    }

    private var seriesSummary: String? {
        let parts = figure.series.map { s -> String in
            let k = ResolvedFigure.kindName(s)
            return s.label.map { k + " of " + TextUtil.oneLine($0) } ?? k
        }
        guard !parts.isEmpty else { return nil }
        let joined = parts.joined(separator: ", ")
        return joined.prefix(1).uppercased() + joined.dropFirst()
    }

    /// Title used when the figure has none, e.g. "Histogram of weights, line of mse".
    var generatedTitle: String { seriesSummary ?? "Empty figure" }

    private func axisText(_ name: String, _ label: String?, _ a: Axis) -> String {
        var s = name + " axis: " + (label.map(TextUtil.oneLine) ?? name)
        s += ", " + NumFormat.short(a.lo) + " to " + NumFormat.short(a.hi)
        if a.isLog { s += ", log scale" }
        return s
    }

    /// Accessible description: series, axes and annotations.
    var description: String {
        var parts: [String] = [seriesSummary ?? "Empty figure"]
        if isBar {
            var c = "categories"
            if let l = figure.xLabel { c += " (" + TextUtil.oneLine(l) + ")" }
            c += ": " + categories.map(TextUtil.oneLine).joined(separator: ", ")
            parts.append(c)
            parts.append(axisText("value", figure.yLabel, x))
        } else {
            parts.append(axisText("x", figure.xLabel, x))
            parts.append(axisText("y", figure.yLabel, y))
            for a in figure.annotations {
                var s: String
                switch a {
                case .vline(let v, _):
                    guard v.isFinite else { continue }
                    s = "vertical line at " + NumFormat.short(v)
                case .hline(let v, _):
                    guard v.isFinite else { continue }
                    s = "horizontal line at " + NumFormat.short(v)
                case .band(let f, let t, _):
                    guard f.isFinite, t.isFinite else { continue }
                    s = "band from " + NumFormat.short(min(f, t)) + " to " + NumFormat.short(max(f, t))
                case .levels(let ls, _):
                    s = "\(ls.count) quantization levels"
                }
                if let l = a.label { s += " (" + TextUtil.oneLine(l) + ")" }
                parts.append(s)
            }
        }
        return parts.joined(separator: "; ") + "."
    }
}
