#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One axis tick: its data value and its label.
public struct Tick: Hashable, Sendable {
    /// Position in data units.
    public var value: Double
    /// Text shown at the tick.
    public var label: String

    /// Creates a tick.
    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Tick generation. Labels are built from exact integers (`n × 10^e`), never from binary floating point
/// printing, so they are deterministic and locale independent.
///
/// Label format: plain decimals (`"-0.5"`, `"1200"`), or — when the largest tick magnitude is `< 1e-3` or
/// `>= 1e6` — C-style scientific notation with a two-digit exponent (`"2e-09"`, `"1.5e+06"`); zero is
/// always `"0"` in scientific mode.
public enum Ticks {
    /// "Nice" ticks (1-2-5 × 10^k steps) covering lo...hi with about `target` ticks (default 5), all labels with
    /// the SAME number of decimals, scientific notation when |values| < 1e-3 or ≥ 1e6.
    ///
    /// The step is the smallest 1-2-5 step giving at most `target + 1` intervals; the first tick is `<= lo`
    /// and the last `>= hi`. `lo > hi` is swapped; a zero-width range is padded by 10% of `|lo|` (or to
    /// `-1...1` around zero); a range narrower than `1e-7 × max(|lo|, |hi|)` is widened to that; NaN bounds
    /// take the other bound (both NaN: `0...1`); infinities are clamped to `±1e300`.
    /// Always returns at least 2 and at most ~52 ticks.
    public static func linear(_ lo: Double, _ hi: Double, target: Int = 5) -> [Tick] {
        let (a, b) = linearDomain(lo, hi)
        let t = min(max(target, 1), 50)
        let range = b - a
        var e = NumFormat.clampInt(floor(log10(range)), limit: 400) - 2
        let mantissas = [1, 2, 5]
        var mi = 0
        var kLo = 0.0
        var kHi = 1.0
        var m = 1
        for _ in 0..<300 {
            m = mantissas[mi]
            let step = NumFormat.scaled(m, e)
            kLo = floor(a / step + 1e-9)
            kHi = ceil(b / step - 1e-9)
            if kHi - kLo <= Double(t + 1) { break }
            mi += 1
            if mi == 3 {
                mi = 0
                e += 1
            }
        }
        let k0 = NumFormat.clampInt(kLo)
        var k1 = NumFormat.clampInt(kHi)
        if k1 <= k0 { k1 = k0 + 1 }
        if k1 - k0 > 60 { k1 = k0 + 60 }
        var ns: [Int] = []
        for k in k0...k1 { ns.append(k * m) }
        let values = ns.map { NumFormat.scaled($0, e) }
        let maxAbs = values.reduce(0.0) { max($0, abs($1)) }
        if NumFormat.needsScientific(maxAbs: maxAbs, minAbs: maxAbs) {
            let dec = ns.map(NumFormat.mantissaDecimals).max() ?? 0
            return zip(ns, values).map { Tick(value: $1, label: NumFormat.sciLabel($0, e, decimals: dec)) }
        }
        let dec = max(0, -e)
        return zip(ns, values).map { Tick(value: $1, label: NumFormat.fixedLabel($0, e, decimals: dec)) }
    }

