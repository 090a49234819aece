/// Renders graphics as plain text for terminals and JSON snapshots.
///
/// Layout: title, y axis label, plot rows (about 16, adjusted to 14...18 so y ticks are evenly spaced) with
/// y tick labels on the left, the x axis, a row of `'` marks for quantization levels, x tick labels, the x
/// axis label, and a legend (`glyph label` entries). Bar charts are horizontal bars with right-aligned
/// category labels (aligned by display width, so CJK labels line up) and the value after each bar.
///
/// `.ascii` glyphs:
/// - histograms `#` `=` `%` `&`, `@` where two histograms overlap;
/// - lines and steps `*` `x` `~` `^` (not `+`, which marks axis ticks); scatter `o` `v` `s` `n`;
/// - vertical lines `|` `!` with the label beside the top of the line when it fits (else in the legend),
///   horizontal lines `-` `_` with the label at the right end, bands `.`, levels `'` below the axis.
///
/// Later lines/markers overwrite earlier ones in a shared cell; reference marks only fill empty cells.
/// `.unicode` uses block and box-drawing characters (eighth blocks for a single histogram). Only labels may
/// contain non-ASCII text in `.ascii` style. Lines have no trailing spaces; there is no trailing newline.
public enum ASCIIRenderer {
    /// Glyph repertoire.
    public enum Style: Hashable, Sendable {
        /// Printable ASCII drawing (labels are kept as given).
        case ascii
        /// Unicode block and box-drawing characters.
        case unicode
    }

    /// Renders `graphic` in `width` display columns (clamped to 24...1000; default 72).
    public static func render(_ graphic: Graphic, width: Int = 72, style: Style = .ascii) -> String {
        let w = min(max(width, 24), 1000)
        let glyphs = style == .ascii ? Glyphs.ascii : Glyphs.unicode
        let lines: [String]
        switch graphic {
        case .figure(let f):
            lines = ASCIIFigure(f, width: w, baseRows: 16, glyphs: glyphs).lines()
        case .grid(let g):
            lines = gridLines(g, width: w, glyphs: glyphs)
        }
        return lines.map(TextUtil.rtrim).joined(separator: "\n")
    }

    /// Figures side by side (cells at least 30 columns wide, else fewer columns), about 10 plot rows each.
    /// Figures in one row share their row count and are padded at the top so their x axes line up.
    static func gridLines(_ grid: FigureGrid, width: Int, glyphs: Glyphs) -> [String] {
        let figs = grid.figures
        guard !figs.isEmpty else { return ["(empty figure grid)"] }
        var cols = min(max(grid.columns, 1), figs.count)
        while cols > 1 && (width - 2 * (cols - 1)) / cols < 30 { cols -= 1 }
        let cellW = (width - 2 * (cols - 1)) / cols
        var out: [String] = []
        var i = 0
        while i < figs.count {
            let chunk = figs[i..<min(i + cols, figs.count)].map {
                ASCIIFigure($0, width: cellW, baseRows: 10, glyphs: glyphs)
            }
            // The row count that gives evenly spaced y ticks to the most figures of this grid row.
            var rows = 10
            var bestScore = -1
            for cand in [10, 9, 11, 8, 12] {
                let score = chunk.filter { $0.evenRows(cand) }.count
                if score > bestScore {
                    bestScore = score
                    rows = cand
                }
            }
            let rendered = chunk.map { fig in
                let laid = fig.layout(rows: rows)
                return (laid.axisLine, laid.lines.map { TextUtil.rtrim(TextUtil.splitPrefix($0, width: cellW).0) })
            }
            let axis = rendered.map(\.0).max() ?? 0
            let padded = rendered.map { [String](repeating: "", count: axis - $0.0) + $0.1 }
            let h = padded.map(\.count).max() ?? 0
            if !out.isEmpty { out.append("") }
            for li in 0..<h {
                var line = ""
                for (k, fl) in padded.enumerated() {
                    let s = li < fl.count ? fl[li] : ""
                    line += k < padded.count - 1 ? TextUtil.padRight(s, cellW) + "  " : s
                }
                out.append(TextUtil.rtrim(line))
            }
            i += cols
        }
        return out
    }
}

