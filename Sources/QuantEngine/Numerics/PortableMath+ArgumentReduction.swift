/// Reduction of a trigonometric argument modulo π/2, for `PortableMath.sin` and `cos`.
extension PortableMath {
    // fdlibm's e_rem_pio2.c constants: π/2 split into 33-bit pieces (pio2_1, pio2_2, pio2_3, so
    // that n·pio2_k is exact for n < 2^20) and the remainders after each (pio2_kt).
    private static let invPio2 = Double(bitPattern: 0x3FE4_5F30_6DC9_C883)  // 6.36619772367581382433e-01
    private static let pio2Part1 = Double(bitPattern: 0x3FF9_21FB_5440_0000)  // 1.57079632673412561417e+00
    private static let pio2Tail1 = Double(bitPattern: 0x3DD0_B461_1A62_6331)  // 6.07710050650619224932e-11
    private static let pio2Part2 = Double(bitPattern: 0x3DD0_B461_1A60_0000)  // 6.07710050630396597660e-11
    private static let pio2Tail2 = Double(bitPattern: 0x3BA3_198A_2E03_7073)  // 2.02226624879595063154e-21
    private static let pio2Part3 = Double(bitPattern: 0x3BA3_198A_2E00_0000)  // 2.02226624871116645580e-21
    private static let pio2Tail3 = Double(bitPattern: 0x397B_839A_2520_49C1)  // 8.47842766036889956997e-32
    /// π/2 as a double-double: the correctly rounded Double and the rounded remainder.
    private static let pio2High = Double(bitPattern: 0x3FF9_21FB_5444_2D18)  // 1.5707963267948966
    private static let pio2Low = Double(bitPattern: 0x3C91_A626_3314_5C07)  // 6.123233995736766e-17
    /// fdlibm's `npio2_hw`: the high words of n·π/2 for n = 1…32. An argument whose high word
    /// differs from its multiple's cannot lose more than a few bits to cancellation.
    private static let multipleHighWords: [UInt32] = [
        0x3FF9_21FB, 0x4009_21FB, 0x4012_D97C, 0x4019_21FB, 0x401F_6A7A, 0x4022_D97C, 0x4025_FDBB, 0x4029_21FB,
        0x402C_463A, 0x402F_6A7A, 0x4031_475C, 0x4032_D97C, 0x4034_6B9C, 0x4035_FDBB, 0x4037_8FDB, 0x4039_21FB,
        0x403A_B41B, 0x403C_463A, 0x403D_D85A, 0x403F_6A7A, 0x4040_7E4C, 0x4041_475C, 0x4042_106C, 0x4042_D97C,
        0x4043_A28C, 0x4044_6B9C, 0x4045_34AC, 0x4045_FDBB, 0x4046_C6CB, 0x4047_8FDB, 0x4048_58EB, 0x4049_21FB,
    ]
    /// The first 1,280 bits of the binary expansion of 2/π after the point (0.A2F9836E4E44…),
    /// computed with 1,600-bit arithmetic (mpmath); fdlibm's `ipio2` table holds the same bits.
    private static let twoOverPiWords: [UInt64] = [
        0xA2F9_836E_4E44_1529, 0xFC27_57D1_F534_DDC0, 0xDB62_9599_3C43_9041, 0xFE51_63AB_DEBB_C561,
        0xB724_6E3A_424D_D2E0, 0x0649_2EEA_09D1_921C, 0xFE1D_EB1C_B129_A73E, 0xE882_35F5_2EBB_4484,
        0xE99C_7026_B45F_7E41, 0x3991_D639_8353_39F4, 0x9C84_5F8B_BDF9_283B, 0x1FF8_97FF_DE05_980F,
        0xEF2F_118B_5A0A_6D1F, 0x6D36_7ECF_27CB_09B7, 0x4F46_3F66_9E5F_EA2D, 0x7527_BAC7_EBE5_F17B,
        0x3D07_39F7_8A52_92EA, 0x6BFB_5FB1_1F8D_5D08, 0x5603_3046_FC7B_6BAB, 0xF0CF_BC20_9AF4_361D,
    ]

