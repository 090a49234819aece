/// The error function and the exact GELU built on it, by fdlibm's `s_erf.c` (Sun Microsystems,
/// 1993) with `PortableMath.exp`, so they give the same bits on every platform.
extension PortableMath {
    // fdlibm's constants, given by their bit patterns so that no decimal conversion is involved.
    /// erf(1) rounded to 24 bits.
    private static let erx = Double(bitPattern: 0x3FEB_0AC1_6000_0000)  // 8.45062911510467529297e-01
    /// 2/√π − 1, and 8 times it (used below 2^−1015 to avoid underflow).
    private static let efx = Double(bitPattern: 0x3FC0_6EBA_8214_DB69)  // 1.28379167095512586316e-01
    private static let efx8 = Double(bitPattern: 0x3FF0_6EBA_8214_DB69)  // 1.02703333676410069053e+00
    // erf(x) = x + x·pp(x²)/qq(x²) on |x| < 0.84375, error < 2^−57.90.
    private static let pp0 = Double(bitPattern: 0x3FC0_6EBA_8214_DB68)  // 1.28379167095512558561e-01
    private static let pp1 = Double(bitPattern: 0xBFD4_CD7D_691C_B913)  // -3.25042107247001499370e-01
    private static let pp2 = Double(bitPattern: 0xBF9D_2A51_DBD7_194F)  // -2.84817495755985104766e-02
    private static let pp3 = Double(bitPattern: 0xBF77_A291_2366_68E4)  // -5.77027029648944159157e-03
    private static let pp4 = Double(bitPattern: 0xBEF8_EAD6_1200_16AC)  // -2.37630166566501626084e-05
    private static let qq1 = Double(bitPattern: 0x3FD9_7779_CDDA_DC09)  // 3.97917223959155352819e-01
    private static let qq2 = Double(bitPattern: 0x3FB0_A54C_5536_CEBA)  // 6.50222499887672944485e-02
    private static let qq3 = Double(bitPattern: 0x3F74_D022_C4D3_6B0F)  // 5.08130628187576562776e-03
    private static let qq4 = Double(bitPattern: 0x3F21_5DC9_221C_1A10)  // 1.32494738004321644526e-04
    private static let qq5 = Double(bitPattern: 0xBED0_9C43_42A2_6120)  // -3.96022827877536812320e-06
    // erf(1 + s) = erx + pa(s)/qa(s) on 0.84375 ≤ |x| < 1.25, error < 2^−59.06.
    private static let pa0 = Double(bitPattern: 0xBF63_59B8_BEF7_7538)  // -2.36211856075265944077e-03
    private static let pa1 = Double(bitPattern: 0x3FDA_8D00_AD92_B34D)  // 4.14856118683748331666e-01
    private static let pa2 = Double(bitPattern: 0xBFD7_D240_FBB8_C3F1)  // -3.72207876035701323847e-01
    private static let pa3 = Double(bitPattern: 0x3FD4_5FCA_8051_20E4)  // 3.18346619901161753674e-01
    private static let pa4 = Double(bitPattern: 0xBFBC_6398_3D3E_28EC)  // -1.10894694282396677476e-01
    private static let pa5 = Double(bitPattern: 0x3FA2_2A36_5997_95EB)  // 3.54783043256182359371e-02
    private static let pa6 = Double(bitPattern: 0xBF61_BF38_0A96_073F)  // -2.16637559486879084300e-03
    private static let qa1 = Double(bitPattern: 0x3FBB_3E66_18EE_E323)  // 1.06420880400844228286e-01
    private static let qa2 = Double(bitPattern: 0x3FE1_4AF0_92EB_6F33)  // 5.40397917702171048937e-01
    private static let qa3 = Double(bitPattern: 0x3FB2_635C_D99F_E9A7)  // 7.18286544141962662868e-02
    private static let qa4 = Double(bitPattern: 0x3FC0_2660_E763_351F)  // 1.26171219808761642112e-01
    private static let qa5 = Double(bitPattern: 0x3F8B_EDC2_6B51_DD1C)  // 1.36370839120290507362e-02
    private static let qa6 = Double(bitPattern: 0x3F88_8B54_5735_151D)  // 1.19844998467991074170e-02
    // erfc(x) = exp(−x² − 0.5625 + ra(1/x²)/sa(1/x²))/x on 1.25 ≤ |x| < 1/0.35, error < 2^−62.57.
    private static let ra0 = Double(bitPattern: 0xBF84_3412_600D_6435)  // -9.86494403484714822705e-03
    private static let ra1 = Double(bitPattern: 0xBFE6_3416_E4BA_7360)  // -6.93858572707181764372e-01
    private static let ra2 = Double(bitPattern: 0xC025_1E04_41B0_E726)  // -1.05586262253232909814e+01
    private static let ra3 = Double(bitPattern: 0xC04F_300A_E4CB_A38D)  // -6.23753324503260060396e+01
    private static let ra4 = Double(bitPattern: 0xC064_4CB1_8428_2266)  // -1.62396669462573470355e+02
    private static let ra5 = Double(bitPattern: 0xC067_135C_EBCC_ABB2)  // -1.84605092906711035994e+02
    private static let ra6 = Double(bitPattern: 0xC054_5265_57E4_D2F2)  // -8.12874355063065934246e+01
    private static let ra7 = Double(bitPattern: 0xC023_A0EF_C69A_C25C)  // -9.81432934416914548592e+00
    private static let sa1 = Double(bitPattern: 0x4033_A6B9_BD70_7687)  // 1.96512716674392571292e+01
    private static let sa2 = Double(bitPattern: 0x4061_350C_526A_E721)  // 1.37657754143519042600e+02
    private static let sa3 = Double(bitPattern: 0x407B_290D_D58A_1A71)  // 4.34565877475229228821e+02
    private static let sa4 = Double(bitPattern: 0x4084_2B19_21EC_2868)  // 6.45387271733267880336e+02
    private static let sa5 = Double(bitPattern: 0x407A_D021_5770_0314)  // 4.29008140027567833386e+02
    private static let sa6 = Double(bitPattern: 0x405B_28A3_EE48_AE2C)  // 1.08635005541779435134e+02
    private static let sa7 = Double(bitPattern: 0x401A_47EF_8E48_4A93)  // 6.57024977031928170135e+00
    private static let sa8 = Double(bitPattern: 0xBFAE_EFF2_EE74_9A62)  // -6.04244152148580987438e-02
    // The same form with rb/sb on 1/0.35 ≤ |x| < 28, error < 2^−61.52.
    private static let rb0 = Double(bitPattern: 0xBF84_3412_39E8_6F4A)  // -9.86494292470009928597e-03
    private static let rb1 = Double(bitPattern: 0xBFE9_93BA_70C2_85DE)  // -7.99283237680523006574e-01
    private static let rb2 = Double(bitPattern: 0xC031_C209_555F_995A)  // -1.77579549177547519889e+01
    private static let rb3 = Double(bitPattern: 0xC064_145D_43C5_ED98)  // -1.60636384855821916062e+02
    private static let rb4 = Double(bitPattern: 0xC083_EC88_1375_F228)  // -6.37566443368389627722e+02
    private static let rb5 = Double(bitPattern: 0xC090_0461_6A2E_5992)  // -1.02509513161107724954e+03
    private static let rb6 = Double(bitPattern: 0xC07E_384E_9BDC_383F)  // -4.83519191608651397019e+02
    private static let sb1 = Double(bitPattern: 0x403E_568B_261D_5190)  // 3.03380607434824582924e+01
    private static let sb2 = Double(bitPattern: 0x4074_5CAE_221B_9F0A)  // 3.25792512996573918826e+02
    private static let sb3 = Double(bitPattern: 0x4098_02EB_189D_5118)  // 1.53672958608443695994e+03
    private static let sb4 = Double(bitPattern: 0x40A8_FFB7_688C_246A)  // 3.19985821950859553908e+03
    private static let sb5 = Double(bitPattern: 0x40A3_F219_CEDF_3BE6)  // 2.55305040643316442583e+03
    private static let sb6 = Double(bitPattern: 0x407D_A874_E79F_E763)  // 4.74528541206955367215e+02
    private static let sb7 = Double(bitPattern: 0xC036_70E2_4271_2D62)  // -2.24409524465858183362e+01
    /// 1/√2 and 1/√(2π), correctly rounded.
    private static let sqrtHalf = Double(bitPattern: 0x3FE6_A09E_667F_3BCD)  // 0.7071067811865476
    private static let inverseSqrtTwoPi = Double(bitPattern: 0x3FD9_8845_33D4_3651)  // 0.3989422804014327