/// Glyph set of a style.
struct Glyphs: Sendable {
    let hist: [Character]
    let overlap: Character
    let line: [Character]
    let scatter: [Character]
    let vline: [Character]
    let hline: [Character]
    let band: Character
    let level: Character
    let axisV: Character
    let axisTick: Character
    let corner: Character
    let cornerTick: Character
    let axisH: Character
    let axisHTick: Character
    /// Vertical eighth blocks (index 0...8), unicode only.
    let eighths: [Character]?

    static let ascii = Glyphs(
        hist: ["#", "=", "%", "&"], overlap: "@", line: ["*", "x", "~", "^"], scatter: ["o", "v", "s", "n"],
        vline: ["|", "!"], hline: ["-", "_"], band: ".", level: "'", axisV: "|", axisTick: "+", corner: "+",
        cornerTick: "+", axisH: "-", axisHTick: "+", eighths: nil)

    static let unicode = Glyphs(
        hist: ["█", "▒", "░", "▞"], overlap: "▓", line: ["•", "◆", "▲", "■"], scatter: ["○", "◇", "△", "□"],
        vline: ["│", "┆"], hline: ["─", "┄"], band: "·", level: "╵", axisV: "│", axisTick: "┤", corner: "└",
        cornerTick: "┼", axisH: "─", axisHTick: "┬",
        eighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])
}

/// Character grid with a layer per cell.
struct Canvas {
    enum Layer: UInt8 { case empty, axis, annotation, data }

    let cols: Int
    let rows: Int
    var chars: [Character]
    var layers: [Layer]

    init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
        chars = [Character](repeating: " ", count: cols * rows)
        layers = [Layer](repeating: .empty, count: cols * rows)
    }

    func contains(_ c: Int, _ r: Int) -> Bool { c >= 0 && c < cols && r >= 0 && r < rows }

    func layer(_ c: Int, _ r: Int) -> Layer { contains(c, r) ? layers[r * cols + c] : .data }

    mutating func set(_ c: Int, _ r: Int, _ ch: Character, _ layer: Layer) {
        guard contains(c, r) else { return }
        chars[r * cols + c] = ch
        layers[r * cols + c] = layer
    }

    func row(_ r: Int) -> String { String(chars[(r * cols)..<((r + 1) * cols)]) }
}

/// Text layout of one figure.
struct ASCIIFigure {
    let f: Figure
    let r: ResolvedFigure
    let width: Int
    let baseRows: Int
    let g: Glyphs

    init(_ f: Figure, width: Int, baseRows: Int, glyphs: Glyphs) {
        self.f = f
        r = ResolvedFigure(f)
        self.width = width
        self.baseRows = baseRows
        g = glyphs
    }

    func lines() -> [String] { layout(rows: nil).lines }

    /// The text lines and the index of the x axis line. `rows` forces the plot height (XY charts only).
    func layout(rows: Int?) -> (lines: [String], axisLine: Int) { r.isBar ? barLines() : xyLines(fixedRows: rows) }

    /// Whether automatic y ticks fall on evenly spaced rows with `rows` plot rows.
    func evenRows(_ rows: Int) -> Bool {
        guard !r.isBar, r.y.ticksSpanLimits, r.y.ticks.count >= 2 else { return false }
        return rows % (r.y.ticks.count - 1) == 0
    }

    // MARK: Shared pieces

    /// Plot width: `avail`, or slightly less so that automatic x ticks fall on evenly spaced columns.
    func plotWidth(avail: Int) -> Int {
        let xt = r.x.ticks
        guard r.x.ticksSpanLimits, xt.count >= 2 else { return avail }
        let n = xt.count - 1
        let m = (avail - 1) / n * n
        return m >= n ? m + 1 : avail
    }

    /// Column of fraction `fx` in a plot `plotW` wide.
    static func column(_ fx: Double, _ plotW: Int) -> Int { NumFormat.roundInt(fx * Double(plotW - 1), limit: 1e9) }

    func titleLines(off: Int, plotW: Int) -> [String] {
        guard let t = f.title else { return [] }
        return TextUtil.wrap(TextUtil.oneLine(t), width: width).map { l in
            let tw = displayWidth(l)
            let start = max(0, min(off + (plotW - tw) / 2, width - tw))
            return TextUtil.spaces(start) + l
        }
    }

