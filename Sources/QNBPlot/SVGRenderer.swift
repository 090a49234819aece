/// Renders graphics as self-contained, scalable SVG (no fixed pixel size: `viewBox` plus
/// `class="qnb-figure" style="max-width:100%;height:auto"`).
///
/// Text, axes and reference annotations use `currentColor`. Series colours come from CSS custom properties
/// with Okabe–Ito fallbacks, written as `fill="#0072B2" style="fill:var(--qnb-series-1,#0072B2)"` (the
/// attribute is the fallback for viewers without CSS variables). Variables used:
/// - `--qnb-series-1` (#0072B2 blue)
/// - `--qnb-series-2` (#E69F00 orange)
/// - `--qnb-series-3` (#009E73 bluish green)
/// - `--qnb-series-4` (#D55E00 vermillion)
/// - `--qnb-series-5` (#CC79A7 reddish purple)
/// - `--qnb-series-6` (#56B4E9 sky blue)
/// - `--qnb-series-7` (#F0E442 yellow); series 8+ cycle.
///
/// Output is deterministic; coordinates have at most one decimal.
public enum SVGRenderer {
    /// Renders `graphic`. `id` prefixes every element id (`<id>-title`, `<id>-desc`, `<id>-clip`, grid cells
    /// `<id>-1-clip`, …), so several figures can share an HTML page; characters not valid in an XML name are
    /// replaced by `-`.
    public static func render(_ graphic: Graphic, id: String = "fig") -> String {
        let base = sanitizeID(id)
        switch graphic {
        case .figure(let f):
            let w = clampDim(f.width, fallback: 640, min: 120)
            let h = clampDim(f.height, fallback: 360, min: 80)
            var fig = SVGFigure(f, id: base, width: w, height: h)
            let part = fig.render()
            return root(w, h, id: base, title: part.title, desc: part.desc, body: part.body)
        case .grid(let g):
            let figs = g.figures
            guard !figs.isEmpty else {
                return root(320, 40, id: base, title: "Empty figure grid", desc: "No figures.", body: "")
            }
            let cols = min(max(g.columns, 1), figs.count)
            let rows = (figs.count + cols - 1) / cols
            // The grid keeps the width of its widest figure; cells shrink (to at least 240 × 180) and every
            // figure is laid out at the cell size, so text stays readable when the SVG is scaled to a page.
            var total = 0.0
            var aspect = 0.0
            for f in figs {
                let w = clampDim(f.width, fallback: 640, min: 120)
                total = max(total, w)
                aspect = max(aspect, clampDim(f.height, fallback: 360, min: 80) / w)
            }
            let cellW = (max(240, total / Double(cols)) * 10).rounded() / 10
            let cellH = (max(180, cellW * max(aspect, 0.7)) * 10).rounded() / 10
            var body = ""
            var titles: [String] = []
            var descs: [String] = []
            for (i, f) in figs.enumerated() {
                var fig = SVGFigure(f, id: base + "-\(i + 1)", width: cellW, height: cellH)
                let part = fig.render()
                let x = Double(i % cols) * cellW
                let y = Double(i / cols) * cellH
                body += "<g transform=\"translate(" + NumFormat.coord(x) + " " + NumFormat.coord(y) + ")\">\n"
                body += part.body + "</g>\n"
                titles.append(part.title)
                descs.append("Figure \(i + 1): " + part.desc)
            }
            let title = "Grid of \(figs.count) figures: " + titles.joined(separator: "; ")
            return root(
                Double(cols) * cellW, Double(rows) * cellH, id: base, title: title,
                desc: descs.joined(separator: " "), body: body)
        }
    }

    static func clampDim(_ v: Double, fallback: Double, min lo: Double) -> Double {
        guard v.isFinite else { return fallback }
        return (Swift.min(Swift.max(v, lo), 8192) * 10).rounded() / 10
    }

    static func sanitizeID(_ id: String) -> String {
        var out = ""
        for u in id.unicodeScalars {
            let ok =
                (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-"
                || u == "_" || u == "."
            out.unicodeScalars.append(ok ? u : "-")
        }
        if out.isEmpty { return "fig" }
        if let f = out.unicodeScalars.first, !((f >= "a" && f <= "z") || (f >= "A" && f <= "Z") || f == "_") {
            out = "f" + out
        }
        return out
    }

    static func root(_ w: Double, _ h: Double, id: String, title: String, desc: String, body: String) -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + NumFormat.coord(w) + " "
        s += NumFormat.coord(h) + "\" class=\"qnb-figure\" style=\"max-width:100%;height:auto\" role=\"img\""
        s += " aria-labelledby=\"" + id + "-title " + id + "-desc\""
        s += " font-family=\"system-ui,sans-serif\" font-size=\"11\">\n"
        s += "<title id=\"" + id + "-title\">" + TextUtil.xml(title) + "</title>\n"
        s += "<desc id=\"" + id + "-desc\">" + TextUtil.xml(desc) + "</desc>\n"
        s += body
        s += "</svg>\n"
        return s
    }

