import Foundation
import QNBPlot
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects elements, attributes and text of an XML document.
private final class Collector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text: [String: String] = [:]
    private var stack: [String] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((elementName, attributes))
        stack.append(elementName)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last, top == "title" || top == "desc" { text[top, default: ""] += string }
    }
}

/// Parses `svg`; nil if it is not well-formed XML.
private func parse(_ svg: String) -> Collector? {
    let parser = XMLParser(data: Data(svg.utf8))
    let c = Collector()
    parser.delegate = c
    return parser.parse() ? c : nil
}

/// Numbers in geometry attributes have at most one decimal.
private func coordinatesAreCompact(_ c: Collector) -> Bool {
    let geometry: Set<String> = ["d", "x", "y", "cx", "cy", "r", "width", "height", "transform", "viewBox"]
    for (_, attrs) in c.elements {
        for (k, v) in attrs where geometry.contains(k) {
            var digitsAfterDot = -1
            for ch in v {
                if ch == "." {
                    digitsAfterDot = 0
                } else if ch.isNumber, digitsAfterDot >= 0 {
                    digitsAfterDot += 1
                    if digitsAfterDot > 1 { return false }
                } else {
                    digitsAfterDot = -1
                }
            }
        }
    }
    return true
}

struct SVGTests {
    @Test(arguments: Fixtures.allGraphics.map(\.0))
    func everyKindIsValidAccessibleSVG(_ name: String) throws {
        let graphic = try #require(Fixtures.allGraphics.first { $0.0 == name }?.1)
        let svg = SVGRenderer.render(graphic, id: "t")
        let doc = try #require(parse(svg), "not well-formed XML")
        let root = try #require(doc.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil)
        let rootTag = svg.prefix { $0 != ">" }
        #expect(!rootTag.contains(" width=\"") && !rootTag.contains(" height=\""))
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "t-title t-desc")
        let ids = doc.elements.compactMap { $0.attributes["id"] }
        #expect(ids.contains("t-title") && ids.contains("t-desc"))
        #expect(Set(ids).count == ids.count, "ids must be unique")
        #expect(!(doc.text["title"] ?? "").isEmpty && !(doc.text["desc"] ?? "").isEmpty)
        #expect(coordinatesAreCompact(doc))
        #expect(SVGRenderer.render(graphic, id: "t") == svg, "deterministic")
    }

    @Test func escapesText() throws {
        let nasty = "a<b & \"c\" 'd'>"
        let f = Figure(
            series: [
                .histogram(Histogram(values: [1, 2, 3], bins: 3, label: nasty)),
                .line(XYSeries(x: [1, 2], y: [1, 2], label: "l<1>")),
            ], annotations: [.vline(x: 2, label: "&amp;")], title: nasty, xLabel: nasty, yLabel: "y'\"")
        let svg = SVGRenderer.render(.figure(f))
        let doc = try #require(parse(svg))
        #expect(doc.text["title"] == nasty)
        #expect(svg.contains("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"))
        #expect(svg.contains("&amp;amp;"))
        #expect(!svg.contains(nasty))
        let bars = Figure(
            series: [.bar(BarSeries(labels: ["<int8>", "量化误差", "a&b\u{1}"], values: [1, 2, 3]))],
            title: "\u{0}ctrl\u{7}")
        #expect(parse(SVGRenderer.render(.figure(bars))) != nil)
    }

    @Test func millionSampleHistogramIsSmall() {
        var s: UInt64 = 5
        let values = (0..<1_000_000).map { _ -> Float in
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Double(s >> 40) / Double(1 << 24) - 0.5)
        }
        let h = values.withUnsafeBufferPointer { Histogram(values: $0, bins: 80, label: "weights") }
        let svg = SVGRenderer.render(.figure(Figure(series: [.histogram(h)], title: "1M", xLabel: "v", yLabel: "n")))
        #expect(svg.utf8.count < 8 * 1024, "\(svg.utf8.count) bytes")
        #expect(svg.components(separatedBy: "fill-opacity=\"0.6\"").count == 2, "one path for the histogram")
        #expect(!svg.contains("<rect x=\"") || svg.components(separatedBy: "<rect").count == 2)  // clip rect only
        #expect(parse(svg) != nil)
    }

    @Test func paletteUsesCSSVariablesWithFallbacks() {
        let svg = SVGRenderer.render(.figure(Fixtures.twoHistograms))
        #expect(svg.contains("var(--qnb-series-1,#0072B2)"))
        #expect(svg.contains("var(--qnb-series-2,#E69F00)"))
        #expect(svg.contains("currentColor"))
        #expect(svg.contains("class=\"qnb-figure\""))
    }

    @Test func legendRules() {
        #expect(SVGRenderer.render(.figure(Fixtures.twoHistograms)).contains("qnb-legend"))
        #expect(!SVGRenderer.render(.figure(Fixtures.histogram)).contains("qnb-legend"))
        #expect(SVGRenderer.render(.figure(Fixtures.annotated)).contains("qnb-legend"))
    }

    @Test func scatterStaysCompact() throws {
        let n = 5000
        let x = (0..<n).map { Double($0) }
        let big = SVGRenderer.render(.figure(Figure(series: [.scatter(XYSeries(x: x, y: x.map { $0.squareRoot() }))])))
        #expect(!big.contains("<circle"))
        #expect(parse(big) != nil)
        let small = SVGRenderer.render(.figure(Figure(series: [.scatter(XYSeries(x: [1, 2, 3], y: [3, 1, 2]))])))
        #expect(small.components(separatedBy: "<circle").count == 4)
    }

    @Test func gridHasUniqueIDs() throws {
        let svg = SVGRenderer.render(.grid(Fixtures.grid), id: "cell 7")
        let doc = try #require(parse(svg))
        let ids = doc.elements.compactMap { $0.attributes["id"] }
        #expect(ids.contains("cell-7-title") && ids.contains("cell-7-1-clip") && ids.contains("cell-7-2-clip"))
        #expect(Set(ids).count == ids.count)
        #expect(doc.elements.filter { $0.name == "svg" }.count == 1)
        #expect(parse(SVGRenderer.render(.grid(FigureGrid([], columns: 0)))) != nil)
        #expect(parse(SVGRenderer.render(.grid(FigureGrid([Figure()], columns: 9)))) != nil)
    }

    @Test func degenerateInputsStayValid() {
        let nan = Double.nan
        var tiny = Figure(series: [.line(XYSeries(x: [1, 2, 3], y: [1, 2]))], title: "tiny")
        tiny.width = 1
        tiny.height = -.infinity
        let figures: [Figure] = [
            Figure(series: [.line(XYSeries(x: [nan, 1, .infinity, 2], y: [1, nan, 3, 4, 5]))]),
            Figure(series: [.histogram(Histogram(values: [-1, 0, 0], bins: 3))], logY: true),
            Figure(series: [.line(XYSeries(x: [1, 2], y: [-1, 0]))], logY: true),
            Figure(series: [.scatter(XYSeries(x: [1e300, -1e300], y: [1e-300, 1e300]))]),
            Figure(series: [.histogram(Histogram(edges: [0, nan, 2], counts: [1, .infinity]))]),
            Figure(series: [.line(XYSeries(x: [0, 1], y: [0, 1]))], xLimits: 5...5, yLimits: -1e308...1e308),
            Figure(series: [.bar(BarSeries(labels: ["a", "b", "a"], values: [nan, -2]))], logY: true),
            Figure(series: [.bar(BarSeries(labels: [], values: [1]))]),
            Figure(annotations: [
                .levels((-32768...32767).map { Double($0) }, label: "int16"),
                .band(
                    from: 5, to: -5,
                    label: nil), .hline(y: nan, label: "x"), .vline(x: .infinity, label: nil),
            ]),
            tiny,
        ]
        for f in figures {
            let svg = SVGRenderer.render(.figure(f))
            #expect(parse(svg) != nil)
            #expect(svg.utf8.count < 40_000)
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }
}