    func centeredLines(_ text: String?, off: Int, plotW: Int) -> [String] {
        guard let t = text else { return [] }
        return TextUtil.wrap(TextUtil.oneLine(t), width: width).map { l in
            let tw = displayWidth(l)
            return TextUtil.spaces(max(0, min(off + (plotW - tw) / 2, width - tw))) + l
        }
    }

    /// The x axis row (ticks at every x tick column except the first, which the corner marks).
    func axisRow(plotW: Int) -> [Character] {
        var row = [Character](repeating: g.axisH, count: plotW)
        for t in r.x.ticks {
            let fx = r.x.frac(t.value)
            guard fx.isFinite else { continue }
            let c = ASCIIFigure.column(fx, plotW)
            if c > 0 && c < plotW { row[c] = g.axisHTick }
        }
        return row
    }

    /// x tick labels centred under their columns; every other label is dropped until none overlap.
    func xTickLabelRow(off: Int, plotW: Int) -> String {
        var items: [(pos: Int, label: String)] = []
        for t in r.x.ticks {
            let fx = r.x.frac(t.value)
            guard fx.isFinite else { continue }
            items.append((off + ASCIIFigure.column(fx, plotW), t.label))
        }
        return ASCIIFigure.placeLabels(items, lineWidth: max(width, off + plotW))
    }

    static func placeLabels(_ items: [(pos: Int, label: String)], lineWidth: Int) -> String {
        var stride = 1
        while true {
            var placed: [(Int, String)] = []
            var ok = true
            var lastEnd = -2
            for (i, it) in items.enumerated() where i % stride == 0 {
                let w = displayWidth(it.label)
                var s = it.pos - w / 2
                if s + w > lineWidth { s = lineWidth - w }
                if s < 0 { s = 0 }
                if s < lastEnd + 2 {
                    ok = false
                    break
                }
                placed.append((s, it.label))
                lastEnd = s + w - 1
            }
            if ok || stride >= items.count {
                var line = ""
                var used = 0
                for (s, l) in placed where s >= used {
                    line += TextUtil.spaces(s - used) + l
                    used = s + displayWidth(l)
                }
                return line
            }
            stride *= 2
        }
    }

    /// Legend entries joined by three spaces, wrapped to the width, indented to the plot when possible.
    func legendLines(_ entries: [String], off: Int) -> [String] {
        guard !entries.isEmpty else { return [] }
        let total = entries.reduce(0) { $0 + displayWidth($1) } + 3 * (entries.count - 1)
        let indent = total <= width - off ? off : min(2, off)
        let avail = max(width - indent, 8)
        var lines: [String] = []
        var cur = ""
        var curW = 0
        for e in entries {
            let entry = TextUtil.truncate(e, to: avail)
            let ew = displayWidth(entry)
            if cur.isEmpty {
                cur = entry
                curW = ew
            } else if curW + 3 + ew <= avail {
                cur += "   " + entry
                curW += 3 + ew
            } else {
                lines.append(TextUtil.spaces(indent) + cur)
                cur = entry
                curW = ew
            }
        }
        if !cur.isEmpty { lines.append(TextUtil.spaces(indent) + cur) }
        return lines
    }

    // MARK: XY charts

