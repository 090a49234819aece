import QNBPlot
import Testing

/// Prints both texts when they differ, so a failing golden can be inspected.
private func expectGolden(_ actual: String, _ golden: String, _ name: String) {
    if actual != golden { print("--- \(name) actual:\n\(actual)\n--- expected:\n\(golden)") }
    #expect(actual == golden, "\(name)")
}

private func isPrintableASCII(_ s: String) -> Bool { s.utf8.allSatisfy { ($0 >= 0x20 && $0 <= 0x7E) || $0 == 0x0A } }

struct ASCIIGoldenTests {
    @Test func histogram() {
        expectGolden(Graphic.figure(Fixtures.histogram).plainText, Goldens.histogram, "histogram")
    }

    @Test func twoHistograms() {
        expectGolden(ASCIIRenderer.render(.figure(Fixtures.twoHistograms)), Goldens.twoHistograms, "two histograms")
    }

    @Test func line() { expectGolden(ASCIIRenderer.render(.figure(Fixtures.line)), Goldens.line, "line") }

    @Test func scatter() { expectGolden(ASCIIRenderer.render(.figure(Fixtures.scatter)), Goldens.scatter, "scatter") }

    @Test func step() { expectGolden(ASCIIRenderer.render(.figure(Fixtures.step)), Goldens.step, "step") }

    @Test func bar() { expectGolden(ASCIIRenderer.render(.figure(Fixtures.bar)), Goldens.bar, "bar") }

    @Test func groupedBar() {
        expectGolden(ASCIIRenderer.render(.figure(Fixtures.groupedBar)), Goldens.groupedBar, "grouped bar")
    }

    @Test func vlineAndLevels() {
        expectGolden(ASCIIRenderer.render(.figure(Fixtures.annotated)), Goldens.annotated, "annotated")
    }

    @Test func bandAndHline() {
        expectGolden(ASCIIRenderer.render(.figure(Fixtures.bandAndHline)), Goldens.bandAndHline, "band")
    }

    @Test func logY() { expectGolden(ASCIIRenderer.render(.figure(Fixtures.logY)), Goldens.logY, "log y") }

    @Test func grid() { expectGolden(ASCIIRenderer.render(.grid(Fixtures.grid)), Goldens.grid, "grid") }

    @Test func empty() { expectGolden(ASCIIRenderer.render(.figure(Figure())), Goldens.empty, "empty") }

    @Test func unicode() {
        expectGolden(
            ASCIIRenderer.render(.figure(Fixtures.twoHistograms), style: .unicode),
            Goldens.unicodeTwoHistograms, "unicode two histograms")
        expectGolden(
            ASCIIRenderer.render(.figure(Fixtures.histogram), style: .unicode), Goldens.unicodeHistogram,
            "unicode histogram")
    }
}