    /// `x = n·π/2 + (y0 + y1)` with |y0 + y1| ≤ π/4 (about) and |y1| < ulp(y0)/2, for finite `x`
    /// with |x| > π/4; only `n mod 4` matters to the callers.
    ///
    /// Up to |x| ≈ 2^20·π/2 this is fdlibm's `__ieee754_rem_pio2`: n = round(|x|·2/π), then
    /// `|x| − n·π/2` with π/2 in 33-bit pieces, adding a second and third piece when the leading
    /// bits cancel (good to 85, 118 and 151 bits). Larger arguments use `reduceLarge`.
    static func remPio2(_ x: Double) -> (n: Int, y0: Double, y1: Double) {
        let hx = Int32(truncatingIfNeeded: Int64(bitPattern: x.bitPattern) >> 32)
        let ix = UInt32(bitPattern: hx) & 0x7FFF_FFFF
        if ix <= 0x3FE9_21FB { return (0, x, 0) }  // |x| ≲ π/4: nothing to reduce
        if ix < 0x4002_D97C {  // |x| < 3π/4: n = ±1
            let sign: Double = hx > 0 ? 1 : -1
            let z = x - sign * pio2Part1
            if ix != 0x3FF9_21FB {  // 33 + 53 bits of π/2 are enough
                let y0 = z - sign * pio2Tail1
                return (hx > 0 ? 1 : -1, y0, (z - y0) - sign * pio2Tail1)
            }
            let z2 = z - sign * pio2Part2  // near π/2: 33 + 33 + 53 bits
            let y0 = z2 - sign * pio2Tail2
            return (hx > 0 ? 1 : -1, y0, (z2 - y0) - sign * pio2Tail2)
        }
        if ix > 0x4139_21FB {  // |x| ≳ 2^19·π
            let (n, y0, y1) = reduceLarge(Swift.abs(x))
            return hx < 0 ? (-n, -y0, -y1) : (n, y0, y1)
        }
        let t = Swift.abs(x)
        let n = Int(t * invPio2 + 0.5)  // truncation toward zero, as C's (int) cast
        let fn = Double(n)
        var r = t - fn * pio2Part1
        var w = fn * pio2Tail1  // first round: good to 85 bits
        var y0 = r - w
        // Near a small multiple of π/2 (same high word) or for n ≥ 32, check how many leading
        // bits cancelled; otherwise the first round is known to suffice.
        if n >= 32 || ix == multipleHighWords[n - 1] {
            let j = Int(ix >> 20)
            if j - exponentField(y0) > 16 {  // second iteration: good to 118 bits
                var u = r
                w = fn * pio2Part2
                r = u - w
                w = fn * pio2Tail2 - ((u - r) - w)
                y0 = r - w
                if j - exponentField(y0) > 49 {  // third iteration: 151 bits, covers every case
                    u = r
                    w = fn * pio2Part3
                    r = u - w
                    w = fn * pio2Tail3 - ((u - r) - w)
                    y0 = r - w
                }
            }
        }
        let y1 = (r - y0) - w
        return hx < 0 ? (-n, -y0, -y1) : (n, y0, y1)
    }

    /// The biased exponent field of `x`.
    @inline(__always)
    private static func exponentField(_ x: Double) -> Int {
        Int((x.bitPattern >> 52) & 0x7FF)
    }