    func xyLines(fixedRows: Int?) -> (lines: [String], axisLine: Int) {
        // Rows: prefer a count that puts automatic y ticks on evenly spaced rows.
        var rows = max(fixedRows ?? baseRows, 2)
        if fixedRows == nil, r.y.ticksSpanLimits, r.y.ticks.count >= 2 {
            let n = r.y.ticks.count - 1
            for cand in [baseRows, baseRows - 1, baseRows + 1, baseRows - 2, baseRows + 2]
            where cand >= 4 && cand % n == 0 {
                rows = cand
                break
            }
        }
        // y tick levels; labels thinned until they sit on distinct rows.
        var yLevels: [(level: Int, label: String)] = []
        for t in r.y.ticks {
            let fy = r.y.frac(t.value)
            guard fy.isFinite else { continue }
            let l = NumFormat.roundInt(fy * Double(rows), limit: 1e9)
            if l >= 0 && l <= rows { yLevels.append((l, t.label)) }
        }
        var stride = 1
        while stride < yLevels.count {
            var seen = Set<Int>()
            var ok = true
            for (i, y) in yLevels.enumerated() where i % stride == 0 {
                if seen.contains(y.level) { ok = false }
                seen.insert(y.level)
            }
            if ok { break }
            stride *= 2
        }
        var labelAt = [String?](repeating: nil, count: rows + 1)
        var tickAt = [Bool](repeating: false, count: rows + 1)
        for (i, y) in yLevels.enumerated() {
            tickAt[y.level] = true
            if i % stride == 0 { labelAt[y.level] = y.label }
        }
        let gw = max(1, labelAt.compactMap { $0 }.map(displayWidth).max() ?? 1)
        let off = gw + 2
        let plotW = plotWidth(avail: max(width - off, 8))

        var canvas = Canvas(cols: plotW, rows: rows + 1)
        let axis = axisRow(plotW: plotW)
        for c in 0..<plotW { canvas.set(c, rows, axis[c], .axis) }

        var legend: [String] = []
        let showSeries = f.series.contains { $0.label != nil } || f.series.count >= 2
        let overlapUsed = drawHistograms(&canvas, rows: rows, plotW: plotW, legend: &legend, show: showSeries)
        drawMarks(&canvas, rows: rows, plotW: plotW, legend: &legend, show: showSeries)
        if overlapUsed { legend.append(String(g.overlap) + " overlap") }
        var levelCols: [Bool] = []
        legend += drawAnnotations(&canvas, rows: rows, plotW: plotW, levelCols: &levelCols)

        var out = titleLines(off: off, plotW: plotW)
        if let yl = f.yLabel { out += TextUtil.wrap(TextUtil.oneLine(yl), width: width) }
        let axisLine = out.count + rows
        for row in 0...rows {
            let level = rows - row
            var s = TextUtil.padLeft(labelAt[level] ?? "", gw) + " "
            if level == 0 {
                s.append(tickAt[0] ? g.cornerTick : g.corner)
            } else {
                s.append(tickAt[level] ? g.axisTick : g.axisV)
            }
            s += canvas.row(row)
            out.append(s)
        }
        if levelCols.contains(true) {
            out.append(TextUtil.spaces(off) + String(levelCols.map { $0 ? g.level : " " }))
        }
        out.append(xTickLabelRow(off: off, plotW: plotW))
        out += centeredLines(f.xLabel, off: off, plotW: plotW)
        out += legendLines(legend, off: off)
        return (out, axisLine)
    }

    /// Fills histogram columns (max over the bins overlapping each column). Returns whether two histograms
    /// shared a cell.
    func drawHistograms(
        _ canvas: inout Canvas, rows: Int, plotW: Int, legend: inout [String], show: Bool
    ) -> Bool {
        var hists: [Histogram] = []
        for s in f.series { if case .histogram(let h) = s { hists.append(h) } }
        guard !hists.isEmpty else { return false }
        let eighths = hists.count == 1 ? g.eighths : nil
        var cover = [UInt32](repeating: 0, count: plotW * (rows + 1))
        let baseLevel = r.y.isLog ? 0 : min(max(NumFormat.roundInt(r.y.frac(0) * Double(rows), limit: 1e9), 0), rows)
        let span = Double(plotW - 1)
        for (hi, hg) in hists.enumerated() {
            let n = min(hg.counts.count, hg.edges.count - 1)
            guard n > 0 else { continue }
            let bit = UInt32(1) << UInt32(min(hi, 31))
            for c in 0..<plotW {
                let xa = r.x.value(atFrac: (Double(c) - 0.5) / span)
                let xb = r.x.value(atFrac: (Double(c) + 0.5) / span)
                var best = -Double.infinity
                for i in 0..<n {
                    let e0 = hg.edges[i]
                    let e1 = hg.edges[i + 1]
                    let v = hg.counts[i]
                    guard e0 < xb, e1 > xa, v.isFinite, v > best else { continue }
                    best = v
                }
                let fy = r.y.frac(best)
                guard fy.isFinite else { continue }
                if let e = eighths {
                    let total = min(max(NumFormat.roundInt(fy * Double(rows * 8), limit: 1e9), 0), rows * 8)
                    let full = total / 8
                    let rem = total % 8
                    if full > baseLevel {
                        for l in (baseLevel + 1)...full { canvas.set(c, rows - l, e[8], .data) }
                    }
                    if rem > 0 && full + 1 <= rows && full >= baseLevel {
                        canvas.set(c, rows - full - 1, e[rem], .data)
                    }
                    continue
                }
                let top = min(max(NumFormat.roundInt(fy * Double(rows), limit: 1e9), 0), rows)
                guard top > baseLevel else { continue }
                for l in (baseLevel + 1)...top { cover[(rows - l) * plotW + c] |= bit }
            }
        }
        var overlap = false
        if eighths == nil {
            for i in cover.indices where cover[i] != 0 {
                let ch: Character
                if cover[i].nonzeroBitCount > 1 {
                    ch = g.overlap
                    overlap = true
                } else {
                    ch = g.hist[cover[i].trailingZeroBitCount % g.hist.count]
                }
                canvas.set(i % plotW, i / plotW, ch, .data)
            }
        }
        if show {
            var k = 0
            for (si, s) in f.series.enumerated() {
                guard case .histogram(let h) = s else { continue }
                let glyph = eighths?[8] ?? g.hist[k % g.hist.count]
                legend.append(String(glyph) + " " + (h.label.map(TextUtil.oneLine) ?? "series \(si + 1)"))
                k += 1
            }
        }
        return overlap
    }

