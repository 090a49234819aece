import QNBPlot
import QuantEngine

/// A figure as a cell value: what `histogram`, `line`, `transfer`, `plot` and `grid` return.
/// Figures combine with `plot(a, b, title: …)` and are displayed when they end a cell.
public struct ScriptFigure: ScriptObject, Equatable {
    public static let scriptTypeName = "Figure"
    public var graphic: Graphic

    public init(_ graphic: Graphic) {
        self.graphic = graphic
    }

    public init(_ figure: Figure) {
        self.graphic = .figure(figure)
    }

    public var scriptDisplay: Display { .figure(graphic) }

    public var scriptDescription: String {
        switch graphic {
        case .figure(let figure):
            let parts = figure.series.count + figure.annotations.count
            return "Figure(\(figure.title.map { "\"\($0)\", " } ?? "")\(parts) \(parts == 1 ? "part" : "parts"))"
        case .grid(let grid):
            return "Figure(grid of \(grid.figures.count), \(grid.columns) columns)"
        }
    }
}

extension BuiltinLibrary {
    /// The figure builders.
    public static let plotting: BuiltinLibrary = {
        var library = BuiltinLibrary()
        PlotBindings.registerSeries(in: &library)
        PlotBindings.registerAnnotations(in: &library)
        PlotBindings.registerComposition(in: &library)
        library.registerType(
            ScriptFigure.self,
            doc: "A figure: series and reference marks, rendered as SVG on the page and ASCII in text."
        ) { _ in }
        return library
    }()
}

enum PlotBindings {
    static let figureType = ScriptType.object("Figure")
    static let label = BuiltinParameter.labeled("label", .optional(.string), default: .null)
    /// More levels than this are not drawn one by one (a 16-bit grid is 65,535 lines).
    static let maximumLevels = 1024
    /// The most points a line, scatter or step series may have.
    static let maximumPoints = 1_000_000

    /// Numbers where a figure expects data: a tensor (its elements, flattened), an array of
    /// numbers or a range.
    static func data(_ args: BuiltinArguments, _ index: Int) throws -> [Double] {
        if case .object(let object) = args[index], let tensor = object as? Tensor {
            return tensor.scalars.map(Double.init)
        }
        if case .range = args.optional(index) {
            if let values = try? args.doubles(index) { return values }
        }
        do {
            return try args.numericArray(index).values
        } catch {
            throw args.error(index, "expected numbers: a tensor, an array of numbers or a range")
        }
    }

    static func optionalString(_ args: BuiltinArguments, _ index: Int) throws -> String? {
        guard args.optional(index) != nil else { return nil }
        return try args.string(index)
    }

    static func closedRange(_ args: BuiltinArguments, _ index: Int) throws -> ClosedRange<Double>? {
        guard args.wasSupplied(index), let value = args.optional(index) else { return nil }
        let bounds: (Double, Double)
        switch value {
        case .range(.int(let lower, let upper, true)): bounds = (Double(lower), Double(upper))
        case .range(.double(let lower, let upper, true)): bounds = (lower, upper)
        default: throw args.error(index, "expected a closed range such as -1...1")
        }
        guard bounds.0.isFinite, bounds.1.isFinite, bounds.0 < bounds.1 else {
            throw args.error(index, "the range must be finite and wider than a point, got \(bounds.0)...\(bounds.1)")
        }
        return bounds.0...bounds.1
    }

    /// x and y of a series, checked to pair up.
    static func points(_ args: BuiltinArguments, x: Int, y: Int) throws -> ([Double], [Double]) {
        let (xs, ys) = (try data(args, x), try data(args, y))
        guard xs.count == ys.count else {
            throw args.error(y, "x has \(xs.count) values but y has \(ys.count); they must pair up")
        }
        guard xs.count <= maximumPoints else {
            throw args.error(x, "a series is drawn with at most \(maximumPoints) points, got \(xs.count)")
        }
        return (xs, ys)
    }

    static func figure(_ series: Series) -> Value { .object(ScriptFigure(Figure(series: [series]))) }
    static func figure(_ annotation: Annotation) -> Value { .object(ScriptFigure(Figure(annotations: [annotation]))) }

