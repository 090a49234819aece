/// Sine and cosine computed with IEEE-exact operations only (+ − × and integer bit operations,
/// never a fused multiply-add or the platform's libm), so they give the same bits everywhere.
///
/// The algorithm is fdlibm 5.3's (Sun Microsystems, 1993; the basis of Java's `StrictMath`):
/// `x` is reduced to `y = y0 + y1` in [−π/4, π/4] with `x = n·π/2 + y` (`remPio2`), then a
/// minimax polynomial for sin or cos of `y` (`kernelSin`, `kernelCos`) is chosen by `n mod 4`.
/// fdlibm bounds the error below 1 ulp; the tests compare both functions with the platform's.
/// For |x| < 2^20·π/2 the results are fdlibm's bit for bit (checked against Java's
/// `StrictMath` on 300,000 arguments when this was written); beyond, the reduction is an
/// exact-integer Payne–Hanek instead of fdlibm's `__kernel_rem_pio2`, which can differ in the
/// last bit.
extension PortableMath {
    // __kernel_sin: sin(x) ≈ x + S1·x³ + … + S6·x¹³ on [−π/4, π/4], error below 2^−58.
    private static let sinS1 = Double(bitPattern: 0xBFC5_5555_5555_5549)  // -1.66666666666666324348e-01
    private static let sinS2 = Double(bitPattern: 0x3F81_1111_1110_F8A6)  // 8.33333333332248946124e-03
    private static let sinS3 = Double(bitPattern: 0xBF2A_01A0_19C1_61D5)  // -1.98412698298579493134e-04
    private static let sinS4 = Double(bitPattern: 0x3EC7_1DE3_57B1_FE7D)  // 2.75573137070700676789e-06
    private static let sinS5 = Double(bitPattern: 0xBE5A_E5E6_8A2B_9CEB)  // -2.50507602534068634195e-08
    private static let sinS6 = Double(bitPattern: 0x3DE5_D93A_5ACF_D57C)  // 1.58969099521155010221e-10
    // __kernel_cos: cos(x) ≈ 1 − x²/2 + C1·x⁴ + … + C6·x¹⁴ on [−π/4, π/4], error below 2^−58.
    private static let cosC1 = Double(bitPattern: 0x3FA5_5555_5555_554C)  // 4.16666666666666019037e-02
    private static let cosC2 = Double(bitPattern: 0xBF56_C16C_16C1_5177)  // -1.38888888888741095749e-03
    private static let cosC3 = Double(bitPattern: 0x3EFA_01A0_19CB_1590)  // 2.48015872894767294178e-05
    private static let cosC4 = Double(bitPattern: 0xBE92_7E4F_809C_52AD)  // -2.75573143513906633035e-07
    private static let cosC5 = Double(bitPattern: 0x3E21_EE9E_BDB4_B1C4)  // 2.08757232129817482790e-09
    private static let cosC6 = Double(bitPattern: 0xBDA8_FAE9_BE88_38D4)  // -1.13596475577881948265e-11

    /// The sine of `x` (radians), by fdlibm's `s_sin.c`: within 1 ulp of the exact value for
    /// every finite `x`, identical on every platform. `sin(±∞) = sin(NaN) = NaN`; `sin(−0) = −0`.
    public static func sin(_ x: Double) -> Double {
        let ix = UInt32(truncatingIfNeeded: x.bitPattern >> 32) & 0x7FFF_FFFF
        if ix <= 0x3FE9_21FB { return kernelSin(x, 0, tailIsZero: true) }  // |x| ≲ π/4
        if ix >= 0x7FF0_0000 { return x - x }  // ±∞ or NaN
        let (n, y0, y1) = remPio2(x)
        switch n & 3 {
        case 0: return kernelSin(y0, y1, tailIsZero: false)
        case 1: return kernelCos(y0, y1)
        case 2: return -kernelSin(y0, y1, tailIsZero: false)
        default: return -kernelCos(y0, y1)
        }
    }

    /// The cosine of `x` (radians), by fdlibm's `s_cos.c`: within 1 ulp of the exact value for
    /// every finite `x`, identical on every platform. `cos(±∞) = cos(NaN) = NaN`.
    public static func cos(_ x: Double) -> Double {
        let ix = UInt32(truncatingIfNeeded: x.bitPattern >> 32) & 0x7FFF_FFFF
        if ix <= 0x3FE9_21FB { return kernelCos(x, 0) }  // |x| ≲ π/4
        if ix >= 0x7FF0_0000 { return x - x }  // ±∞ or NaN
        let (n, y0, y1) = remPio2(x)
        switch n & 3 {
        case 0: return kernelCos(y0, y1)
        case 1: return -kernelSin(y0, y1, tailIsZero: false)
        case 2: return -kernelCos(y0, y1)
        default: return kernelSin(y0, y1, tailIsZero: false)
        }
    }

    /// fdlibm's `__kernel_sin(x, y, iy)`: sin(x + y) for |x| ≤ π/4, where `y` is the tail of the
    /// reduced argument (|y| < ulp(x)/2) and `tailIsZero` says that `y` is exactly 0 (`iy == 0`).
    ///
    /// sin(x + y) ≈ sin x + y·cos x, with sin x = x + x³·(S1 + z·r(z)), z = x², and the
    /// correction y·cos x ≈ y − z·y/2; the terms are added smallest first.
    @inline(__always)
    static func kernelSin(_ x: Double, _ y: Double, tailIsZero: Bool) -> Double {
        let ix = UInt32(truncatingIfNeeded: x.bitPattern >> 32) & 0x7FFF_FFFF
        if ix < 0x3E40_0000 { return x }  // |x| < 2^−27: sin x rounds to x
        let z = x * x
        let v = z * x
        let r = sinS2 + z * (sinS3 + z * (sinS4 + z * (sinS5 + z * sinS6)))
        if tailIsZero { return x + v * (sinS1 + z * r) }
        return x - ((z * (0.5 * y - v * r) - y) - v * sinS1)
    }

    /// fdlibm's `__kernel_cos(x, y)`: cos(x + y) for |x| ≤ π/4, |y| < ulp(x)/2.
    ///
    /// cos(x + y) ≈ 1 − (x²/2 − (z·r − x·y)) with z = x², r = C1·z + … + C6·z⁶. For |x| ≥ 0.3 the
    /// subtraction from 1 is split as (1 − qx) − ((x²/2 − qx) − (z·r − x·y)) with qx = x²/4's
    /// leading bits (0.28125 above 0.78125), so that `1 − qx` and `x²/2 − qx` are exact.
    @inline(__always)
    static func kernelCos(_ x: Double, _ y: Double) -> Double {
        let ix = UInt32(truncatingIfNeeded: x.bitPattern >> 32) & 0x7FFF_FFFF
        if ix < 0x3E40_0000 { return 1 }  // |x| < 2^−27: cos x rounds to 1
        let z = x * x
        let r = z * (cosC1 + z * (cosC2 + z * (cosC3 + z * (cosC4 + z * (cosC5 + z * cosC6)))))
        if ix < 0x3FD3_3333 { return 1 - (0.5 * z - (z * r - x * y)) }  // |x| < 0.3
        let qx: Double
        if ix > 0x3FE9_0000 {  // |x| > 0.78125
            qx = 0.28125
        } else {  // the high word of x/4, low word cleared
            qx = Double(bitPattern: UInt64(ix - 0x0020_0000) << 32)
        }
        let hz = 0.5 * z - qx
        let a = 1 - qx
        return a - (hz - (z * r - x * y))
    }
}
