import QNBPlot
import QNBScript
import QNBTestSupport
import Testing

/// The figure builtins: what figure value each call makes, and the errors of bad data.
@Suite struct PlotBindingTests {
    /// The graphic the cell ends with.
    static func graphic(_ source: String) -> Graphic? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        for output in result.outputs.reversed() {
            if case .display(.figure(let graphic)) = output { return graphic }
        }
        return nil
    }

    static func figure(_ source: String) -> Figure? {
        guard case .figure(let figure) = graphic(source) else { return nil }
        return figure
    }

    /// Regression: an `hline` on a bar chart was accepted and silently not drawn.
    @Test func barChartsRefuseReferenceLines() {
        expectCellError(
            "plot(1️⃣bar(labels: [\"a\", \"b\"], values: [1, 2]), hline(1.5))",
            "bar charts cannot carry reference lines, bands or levels; add the reference as another bar series",
            library: .qnb)
    }

    /// `plot` takes its parts one by one or as an array built in a loop, with the same result.
    @Test func plotTakesAnArrayOfParts() {
        let source = """
            var parts: [Figure] = []
            for k in 1...3 { parts.append(line(x: [0, 1], y: [0, Double(k)], label: "k = \\(k)")) }
            let a = plot(parts, title: "t")
            let b = plot(parts[0], parts[1], parts[2], title: "t")
            ("\\(a)" == "\\(b)", "\\(a)")
            """
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        #expect(result.displayText == "(true, \"Figure(\\\"t\\\", 3 parts)\")")
    }

    @Test func histogramsAcceptTensorsArraysAndRanges() throws {
        let fromTensor = try #require(Self.figure("histogram(tensor([0, 1, 1, 2, 3, 3, 3, 4]), bins: 4)"))
        let fromArray = try #require(Self.figure("histogram([0, 1, 1, 2, 3, 3, 3, 4], bins: 4)"))
        guard case .histogram(let a) = fromTensor.series.first, case .histogram(let b) = fromArray.series.first else {
            Issue.record("expected histograms")
            return
        }
        // numpy.histogram([0,1,1,2,3,3,3,4], bins=4) → counts [1, 2, 1, 4], edges 0, 1, 2, 3, 4.
        #expect(a.counts == [1, 2, 1, 4])
        #expect(a.edges == [0, 1, 2, 3, 4])
        #expect(b.counts == a.counts)
        let fromRange = try #require(Self.figure("histogram(0..<10, bins: 5, label: \"r\")"))
        guard case .histogram(let c) = fromRange.series.first else { return }
        #expect(c.counts == [2, 2, 2, 2, 2])
        #expect(c.label == "r")
    }

    @Test func histogramsTakeExplicitEdges() throws {
        let figure = try #require(Self.figure("histogram([0.5, 1, 1.5, 2, 2.5, 3], edges: [0, 1, 2, 3])"))
        guard case .histogram(let histogram) = figure.series.first else {
            Issue.record("expected a histogram")
            return
        }
        // numpy.histogram([0.5, 1, 1.5, 2, 2.5, 3], bins=[0, 1, 2, 3]) → [1, 2, 3].
        #expect(histogram.counts == [1, 2, 3])
        expectCellError(
            "histogram([1], edges: 1️⃣[0, 2, 1])", "edges must be 2…10001 finite, strictly increasing numbers",
            library: .qnb)
    }

    @Test func plotSetsTheFigureSize() throws {
        let figure = try #require(Self.figure("plot(line([1, 2]), width: 320, height: 200)"))
        #expect(figure.width == 320 && figure.height == 200)
        expectCellError(
            "plot(line([1]), width: 1️⃣5)", "a figure is 100…2000 units wide and high, got 5.0", library: .qnb)
    }

    @Test func plotOverlaysItsPartsAndSetsTheAxes() throws {
        let figure = try #require(
            Self.figure(
                """
                let w = tensor([-1, -0.5, 0, 0.5, 1])
                let q = quantize(w, bits: 3)
                plot(histogram(w, bins: 4), levels(q), vline(0.75, label: "clip"), title: "w", xLabel: "x", logY: true)
                """))
        #expect(figure.series.count == 1)
        #expect(figure.title == "w")
        #expect(figure.xLabel == "x")
        #expect(figure.logY)
        // 3-bit narrow range: codes −3…3 at scale 1/3.
        guard case .levels(let levels, _) = figure.annotations.first else {
            Issue.record("expected the levels first")
            return
        }
        #expect(levels.count == 7)
        #expect(abs(levels[0] + 1) < 1e-6 && abs(levels[6] - 1) < 1e-6)
        #expect(figure.annotations.last == .vline(x: 0.75, label: "clip"))
    }

    @Test func transferDrawsTheStaircaseWithItsClippingThresholds() throws {
        let figure = try #require(Self.figure("transfer(quantize(tensor([-1, 1]), bits: 2))"))
        // 2 bits, narrow range: codes −1, 0, 1 at scale 1 → steps at ±0.5, clipping at ±1.5.
        guard case .step(let staircase) = figure.series.last else {
            Issue.record("expected the staircase")
            return
        }
        #expect(staircase.y == [-1, 0, 1, 1])
        #expect(Array(staircase.x.dropFirst().dropLast()) == [-0.5, 0.5])
        #expect(figure.annotations == [.vline(x: -1.5, label: "-clip"), .vline(x: 1.5, label: "+clip")])
    }

    @Test func gridsHoldFiguresSideBySide() throws {
        guard
            case .grid(let grid) = Self.graphic(
                "grid([line([1, 2]), line([3, 4]), bar(labels: [\"a\"], values: [1])], columns: 3)")
        else {
            Issue.record("expected a grid")
            return
        }
        #expect(grid.figures.count == 3)
        #expect(grid.columns == 3)
    }

    @Test func badDataIsALocatedError() {
        let library = BuiltinLibrary.qnb
        expectCellError("line(x: [1, 2], y: 1️⃣[1])", "x has 2 values but y has 1; they must pair up", library: library)
        expectCellError("histogram([1, 2], bins: 1️⃣0)", "bins must be 1…10000, got 0", library: library)
        expectCellError("band(1, 1️⃣0)", "a band needs from < to, got 1.0 and 0.0", library: library)
        expectCellError(
            "levels(1️⃣quantize(tensor([1]), bits: 16))",
            "16-bit codes have 65535 levels; levels are drawn for at most 1024 (10 bits)", library: library)
        expectCellError(
            "plot(1️⃣grid([line([1])]))", "part 1 is a grid of figures; grids cannot be overlaid", library: library)
        expectCellError(
            "histogram(1️⃣[\"a\"])", "expected numbers: a tensor, an array of numbers or a range", library: library)
        expectCellError("vline(1️⃣Double.infinity)", "expected a finite number, got inf", library: library)
    }
}
