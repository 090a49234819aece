import QNBPlot
import QNBScript

extension Snapshot {
    /// A figure as the snapshot keeps it: its data, not its pixels, so a check compares numbers
    /// with the tolerance. Non-finite numbers are written as snapshot scalars do.
    public struct FigureData: Hashable, Sendable, Codable {
        public var title: String?
        public var xLabel: String?
        public var yLabel: String?
        public var series: [SeriesData]
        public var annotations: [AnnotationData]
        /// The panels of a grid of figures (then `series` and `annotations` are empty).
        public var panels: [FigureData]?

        public init(_ graphic: Graphic) {
            switch graphic {
            case .figure(let figure):
                self.init(figure)
            case .grid(let grid):
                self.init(title: nil, xLabel: nil, yLabel: nil, series: [], annotations: [])
                panels = grid.figures.map(FigureData.init)
            }
        }

        init(_ figure: Figure) {
            self.init(
                title: figure.title, xLabel: figure.xLabel, yLabel: figure.yLabel,
                series: figure.series.map(SeriesData.init), annotations: figure.annotations.map(AnnotationData.init))
        }

        public init(
            title: String?, xLabel: String?, yLabel: String?, series: [SeriesData], annotations: [AnnotationData],
            panels: [FigureData]? = nil
        ) {
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.series = series
            self.annotations = annotations
            self.panels = panels
        }
    }

    /// One series: `x`/`y` for lines, scatters and steps; `edges`/`counts` for histograms;
    /// `categories`/`y` for bars.
    public struct SeriesData: Hashable, Sendable, Codable {
        public var kind: String
        public var label: String?
        public var x: [Scalar]?
        public var y: [Scalar]?
        public var edges: [Scalar]?
        public var counts: [Scalar]?
        public var categories: [String]?

        init(_ series: Series) {
            func numbers(_ values: [Double]) -> [Scalar] { values.map { .number($0) } }
            switch series {
            case .histogram(let histogram):
                kind = histogram.density ? "histogram (density)" : "histogram"
                label = histogram.label
                edges = numbers(histogram.edges)
                counts = numbers(histogram.counts)
            case .line(let xy), .scatter(let xy), .step(let xy):
                if case .line = series {
                    kind = "line"
                } else if case .scatter = series {
                    kind = "scatter"
                } else {
                    kind = "step"
                }
                label = xy.label
                x = numbers(xy.x)
                y = numbers(xy.y)
            case .bar(let bars):
                kind = "bar"
                label = bars.label
                categories = bars.labels
                y = numbers(bars.values)
            }
        }
    }

    /// A reference mark: its kind (`vline`, `hline`, `band`, `levels`), positions and label.
    public struct AnnotationData: Hashable, Sendable, Codable {
        public var kind: String
        public var values: [Scalar]
        public var label: String?

        init(_ annotation: Annotation) {
            switch annotation {
            case .vline(let x, let label): (kind, values, self.label) = ("vline", [.number(x)], label)
            case .hline(let y, let label): (kind, values, self.label) = ("hline", [.number(y)], label)
            case .band(let from, let to, let label):
                (kind, values, self.label) = ("band", [.number(from), .number(to)], label)
            case .levels(let levels, let label):
                (kind, values, self.label) = ("levels", levels.map { .number($0) }, label)
            }
        }
    }
}
