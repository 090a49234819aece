import Foundation
import QNBPlot
import Testing

/// Independent reference: linear scan over the edges, numpy semantics (last bin closed).
private func referenceCounts(_ values: [Double], edges: [Double]) -> [Double] {
    var counts = [Double](repeating: 0, count: edges.count - 1)
    for v in values where v.isFinite {
        for i in 0..<(edges.count - 1) {
            let last = i == edges.count - 2
            if v >= edges[i] && (v < edges[i + 1] || (last && v == edges[i + 1])) {
                counts[i] += 1
                break
            }
        }
    }
    return counts
}

private func floatHistogram(_ v: [Float], bins: Int, range: ClosedRange<Double>? = nil) -> Histogram {
    v.withUnsafeBufferPointer { Histogram(values: $0, bins: bins, range: range) }
}

private struct LCG {
    var s: UInt64
    mutating func next() -> Double {
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(s >> 11) / Double(UInt64(1) << 53)
    }
}

struct HistogramTests {
    @Test func smallArrayMatchesReference() {
        let v: [Double] = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0, 1.0, -0.0, .nan, .infinity, -.infinity]
        let h = Histogram(values: v, bins: 10)
        #expect(h.edges.count == 11)
        #expect(h.edges.first == 0 && h.edges.last == 1)
        #expect(h.counts == referenceCounts(v, edges: h.edges))
        #expect(h.counts.reduce(0, +) == 10)  // NaN/inf ignored, 1.0 in the last bin
        #expect(h.counts[9] == 3)  // 0.9 and the two 1.0 values
    }

    @Test func numpyEdgeSemantics() {
        // numpy.linspace(0, 1, 11)[3] == 0.30000000000000004 > 0.3, so 0.3 falls in bin 2 (as in numpy).
        let h = Histogram(values: [0.3], bins: 10, range: 0...1)
        #expect(h.edges[3] == 0.30000000000000004)
        #expect(h.counts[2] == 1)
        // Value == hi goes to the last bin; values outside an explicit range are ignored.
        let r = Histogram(values: [-1, 0, 2, 2, 3], bins: 4, range: 0...2)
        #expect(r.counts == [1, 0, 0, 2])
    }

    @Test func floatAndDoublePathsAgreeAndMatchReference() {
        var g = LCG(s: 7)
        // Values on, just below and just above every edge, plus random ones.
        let probe = Histogram(values: [-1.0, 1.0], bins: 8)
        var floats: [Float] = []
        for e in probe.edges {
            let f = Float(e)
            floats += [f, f.nextUp, f.nextDown]
        }
        for _ in 0..<50_000 { floats.append(Float(g.next() * 2 - 1)) }
        floats += [.nan, .infinity, -.infinity, 5, -5]
        let doubles = floats.map(Double.init)
        for bins in [1, 2, 7, 8, 80, 1000] {
            let hf = floatHistogram(floats, bins: bins, range: -1...1)
            let hd = Histogram(values: doubles, bins: bins, range: -1...1)
            #expect(hf == hd)
            #expect(hf.counts == referenceCounts(doubles, edges: hf.edges), "bins \(bins)")
            let auto = floatHistogram(floats, bins: bins)
            #expect(auto.counts == referenceCounts(doubles, edges: auto.edges), "auto bins \(bins)")
        }
    }

    @Test func largeOffsetRangeUsesExactFallback() {
        // Tiny width relative to magnitude: the Float fast path is not precise enough and must not be used.
        var g = LCG(s: 11)
        let v = (0..<20_000).map { _ in Float(1000 + g.next() * 0.01) }
        let h = floatHistogram(v, bins: 64)
        #expect(h.counts == referenceCounts(v.map(Double.init), edges: h.edges))
        #expect(h.counts.reduce(0, +) == 20_000)
    }

    @Test func quantizedValuesOnEdges() {
        // int8-style grid: every value sits exactly on an edge.
        let scale = 0.05
        let q = (0..<5000).map { Double(($0 * 37) % 255 - 127) * scale }
        let edges = Histogram(values: [-127 * scale, 128 * scale], bins: 255).edges
        let h = Histogram(values: q, bins: 255, range: (-127 * scale)...(128 * scale))
        #expect(h.edges == edges)
        #expect(h.counts == referenceCounts(q, edges: h.edges))
        let hf = floatHistogram(q.map(Float.init), bins: 255, range: (-127 * scale)...(128 * scale))
        #expect(hf.counts == referenceCounts(q.map { Double(Float($0)) }, edges: hf.edges))
    }

    @Test func degenerateInputsNeverTrap() {
        #expect(Histogram(values: [1, 2, 3], bins: 0).counts == [3])
        #expect(Histogram(values: [1, 2, 3], bins: -5).counts == [3])
        #expect(Histogram(values: [1, 2, 3], bins: Int.max).counts.count == Histogram.maxBins)
        let empty = Histogram(values: [], bins: 4)
        #expect(empty.edges == [0, 0.25, 0.5, 0.75, 1] && empty.counts == [0, 0, 0, 0])
        let nan = Histogram(values: [.nan, .nan, .infinity], bins: 2)
        #expect(nan.edges == [0, 0.5, 1] && nan.counts == [0, 0])
        let constant = Histogram(values: [3, 3, 3], bins: 2)
        #expect(constant.edges == [2.5, 3, 3.5] && constant.counts == [0, 3])
        let huge = Histogram(values: [-Double.greatestFiniteMagnitude, 0, Double.greatestFiniteMagnitude], bins: 4)
        #expect(huge.counts.reduce(0, +) == 3)
        #expect(
            huge.counts
                == referenceCounts(
                    [-Double.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude],
                    edges: huge.edges))
        let tiny = Histogram(values: [1e-320, 2e-320, 3e-320], bins: 3)
        #expect(tiny.counts.reduce(0, +) == 3)
        let badRange = Histogram(values: [1, 2], bins: 2, range: -Double.infinity...Double.infinity)
        #expect(badRange.counts == [1, 1])
        let emptyFloat = [Float]().withUnsafeBufferPointer { Histogram(values: $0, bins: 3) }
        #expect(emptyFloat.counts == [0, 0, 0])
    }

    @Test func densityIntegratesToOne() {
        let v = Fixtures.gauss(10_000, seed: 3)
        let h = Histogram(values: v, bins: 37, density: true)
        var area = 0.0
        for i in h.counts.indices { area += h.counts[i] * (h.edges[i + 1] - h.edges[i]) }
        #expect(abs(area - 1) < 1e-12)
        #expect(Histogram(values: [], bins: 3, density: true).counts == [0, 0, 0])
    }

    @Test func explicitEdges() {
        let v: [Float] = [0, 1, 1.5, 2, 9, 10, .nan, -1, 11]
        let h = v.withUnsafeBufferPointer { Histogram(values: $0, edges: [0, 1, 2, 10]) }
        #expect(h.counts == [1, 2, 3])  // 10 is the closed right edge
        // Invalid edges are repaired: NaN dropped, sorted, de-duplicated.
        let r = v.withUnsafeBufferPointer { Histogram(values: $0, edges: [10, .nan, 0, 2, 2, 1]) }
        #expect(r.edges == [0, 1, 2, 10] && r.counts == [1, 2, 3])
        let one = v.withUnsafeBufferPointer { Histogram(values: $0, edges: [5]) }
        #expect(one.edges == [0, 1] && one.counts == [2])
        let d = Histogram(values: v.map(Double.init), edges: [0, 1, 2, 10], density: true)
        #expect(abs(d.counts[0] - 1.0 / 6) < 1e-15)
    }

    @Test func matchesNumpyWhenAvailable() throws {
        // Compares against numpy.histogram through python3 (skipped if python3/numpy is missing).
        var g = LCG(s: 99)
        var v = (0..<3000).map { _ in (g.next() * 2 - 1) * 3 }
        v += (0...60).map { Double($0) * 0.1 - 3 }  // many values exactly on (or next to) edges
        v += [3, -3, 0.3, 0.1, 0.7]
        let cases: [(Int, ClosedRange<Double>?)] = [(10, nil), (60, nil), (60, -3...3), (7, -1...2.5), (1, nil)]
        let list = v.map { "\($0)" }.joined(separator: ",")
        var script = "import numpy as np\nv=np.array([\(list)],dtype=np.float64)\n"
        for (bins, range) in cases {
            let r = range.map { "(\($0.lowerBound),\($0.upperBound))" } ?? "None"
            script += "print(' '.join(str(int(c)) for c in np.histogram(v,bins=\(bins),range=\(r))[0]))\n"
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = Pipe()
        do { try p.run() } catch { return }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == cases.count)
        for ((bins, range), line) in zip(cases, lines) {
            let expected = line.split(separator: " ").compactMap { Double($0) }
            #expect(Histogram(values: v, bins: bins, range: range).counts == expected, "bins \(bins)")
        }
    }
}