    /// Okabe–Ito fallbacks for `--qnb-series-1...7`.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]

    /// Paint attributes for series colour `i` (0-based).
    static func paint(_ i: Int, fill: Bool, stroke: Bool) -> String {
        let k = i % palette.count
        let hex = palette[k]
        let v = "var(--qnb-series-\(k + 1)," + hex + ")"
        var attrs = fill ? " fill=\"" + hex + "\"" : " fill=\"none\""
        var style: [String] = []
        if fill { style.append("fill:" + v) }
        if stroke {
            attrs += " stroke=\"" + hex + "\""
            style.append("stroke:" + v)
        }
        return attrs + " style=\"" + style.joined(separator: ";") + "\""
    }
}

/// Layout and drawing of one figure (relative to its own origin).
struct SVGFigure {
    struct LegendItem {
        var kind: ItemKind
        var style: Int
        var label: String
    }

    static let charW = 6.5
    static let dashes = ["6 3", "2 2", "8 3 2 3"]

    let r: ResolvedFigure
    let f: Figure
    let id: String
    let w: Double
    let h: Double
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
    var out = ""

    init(_ f: Figure, id: String, width: Double, height: Double) {
        self.f = f
        r = ResolvedFigure(f)
        self.id = id
        w = width
        h = height
    }

    static func textW(_ s: String) -> Double { Double(displayWidth(s)) * charW }

    func c(_ v: Double) -> String { NumFormat.coord(min(max(v, -1e5), 1e5)) }
    func px(_ fx: Double) -> Double { left + fx * (right - left) }
    func py(_ fy: Double) -> Double { bottom - fy * (bottom - top) }
    func X(_ v: Double) -> Double { px(r.x.frac(v)) }
    func Y(_ v: Double) -> Double { py(r.y.frac(v)) }

    /// Every `stride`-th label is shown so that labels `need` px apart fit in `spacing` px.
    static func labelStride(count: Int, spacing: Double, need: Double) -> Int {
        guard count > 1, spacing > 0, spacing.isFinite else { return 1 }
        var s = 1
        while s < count && spacing * Double(s) < need { s *= 2 }
        return s
    }

    /// Drawn series with their palette index.
    var drawn: [(series: Series, color: Int)] {
        var list: [(Series, Int)] = []
        for s in f.series {
            if case .bar = s {
                list.append((s, list.count))
            } else if !r.isBar {
                list.append((s, list.count))
            }
        }
        return list
    }

    func legendItems() -> [LegendItem] {
        var items: [LegendItem] = []
        var labelledSeries = 0
        for (s, color) in drawn {
            guard let l = s.label else { continue }
            labelledSeries += 1
            let kind: ItemKind
            switch s {
            case .histogram: kind = .histogram
            case .line: kind = .line
            case .scatter: kind = .scatter
            case .step: kind = .step
            case .bar: kind = .bar
            }
            items.append(LegendItem(kind: kind, style: color, label: TextUtil.oneLine(l)))
        }
        var labelledAnnotations = 0
        if !r.isBar {
            var counts = [0, 0]
            for a in f.annotations {
                var kind = ItemKind.band
                var style = 0
                switch a {
                case .vline:
                    kind = .vline
                    style = counts[0]
                    counts[0] += 1
                case .hline:
                    kind = .hline
                    style = counts[1]
                    counts[1] += 1
                case .band: kind = .band
                case .levels: kind = .levels
                }
                guard let l = a.label else { continue }
                labelledAnnotations += 1
                items.append(LegendItem(kind: kind, style: style, label: TextUtil.oneLine(l)))
            }
        }
        return (labelledSeries >= 2 || labelledAnnotations >= 1) ? items : []
    }