struct ASCIIPropertyTests {
    @Test(arguments: Fixtures.allGraphics.map(\.0))
    func linesFitAndAreClean(_ name: String) throws {
        let g = try #require(Fixtures.allGraphics.first { $0.0 == name }?.1)
        for style in [ASCIIRenderer.Style.ascii, .unicode] {
            let text = ASCIIRenderer.render(g, style: style)
            #expect(!text.hasSuffix("\n"))
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(displayWidth(String(line)) <= 72, "\(name): \(line)")
                #expect(!line.hasSuffix(" "), "trailing space in \(name)")
            }
            if style == .ascii {
                // Only labels may be non-ASCII (the bar fixture has a CJK category).
                #expect(isPrintableASCII(text.replacingOccurrences(of: "量化误差", with: "")), "\(name)")
            }
            #expect(ASCIIRenderer.render(g, style: style) == text, "deterministic")
        }
    }

    @Test func cjkLabelsStayAligned() {
        let f = Figure(series: [.bar(BarSeries(labels: ["int8", "量化误差", "fp16"], values: [3, 2, 1]))])
        let rows = ASCIIRenderer.render(.figure(f)).split(separator: "\n").filter { $0.contains("#") }
        #expect(rows.count == 3)
        let starts = rows.map { row -> Int in
            let prefix = row.prefix { $0 != "#" }
            return displayWidth(String(prefix))
        }
        #expect(Set(starts).count == 1, "bars start at display columns \(starts)")
        let axes = rows.map { row in displayWidth(String(row.prefix { $0 != "|" })) }
        #expect(Set(axes).count == 1)
        #expect(rows[1].hasPrefix("量化误差 |"))
    }

    @Test func displayWidths() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("量化误差") == 8)
        #expect(displayWidth("e\u{301}") == 1)  // combining acute accent
        #expect(displayWidth("한국어") == 6)
        #expect(displayWidth("\u{FF21}") == 2)  // fullwidth A
        #expect(displayWidth("\u{FF71}") == 1)  // halfwidth katakana
        #expect(displayWidth("😀") == 2)
        #expect(displayWidth("a\u{200D}b") == 2)  // zero-width joiner
        #expect(displayWidth("\u{20000}") == 2)
        #expect(displayWidth("") == 0)
    }

    @Test func legendShowsOneGlyphPerSeries() {
        let text = ASCIIRenderer.render(
            .figure(
                Figure(series: [
                    .histogram(Histogram(values: [0, 1, 2], bins: 3, label: "h1")),
                    .histogram(Histogram(values: [1, 2, 2], bins: 3, label: "h2")),
                    .line(XYSeries(x: [0, 2], y: [0, 2], label: "l1")),
                    .line(XYSeries(x: [0, 2], y: [2, 0], label: "l2")),
                    .scatter(XYSeries(x: [1], y: [1], label: "s1")),
                    .step(XYSeries(x: [0, 1], y: [1, 1])),
                ])))
        let legend = text.split(separator: "\n").last.map(String.init) ?? ""
        for entry in ["# h1", "= h2", "* l1", "x l2", "o s1", "~ series 6"] {
            #expect(text.contains(entry), "\(entry) in \(legend)")
        }
    }

    @Test func degenerateInputsNeverTrap() {
        let nan = Double.nan
        let figures: [Figure] = [
            Figure(series: [.line(XYSeries(x: [nan, 1, .infinity, 2], y: [1, nan, 3, 4, 5]))]),
            Figure(series: [.histogram(Histogram(values: [-1, 0, 0], bins: 3))], logY: true),
            Figure(series: [.line(XYSeries(x: [1, 2], y: [-1, 0]))], logY: true),
            Figure(series: [.scatter(XYSeries(x: [1e300, -1e300], y: [1e-300, 1e300]))]),
            Figure(series: [.line(XYSeries(x: [0, 1e300], y: [-1e300, 1e300]))], xLimits: 0...1, yLimits: 0...1),
            Figure(series: [.histogram(Histogram(edges: [0, nan, 2], counts: [1, .infinity]))]),
            Figure(series: [.histogram(Histogram(values: [1, 2], bins: 10_000))]),
            Figure(series: [.line(XYSeries(x: [0, 1], y: [0, 1]))], xLimits: 5...5, yLimits: -1e308...1e308),
            Figure(series: [.bar(BarSeries(labels: ["a", "b", "a"], values: [nan, -2]))], logY: true),
            Figure(series: [.bar(BarSeries(labels: ["neg", "pos"], values: [-3, 5]))]),
            Figure(series: [.bar(BarSeries(labels: [], values: [1]))], title: "none"),
            Figure(annotations: [
                .levels((-32768...32767).map { Double($0) }, label: "int16"),
                .band(from: 5, to: -5, label: nil), .hline(y: nan, label: "x"),
                .vline(x: .infinity, label: "inf"), .vline(x: 0.5, label: "a\tb\nc"),
            ]),
            Figure(
                series: [.line(XYSeries(x: [], y: []))],
                title: String(repeating: "very long title ", count: 20) + String(repeating: "量", count: 100),
                xLabel: String(repeating: "x", count: 300), yLabel: "\u{0}\u{7}"),
        ]
        for f in figures {
            for width in [Int.min, 0, 1, 30, 72, Int.max] {
                for style in [ASCIIRenderer.Style.ascii, .unicode] {
                    let text = ASCIIRenderer.render(.figure(f), width: width, style: style)
                    #expect(!text.isEmpty)
                    #expect(text.split(separator: "\n").allSatisfy { !$0.hasSuffix(" ") })
                    #expect(!text.contains("\t") && !text.unicodeScalars.contains { $0.value < 0x0A })
                }
            }
            #expect(displayWidthOK(ASCIIRenderer.render(.figure(f))))
        }
        let grids = [
            FigureGrid([], columns: 3), FigureGrid([Figure(), Figure(), Figure()], columns: -1),
            FigureGrid(Array(repeating: Fixtures.step, count: 5), columns: 5),
        ]
        for g in grids {
            #expect(!ASCIIRenderer.render(.grid(g)).isEmpty)
            #expect(displayWidthOK(ASCIIRenderer.render(.grid(g))))
        }
    }

    private func displayWidthOK(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= 72 }
    }
}