    /// The error function `erf(x) = 2/√π ∫₀ˣ e^(−t²) dt`, by fdlibm's `s_erf.c`:
    ///
    /// - `|x| < 0.84375`: `x + x·P(x²)/Q(x²)`;
    /// - `0.84375 ≤ |x| < 1.25`: `erx + P1(s)/Q1(s)` with `s = |x| − 1` and `erx` = erf(1) to 24 bits;
    /// - `1.25 ≤ |x| < 6`: `1 − erfc(|x|)` with `erfc(x) = exp(−x² − 0.5625 + R(1/x²)/S(1/x²))/x`
    ///   (one rational pair below 1/0.35, another above), `x²` split exactly as `z² + (x − z)(x + z)`
    ///   with `z` = `x` with its low 32 bits cleared;
    /// - `|x| ≥ 6`: ±1 (`erfc(6) < 2^−54`).
    ///
    /// Below 1 ulp (fdlibm's bound; measured 0.84); odd, so `erf(−x) = −erf(x)` exactly. `erf(±∞) = ±1`,
    /// `erf(NaN) = NaN`.
    public static func erf(_ x: Double) -> Double {
        let high = Int32(truncatingIfNeeded: Int64(bitPattern: x.bitPattern) >> 32)
        let absHigh = high & 0x7FFF_FFFF
        if absHigh >= 0x7FF0_0000 {  // ±∞ or NaN
            if x.isNaN { return x + x }
            return high < 0 ? -1 : 1
        }
        if absHigh < 0x3FEB_0000 {  // |x| < 0.84375
            if absHigh < 0x3E30_0000 {  // |x| < 2^−28
                if absHigh < 0x0080_0000 { return (8 * x + efx8 * x) / 8 }  // avoids underflow in efx·x
                return x + efx * x
            }
            return x + x * smallRatio(x * x)
        }
        if absHigh < 0x3FF4_0000 {  // 0.84375 ≤ |x| < 1.25
            let ratio = nearOneRatio(x.magnitude - 1)
            return high >= 0 ? erx + ratio : -erx - ratio
        }
        if absHigh >= 0x4018_0000 {  // |x| ≥ 6
            return high >= 0 ? 1 : -1
        }
        let r = tailTimesX(x.magnitude, firstPair: absHigh < 0x4006_DB6E) / x.magnitude  // |x| < 1/0.35
        return high >= 0 ? 1 - r : r - 1
    }