    mutating func render() -> (body: String, title: String, desc: String) {
        let titleText = f.title.map(TextUtil.oneLine)
        let items = legendItems()
        // Legend rows.
        var rows: [[(item: LegendItem, x: Double)]] = []
        var cur: [(item: LegendItem, x: Double)] = []
        var x = 0.0
        let avail = w - 16
        for it in items {
            let iw = 20 + SVGFigure.textW(it.label) + 14
            if !cur.isEmpty && x + iw - 14 > avail {
                rows.append(cur)
                cur = []
                x = 0
            }
            cur.append((it, x))
            x += iw
        }
        if !cur.isEmpty { rows.append(cur) }

        let titleH = titleText == nil ? 8.0 : 26.0
        top = titleH + Double(rows.count) * 16 + (rows.isEmpty ? 4 : 8)
        let leftLabel = r.isBar ? f.xLabel : f.yLabel
        let bottomLabel = r.isBar ? f.yLabel : f.xLabel
        var gutter: Double
        var catLabels: [String] = []
        if r.isBar {
            let maxChars = max(4, Int(w * 0.35 / SVGFigure.charW))
            catLabels = r.categories.map { TextUtil.truncate(TextUtil.oneLine($0), to: maxChars) }
            gutter = catLabels.map(SVGFigure.textW).max() ?? 0
        } else {
            gutter = r.y.ticks.map { SVGFigure.textW($0.label) }.max() ?? 0
        }
        left = 8 + (leftLabel == nil ? 0 : 18) + gutter + 8
        bottom = h - 26 - (bottomLabel == nil ? 0 : 16)
        let lastX = r.x.ticks.last.map { SVGFigure.textW($0.label) / 2 + 4 } ?? 0
        right = w - max(14, lastX)
        if right - left < 40 {
            left = (w * 0.25).rounded()
            right = w - 8
        }
        if bottom - top < 30 {
            top = (h * 0.2).rounded()
            bottom = h - 8
        }
        left = left.rounded()
        right = right.rounded()
        top = top.rounded()
        bottom = bottom.rounded()

        out.reserveCapacity(4096)
        let plotW = right - left
        let plotH = bottom - top
        out += "<defs><clipPath id=\"" + id + "-clip\"><rect x=\"" + c(left - 2) + "\" y=\"" + c(top - 2)
        out += "\" width=\"" + c(plotW + 4) + "\" height=\"" + c(plotH + 4) + "\"/></clipPath></defs>\n"
        if let t = titleText {
            out += "<text x=\"" + c((left + right) / 2) + "\" y=\"17\" text-anchor=\"middle\" font-size=\"13\""
            out += " font-weight=\"600\" fill=\"currentColor\">" + TextUtil.xml(t) + "</text>\n"
        }

        if r.isBar {
            drawBarChart(catLabels: catLabels)
        } else {
            drawXYChart()
        }

        // Axis labels.
        if let l = bottomLabel {
            out += "<text x=\"" + c((left + right) / 2) + "\" y=\"" + c(h - 6) + "\" text-anchor=\"middle\""
            out += " fill=\"currentColor\">" + TextUtil.xml(TextUtil.oneLine(l)) + "</text>\n"
        }
        if let l = leftLabel {
            out += "<text transform=\"translate(14 " + c((top + bottom) / 2) + ") rotate(-90)\""
            out += " text-anchor=\"middle\" fill=\"currentColor\">" + TextUtil.xml(TextUtil.oneLine(l)) + "</text>\n"
        }

        // Legend.
        if !rows.isEmpty {
            out += "<g class=\"qnb-legend\">\n"
            for (ri, row) in rows.enumerated() {
                let yc = titleH + Double(ri) * 16 + 8
                for (it, ix) in row { drawLegendItem(it, x: left + ix, yc: yc) }
            }
            out += "</g>\n"
        }
        return (out, titleText ?? r.generatedTitle, r.description)
    }

    // MARK: XY charts

