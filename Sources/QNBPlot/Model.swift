/// A single chart: data series, reference annotations, labels and axis options.
///
/// `width` and `height` are SVG user units (the `viewBox`); the ASCII renderer ignores them.
public struct Figure: Hashable, Sendable {
    /// Title shown above the plot (and used as the SVG `<title>`).
    public var title: String?
    /// Label of the x axis. In bar charts: the name of the categories.
    public var xLabel: String?
    /// Label of the y axis. In bar charts: the name of the values (drawn along the value axis).
    public var yLabel: String?
    /// Use a log10 y axis (the value axis in bar charts). Non-positive values are not drawn.
    public var logY: Bool
    /// Explicit x limits; `nil` = automatic. Ignored when not finite or empty.
    public var xLimits: ClosedRange<Double>?
    /// Explicit y limits (value axis in bar charts); `nil` = automatic.
    public var yLimits: ClosedRange<Double>?
    /// SVG width in user units (clamped to 120...8192 when rendering).
    public var width: Double = 640
    /// SVG height in user units (clamped to 80...8192 when rendering).
    public var height: Double = 360
    /// The data, drawn in order (later series on top).
    public var series: [Series]
    /// Reference lines, bands and quantization grids.
    public var annotations: [Annotation]

    /// Creates a figure. If `series` contains any `.bar` series the figure is a (horizontal) bar chart and
    /// non-bar series and annotations are ignored.
    public init(
        series: [Series] = [], annotations: [Annotation] = [], title: String? = nil, xLabel: String? = nil,
        yLabel: String? = nil, logY: Bool = false, xLimits: ClosedRange<Double>? = nil,
        yLimits: ClosedRange<Double>? = nil, width: Double = 640, height: Double = 360
    ) {
        self.series = series
        self.annotations = annotations
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.width = width
        self.height = height
    }
}

/// One data series of a figure.
public enum Series: Hashable, Sendable {
    /// Binned counts or densities, drawn as a filled staircase.
    case histogram(Histogram)
    /// Points joined by straight segments (NaN/inf points break the line).
    case line(XYSeries)
    /// Unconnected markers.
    case scatter(XYSeries)
    /// Post-step staircase through the points: horizontal to the next x, then vertical.
    case step(XYSeries)
    /// Categorical values, drawn as horizontal bars.
    case bar(BarSeries)

    /// The legend label of the series.
    public var label: String? {
        switch self {
        case .histogram(let h): return h.label
        case .line(let s), .scatter(let s), .step(let s): return s.label
        case .bar(let b): return b.label
        }
    }
}

/// Paired x/y values. If `x` and `y` differ in length, only the first `min(x.count, y.count)` points are used.
public struct XYSeries: Hashable, Sendable {
    /// x coordinates.
    public var x: [Double]
    /// y coordinates.
    public var y: [Double]
    /// Legend label.
    public var label: String?

    /// Creates a series; extra elements of the longer array are ignored.
    public init(x: [Double], y: [Double], label: String? = nil) {
        self.x = x
        self.y = y
        self.label = label
    }

    /// Number of usable points: `min(x.count, y.count)`.
    public var count: Int { min(x.count, y.count) }
}

/// Categorical values. If `labels` and `values` differ in length, the extra elements are ignored.
/// Several bar series in one figure are grouped per category (categories in order of first appearance).
public struct BarSeries: Hashable, Sendable {
    /// Category names.
    public var labels: [String]
    /// One value per category.
    public var values: [Double]
    /// Legend label.
    public var label: String?

    /// Creates a bar series.
    public init(labels: [String], values: [Double], label: String? = nil) {
        self.labels = labels
        self.values = values
        self.label = label
    }
}

/// Reference marks drawn over the data. Labels appear next to the mark (ASCII) or in the legend.
public enum Annotation: Hashable, Sendable {
    /// Vertical reference line, e.g. a clipping threshold.
    case vline(x: Double, label: String?)
    /// Horizontal reference line.
    case hline(y: Double, label: String?)
    /// Shaded vertical band over the x range `from...to`.
    case band(from: Double, to: Double, label: String?)
    /// The quantization grid: a thin vertical line at each level.
    case levels([Double], label: String?)

    /// The annotation's label, if any.
    public var label: String? {
        switch self {
        case .vline(_, let l), .hline(_, let l), .band(_, _, let l), .levels(_, let l): return l
        }
    }
}

/// Several figures laid out row by row in `columns` columns.
public struct FigureGrid: Hashable, Sendable {
    /// The figures, in reading order.
    public var figures: [Figure]
    /// Number of columns (clamped to `1...figures.count` when rendering).
    public var columns: Int

    /// Creates a grid.
    public init(_ figures: [Figure], columns: Int) {
        self.figures = figures
        self.columns = columns
    }
}

/// What a notebook cell displays.
public enum Graphic: Hashable, Sendable {
    /// A single chart.
    case figure(Figure)
    /// Several charts in a grid.
    case grid(FigureGrid)
}

extension Graphic {
    /// The default text rendering (`ASCIIRenderer.render(self)`): 72 columns, ASCII only drawing.
    public var plainText: String { ASCIIRenderer.render(self) }
}