    /// The complementary error function `erfc(x) = 1 − erf(x)`, by fdlibm's `s_erf.c` with the
    /// same approximations as `erf(_:)`, accurate in relative terms also where it is tiny (up to
    /// `x ≈ 27.2`, where it underflows). Used by `gelu(_:)` for the normal distribution function.
    ///
    /// Within 1 ulp of the exact value for `x < 0.84375` and 2.5 ulp beyond (measured 0.97 and
    /// 2.4). `erfc(−∞) = 2`, `erfc(+∞) = 0`, `erfc(NaN) = NaN`.
    public static func erfc(_ x: Double) -> Double {
        let high = Int32(truncatingIfNeeded: Int64(bitPattern: x.bitPattern) >> 32)
        let absHigh = high & 0x7FFF_FFFF
        if absHigh >= 0x7FF0_0000 {  // ±∞ or NaN
            if x.isNaN { return x + x }
            return high < 0 ? 2 : 0
        }
        if absHigh < 0x3FEB_0000 {  // |x| < 0.84375
            if absHigh < 0x3C70_0000 { return 1 - x }  // |x| < 2^−56
            let y = smallRatio(x * x)
            if high < 0x3FD0_0000 { return 1 - (x + x * y) }  // x < 1/4
            return 0.5 - (x * y + (x - 0.5))
        }
        if absHigh < 0x3FF4_0000 {  // 0.84375 ≤ |x| < 1.25
            let ratio = nearOneRatio(x.magnitude - 1)
            return high >= 0 ? (1 - erx) - ratio : 1 + (erx + ratio)
        }
        if absHigh < 0x403C_0000 {  // |x| < 28
            if high < 0 && absHigh >= 0x4018_0000 { return 2 }  // x ≤ −6
            // fdlibm's erfc switches pairs one high word below erf's switch; both pairs hold there.
            let r = tailTimesX(x.magnitude, firstPair: absHigh < 0x4006_DB6D) / x.magnitude
            return high > 0 ? r : 2 - r
        }
        return high > 0 ? 0 : 2
    }