    mutating func drawXYChart() {
        let plotW = right - left
        let plotH = bottom - top
        // Horizontal grid lines.
        var grid = ""
        for t in r.y.ticks {
            let y = Y(t.value)
            guard y.isFinite else { continue }
            grid += "M" + c(left) + " " + c(y) + "H" + c(right)
        }
        if !grid.isEmpty {
            out += "<path d=\"" + grid + "\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.12\"/>\n"
        }
        // Bands under the data.
        for a in f.annotations {
            guard case .band(let from, let to, _) = a else { continue }
            let a0 = min(max(X(min(from, to)), left), right)
            let a1 = min(max(X(max(from, to)), left), right)
            guard a0.isFinite, a1.isFinite, a1 > a0 else { continue }
            out += "<rect x=\"" + c(a0) + "\" y=\"" + c(top) + "\" width=\"" + c(a1 - a0) + "\" height=\""
            out += c(plotH) + "\" fill=\"currentColor\" fill-opacity=\"0.08\"/>\n"
        }
        out += "<g clip-path=\"url(#" + id + "-clip)\">\n"
        let histCount = f.series.reduce(0) { n, s in if case .histogram = s { return n + 1 } else { return n } }
        for (s, color) in drawn {
            switch s {
            case .histogram(let hg): drawHistogram(hg, color: color, opacity: histCount > 1 ? "0.45" : "0.6")
            case .line(let p): drawLine(p, color: color, step: false)
            case .step(let p): drawLine(p, color: color, step: true)
            case .scatter(let p): drawScatter(p, color: color)
            case .bar: break
            }
        }
        drawReferenceLines()
        out += "</g>\n"
        // Axes and ticks.
        out += "<path d=\"M" + c(left) + " " + c(top) + "V" + c(bottom) + "H" + c(right)
        out += "\" fill=\"none\" stroke=\"currentColor\"/>\n"
        var marks = ""
        for t in r.x.ticks {
            let x = X(t.value)
            if x.isFinite { marks += "M" + c(x) + " " + c(bottom) + "v4" }
        }
        for t in r.y.ticks {
            let y = Y(t.value)
            if y.isFinite { marks += "M" + c(left) + " " + c(y) + "h-4" }
        }
        if !marks.isEmpty { out += "<path d=\"" + marks + "\" fill=\"none\" stroke=\"currentColor\"/>\n" }
        drawXTickLabels()
        let ny = r.y.ticks.count
        let ySpacing = ny > 1 ? plotH / Double(ny - 1) : plotH
        let yStride = SVGFigure.labelStride(count: ny, spacing: ySpacing, need: 13)
        out += "<g fill=\"currentColor\" text-anchor=\"end\">\n"
        for (i, t) in r.y.ticks.enumerated() where i % yStride == 0 {
            let y = Y(t.value)
            guard y.isFinite else { continue }
            out += "<text x=\"" + c(left - 6) + "\" y=\"" + c(y + 3.5) + "\">" + TextUtil.xml(t.label) + "</text>\n"
        }
        out += "</g>\n"
        _ = plotW
    }

    mutating func drawXTickLabels() {
        let nx = r.x.ticks.count
        let plotW = right - left
        let xSpacing = nx > 1 ? plotW / Double(nx - 1) : plotW
        let widest = r.x.ticks.map { SVGFigure.textW($0.label) }.max() ?? 0
        let xStride = SVGFigure.labelStride(count: nx, spacing: xSpacing, need: widest + 8)
        out += "<g fill=\"currentColor\" text-anchor=\"middle\">\n"
        for (i, t) in r.x.ticks.enumerated() where i % xStride == 0 {
            let x = X(t.value)
            guard x.isFinite else { continue }
            out += "<text x=\"" + c(x) + "\" y=\"" + c(bottom + 16) + "\">" + TextUtil.xml(t.label) + "</text>\n"
        }
        out += "</g>\n"
    }

    mutating func drawHistogram(_ hg: Histogram, color: Int, opacity: String) {
        let n = min(hg.counts.count, hg.edges.count - 1)
        guard n > 0 else { return }
        let base: Double
        if r.y.isLog {
            base = bottom
        } else {
            base = min(max(Y(0), top), bottom)
        }
        let bs = c(base)
        var d = ""
        var lastY = bs
        var open = false
        for i in 0..<n {
            let x0 = X(hg.edges[i])
            let x1 = X(hg.edges[i + 1])
            guard x0.isFinite, x1.isFinite else { continue }
            if !open {
                d += "M" + c(x0) + " " + bs
                lastY = bs
                open = true
            }
            let v = hg.counts[i]
            var y = Y(v)
            if !y.isFinite { y = base }
            let ys = c(y)
            if ys != lastY {
                d += "V" + ys
                lastY = ys
            }
            d += "H" + c(x1)
        }
        guard open else { return }
        if lastY != bs { d += "V" + bs }
        d += "Z"
        out += "<path d=\"" + d + "\" fill-opacity=\"" + opacity + "\" stroke-width=\"1\" stroke-linejoin=\"round\""
        out += SVGRenderer.paint(color, fill: true, stroke: true) + "/>\n"
    }