    static func quantized(_ args: BuiltinArguments, _ index: Int) throws -> QuantizedTensor {
        try args.object(index, as: QuantizedTensor.self)
    }

    /// The real value of each code of `q`, lowest first, when there are few enough to draw.
    static func levelValues(_ q: QuantizedTensor, _ args: BuiltinArguments) throws -> [Double] {
        guard let parameters = q.parameters.first else { return [] }
        let count = parameters.qmax - parameters.qmin + 1
        guard count <= maximumLevels else {
            throw args.error(
                0, "\(q.bits)-bit codes have \(count) levels; levels are drawn for at most \(maximumLevels) (10 bits)")
        }
        let scale = Double(parameters.scale)
        return (parameters.qmin...parameters.qmax).map { Double($0 - parameters.zeroPoint) * scale }
    }

    static func registerSeries(in library: inout BuiltinLibrary) {
        library.register(
            "histogram",
            [
                .unlabeled("data", .any), .labeled("bins", .int, default: .int(50)),
                .labeled("range", .optional(.closedRange(.number)), default: .null),
                .labeled("density", .bool, default: .bool(false)), label,
            ],
            returns: figureType,
            doc: "Histogram of the values (a tensor, array or range) in `bins` equal bins over `range` "
                + "(default: min…max); `density: true` scales it to unit area. numpy.histogram's bins."
        ) { args, _ in
            let bins = try args.int(1)
            guard (1...10_000).contains(bins) else { throw args.error(1, "bins must be 1…10000, got \(bins)") }
            let range = try closedRange(args, 2)
            let (density, name) = (try args.bool(3), try optionalString(args, 4))
            if case .object(let object) = args[0], let tensor = object as? Tensor {
                let histogram = tensor.scalars.withUnsafeBufferPointer {
                    Histogram(values: $0, bins: bins, range: range, density: density, label: name)
                }
                return figure(.histogram(histogram))
            }
            return figure(
                .histogram(
                    Histogram(values: try data(args, 0), bins: bins, range: range, density: density, label: name)))
        }
        library.register(
            "histogram",
            [
                .unlabeled("data", .any), .labeled("edges", .array(.double)),
                .labeled("density", .bool, default: .bool(false)), label,
            ],
            returns: figureType,
            doc: "Histogram over explicit bin edges (increasing; the last bin includes its right edge)."
        ) { args, _ in
            let edges = try args.doubles(1)
            guard edges.count >= 2, edges.count <= 10_001, edges.allSatisfy(\.isFinite),
                zip(edges, edges.dropFirst()).allSatisfy({ $0 < $1 })
            else {
                throw args.error(1, "edges must be 2…10001 finite, strictly increasing numbers")
            }
            let (density, name) = (try args.bool(2), try optionalString(args, 3))
            if case .object(let object) = args[0], let tensor = object as? Tensor {
                let histogram = tensor.scalars.withUnsafeBufferPointer {
                    Histogram(values: $0, edges: edges, density: density, label: name)
                }
                return figure(.histogram(histogram))
            }
            return figure(.histogram(Histogram(values: try data(args, 0), edges: edges, density: density, label: name)))
        }
        for (name, kind) in [
            ("line", "A line through"), ("scatter", "A marker at each of"), ("step", "A staircase through"),
        ] {
            library.register(
                name, [.labeled("x", .any), .labeled("y", .any), label], returns: figureType,
                doc: "\(kind) the points (x[i], y[i]); x and y are tensors, arrays or ranges."
            ) { args, _ in
                let (x, y) = try points(args, x: 0, y: 1)
                let series = XYSeries(x: x, y: y, label: try optionalString(args, 2))
                switch name {
                case "line": return figure(.line(series))
                case "scatter": return figure(.scatter(series))
                default: return figure(.step(series))
                }
            }
        }
        library.register(
            "line", [.unlabeled("y", .any), label], returns: figureType,
            doc: "A line through y[0], y[1], … at x = 0, 1, …"
        ) { args, _ in
            let y = try data(args, 0)
            guard y.count <= maximumPoints else {
                throw args.error(0, "a series is drawn with at most \(maximumPoints) points, got \(y.count)")
            }
            return figure(.line(XYSeries(x: y.indices.map(Double.init), y: y, label: try optionalString(args, 1))))
        }
        library.register(
            "bar", [.labeled("labels", .array(.string)), .labeled("values", .any), label], returns: figureType,
            doc: "A bar per category."
        ) { args, _ in
            let (labels, values) = (try args.strings(0), try data(args, 1))
            guard labels.count == values.count else {
                throw args.error(1, "\(labels.count) labels but \(values.count) values; they must pair up")
            }
            return figure(.bar(BarSeries(labels: labels, values: values, label: try optionalString(args, 2))))
        }
        library.register(
            "transfer", [.unlabeled("q", .object("QuantizedTensor"))], returns: figureType,
            doc: "The quantizer's transfer curve x → Q(x) over its range and beyond: the staircase, "
                + "the identity for reference, and the clipping thresholds."
        ) { args, _ in
            let q = try quantized(args, 0)
            let levels = try levelValues(q, args)
            guard let first = levels.first, let last = levels.last, last > first else {
                throw args.error(0, "the quantizer has a single level; there is no staircase to draw")
            }
            let step = (last - first) / Double(levels.count - 1)
            let margin = max(step, (last - first) * 0.15)
            // Post-step points: Q(x) = level k on [level k − step/2, level k + step/2).
            var x = [first - margin]
            var y = [first]
            for index in 1..<levels.count {
                x.append(levels[index] - step / 2)
                y.append(levels[index])
            }
            x.append(last + margin)
            y.append(last)
            let kind = "\(q.signed ? "int" : "uint")\(q.bits)"
            var figure = Figure(
                series: [
                    .line(
                        XYSeries(
                            x: [first - margin, last + margin], y: [first - margin, last + margin], label: "y = x")),
                    .step(XYSeries(x: x, y: y, label: "Q(x), \(kind)")),
                ],
                annotations: [
                    .vline(x: first - step / 2, label: "-clip"), .vline(x: last + step / 2, label: "+clip"),
                ],
                title: "Transfer curve of \(kind) \(q.scheme) quantization", xLabel: "x", yLabel: "Q(x)")
            figure.height = 400
            return .object(ScriptFigure(figure))
        }
    }