    /// `P(z)/Q(z)` of the interval |x| < 0.84375, with `z = x²`.
    @inline(__always)
    private static func smallRatio(_ z: Double) -> Double {
        let r = pp0 + z * (pp1 + z * (pp2 + z * (pp3 + z * pp4)))
        let s = 1 + z * (qq1 + z * (qq2 + z * (qq3 + z * (qq4 + z * qq5))))
        return r / s
    }

    /// `P1(s)/Q1(s)` of the interval 0.84375 ≤ |x| < 1.25, with `s = |x| − 1`.
    @inline(__always)
    private static func nearOneRatio(_ s: Double) -> Double {
        let p = pa0 + s * (pa1 + s * (pa2 + s * (pa3 + s * (pa4 + s * (pa5 + s * pa6)))))
        let q = 1 + s * (qa1 + s * (qa2 + s * (qa3 + s * (qa4 + s * (qa5 + s * qa6)))))
        return p / q
    }

    /// `x·erfc(x)` for 1.25 ≤ x < 28 (with `ra`/`sa` if `firstPair`, else `rb`/`sb`), as
    /// `exp(−z² − 0.5625)·exp((z − x)(z + x) + R/S)`: `z` is `x` with its low 32 bits cleared, so
    /// `z²` is exact and the split recovers `−x²` to full precision.
    @inline(__always)
    private static func tailTimesX(_ x: Double, firstPair: Bool) -> Double {
        let s = 1 / (x * x)
        let r: Double
        let q: Double
        if firstPair {
            r = ra0 + s * (ra1 + s * (ra2 + s * (ra3 + s * (ra4 + s * (ra5 + s * (ra6 + s * ra7))))))
            q = 1 + s * (sa1 + s * (sa2 + s * (sa3 + s * (sa4 + s * (sa5 + s * (sa6 + s * (sa7 + s * sa8)))))))
        } else {
            r = rb0 + s * (rb1 + s * (rb2 + s * (rb3 + s * (rb4 + s * (rb5 + s * rb6)))))
            q = 1 + s * (sb1 + s * (sb2 + s * (sb3 + s * (sb4 + s * (sb5 + s * (sb6 + s * sb7))))))
        }
        let z = Double(bitPattern: x.bitPattern & 0xFFFF_FFFF_0000_0000)
        return exp(-z * z - 0.5625) * exp((z - x) * (z + x) + r / q)
    }

    /// `erf(_:)` for Float: computed in Double and rounded once (`.toNearestOrEven`).
    public static func erf(_ x: Float) -> Float {
        Float(erf(Double(x)))  // rounds .toNearestOrEven
    }

    /// The exact (erf-based, not tanh-approximated) GELU of PyTorch's `gelu(approximate='none')`,
    /// `x·Φ(x)` with the normal distribution function `Φ(x) = (1 + erf(x/√2))/2`, computed in
    /// Double as `x·erfc(−x/√2)/2` — the same value, without the cancellation of `1 + erf` for
    /// negative `x` — and rounded once (`.toNearestOrEven`).
    ///
    /// `gelu(±0) = ±0`, `gelu(+∞) = +∞`, `gelu(−∞) = −0` (the limit), `gelu(NaN) = NaN`.
    public static func gelu(_ x: Float) -> Float {
        let value = Double(x)
        let cdf = 0.5 * erfc(-value * sqrtHalf)
        if cdf == 0 { return -0.0 }  // x below about −38.6 or −∞, where x·Φ(x) is −0 or NaN
        return Float(value * cdf)  // rounds .toNearestOrEven
    }

    /// The derivative of `gelu(_:)`, `Φ(x) + x·φ(x)` with the normal density
    /// `φ(x) = e^(−x²/2)/√(2π)`, computed in Double (`x²` is exact for a Float `x`) and rounded
    /// once (`.toNearestOrEven`).
    ///
    /// `geluDerivative(+∞) = 1`, `geluDerivative(−∞) = 0`, `geluDerivative(NaN) = NaN`.
    public static func geluDerivative(_ x: Float) -> Float {
        let value = Double(x)
        let cdf = 0.5 * erfc(-value * sqrtHalf)
        let density = exp(-0.5 * (value * value)) * inverseSqrtTwoPi
        let slope = density == 0 ? 0 : value * density  // ±∞·0 would be NaN
        return Float(cdf + slope)  // rounds .toNearestOrEven
    }
}
