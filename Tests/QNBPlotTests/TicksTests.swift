import QNBPlot
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

private func values(_ t: [Tick]) -> [Double] { t.map(\.value) }
private func labels(_ t: [Tick]) -> [String] { t.map(\.label) }

/// Decimals of a fixed label, or of the mantissa of a scientific label; nil for "0" in scientific mode.
private func decimals(_ label: String) -> Int {
    let mantissa = label.split(separator: "e").first.map(String.init) ?? label
    guard let dot = mantissa.firstIndex(of: ".") else { return 0 }
    return mantissa.distance(from: dot, to: mantissa.endIndex) - 1
}

/// All labels share their decimals (zero in scientific mode is printed "0").
private func consistentDecimals(_ t: [Tick]) -> Bool {
    let sci = t.contains { $0.label.contains("e") }
    let ds = Set(t.filter { !(sci && $0.label == "0") }.map { decimals($0.label) })
    return ds.count <= 1
}

/// Consecutive differences are one 1-2-5 × 10^k step.
private func isOneTwoFive(_ t: [Tick]) -> Bool {
    guard t.count >= 2 else { return false }
    let step = t[1].value - t[0].value
    let mant = step / pow(10, floor(log10(step)))
    let nice = [1.0, 2.0, 5.0, 10.0].contains { abs(mant - $0) < 1e-6 }
    let uniform = zip(t, t.dropFirst()).allSatisfy { abs(($1.value - $0.value) - step) <= step * 1e-6 }
    return nice && uniform
}

struct LinearTickTable {
    struct Case: Sendable, CustomTestStringConvertible {
        var lo: Double
        var hi: Double
        var values: [Double]
        var labels: [String]
        var testDescription: String { "\(lo)...\(hi)" }
    }

    static let cases: [Case] = [
        Case(
            lo: 1e-9, hi: 1e-8, values: [0, 2e-9, 4e-9, 6e-9, 8e-9, 1e-8],
            labels: ["0", "2e-09", "4e-09", "6e-09", "8e-09", "1e-08"]),
        Case(
            lo: 0.001, hi: 0.01, values: [0, 0.002, 0.004, 0.006, 0.008, 0.01],
            labels: ["0.000", "0.002", "0.004", "0.006", "0.008", "0.010"]),
        Case(
            lo: 0, hi: 1, values: [0, 0.2, 0.4, 0.6, 0.8, 1.0],
            labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(lo: -3, hi: 7, values: [-4, -2, 0, 2, 4, 6, 8], labels: ["-4", "-2", "0", "2", "4", "6", "8"]),
        Case(
            lo: 0, hi: 1e9, values: [0, 2e8, 4e8, 6e8, 8e8, 1e9],
            labels: ["0", "2e+08", "4e+08", "6e+08", "8e+08", "1e+09"]),
        // Zero width: padded by 10 % of |v| on each side, then the usual rule.
        Case(
            lo: 5, hi: 5, values: [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6],
            labels: ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"]),
        Case(
            lo: -1e-12, hi: 1e-12, values: [-1e-12, -5e-13, 0, 5e-13, 1e-12],
            labels: ["-1e-12", "-5e-13", "0", "5e-13", "1e-12"]),
        Case(
            lo: 0, hi: 2e6, values: [0, 5e5, 1e6, 1.5e6, 2e6],
            labels: ["0", "5.0e+05", "1.0e+06", "1.5e+06", "2.0e+06"]),
        Case(
            lo: 0.15, hi: 0.25, values: [0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26],
            labels: ["0.14", "0.16", "0.18", "0.20", "0.22", "0.24", "0.26"]),
        // Reversed bounds are swapped.
        Case(lo: 7, hi: -3, values: [-4, -2, 0, 2, 4, 6, 8], labels: ["-4", "-2", "0", "2", "4", "6", "8"]),
        Case(lo: 0, hi: 0, values: [-1, -0.5, 0, 0.5, 1], labels: ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
    ]

    @Test(arguments: cases)
    func table(_ c: Case) {
        let t = Ticks.linear(c.lo, c.hi)
        #expect(values(t) == c.values)
        #expect(labels(t) == c.labels)
        #expect(consistentDecimals(t))
        #expect(isOneTwoFive(t))
        #expect(t.first!.value <= min(c.lo, c.hi) && t.last!.value >= max(c.lo, c.hi))
    }

    @Test func logTable() {
        let t = Ticks.log(1e-6, 1e2)
        #expect(values(t) == [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100])
        #expect(labels(t) == ["1e-06", "1e-05", "1e-04", "1e-03", "1e-02", "1e-01", "1e+00", "1e+01", "1e+02"])
        let plain = Ticks.log(1, 1000)
        #expect(values(plain) == [1, 10, 100, 1000])
        #expect(labels(plain) == ["1", "10", "100", "1000"])
        // Less than one decade: 2 and 5 multiples are added.
        let narrow = Ticks.log(3, 20)
        #expect(values(narrow) == [2, 5, 10, 20])
        #expect(labels(narrow) == ["2", "5", "10", "20"])
        let sub = Ticks.log(0.01, 0.5)
        #expect(labels(sub) == ["0.01", "0.1", "1"])
        // Many decades are thinned to at most ~9 ticks, still powers of ten.
        let wide = Ticks.log(1e-300, 1e300)
        #expect(wide.count <= 10)
        #expect(labels(wide).allSatisfy { $0.hasPrefix("1e") })
    }

    @Test func degenerateInputsNeverTrap() {
        let weird: [(Double, Double)] = [
            (.nan, .nan), (.nan, 3), (3, .nan), (-.infinity, .infinity), (.infinity, .infinity), (0, .infinity),
            (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (1, 1 + 1e-15), (1e-320, 2e-320),
            (-0.0, 0.0), (1e300, 1e300), (-5e-324, 5e-324), (123_456_789, 123_456_790),
        ]
        for (a, b) in weird {
            let t = Ticks.linear(a, b)
            #expect(t.count >= 2, "\(a) \(b)")
            #expect(t.allSatisfy { $0.value.isFinite && !$0.label.isEmpty })
            #expect(zip(t, t.dropFirst()).allSatisfy { $0.value < $1.value })
            #expect(consistentDecimals(t))
            for target in [-5, 0, 1, 3, 10, 1000] {
                let tt = Ticks.linear(a, b, target: target)
                #expect(tt.count >= 2 && tt.count <= 60)
            }
            let l = Ticks.log(a, b)
            #expect(l.count >= 2, "log \(a) \(b)")
            #expect(l.allSatisfy { $0.value > 0 && $0.value.isFinite })
        }
        #expect(values(Ticks.log(-1, -2)) == [1, 10])
        #expect(values(Ticks.log(0, 5)) == [0.001, 0.01, 0.1, 1, 10])
    }

    @Test func randomRangesAreNice() {
        var s: UInt64 = 42
        func next() -> Double {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(s >> 11) / Double(UInt64(1) << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, (next() * 30).rounded() - 15)
            let a = (next() * 2 - 1) * scale
            let b = a + next() * scale
            let t = Ticks.linear(a, b)
            #expect(t.count >= 2 && t.count <= 7)
            #expect(t.first!.value <= a + abs(a) * 1e-12 && t.last!.value >= b - abs(b) * 1e-12)
            #expect(consistentDecimals(t))
            #expect(isOneTwoFive(t))
            #expect(Set(labels(t)).count == t.count)
        }
    }
}
