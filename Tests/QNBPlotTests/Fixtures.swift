import QNBPlot

/// Deterministic test data and the figures used by the golden and SVG tests.
enum Fixtures {
    /// Approximately Gaussian samples (sum of 6 uniforms from a 64-bit LCG).
    static func gauss(_ n: Int, seed: UInt64, sigma: Double = 1, mean: Double = 0) -> [Double] {
        var s = seed
        var out: [Double] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            var acc = 0.0
            for _ in 0..<6 {
                s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                acc += Double(s >> 11) / Double(UInt64(1) << 53)
            }
            out.append(mean + (acc - 3) * sigma * 1.4142)
        }
        return out
    }

    static let weights = gauss(20000, seed: 1)
    static let activations = gauss(20000, seed: 2, sigma: 0.6, mean: 1)
    static let xs = (0...40).map { Double($0) / 4 }

    static var histogram: Figure {
        Figure(
            series: [.histogram(Histogram(values: weights, bins: 40, label: "weights"))],
            title: "Weight distribution", xLabel: "value", yLabel: "count")
    }

    static var twoHistograms: Figure {
        Figure(
            series: [
                .histogram(Histogram(values: weights, bins: 40, range: -4...4, label: "fp32")),
                .histogram(Histogram(values: activations, bins: 40, range: -4...4, label: "int8")),
            ], title: "Before / after", xLabel: "value")
    }

    static var line: Figure {
        Figure(
            series: [
                .line(XYSeries(x: xs, y: xs.map { 1 / (1 + $0) }, label: "mse")),
                .line(XYSeries(x: xs, y: xs.map { 0.5 / (1 + $0 * $0) }, label: "sqnr")),
            ], title: "Loss", xLabel: "bits", yLabel: "error")
    }

    static var scatter: Figure {
        Figure(
            series: [
                .scatter(
                    XYSeries(
                        x: Array(weights.prefix(60)), y: Array(activations.prefix(60)),
                        label: "pairs"))
            ],
            title: "Scatter", xLabel: "w", yLabel: "a")
    }

    static var step: Figure {
        Figure(
            series: [.step(XYSeries(x: [-2, -1, 0, 1, 2], y: [0, 1, 3, 2, 4], label: "cdf"))],
            title: "Step", xLabel: "x")
    }

    static var bar: Figure {
        Figure(
            series: [
                .bar(
                    BarSeries(
                        labels: ["int8", "量化误差", "fp16"], values: [0.12, 0.061, 0.0042],
                        label: "error"))
            ],
            title: "Errors by format", xLabel: "format", yLabel: "relative error")
    }

    static var groupedBar: Figure {
        Figure(
            series: [
                .bar(BarSeries(labels: ["w4", "w8", "w16"], values: [3.5, 1.25, 0.5], label: "per-tensor")),
                .bar(BarSeries(labels: ["w4", "w8", "w16"], values: [2.0, 0.75, 0.25], label: "per-channel")),
            ], title: "MSE (x1e-3)", yLabel: "mse")
    }

    static var annotated: Figure {
        Figure(
            series: [.histogram(Histogram(values: weights, bins: 48, label: "weights"))],
            annotations: [
                .vline(x: -3, label: "-clip"), .vline(x: 3, label: "+clip"),
                .levels((-7...7).map { Double($0) * 0.5 }, label: "int4 grid"),
            ],
            title: "Clipping", xLabel: "value")
    }

    static var logY: Figure {
        Figure(
            series: [.histogram(Histogram(values: weights, bins: 40, label: "weights"))],
            title: "Tails (log)", xLabel: "value", yLabel: "count", logY: true)
    }

    static var grid: FigureGrid {
        FigureGrid(
            [
                Figure(series: [.histogram(Histogram(values: weights, bins: 30))], title: "A"),
                Figure(series: [.line(XYSeries(x: xs, y: xs.map { $0 * $0 }))], title: "B"),
            ], columns: 2)
    }

    static var bandAndHline: Figure {
        Figure(
            series: [.line(XYSeries(x: xs, y: xs.map { ($0 - 5) * ($0 - 5) / 5 }, label: "error"))],
            annotations: [.band(from: 3, to: 7, label: "sweet spot"), .hline(y: 2, label: "budget")],
            title: "Band and budget", xLabel: "scale")
    }

    /// Every figure kind, for the SVG and robustness tests.
    static var allGraphics: [(String, Graphic)] {
        [
            ("histogram", .figure(histogram)), ("two histograms", .figure(twoHistograms)), ("line", .figure(line)),
            ("scatter", .figure(scatter)), ("step", .figure(step)), ("bar", .figure(bar)),
            ("grouped bar", .figure(groupedBar)), ("annotated", .figure(annotated)), ("log y", .figure(logY)),
            ("band", .figure(bandAndHline)), ("grid", .grid(grid)), ("empty", .figure(Figure())),
        ]
    }
}
