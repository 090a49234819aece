/// Transcendental functions computed with IEEE-exact operations only, so that they give the same
/// bits on every platform.
///
/// The system libm (glibc, Darwin, musl) may differ in the last bit for `log`; anything that
/// feeds a snapshot — the normal and Laplace samplers, SQNR in dB — uses these instead.
public enum PortableMath {
    // fdlibm's constants, given by their bit patterns so that no decimal conversion is involved.
    static let ln2Hi = Double(bitPattern: 0x3FE6_2E42_FEE0_0000)  // 6.93147180369123816490e-01
    static let ln2Lo = Double(bitPattern: 0x3DEA_39EF_3579_3C76)  // 1.90821492927058770002e-10
    private static let two54 = Double(bitPattern: 0x4350_0000_0000_0000)  // 2^54
    static let lg1 = Double(bitPattern: 0x3FE5_5555_5555_5593)  // 6.666666666666735130e-01
    static let lg2 = Double(bitPattern: 0x3FD9_9999_9997_FA04)  // 3.999999999940941908e-01
    static let lg3 = Double(bitPattern: 0x3FD2_4924_9422_9359)  // 2.857142874366239149e-01
    static let lg4 = Double(bitPattern: 0x3FCC_71C5_1D8E_78AF)  // 2.222219843214978396e-01
    static let lg5 = Double(bitPattern: 0x3FC7_4664_96CB_03DE)  // 1.818357216161805012e-01
    static let lg6 = Double(bitPattern: 0x3FC3_9A09_D078_C69F)  // 1.531383769920937332e-01
    static let lg7 = Double(bitPattern: 0x3FC2_F112_DF3E_5244)  // 1.479819860511658591e-01
    /// ln(10), correctly rounded.
    private static let ln10 = Double(bitPattern: 0x4002_6BB1_BBB5_5516)  // 2.302585092994046

    /// The natural logarithm, by the algorithm of fdlibm's `e_log.c` (Sun Microsystems, 1993;
    /// the basis of FreeBSD's and Java's `StrictMath.log`):
    ///
    /// 1. Reduce `x = 2^k · (1 + f)` with `√2/2 < 1 + f < √2`.
    /// 2. With `s = f / (2 + f)`, `log(1 + f) = f − s·(f − R)`, where
    ///    `R(z) ≈ Lg1·s² + … + Lg7·s^14` is a Remez polynomial in `s²` with error below 2^−58.
    /// 3. `log(x) = k·ln2_hi + (f − (hfsq − (s·(hfsq + R) + k·ln2_lo)))` with `hfsq = f²/2` and
    ///    ln 2 split into a high part with trailing zeros and a low part, so `k·ln2_hi` is exact.
    ///
    /// Error below 1 ulp over the whole domain (fdlibm's bound); the tests compare it with the
    /// platform's `log`. `log(0) = −∞`, `log(x < 0) = NaN`, `log(+∞) = +∞`, `log(NaN) = NaN`.
    @inline(__always)
    public static func log(_ input: Double) -> Double {
        var x = input
        var high = Int32(truncatingIfNeeded: Int64(bitPattern: x.bitPattern) >> 32)
        let low = UInt32(truncatingIfNeeded: x.bitPattern)
        var k: Int32 = 0
        if high < 0x0010_0000 {  // x < 2^-1022: zero, subnormal or negative
            if (UInt32(bitPattern: high) & 0x7FFF_FFFF) | low == 0 { return -.infinity }
            if high < 0 { return .nan }
            k -= 54
            x *= two54  // exact: scales a subnormal into the normal range
            high = Int32(truncatingIfNeeded: Int64(bitPattern: x.bitPattern) >> 32)
        }
        if high >= 0x7FF0_0000 { return x + x }  // +∞ or NaN
        k += (high >> 20) - 1023
        high &= 0x000F_FFFF
        let i = (high &+ 0x95F64) & 0x10_0000
        // Normalise the significand to [√2/2, √2): exponent 0 or −1.
        let newHigh = UInt64(UInt32(bitPattern: high | (i ^ 0x3FF0_0000)))
        x = Double(bitPattern: (newHigh << 32) | (x.bitPattern & 0xFFFF_FFFF))
        k += i >> 20
        let f = x - 1.0
        let dk = Double(k)
        if (0x000F_FFFF & (2 &+ high)) < 3 {  // −2^−20 ≤ f < 2^−20
            if f == 0 { return k == 0 ? 0 : dk * ln2Hi + dk * ln2Lo }
            let r = f * f * (0.5 - 0.33333333333333333 * f)
            return k == 0 ? f - r : dk * ln2Hi - ((r - dk * ln2Lo) - f)
        }
        let s = f / (2.0 + f)
        let z = s * s
        var j = high &- 0x6147A
        let w = z * z
        let m = 0x6B851 &- high
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        j |= m
        let r = t2 + t1
        if j > 0 {
            let hfsq = 0.5 * f * f
            return k == 0
                ? f - (hfsq - s * (hfsq + r))
                : dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
        }
        return k == 0 ? f - s * (f - r) : dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f)
    }

    /// The base-10 logarithm as `log(x) / ln 10`: within 2 ulp, identical on every platform.
    public static func log10(_ x: Double) -> Double {
        log(x) / ln10
    }
}