    /// Ticks at powers of ten for a log axis (lo, hi > 0); if the range spans < 1 decade add 2 and 5 multiples.
    ///
    /// The ticks cover lo...hi (first `<= lo`, last `>= hi`). More than 10 decades are thinned to every k-th
    /// power so that at most ~9 ticks remain. Sanitizing: `hi <= 0`/NaN gives the ticks of `1...10`; `lo <= 0`
    /// or NaN becomes `hi / 1000`; bounds are clamped to `1e-300...1e300`; a (nearly) zero-width range is
    /// widened to `lo/2 ... hi*2`. Labels use scientific notation if any tick is `< 1e-3` or `>= 1e6`,
    /// otherwise the shortest plain decimal (`"0.01"`, `"1"`, `"100"`).
    public static func log(_ lo: Double, _ hi: Double) -> [Tick] {
        let (a, b) = logDomain(lo, hi)
        let la = log10(a)
        let lb = log10(b)
        let d0 = NumFormat.clampInt(floor(la + 1e-9), limit: 400)
        let d1 = max(NumFormat.clampInt(ceil(lb - 1e-9), limit: 400), d0 + 1)
        var picks: [(n: Int, e: Int)] = []
        if lb - la < 1 {
            var cands: [(n: Int, e: Int, v: Double)] = []
            for d in d0...d1 {
                for m in [1, 2, 5] where !(d == d1 && m > 1) {
                    cands.append((m, d, NumFormat.scaled(m, d)))
                }
            }
            var lower = 0
            for (i, c) in cands.enumerated() where c.v <= a * (1 + 1e-9) { lower = i }
            var upper = cands.count - 1
            for (i, c) in cands.enumerated().reversed() where c.v >= b * (1 - 1e-9) { upper = i }
            if upper <= lower { upper = min(lower + 1, cands.count - 1) }
            for c in cands[lower...upper] { picks.append((c.n, c.e)) }
        } else {
            let span = d1 - d0
            let stride = span > 10 ? (span + 7) / 8 : 1
            var d = NumFormat.floorDiv(d0, stride) * stride
            while true {
                picks.append((1, d))
                if d >= d1 { break }
                d += stride
            }
        }
        let values = picks.map { NumFormat.scaled($0.n, $0.e) }
        let maxAbs = values.max() ?? 1
        let minAbs = values.min() ?? 1
        if NumFormat.needsScientific(maxAbs: maxAbs, minAbs: minAbs) {
            let dec = picks.map { NumFormat.mantissaDecimals($0.n) }.max() ?? 0
            return zip(picks, values).map { Tick(value: $1, label: NumFormat.sciLabel($0.n, $0.e, decimals: dec)) }
        }
        return zip(picks, values).map {
            Tick(value: $1, label: NumFormat.fixedLabel($0.n, $0.e, decimals: max(0, -$0.e)))
        }
    }

    static func linearDomain(_ lo: Double, _ hi: Double) -> (Double, Double) {
        let big = 1e300
        var a = lo.isNaN ? hi : lo
        var b = hi.isNaN ? lo : hi
        if a.isNaN || b.isNaN {
            a = 0
            b = 1
        }
        a = min(max(a, -big), big)
        b = min(max(b, -big), big)
        if a > b { swap(&a, &b) }
        if a == b {
            if a == 0 { return (-1, 1) }
            let half = max(abs(a) * 0.1, 1e-290)
            return (a - half, a + half)
        }
        let minRange = max(max(abs(a), abs(b)) * 1e-7, 1e-290)
        if b - a < minRange {
            let c = a / 2 + b / 2
            return (c - minRange / 2, c + minRange / 2)
        }
        return (a, b)
    }

    static func logDomain(_ lo: Double, _ hi: Double) -> (Double, Double) {
        var a = lo
        var b = hi
        if b.isNaN || b <= 0 {
            if a > 0 && a.isFinite { b = a } else { return (1, 10) }
        }
        if a.isNaN || a <= 0 { a = b / 1000 }
        a = min(max(a, 1e-300), 1e300)
        b = min(max(b, 1e-300), 1e300)
        if a > b { swap(&a, &b) }
        if b / a < 1.001 {
            a /= 2
            b *= 2
        }
        return (a, b)
    }
}

/// Exact, locale-free number formatting helpers.
enum NumFormat {
    /// 10^0 ... 10^22, all exactly representable.
    static let pow10Table: [Double] = {
        var t: [Double] = [1]
        for _ in 1...22 { t.append(t[t.count - 1] * 10) }
        return t
    }()

