import QuantEngine
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `PortableMath.sin`/`cos` against the platform's libm (glibc's are correctly rounded in
/// practice; fdlibm promises less than 1 ulp), so every difference must be at most 1 ulp.
@Suite("Portable sine and cosine")
struct TrigonometryTests {
    /// The largest ulp distance of both functions from the platform's over `inputs`.
    private func worstDistance(_ inputs: [Double]) -> UInt64 {
        var worst: UInt64 = 0
        for x in inputs {
            worst = max(worst, ulpDistance(PortableMath.sin(x), sin(x)))
            worst = max(worst, ulpDistance(PortableMath.cos(x), cos(x)))
        }
        return worst
    }

    @Test func withinOneUlpOnDatasetRanges() {
        var g = RandomGenerator(seed: 2718)
        // The kernels alone (|x| ≤ π/4), the ±1 quadrant special case and the medium range.
        let small = (0..<100_000).map { _ in (2 * g.nextDouble() - 1) * .pi / 4 }
        let moderate = (0..<100_000).map { _ in (2 * g.nextDouble() - 1) * 3 * .pi / 4 }
        let hundreds = (0..<200_000).map { _ in (2 * g.nextDouble() - 1) * 500 }
        #expect(worstDistance(small) <= 1)
        #expect(worstDistance(moderate) <= 1)
        #expect(worstDistance(hundreds) <= 1)
    }

    @Test func withinOneUlpNearMultiplesOfHalfPi() {
        // Cancellation is worst next to k·π/2: the Double nearest to it and its neighbours.
        var inputs: [Double] = []
        for k in 1...2_000 {
            let x = Double(k) * (Double.pi / 2)
            inputs += [x, x.nextUp, x.nextDown, -x]
        }
        for k in stride(from: 2_001, through: 1_000_000, by: 997) {
            let x = Double(k) * (Double.pi / 2)
            inputs += [x, x.nextUp, x.nextDown]
        }
        #expect(worstDistance(inputs) <= 1)
    }

    @Test func withinOneUlpOverAllMagnitudes() {
        // Random bit patterns of finite doubles: every exponent, both signs, subnormals, and
        // huge arguments that take the Payne–Hanek reduction.
        var g = RandomGenerator(seed: 31_415)
        let inputs = (0..<200_000).map { _ -> Double in
            let bits = g.next()
            let x = Double(bitPattern: bits)
            return x.isFinite ? x : Double(bitPattern: bits & 0xBFEF_FFFF_FFFF_FFFF)
        }
        #expect(worstDistance(inputs) <= 1)
        #expect(worstDistance([.greatestFiniteMagnitude, 0x1p1023, 1e22, 1e300, 0x1p20 * .pi]) <= 1)
    }

    /// The double closest to a multiple of π/2 (Kahan & McDonald; Muller, "Elementary
    /// Functions"): x = 6381956970095103·2^797, x mod π/2 ≈ 4.6871659242546276e−19, so the
    /// reduction must keep about 120 bits. The expected values are the correctly rounded
    /// cos x = −4.687165924254627611e−19 and sin x = 1 − 1.1e−37, computed with mpmath at 3,000
    /// bits. (glibc 2.3x is 8 ulp off here, which is why this case is not compared with it.)
    @Test func hardestArgumentReduction() {
        let hardest = 6_381_956_970_095_103 * 0x1p797
        #expect(PortableMath.cos(hardest) == -4.687165924254628e-19)
        #expect(PortableMath.sin(hardest) == 1)
        #expect(PortableMath.cos(-hardest) == -4.687165924254628e-19)
        #expect(PortableMath.sin(-hardest) == -1)
    }

    @Test func exactSpecialValues() {
        #expect(PortableMath.sin(0) == 0)
        #expect(PortableMath.sin(-0.0).sign == .minus)
        #expect(PortableMath.cos(0) == 1)
        #expect(PortableMath.cos(-0.0) == 1)
        #expect(PortableMath.sin(0x1p-1074) == 0x1p-1074)
        #expect(PortableMath.sin(.infinity).isNaN)
        #expect(PortableMath.cos(-.infinity).isNaN)
        #expect(PortableMath.sin(.nan).isNaN)
        #expect(PortableMath.cos(.nan).isNaN)
        // The correctly rounded values at the Double nearest π and π/2.
        #expect(PortableMath.sin(.pi) == 1.2246467991473532e-16)
        #expect(PortableMath.cos(.pi) == -1)
        #expect(PortableMath.sin(.pi / 2) == 1)
        #expect(PortableMath.cos(.pi / 2) == 6.123233995736766e-17)
    }

    @Test func oddAndEven() {
        var g = RandomGenerator(seed: 5)
        for _ in 0..<10_000 {
            let x = (g.nextDouble() - 0.5) * 1e7
            #expect(PortableMath.sin(-x) == -PortableMath.sin(x))
            #expect(PortableMath.cos(-x) == PortableMath.cos(x))
        }
    }
}