extension PortableMath {
    /// Writes the natural logarithm of every element of `input` to the same index of `output`
    /// (which may be the same memory) — bit for bit what `log(_:)` gives, but several times
    /// faster on large buffers.
    ///
    /// `log(_:)` branches on the data (which of fdlibm's two reconstruction formulas applies
    /// depends on the significand), so a loop of it mispredicts about every other element and
    /// cannot be vectorised. Here every element computes all of the formulas of the normal-range
    /// path and selects one, without branches, so the compiler vectorises the loop. A buffer
    /// holding any element outside that path (zero, subnormal, negative, infinite, NaN) takes
    /// the scalar path instead.
    public static func log(of input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count >= input.count, "PortableMath.log(of:into:): output is shorter than input")
        guard let source = input.baseAddress, let target = output.baseAddress else { return }
        let count = input.count
        var special = false
        for index in 0..<count {
            let x = source[index]
            special = special || !(x >= 0x1p-1022 && x < .infinity)  // NaN included
        }
        if special {
            for index in 0..<count { target[index] = log(source[index]) }
            return
        }
        var index = 0
        while index + 4 <= count {
            let x = UnsafeRawPointer(source + index).loadUnaligned(as: SIMD4<Double>.self)
            UnsafeMutableRawPointer(target + index).storeBytes(of: logOfPositiveNormal(x), as: SIMD4<Double>.self)
            index += 4
        }
        while index < count {
            target[index] = logOfPositiveNormal(bits: source[index].bitPattern)
            index += 1
        }
    }

    /// `logOfPositiveNormal(bits:)` on four lanes at once, in SIMD types so that it compiles to
    /// vector instructions; the same operations in the same order, lane by lane.
    @inline(__always)
    static func logOfPositiveNormal(_ x: SIMD4<Double>) -> SIMD4<Double> {
        let bits = unsafeBitCast(x, to: SIMD4<Int64>.self)
        var high = bits &>> 32  // the sign bit is clear: x is positive
        var k = (high &>> 20) &- 1023
        high &= 0x000F_FFFF
        let i = (high &+ 0x95F64) & 0x10_0000
        let reduced = ((high | (i ^ 0x3FF0_0000)) &<< 32) | (bits & 0xFFFF_FFFF)
        k &+= i &>> 20
        let f = unsafeBitCast(reduced, to: SIMD4<Double>.self) - 1.0
        let dk = SIMD4<Double>(Double(k[0]), Double(k[1]), Double(k[2]), Double(k[3]))
        let kIsZero = k .== 0
        let tiny = (0x000F_FFFF & (2 &+ high)) .< 3
        let tinyR = f * f * (0.5 - 0.33333333333333333 * f)
        let tinyNonzero = (dk * ln2Hi - ((tinyR - dk * ln2Lo) - f)).replacing(with: f - tinyR, where: kIsZero)
        let tinyZero = (dk * ln2Hi + dk * ln2Lo).replacing(with: 0, where: kIsZero)
        let tinyResult = tinyNonzero.replacing(with: tinyZero, where: f .== 0)
        let s = f / (2.0 + f)
        let z = s * s
        let w = z * z
        let j = (high &- 0x6147A) | (0x6B851 &- high)
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        let withSquare = (dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f))
            .replacing(with: f - (hfsq - s * (hfsq + r)), where: kIsZero)
        let withoutSquare = (dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f))
            .replacing(with: f - s * (f - r), where: kIsZero)
        return withoutSquare.replacing(with: withSquare, where: j .> 0).replacing(with: tinyResult, where: tiny)
    }

    /// fdlibm's reconstruction for `0x1p-1022 ≤ x < ∞` with every branch replaced by a select;
    /// identical, operation for operation, to the normal-range path of `log(_:)`.
    @inline(__always)
    static func logOfPositiveNormal(bits: UInt64) -> Double {
        var high = Int32(truncatingIfNeeded: Int64(bitPattern: bits) >> 32)
        var k = (high >> 20) &- 1023
        high &= 0x000F_FFFF
        let i = (high &+ 0x95F64) & 0x10_0000
        let newHigh = UInt64(UInt32(bitPattern: high | (i ^ 0x3FF0_0000)))
        let x = Double(bitPattern: (newHigh << 32) | (bits & 0xFFFF_FFFF))
        k &+= i >> 20
        let f = x - 1.0
        let dk = Double(k)
        let kIsZero = k == 0
        // −2^−20 ≤ f < 2^−20
        let tiny = (0x000F_FFFF & (2 &+ high)) < 3
        let tinyR = f * f * (0.5 - 0.33333333333333333 * f)
        let tinyResult =
            f == 0
            ? (kIsZero ? 0 : dk * ln2Hi + dk * ln2Lo)
            : (kIsZero ? f - tinyR : dk * ln2Hi - ((tinyR - dk * ln2Lo) - f))
        let s = f / (2.0 + f)
        let z = s * s
        let w = z * z
        let j = (high &- 0x6147A) | (0x6B851 &- high)
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        let withSquare =
            kIsZero
            ? f - (hfsq - s * (hfsq + r))
            : dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
        let withoutSquare = kIsZero ? f - s * (f - r) : dk * ln2Hi - ((s * (f - r) - dk * ln2Lo) - f)
        return tiny ? tinyResult : (j > 0 ? withSquare : withoutSquare)
    }
}