    /// `n × 10^k`, correctly rounded when `|k| <= 22`.
    static func scaled(_ n: Int, _ k: Int) -> Double {
        let d = Double(n)
        let kk = min(max(k, -400), 400)
        if kk >= 0 { return kk <= 22 ? d * pow10Table[kk] : d * pow(10.0, Double(kk)) }
        let mk = -kk
        return mk <= 22 ? d / pow10Table[mk] : d / pow(10.0, Double(mk))
    }

    /// Truncating Double → Int conversion that never traps (NaN → 0, clamped to ±limit).
    static func clampInt(_ x: Double, limit: Double = 1e15) -> Int {
        if x.isNaN { return 0 }
        if x >= limit { return Int(limit) }
        if x <= -limit { return -Int(limit) }
        return Int(x)
    }

    /// Rounding Double → Int conversion that never traps.
    static func roundInt(_ x: Double, limit: Double = 1e15) -> Int { clampInt(x.rounded(), limit: limit) }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func needsScientific(maxAbs: Double, minAbs: Double) -> Bool {
        maxAbs >= 1e6 || (minAbs > 0 && minAbs < 1e-3) || (maxAbs > 0 && maxAbs < 1e-3)
    }

    static func zeros(_ n: Int) -> String { n > 0 ? String(repeating: "0", count: n) : "" }

    /// `n × 10^e` with exactly `decimals` digits after the point (`decimals >= max(0, -e)`).
    static func fixedLabel(_ n: Int, _ e: Int, decimals: Int) -> String {
        var digits = String(n.magnitude)
        if e > 0 && n != 0 { digits += zeros(e) }
        let fracDigits = e < 0 ? -e : 0
        if decimals > fracDigits { digits += zeros(decimals - fracDigits) }
        if decimals > 0 {
            if digits.count <= decimals { digits = zeros(decimals - digits.count + 1) + digits }
            let idx = digits.index(digits.endIndex, offsetBy: -decimals)
            digits = String(digits[..<idx]) + "." + String(digits[idx...])
        }
        return (n < 0 ? "-" : "") + digits
    }

    /// Number of mantissa decimals needed to print `n` in scientific notation.
    static func mantissaDecimals(_ n: Int) -> Int {
        if n == 0 { return 0 }
        var s = Substring(String(n.magnitude))
        while s.count > 1 && s.last == "0" { s = s.dropLast() }
        return s.count - 1
    }

    /// `n × 10^e` as `d.ddde±XX` with `decimals` mantissa decimals; zero is `"0"`.
    static func sciLabel(_ n: Int, _ e: Int, decimals: Int) -> String {
        if n == 0 { return "0" }
        let s = String(n.magnitude)
        let exp = e + s.count - 1
        var rest = Substring(s.dropFirst())
        while rest.last == "0" { rest = rest.dropLast() }
        var mant = String(s.prefix(1))
        if decimals > 0 { mant += "." + rest + zeros(decimals - rest.count) }
        let ae = exp.magnitude
        return (n < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + String(ae)
    }

    /// Up to 4 significant digits, trailing zeros trimmed (`"0.1235"`, `"1200"`, `"2.5e-07"`).
    static func short(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == 0 { return "0" }
        var k = clampInt(floor(log10(abs(v))), limit: 400) - 3
        var n = roundInt(k >= 0 ? v / scaled(1, k) : v * scaled(1, -k))
        if n.magnitude >= 10_000 {
            n = roundInt(Double(n) / 10)
            k += 1
        }
        while n != 0 && n % 10 == 0 {
            n /= 10
            k += 1
        }
        let a = abs(v)
        if needsScientific(maxAbs: a, minAbs: a) { return sciLabel(n, k, decimals: mantissaDecimals(n)) }
        return fixedLabel(n, k, decimals: max(0, -k))
    }

    /// A coordinate rounded to one decimal with trailing zero trimmed (`"12"`, `"-0.5"`); non-finite → `"0"`.
    static func coord(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let i = roundInt(v * 10, limit: 1e12)
        let a = i.magnitude
        var s = i < 0 ? "-" : ""
        s += String(a / 10)
        let f = a % 10
        if f != 0 { s += "." + String(f) }
        return s
    }
}