    /// Lines, steps and scatter markers, in series order (later series overwrite earlier ones).
    func drawMarks(_ canvas: inout Canvas, rows: Int, plotW: Int, legend: inout [String], show: Bool) {
        var nLine = 0
        var nScatter = 0
        let span = Double(plotW - 1)
        let height = Double(rows)
        func point(_ p: XYSeries, _ i: Int) -> (Double, Double)? {
            let x = p.x[i]
            let y = p.y[i]
            guard x.isFinite, y.isFinite else { return nil }
            let fx = r.x.frac(x)
            let fy = r.y.frac(y)
            guard fx.isFinite, fy.isFinite else { return nil }
            return (min(max(fx * span, -1e6), 1e6), min(max(fy * height, -1e6), 1e6))
        }
        for (si, s) in f.series.enumerated() {
            switch s {
            case .line(let p), .step(let p):
                let glyph = g.line[nLine % g.line.count]
                nLine += 1
                var isStep = false
                if case .step = s { isStep = true }
                var prev: (Double, Double)?
                for i in 0..<p.count {
                    guard let q = point(p, i) else {
                        prev = nil
                        continue
                    }
                    if let a = prev {
                        if isStep {
                            segment(&canvas, a, (q.0, a.1), glyph, rows: rows, plotW: plotW)
                            segment(&canvas, (q.0, a.1), q, glyph, rows: rows, plotW: plotW)
                        } else {
                            segment(&canvas, a, q, glyph, rows: rows, plotW: plotW)
                        }
                    } else {
                        segment(&canvas, q, q, glyph, rows: rows, plotW: plotW)
                    }
                    prev = q
                }
                if show { legend.append(String(glyph) + " " + (p.label.map(TextUtil.oneLine) ?? "series \(si + 1)")) }
            case .scatter(let p):
                let glyph = g.scatter[nScatter % g.scatter.count]
                nScatter += 1
                for i in 0..<p.count {
                    guard let q = point(p, i) else { continue }
                    let c = NumFormat.roundInt(q.0)
                    let l = NumFormat.roundInt(q.1)
                    if c >= 0 && c < plotW && l >= 0 && l <= rows { canvas.set(c, rows - l, glyph, .data) }
                }
                if show { legend.append(String(glyph) + " " + (p.label.map(TextUtil.oneLine) ?? "series \(si + 1)")) }
            case .histogram, .bar:
                break
            }
        }
    }