    static func registerAnnotations(in library: inout BuiltinLibrary) {
        library.register(
            "vline", [.unlabeled("x", .double), label], returns: figureType,
            doc: "A vertical reference line, e.g. a clipping threshold."
        ) { args, _ in figure(.vline(x: try finite(args, 0), label: try optionalString(args, 1))) }
        library.register(
            "hline", [.unlabeled("y", .double), label], returns: figureType, doc: "A horizontal reference line."
        ) { args, _ in figure(.hline(y: try finite(args, 0), label: try optionalString(args, 1))) }
        library.register(
            "band", [.unlabeled("from", .double), .unlabeled("to", .double), label], returns: figureType,
            doc: "A shaded band between two x values."
        ) { args, _ in
            let (from, to) = (try finite(args, 0), try finite(args, 1))
            guard from < to else { throw args.error(1, "a band needs from < to, got \(from) and \(to)") }
            return figure(.band(from: from, to: to, label: try optionalString(args, 2)))
        }
        library.register(
            "levels", [.unlabeled("q", .object("QuantizedTensor")), label], returns: figureType,
            doc: "The quantization grid of a quantized tensor: a thin line at the real value of every code."
        ) { args, _ in
            let q = try quantized(args, 0)
            let name = try optionalString(args, 1) ?? "\(q.signed ? "int" : "uint")\(q.bits) levels"
            return figure(.levels(try levelValues(q, args), label: name))
        }
    }

    static func finite(_ args: BuiltinArguments, _ index: Int) throws -> Double {
        let value = try args.double(index)
        guard value.isFinite else { throw args.error(index, "expected a finite number, got \(value)") }
        return value
    }

