/// The exponential function, tanh and the logistic sigmoid with IEEE-exact operations only:
/// + − × ÷, comparisons and bit manipulation, no fused multiply-add (Swift never contracts
/// `a * b + c` into one) and no libm, so every platform gives the same bits.
extension PortableMath {
    // Constants by their bit patterns, so that no decimal conversion is involved; the thresholds and
    // the split of ln 2 are fdlibm's.
    /// Above this, `exp` overflows: ln(greatestFiniteMagnitude) rounded down.
    private static let expOverflowThreshold = Double(bitPattern: 0x4086_2E42_FEFA_39EF)  // 7.09782712893383973096e+02
    /// Below this, `exp` rounds to zero: ln(2^−1075) rounded up.
    private static let expUnderflowThreshold = Double(bitPattern: 0xC087_4910_D52D_3051)  // -7.45133219101941108420e+02
    /// 32/ln2, and ln2/32 as fdlibm's ln2Hi/32 (32 significant bits) + ln2Lo/32.
    private static let expInvLn2N = Double(bitPattern: 0x4047_1547_652B_82FE)  // 46.16624130844683
    private static let expLn2HiN = Double(bitPattern: 0x3F96_2E42_FEE0_0000)  // 0.02166084938653512
    private static let expLn2LoN = Double(bitPattern: 0x3D9A_39EF_3579_3C76)  // 5.9631716539705866e-12
    // 1/k!, correctly rounded: the Taylor coefficients of e^r − 1 beyond r.
    private static let expC2 = 0.5
    private static let expC3 = Double(bitPattern: 0x3FC5_5555_5555_5555)  // 1/6
    private static let expC4 = Double(bitPattern: 0x3FA5_5555_5555_5555)  // 1/24
    private static let expC5 = Double(bitPattern: 0x3F81_1111_1111_1111)  // 1/120
    private static let expC6 = Double(bitPattern: 0x3F56_C16C_16C1_6C17)  // 1/720
    private static let expC7 = Double(bitPattern: 0x3F2A_01A0_1A01_A01A)  // 1/5040
    // Cephes tanh.c: tanh(x) ≈ x + x·z·P(z)/Q(z), z = x², on |x| < 0.625 (Q monic).
    private static let tanhP0 = Double(bitPattern: 0xBFEE_DC5B_AAFD_6F4B)  // -9.64399179425052238628e-01
    private static let tanhP1 = Double(bitPattern: 0xC058_D26A_0E26_682D)  // -9.92877231001918586564e+01
    private static let tanhP2 = Double(bitPattern: 0xC099_3AC0_3058_0563)  // -1.61468768441708447952e+03
    private static let tanhQ0 = Double(bitPattern: 0x405C_33F2_8A58_1B86)  // 1.12811678491632931402e+02
    private static let tanhQ1 = Double(bitPattern: 0x40A1_76FA_0E55_35FA)  // 2.23548839060100448583e+03
    private static let tanhQ2 = Double(bitPattern: 0x40B2_EC10_2442_040C)  // 4.84406305325125486048e+03

    /// The exponential function, by Tang's table-driven method (P. T. P. Tang, "Table-driven
    /// implementation of the exponential function in IEEE floating-point arithmetic", ACM TOMS
    /// 15(2), 1989 — the scheme of glibc's and musl's exp):
    ///
    /// 1. Reduce `x = (32·e + j)·ln2/32 + r` with `|r| ≤ ln2/64` (Cody–Waite: ln2/32 split as in
    ///    fdlibm into a high part, whose trailing zeros make `k·hi` exact, and a low part).
    /// 2. `e^r − 1 ≈ p(r)`, the Taylor polynomial of degree 7 (remainder below 2^−67).
    /// 3. `e^x = 2^e · (T_j + (T_j·p + t_j))` with `T_j + t_j = 2^(j/32)` to 106 bits (a table),
    ///    so the final addition is the only large rounding: within 0.53 ulp of the exact value
    ///    (measured 0.525; the tests compare with glibc and with long-double references).
    /// 4. Scale by 2^e through the exponent bits. A subnormal result is rounded once, at the
    ///    subnormal spacing (by adding 1 in a range where the spacing of doubles matches it).
    ///
    /// `exp(−∞) = 0`, `exp(+∞) = +∞`, `exp(NaN) = NaN`; `x > 709.78…` overflows to +∞ and
    /// `x < −745.13…` underflows to 0.
    @inline(__always)
    public static func exp(_ x: Double) -> Double {
        if !(x >= expUnderflowThreshold && x <= expOverflowThreshold) {  // NaN included
            if x.isNaN { return x + x }
            return x > 0 ? .infinity : 0
        }
        // k = x·32/ln2 rounded to nearest: adding 1.5·2^52 leaves no fraction bits (|k| < 34 400),
        // so the sum is rounded to an integer whose low bits hold k in two's complement.
        let shifted = x * expInvLn2N + 0x1.8p52
        let kd = shifted - 0x1.8p52  // exact
        let k = Int32(truncatingIfNeeded: shifted.bitPattern)
        let r = (x - kd * expLn2HiN) - kd * expLn2LoN  // the first difference is exact
        let r2 = r * r
        let p = r + r2 * ((expC2 + r * expC3) + r2 * ((expC4 + r * expC5) + r2 * (expC6 + r * expC7)))
        let j = Int(k & 31)
        let tHi = Double(bitPattern: expTable[2 * j])
        let s = tHi * p + Double(bitPattern: expTable[2 * j + 1])
        let e = k >> 5  // ⌊k/32⌋
        if e > 1023 { return (tHi + s) * 2 * 0x1p1023 }
        if e > -1022 { return (tHi + s) * powerOfTwo(e) }
        // The result may be subnormal (tHi + s can be below 1): compute it times 2^1022.
        let scale = powerOfTwo(e + 1022)
        let a = scale * tHi  // exact, as is scale·s
        var v = a + scale * s
        if v < 1 {
            // Round once at the spacing 2^−52 of [1, 2), which becomes 2^−1074 after ×2^−1022.
            let low = (a - v) + scale * s  // the error of a + scale·s (Fast2Sum)
            let high = 1 + v
            v = (high + (((1 - high) + v) + low)) - 1  // the last subtraction is exact
        }
        return v * 0x1p-1022  // exact
    }