    mutating func drawLine(_ p: XYSeries, color: Int, step: Bool) {
        var d = ""
        var pen = false
        var last = ""
        var lastY = ""
        for i in 0..<p.count {
            let x = X(p.x[i])
            let y = Y(p.y[i])
            guard p.x[i].isFinite, p.y[i].isFinite, x.isFinite, y.isFinite else {
                pen = false
                continue
            }
            let xs = c(x)
            let ys = c(y)
            if !pen {
                d += "M" + xs + " " + ys
                pen = true
            } else if step {
                d += "H" + xs
                if ys != lastY { d += "V" + ys }
            } else {
                let pt = xs + " " + ys
                if pt != last { d += "L" + pt }
            }
            last = xs + " " + ys
            lastY = ys
        }
        guard !d.isEmpty else { return }
        out += "<path d=\"" + d + "\" stroke-width=\"1.75\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        out += SVGRenderer.paint(color, fill: false, stroke: true) + "/>\n"
    }

    mutating func drawScatter(_ p: XYSeries, color: Int) {
        var pts: [(String, String)] = []
        for i in 0..<p.count {
            let x = X(p.x[i])
            let y = Y(p.y[i])
            guard p.x[i].isFinite, p.y[i].isFinite, x.isFinite, y.isFinite,
                x >= left - 3, x <= right + 3, y >= top - 3, y <= bottom + 3
            else { continue }
            pts.append((c(x), c(y)))
        }
        guard !pts.isEmpty else { return }
        if pts.count <= 2000 {
            out += "<g" + SVGRenderer.paint(color, fill: true, stroke: false) + ">\n"
            for (x, y) in pts { out += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"2.5\"/>\n" }
            out += "</g>\n"
        } else {
            var d = ""
            for (x, y) in pts { d += "M" + x + " " + y + "h0" }
            out += "<path d=\"" + d + "\" stroke-width=\"3\" stroke-linecap=\"round\""
            out += SVGRenderer.paint(color, fill: false, stroke: true) + "/>\n"
        }
    }

    mutating func drawReferenceLines() {
        var nv = 0
        var nh = 0
        for a in f.annotations {
            switch a {
            case .vline(let v, _):
                let x = X(v)
                let dash = SVGFigure.dashes[nv % SVGFigure.dashes.count]
                nv += 1
                guard v.isFinite, x.isFinite else { continue }
                out += "<path d=\"M" + c(x) + " " + c(top) + "V" + c(bottom) + "\" fill=\"none\""
                out += " stroke=\"currentColor\" stroke-width=\"1.25\" stroke-dasharray=\"" + dash + "\"/>\n"
            case .hline(let v, _):
                let y = Y(v)
                let dash = SVGFigure.dashes[nh % SVGFigure.dashes.count]
                nh += 1
                guard v.isFinite, y.isFinite else { continue }
                out += "<path d=\"M" + c(left) + " " + c(y) + "H" + c(right) + "\" fill=\"none\""
                out += " stroke=\"currentColor\" stroke-width=\"1.25\" stroke-dasharray=\"" + dash + "\"/>\n"
            case .levels(let ls, _):
                // At most one segment per half pixel, so huge grids stay small.
                var keys: [Int] = []
                for v in ls where v.isFinite {
                    let x = X(v)
                    guard x.isFinite, x >= left - 0.5, x <= right + 0.5 else { continue }
                    keys.append(NumFormat.roundInt(x * 2))
                }
                keys.sort()
                var d = ""
                var prev: Int?
                for k in keys where k != prev {
                    prev = k
                    d += "M" + c(Double(k) / 2) + " " + c(top) + "V" + c(bottom)
                }
                guard !d.isEmpty else { continue }
                out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.4\""
                out += " stroke-width=\"0.75\"/>\n"
            case .band:
                break
            }
        }
    }

    // MARK: Bar charts