    static func registerPlot(_ parts: BuiltinParameter, in library: inout BuiltinLibrary) {
        library.register(
            "plot",
            [
                parts, .labeled("title", .optional(.string), default: .null),
                .labeled("xLabel", .optional(.string), default: .null),
                .labeled("yLabel", .optional(.string), default: .null),
                .labeled("logY", .bool, default: .bool(false)),
                .labeled("xLimits", .optional(.closedRange(.number)), default: .null),
                .labeled("yLimits", .optional(.closedRange(.number)), default: .null),
                .labeled("width", .optional(.double), default: .null),
                .labeled("height", .optional(.double), default: .null),
            ],
            returns: figureType,
            doc: "One figure overlaying the series and marks of its parts, with a title, axis labels, "
                + "a log y axis, explicit limits and a size (SVG units, default 640 × 360) if asked."
        ) { args, _ in
            var combined = Figure()
            for (index, part) in try args.array(0).enumerated() {
                guard case .object(let object) = part, let figure = object as? ScriptFigure else { continue }
                guard case .figure(let inner) = figure.graphic else {
                    throw args.error(0, "part \(index + 1) is a grid of figures; grids cannot be overlaid")
                }
                combined.series += inner.series
                combined.annotations += inner.annotations
                combined.title = inner.title ?? combined.title
                combined.xLabel = inner.xLabel ?? combined.xLabel
                combined.yLabel = inner.yLabel ?? combined.yLabel
                combined.logY = combined.logY || inner.logY
                combined.height = max(combined.height, inner.height)
            }
            combined.title = try optionalString(args, 1) ?? combined.title
            combined.xLabel = try optionalString(args, 2) ?? combined.xLabel
            combined.yLabel = try optionalString(args, 3) ?? combined.yLabel
            if try args.bool(4) { combined.logY = true }
            combined.xLimits = try closedRange(args, 5) ?? combined.xLimits
            combined.yLimits = try closedRange(args, 6) ?? combined.yLimits
            for (index, keyPath) in [(7, \Figure.width), (8, \Figure.height)] where args.optional(index) != nil {
                let size = try args.double(index)
                guard (100...2000).contains(size) else {
                    throw args.error(index, "a figure is 100…2000 units wide and high, got \(size)")
                }
                combined[keyPath: keyPath] = size
            }
            // Bar charts have categories on one axis; reference lines and bands would be silently
            // dropped by both renderers, so they are refused instead.
            let hasBars = combined.series.contains { if case .bar = $0 { return true } else { return false } }
            if hasBars, !combined.annotations.isEmpty {
                throw args.error(
                    0,
                    "bar charts cannot carry reference lines, bands or levels; add the reference as another bar series")
            }
            return .object(ScriptFigure(combined))
        }
    }

    static func registerComposition(in library: inout BuiltinLibrary) {
        // `plot(a, b, c, title: …)`, or `plot(parts, title: …)` with an array built in a loop.
        for parts in [BuiltinParameter.variadic("parts", figureType), .unlabeled("parts", .array(figureType))] {
            registerPlot(parts, in: &library)
        }
        library.register(
            "grid", [.unlabeled("figures", .array(figureType)), .labeled("columns", .int, default: .int(2))],
            returns: figureType, doc: "Small multiples: figures side by side, `columns` per row."
        ) { args, _ in
            let columns = try args.int(1)
            guard (1...6).contains(columns) else { throw args.error(1, "columns must be 1…6, got \(columns)") }
            var figures: [Figure] = []
            for (index, value) in try args.array(0).enumerated() {
                guard case .object(let object) = value, let figure = object as? ScriptFigure else { continue }
                guard case .figure(let inner) = figure.graphic else {
                    throw args.error(0, "figure \(index + 1) is itself a grid; grids do not nest")
                }
                figures.append(inner)
            }
            guard !figures.isEmpty else { throw args.error(0, "a grid needs at least one figure") }
            return .object(ScriptFigure(.grid(FigureGrid(figures, columns: columns))))
        }
    }
}