    /// The hyperbolic tangent, computed on `|x|` with the sign restored at the end (so
    /// `tanh(−x) = −tanh(x)` exactly and `tanh(−0) = −0`):
    ///
    /// - `|x| < 2^−28`: `x` (the cubic term is below half an ulp);
    /// - `|x| < 0.625`: `x + x·z·P(z)/Q(z)` with `z = x²`, the rational approximation of Cephes'
    ///   `tanh.c` (S. L. Moshier; error below 2^−57.5 relative). The correction term is at most
    ///   13 % of `x`, so the result stays accurate near 0, where `e^x − e^−x` would cancel;
    /// - `0.625 ≤ |x| < 22`: `1 − 2/(e^(2|x|) + 1)`, the rounding error of the sum recovered
    ///   exactly (Fast2Sum) and divided out to first order;
    /// - `|x| ≥ 22`: ±1 (`1 − tanh(22) < 2^−63`).
    ///
    /// Within 1.1 ulp of the exact value (measured 1.08, just above 0.625; glibc's `tanh`, fdlibm's
    /// expm1 formulas throughout, is off by up to 2.06 ulp near 0.2). `tanh(±∞) = ±1`,
    /// `tanh(NaN) = NaN`.
    public static func tanh(_ x: Double) -> Double {
        let magnitude = x.magnitude  // exact: clears the sign bit
        let result: Double
        if magnitude < 0x1p-28 {
            return x  // x³/3 is below half an ulp; keeps the sign of ±0
        } else if magnitude < 0.625 {
            let z = x * x
            let p = (tanhP0 * z + tanhP1) * z + tanhP2
            let q = ((z + tanhQ0) * z + tanhQ1) * z + tanhQ2
            return x + x * z * p / q
        } else if magnitude < 22 {
            let e = exp(2 * magnitude)
            let sum = e + 1
            let sumError = 1 - (sum - e)  // e + 1 = sum + sumError exactly (Fast2Sum, e ≥ 1)
            let q = 2 / sum
            result = 1 - (q - q * (sumError / sum))  // 2/(e + 1) to first order in sumError
        } else if magnitude.isNaN {
            return x + x
        } else {
            result = 1
        }
        return x.sign == .minus ? -result : result
    }

    /// The logistic sigmoid `1/(1 + e^−x)`, computed as `e^x/(1 + e^x)` for negative `x` so that
    /// `e^−x` never overflows and small results keep their relative accuracy; the rounding error
    /// of `1 + e` is recovered exactly (Fast2Sum) and divided out to first order.
    ///
    /// Within 1.7 ulp of the exact value (measured 1.70, from the error of `e`); `sigmoid(−∞) = 0`,
    /// `sigmoid(+∞) = 1`, `sigmoid(NaN) = NaN`. `sigmoid(x) + sigmoid(−x) = 1` up to rounding.
    public static func sigmoid(_ x: Double) -> Double {
        let negative = x < 0
        let e = exp(negative ? x : -x)  // in [0, 1]; NaN stays NaN
        let sum = 1 + e
        let sumError = e - (sum - 1)  // 1 + e = sum + sumError exactly (Fast2Sum, e ≤ 1)
        let q = (negative ? e : 1) / sum
        return q - q * (sumError / sum)
    }

    /// `exp(_:)` for Float: computed in Double and rounded once (`.toNearestOrEven`), so within
    /// 1 Float ulp of the exact value and identical on every platform.
    public static func exp(_ x: Float) -> Float {
        Float(exp(Double(x)))  // rounds .toNearestOrEven
    }