    /// Draws a segment in (column, level) coordinates, clipped to the canvas (Liang–Barsky), by sampling.
    func segment(
        _ canvas: inout Canvas, _ a: (Double, Double), _ b: (Double, Double), _ glyph: Character, rows: Int,
        plotW: Int
    ) {
        var t0 = 0.0
        var t1 = 1.0
        let dx = b.0 - a.0
        let dy = b.1 - a.1
        let checks = [
            (-dx, a.0 + 0.5), (dx, Double(plotW) - 0.5 - a.0), (-dy, a.1 + 0.5), (dy, Double(rows) + 0.5 - a.1),
        ]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return }
            } else {
                let t = q / p
                if p < 0 {
                    if t > t1 { return }
                    if t > t0 { t0 = t }
                } else {
                    if t < t0 { return }
                    if t < t1 { t1 = t }
                }
            }
        }
        let x0 = a.0 + t0 * dx
        let y0 = a.1 + t0 * dy
        let x1 = a.0 + t1 * dx
        let y1 = a.1 + t1 * dy
        let n = NumFormat.clampInt((max(abs(x1 - x0), abs(y1 - y0)) * 2).rounded(.up), limit: 100_000)
        for k in 0...n {
            let t = n == 0 ? 0 : Double(k) / Double(n)
            let c = NumFormat.roundInt(x0 + t * (x1 - x0))
            let l = NumFormat.roundInt(y0 + t * (y1 - y0))
            if c >= 0 && c < plotW && l >= 0 && l <= rows { canvas.set(c, rows - l, glyph, .data) }
        }
    }

    /// Reference marks into empty cells (vertical lines, then horizontal lines, then bands) and the level
    /// row. Returns legend entries for labels that could not be written next to their mark.
    func drawAnnotations(_ canvas: inout Canvas, rows: Int, plotW: Int, levelCols: inout [Bool]) -> [String] {
        var entries: [(Int, String)] = []
        levelCols = [Bool](repeating: false, count: plotW)
        let span = Double(plotW - 1)
        let anns = Array(f.annotations.enumerated())
        // Vertical lines.
        var nv = 0
        for (ai, a) in anns {
            guard case .vline(let x, let label) = a else { continue }
            let glyph = g.vline[nv % g.vline.count]
            nv += 1
            let fx = r.x.frac(x)
            let c = fx.isFinite ? NumFormat.roundInt(fx * span, limit: 1e9) : -1
            let visible = x.isFinite && c >= 0 && c < plotW
            if visible {
                for row in 0..<rows where canvas.layer(c, row) == .empty { canvas.set(c, row, glyph, .annotation) }
                if canvas.layer(c, rows) == .axis { canvas.set(c, rows, glyph, .annotation) }
            }
            guard let l = label.map(TextUtil.oneLine) else { continue }
            if !(visible && inlineLabel(&canvas, l, nextTo: c, row: 0, plotW: plotW)) {
                entries.append((ai, String(glyph) + " " + l))
            }
        }
        // Horizontal lines.
        var nh = 0
        for (ai, a) in anns {
            guard case .hline(let y, let label) = a else { continue }
            let glyph = g.hline[nh % g.hline.count]
            nh += 1
            let fy = r.y.frac(y)
            let level = fy.isFinite ? NumFormat.roundInt(fy * Double(rows), limit: 1e9) : -1
            let visible = y.isFinite && level >= 1 && level <= rows
            var placed = false
            if visible, let l = label.map(TextUtil.oneLine) {
                let row = rows - level
                let w = displayWidth(l)
                let start = plotW - w
                if w == l.count && start >= 2 && (start - 1..<plotW).allSatisfy({ canvas.layer($0, row) == .empty }) {
                    canvas.set(start - 1, row, " ", .annotation)
                    for (k, ch) in l.enumerated() { canvas.set(start + k, row, ch, .annotation) }
                    placed = true
                }
            }
            if visible {
                let row = rows - level
                for c in 0..<plotW where canvas.layer(c, row) == .empty { canvas.set(c, row, glyph, .annotation) }
            }
            if !placed, let l = label.map(TextUtil.oneLine) { entries.append((ai, String(glyph) + " " + l)) }
        }
        // Bands and levels.
        for (ai, a) in anns {
            switch a {
            case .band(let from, let to, let label):
                let f0 = r.x.frac(min(from, to))
                let f1 = r.x.frac(max(from, to))
                if f0.isFinite && f1.isFinite {
                    let c0 = max(NumFormat.roundInt(f0 * span, limit: 1e9), 0)
                    let c1 = min(NumFormat.roundInt(f1 * span, limit: 1e9), plotW - 1)
                    if c0 <= c1 {
                        for row in 0..<rows {
                            for c in c0...c1 where canvas.layer(c, row) == .empty {
                                canvas.set(c, row, g.band, .annotation)
                            }
                        }
                    }
                }
                if let l = label { entries.append((ai, String(g.band) + " " + TextUtil.oneLine(l))) }
            case .levels(let ls, let label):
                for v in ls where v.isFinite {
                    let fx = r.x.frac(v)
                    guard fx.isFinite else { continue }
                    let c = NumFormat.roundInt(fx * span, limit: 1e9)
                    if c >= 0 && c < plotW { levelCols[c] = true }
                }
                if let l = label { entries.append((ai, String(g.level) + " " + TextUtil.oneLine(l))) }
            case .vline, .hline:
                break
            }
        }
        return entries.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Writes `label` in `row` right of column `c` (or left of it) if the cells are empty and every
    /// character is one column wide.
    func inlineLabel(_ canvas: inout Canvas, _ label: String, nextTo c: Int, row: Int, plotW: Int) -> Bool {
        let w = displayWidth(label)
        guard w == label.count, w > 0 else { return false }
        func free(_ from: Int, _ to: Int) -> Bool {
            from >= 0 && to < plotW && (from...to).allSatisfy { canvas.layer($0, row) == .empty }
        }
        var start = -1
        if free(c + 1, c + 1 + w) {
            start = c + 2
        } else if free(c - 1 - w, c - 1) {
            start = c - 1 - w
        }
        guard start >= 0 else { return false }
        for (k, ch) in label.enumerated() { canvas.set(start + k, row, ch, .annotation) }
        return true
    }

    // MARK: Bar charts

    func barLines() -> (lines: [String], axisLine: Int) {
        let labels = r.categories.map { TextUtil.truncate(TextUtil.oneLine($0), to: max(4, width / 3)) }
        guard !labels.isEmpty else {
            let t = titleLines(off: 0, plotW: width)
            return (t + ["(no data)"], t.count)
        }
        let gw = max(1, labels.map(displayWidth).max() ?? 1)
        let off = gw + 2
        let texts: [[String?]] = r.barValues.map { row in row.map { $0.map(NumFormat.short) } }
        let vw = (texts.flatMap { $0 }.compactMap { $0?.count }.max() ?? 0) + 2
        let plotW = plotWidth(avail: max(width - off - vw, 10))
        let span = Double(plotW - 1)
        let base = r.x.isLog ? 0 : min(max(NumFormat.roundInt(r.x.frac(0) * span, limit: 1e9), 0), plotW - 1)

        var out = titleLines(off: off, plotW: plotW)
        if let xl = f.xLabel { out += TextUtil.wrap(TextUtil.oneLine(xl), width: width) }
        for ci in labels.indices {
            for s in r.bars.indices {
                let glyph = s == 0 ? (g.eighths?[8] ?? g.hist[0]) : g.hist[s % g.hist.count]
                var cells = [Character](repeating: " ", count: plotW + vw)
                if let v = r.barValues[s][ci], v.isFinite {
                    let fv = r.x.frac(v)
                    var end = base
                    if fv.isFinite {
                        let cv = min(max(NumFormat.roundInt(fv * span, limit: 1e9), 0), plotW - 1)
                        if r.x.isLog || v > 0 {
                            for c in base...max(base, cv) { cells[c] = glyph }
                        } else if v < 0 {
                            for c in min(cv, base)...base { cells[c] = glyph }
                        }
                        end = max(base, cv)
                    }
                    if let t = texts[s][ci] {
                        let start = min(end + 2, cells.count - t.count)
                        for (k, ch) in t.enumerated() where start + k >= 0 { cells[start + k] = ch }
                    }
                }
                let label = s == 0 ? TextUtil.padLeft(labels[ci], gw) : TextUtil.spaces(gw)
                out.append(label + " " + String(g.axisV) + String(cells))
            }
        }
        let axisLine = out.count
        out.append(TextUtil.spaces(gw) + " " + String(g.corner) + String(axisRow(plotW: plotW)))
        out.append(xTickLabelRow(off: off, plotW: plotW))
        out += centeredLines(f.yLabel, off: off, plotW: plotW)
        if r.bars.count >= 2 || r.bars.contains(where: { $0.label != nil }) {
            var entries: [String] = []
            for (s, b) in r.bars.enumerated() {
                let glyph = s == 0 ? (g.eighths?[8] ?? g.hist[0]) : g.hist[s % g.hist.count]
                entries.append(String(glyph) + " " + (b.label.map(TextUtil.oneLine) ?? "series \(s + 1)"))
            }
            out += legendLines(entries, off: off)
        }
        return (out, axisLine)
    }
}