    /// Payne–Hanek reduction of a large positive finite `x` (used above 2^20·π/2, where fdlibm
    /// calls `__kernel_rem_pio2`): exact integer arithmetic on the bits of 2/π.
    ///
    /// With `x = m·2^(e−52)` (m a 53-bit integer), the bits of 2/π before position e − 53 only
    /// add multiples of 4 to x·2/π and are skipped; the next 192 bits W give
    /// `x·2/π mod 4 = (m·W mod 2^192)·2^−190` up to 2^−137. Its top two bits are n mod 4, the
    /// other 190 the fraction f, moved to [−1/2, 1/2); then `y = f·π/2` in double-double. No
    /// double lies closer than about 2^−61 to a multiple of π/2, so y keeps at least 70 bits.
    private static func reduceLarge(_ x: Double) -> (n: Int, y0: Double, y1: Double) {
        let exponent = exponentField(x) - 1023
        let m = (x.bitPattern & 0x000F_FFFF_FFFF_FFFF) | (1 << 52)
        let start = exponent - 53
        let p0 = m.multipliedFullWidth(by: twoOverPiBits(from: start + 128))
        let p1 = m.multipliedFullWidth(by: twoOverPiBits(from: start + 64))
        let p2 = m.multipliedFullWidth(by: twoOverPiBits(from: start))
        var a0 = p0.low
        let (sum1, carry) = p1.low.addingReportingOverflow(p0.high)
        var a1 = sum1
        var a2 = p2.low &+ p1.high &+ (carry ? 1 : 0)
        var n = Int(a2 >> 62)
        a2 &= (1 << 62) - 1
        var negative = false
        if a2 >> 61 != 0 {  // f ≥ 1/2: use f − 1 and n + 1; |f − 1| = 2^190 − F
            n += 1
            negative = true
            (a0, a1, a2) = (~a0, ~a1, ~a2)
            let (b0, c0) = a0.addingReportingOverflow(1)
            let (b1, c1) = a1.addingReportingOverflow(c0 ? 1 : 0)
            (a0, a1, a2) = (b0, b1, (a2 &+ (c1 ? 1 : 0)) & ((1 << 62) - 1))
        }
        let words = [a2, a1, a0]
        guard let first = words.firstIndex(where: { $0 != 0 }) else { return (n, 0, 0) }
        let shift = 64 * first + words[first].leadingZeroBitCount
        let high = bits(of: words, from: shift)
        let low = bits(of: words, from: shift + 64)
        // f = (high·2^64 + low + …)·2^(−126−shift): 53 exact leading bits and the rest rounded.
        let fHigh = Double(high >> 11) * powerOfTwo(-51 - shift)
        let fLow = (Double(high & 0x7FF) * 0x1p64 + Double(low)) * powerOfTwo(-126 - shift)
        // (fHigh + fLow)·(pio2High + pio2Low) with fHigh·pio2High exact (Dekker's product).
        let (product, error) = exactProduct(fHigh, pio2High)
        let tail = error + (fHigh * pio2Low + fLow * pio2High)
        let y0 = product + tail
        let y1 = tail - (y0 - product)
        return negative ? (n, -y0, -y1) : (n, y0, y1)
    }

    /// 64 bits of the binary expansion of 2/π starting at bit `position` after the point (bit 1
    /// is the first); bits at positions ≤ 0 are zero (2/π < 1).
    private static func twoOverPiBits(from position: Int) -> UInt64 {
        let offset = position - 1
        if offset <= -64 { return 0 }
        if offset < 0 { return twoOverPiWords[0] >> UInt64(-offset) }
        return bits(of: twoOverPiWords, from: offset)
    }

    /// The 64 bits of the big-endian word sequence `words` starting at bit `offset` (0 is the top
    /// bit of the first word), zero past the end.
    private static func bits(of words: [UInt64], from offset: Int) -> UInt64 {
        let index = offset / 64
        let shift = UInt64(offset % 64)
        guard index < words.count else { return 0 }
        let next = index + 1 < words.count ? words[index + 1] : 0
        return shift == 0 ? words[index] : (words[index] << shift) | (next >> (64 - shift))
    }

    /// 2^k for −1022 ≤ k ≤ 1023, exactly.
    @inline(__always)
    private static func powerOfTwo(_ k: Int) -> Double {
        Double(bitPattern: UInt64(1023 + k) << 52)
    }

    /// `a·b = product + error` exactly, by Veltkamp splitting and Dekker's product (no FMA).
    private static func exactProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let product = a * b
        let (aHigh, aLow) = split(a)
        let (bHigh, bLow) = split(b)
        let error = ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow
        return (product, error)
    }

    /// `a = high + low` with both halves of at most 26 significant bits (Veltkamp).
    @inline(__always)
    private static func split(_ a: Double) -> (high: Double, low: Double) {
        let c = 134_217_729.0 * a  // 2^27 + 1
        let high = c - (c - a)
        return (high, a - high)
    }
}