    /// `tanh(_:)` for Float: computed in Double and rounded once (`.toNearestOrEven`).
    public static func tanh(_ x: Float) -> Float {
        Float(tanh(Double(x)))  // rounds .toNearestOrEven
    }

    /// `sigmoid(_:)` for Float: computed in Double and rounded once (`.toNearestOrEven`).
    public static func sigmoid(_ x: Float) -> Float {
        Float(sigmoid(Double(x)))  // rounds .toNearestOrEven
    }

    /// 2^k for −1022 ≤ k ≤ 1023, built from its exponent bits.
    @inline(__always)
    static func powerOfTwo(_ k: Int32) -> Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: 0x3FF &+ k)) << 52)
    }

    /// `2^(j/32)` for j = 0 … 31 as pairs (high, low) of bit patterns: the high part correctly
    /// rounded, the low part the rounded remainder (together 106 bits; computed with 300-bit mpmath).
    private static let expTable: [UInt64] = [
        0x3FF0_0000_0000_0000, 0x0000_0000_0000_0000,  // 2^(0/32)
        0x3FF0_59B0_D315_8574, 0x3C8D_73E2_A475_B465,  // 2^(1/32)
        0x3FF0_B558_6CF9_890F, 0x3C98_A62E_4ADC_610B,  // 2^(2/32)
        0x3FF1_1301_D012_5B51, 0xBC96_C510_3944_9B3A,  // 2^(3/32)
        0x3FF1_72B8_3C7D_517B, 0xBC81_9041_B9D7_8A76,  // 2^(4/32)
        0x3FF1_D487_3168_B9AA, 0x3C9E_016E_00A2_643C,  // 2^(5/32)
        0x3FF2_387A_6E75_6238, 0x3C99_B07E_B6C7_0573,  // 2^(6/32)
        0x3FF2_9E9D_F51F_DEE1, 0x3C86_12E8_AFAD_1255,  // 2^(7/32)
        0x3FF3_06FE_0A31_B715, 0x3C86_F46A_D231_82E4,  // 2^(8/32)
        0x3FF3_71A7_373A_A9CB, 0xBC96_3AEA_BF42_EAE2,  // 2^(9/32)
        0x3FF3_DEA6_4C12_3422, 0x3C8A_DA09_11F0_9EBC,  // 2^(10/32)
        0x3FF4_4E08_6061_892D, 0x3C48_9B7A_04EF_80D0,  // 2^(11/32)
        0x3FF4_BFDA_D536_2A27, 0x3C7D_4397_AFEC_42E2,  // 2^(12/32)
        0x3FF5_342B_569D_4F82, 0xBC80_7ABE_1DB1_3CAD,  // 2^(13/32)
        0x3FF5_AB07_DD48_5429, 0x3C96_324C_0546_47AD,  // 2^(14/32)
        0x3FF6_247E_B03A_5585, 0xBC93_83C1_7E40_B497,  // 2^(15/32)
        0x3FF6_A09E_667F_3BCD, 0xBC9B_DD34_13B2_6456,  // 2^(16/32)
        0x3FF7_1F75_E8EC_5F74, 0xBC81_6E47_8688_7A99,  // 2^(17/32)
        0x3FF7_A114_73EB_0187, 0xBC84_1577_EE04_992F,  // 2^(18/32)
        0x3FF8_2589_994C_CE13, 0xBC9D_4C1D_D415_32D8,  // 2^(19/32)
        0x3FF8_ACE5_422A_A0DB, 0x3C96_E9F1_5686_4B27,  // 2^(20/32)
        0x3FF9_3737_B0CD_C5E5, 0xBC67_5FC7_81B5_7EBC,  // 2^(21/32)
        0x3FF9_C491_82A3_F090, 0x3C7C_7C46_B071_F2BE,  // 2^(22/32)
        0x3FFA_5503_B23E_255D, 0xBC9D_2F6E_DB8D_41E1,  // 2^(23/32)
        0x3FFA_E89F_995A_D3AD, 0x3C97_A1CD_345D_CC81,  // 2^(24/32)
        0x3FFB_7F76_F2FB_5E47, 0xBC75_584F_7E54_AC3B,  // 2^(25/32)
        0x3FFC_199B_DD85_529C, 0x3C81_1065_8950_48DD,  // 2^(26/32)
        0x3FFC_B720_DCEF_9069, 0x3C75_03CB_D1E9_49DB,  // 2^(27/32)
        0x3FFD_5818_DCFB_A487, 0x3C82_ED02_D75B_3707,  // 2^(28/32)
        0x3FFD_FC97_337B_9B5F, 0xBC91_A5CD_4F18_4B5C,  // 2^(29/32)
        0x3FFE_A4AF_A2A4_90DA, 0xBC9E_9C23_179C_2893,  // 2^(30/32)
        0x3FFF_5076_5B6E_4540, 0x3C99_D3E1_2DD8_A18B,  // 2^(31/32)
    ]
}