    mutating func drawBarChart(catLabels: [String]) {
        let plotH = bottom - top
        let nc = max(r.categories.count, 1)
        let ns = max(r.bars.count, 1)
        let band = plotH / Double(nc)
        // Vertical grid lines at value ticks.
        var grid = ""
        for t in r.x.ticks {
            let x = X(t.value)
            if x.isFinite { grid += "M" + c(x) + " " + c(top) + "V" + c(bottom) }
        }
        if !grid.isEmpty {
            out += "<path d=\"" + grid + "\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.12\"/>\n"
        }
        out += "<g clip-path=\"url(#" + id + "-clip)\">\n"
        let baseX: Double = r.x.isLog ? left : min(max(X(0), left), right)
        for (s, _) in r.bars.enumerated() {
            var d = ""
            for ci in 0..<r.categories.count {
                guard let v = r.barValues[s][ci], v.isFinite else { continue }
                var x1 = X(v)
                if !x1.isFinite { continue }
                x1 = min(max(x1, left - 2), right + 2)
                let inner = band * 0.7
                let bh = inner / Double(ns)
                let y0 = top + Double(ci) * band + band * 0.15 + Double(s) * bh
                d += "M" + c(baseX) + " " + c(y0) + "H" + c(x1) + "V" + c(y0 + bh * 0.9) + "H" + c(baseX) + "Z"
            }
            guard !d.isEmpty else { continue }
            out += "<path d=\"" + d + "\" fill-opacity=\"0.85\"" + SVGRenderer.paint(s, fill: true, stroke: false)
            out += "/>\n"
        }
        out += "</g>\n"
        out += "<path d=\"M" + c(left) + " " + c(top) + "V" + c(bottom) + "H" + c(right)
        out += "\" fill=\"none\" stroke=\"currentColor\"/>\n"
        var marks = ""
        for t in r.x.ticks {
            let x = X(t.value)
            if x.isFinite { marks += "M" + c(x) + " " + c(bottom) + "v4" }
        }
        if !marks.isEmpty { out += "<path d=\"" + marks + "\" fill=\"none\" stroke=\"currentColor\"/>\n" }
        drawXTickLabels()
        let stride = SVGFigure.labelStride(count: catLabels.count, spacing: band, need: 12)
        out += "<g fill=\"currentColor\" text-anchor=\"end\">\n"
        for (i, l) in catLabels.enumerated() where i % stride == 0 {
            let y = top + (Double(i) + 0.5) * band + 3.5
            out += "<text x=\"" + c(left - 6) + "\" y=\"" + c(y) + "\">" + TextUtil.xml(l) + "</text>\n"
        }
        out += "</g>\n"
    }

    // MARK: Legend

    mutating func drawLegendItem(_ it: LegendItem, x: Double, yc: Double) {
        let dash = SVGFigure.dashes[it.style % SVGFigure.dashes.count]
        switch it.kind {
        case .histogram, .bar:
            out += "<rect x=\"" + c(x) + "\" y=\"" + c(yc - 5) + "\" width=\"12\" height=\"10\" fill-opacity=\"0.7\""
            out += SVGRenderer.paint(it.style, fill: true, stroke: false) + "/>\n"
        case .line:
            out += "<path d=\"M" + c(x) + " " + c(yc) + "h14\" stroke-width=\"2\""
            out += SVGRenderer.paint(it.style, fill: false, stroke: true) + "/>\n"
        case .step:
            out += "<path d=\"M" + c(x) + " " + c(yc + 4) + "h6v-8h8\" stroke-width=\"2\""
            out += SVGRenderer.paint(it.style, fill: false, stroke: true) + "/>\n"
        case .scatter:
            out += "<circle cx=\"" + c(x + 6) + "\" cy=\"" + c(yc) + "\" r=\"3\""
            out += SVGRenderer.paint(it.style, fill: true, stroke: false) + "/>\n"
        case .vline:
            out += "<path d=\"M" + c(x + 6) + " " + c(yc - 6) + "v12\" fill=\"none\" stroke=\"currentColor\""
            out += " stroke-width=\"1.25\" stroke-dasharray=\"" + dash + "\"/>\n"
        case .hline:
            out += "<path d=\"M" + c(x) + " " + c(yc) + "h14\" fill=\"none\" stroke=\"currentColor\""
            out += " stroke-width=\"1.25\" stroke-dasharray=\"" + dash + "\"/>\n"
        case .band:
            out += "<rect x=\"" + c(x) + "\" y=\"" + c(yc - 5) + "\" width=\"14\" height=\"10\""
            out += " fill=\"currentColor\" fill-opacity=\"0.15\"/>\n"
        case .levels:
            out += "<path d=\"M" + c(x + 2) + " " + c(yc - 6) + "v12M" + c(x + 7) + " " + c(yc - 6) + "v12M"
            out += c(x + 12) + " " + c(yc - 6) + "v12\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.6\""
            out += " stroke-width=\"0.75\"/>\n"
        }
        out += "<text x=\"" + c(x + 18) + "\" y=\"" + c(yc + 4) + "\" fill=\"currentColor\">"
        out += TextUtil.xml(it.label) + "</text>\n"
    }
}
