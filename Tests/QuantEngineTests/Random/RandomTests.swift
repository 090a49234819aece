import Foundation
import QuantEngine
import Testing

@Suite("Random numbers")
struct RandomTests {
    /// Reference outputs of the authors' algorithms, computed independently by
    /// `Fixtures/xoshiro_reference.py`, a direct Python transcription of
    /// https://prng.di.unimi.it/splitmix64.c and xoshiro256starstar.c (arbitrary-precision
    /// integers masked to 64 bits). SplitMix64(1234567) is also the widely published test vector.
    @Test func splitMix64ReferenceOutputs() {
        var g = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in g.next() } == expected)
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func xoshiroReferenceOutputsFromState() throws {
        // State {1, 2, 3, 4}: the same vector the Rust rand_xoshiro crate checks against C.
        var g = try RandomGenerator(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600,
        ]
        #expect((0..<6).map { _ in g.next() } == expected)
        #expect(throws: QuantEngineError.self) { try RandomGenerator(state: (0, 0, 0, 0)) }
    }

    @Test func xoshiroSeededThroughSplitMix() {
        var g = RandomGenerator(seed: 42)
        let expected: [UInt64] = [
            1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
            17_057_574_109_182_124_193, 18_295_552_978_065_317_476, 14_199_186_830_065_750_584,
        ]
        #expect((0..<6).map { _ in g.next() } == expected)
        var zero = RandomGenerator(seed: 0)
        #expect(zero.next() == 11_091_344_671_253_066_420)
    }

    @Test func uniformFloatUsesTopBits() throws {
        var g = try RandomGenerator(state: (1, 2, 3, 4))
        var copy = g
        let bits = copy.next()
        #expect(g.nextFloat() == Float(bits >> 40) * 0x1p-24)
        var h = RandomGenerator(seed: 5)
        for _ in 0..<10_000 {
            let u = h.nextFloat()
            #expect(u >= 0 && u < 1)
        }
    }

    @Test func identicalStreamsOnRepeat() throws {
        let a = try Tensor.randn([1000], mean: 1, std: 3, seed: 123)
        let b = try Tensor.randn([1000], mean: 1, std: 3, seed: 123)
        #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
        let c = try Tensor.randn([1000], mean: 1, std: 3, seed: 124)
        #expect(a != c)
        #expect(try Tensor.rand([50], seed: 1) == Tensor.rand([50], seed: 1))
        #expect(try Tensor.laplace([50], seed: 1) == Tensor.laplace([50], seed: 1))
    }

    /// A notebook-level generator continues one stream across calls.
    @Test func statefulGeneratorContinuesTheStream() throws {
        var g = RandomGenerator(seed: 7)
        let first = try Tensor.randn([3], using: &g)
        let second = try Tensor.randn([4], using: &g)
        let together = try Tensor.randn([7], seed: 7)
        #expect(first.scalars + second.scalars == together.scalars)
    }

    /// `randn` draws in batches internally; it must give exactly the values of one-at-a-time
    /// `nextNormal()` calls and leave the generator (including the spare of the polar pair) in
    /// the same state, for odd and even counts and across batch boundaries.
    @Test(arguments: [1, 2, 3, 511, 512, 513, 1001, 8193, 65_535, 65_536, 65_537, 200_001])
    func batchedNormalsEqualSequentialDraws(count: Int) throws {
        var batched = RandomGenerator(seed: 2718)
        var sequential = batched
        let first = try Tensor.randn([count], mean: -1, std: 0.5, using: &batched)
        let second = try Tensor.randn([count + 2], mean: 3, std: 2, using: &batched)
        let expectedFirst = (0..<count).map { _ in Float(-1 + 0.5 * sequential.nextNormal()) }
        let expectedSecond = (0..<(count + 2)).map { _ in Float(3 + 2 * sequential.nextNormal()) }
        #expect(first.scalars.map(\.bitPattern) == expectedFirst.map(\.bitPattern))
        #expect(second.scalars.map(\.bitPattern) == expectedSecond.map(\.bitPattern))
        #expect(batched == sequential)
        #expect(batched.nextNormal() == sequential.nextNormal())
    }

    /// `laplace` draws its uniforms in blocks and takes the logarithms afterwards, on several
    /// cores; it must give exactly the values of one-at-a-time `nextLaplace` calls.
    @Test(arguments: [1, 2, 4095, 4097, 32_768, 32_769, 100_003])
    func batchedLaplaceEqualsSequentialDraws(count: Int) throws {
        var batched = RandomGenerator(seed: 31)
        var sequential = batched
        let tensor = try Tensor.laplace([count], loc: 0.25, scale: 0.75, using: &batched)
        let expected = (0..<count).map { _ in Float(sequential.nextLaplace(loc: 0.25, scale: 0.75)) }
        #expect(tensor.scalars.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(batched == sequential)
    }

    /// The vectorised logarithm selects among fdlibm's formulas instead of branching; it must
    /// give the scalar `log`'s bits for every input, including both sides of each branch
    /// (|f| < 2^−20, the two reconstruction formulas, k = 0) and the special values, which send
    /// the buffer down the scalar path.
    @Test func vectorisedLogIsBitIdenticalToScalarLog() {
        var g = RandomGenerator(seed: 5)
        var inputs: [Double] = []
        for _ in 0..<100_000 { inputs.append(Double(bitPattern: g.next() & 0x7FEF_FFFF_FFFF_FFFF)) }
        for _ in 0..<100_000 { inputs.append(g.nextDouble() + 0x1p-60) }
        for _ in 0..<20_000 {  // |f| < 2^−20 around powers of two, and k = 0
            let near = Double(Int(g.next() % 41) - 20)
            let offset = (g.nextDouble() - 0.5) * 0x1p-19
            inputs.append(Foundation.pow(2, near) * (1 + offset))
        }
        inputs += [
            1, 2, 0.5, 1 + 0x1p-52, 1 - 0x1p-53, 2.0.squareRoot(), 0.5.squareRoot(), 0x1p-1022,
            .greatestFiniteMagnitude,
        ]
        func vectorised(_ values: [Double]) -> [Double] {
            var output = [Double](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { PortableMath.log(of: input, into: $0) }
            }
            return output
        }
        let scalar = inputs.map { PortableMath.log($0) }
        #expect(vectorised(inputs).map(\.bitPattern) == scalar.map(\.bitPattern))
        let special: [Double] = [3, 0, -0.0, -2, .infinity, .nan, .leastNonzeroMagnitude, 0x1p-1030, 7]
        let expected = special.map { PortableMath.log($0) }
        #expect(vectorised(special).map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func normalMomentsWithinStatisticalTolerance() throws {
        let n = 100_000
        let t = try Tensor.randn([n], mean: 0.5, std: 2, seed: 2024)
        // Standard errors: mean 2/√n ≈ 0.0063, std ≈ 2/√(2n) ≈ 0.0045; allow 5σ.
        #expect(Swift.abs(try t.mean() - 0.5) < 5 * 2 / Double(n).squareRoot())
        #expect(Swift.abs(try t.std() - 2) < 5 * 2 / (2 * Double(n)).squareRoot())
        // Fraction within one standard deviation ≈ 0.6827 (binomial σ ≈ 0.0015).
        let within = t.scalars.filter { Swift.abs($0 - 0.5) < 2 }.count
        #expect(Swift.abs(Double(within) / Double(n) - 0.682_689) < 0.0075)
    }

    @Test func uniformAndLaplaceMoments() throws {
        let n = 100_000
        let u = try Tensor.rand([n], in: -1...3, seed: 8)
        #expect(try u.min() >= -1 && u.max() <= 3)
        #expect(Swift.abs(try u.mean() - 1) < 5 * (16.0 / 12 / Double(n)).squareRoot())
        #expect(Swift.abs(try u.std() - (16.0 / 12).squareRoot()) < 0.01)
        let l = try Tensor.laplace([n], loc: 0, scale: 0.5, seed: 9)
        // Laplace(b): mean 0, std b·√2, mean |x| = b.
        #expect(Swift.abs(try l.mean()) < 5 * 0.5 * 2.0.squareRoot() / Double(n).squareRoot())
        #expect(Swift.abs(try l.std() - 0.5 * 2.0.squareRoot()) < 0.01)
        #expect(Swift.abs(try l.abs().mean() - 0.5) < 0.01)
    }

    @Test func invalidDistributionArguments() {
        #expect(throws: QuantEngineError.self) { try Tensor.randn([3], std: -1, seed: 1) }
        #expect(throws: QuantEngineError.self) { try Tensor.laplace([3], scale: 0, seed: 1) }
        #expect(throws: QuantEngineError.self) { try Tensor.randn([-3], seed: 1) }
    }

    /// The portable log against the platform's: within 1 ulp over many magnitudes, and exact
    /// on the special cases.
    @Test func portableLogMatchesPlatformLog() {
        var g = RandomGenerator(seed: 99)
        var worst: UInt64 = 0
        var differing = 0
        for _ in 0..<200_000 {
            // Random bit patterns of positive finite doubles (all exponents, subnormals included).
            let bits = g.next() & 0x7FEF_FFFF_FFFF_FFFF
            let x = Double(bitPattern: bits)
            let ours = PortableMath.log(x)
            let theirs = Foundation.log(x)
            let distance = ulpDistance(ours, theirs)
            worst = Swift.max(worst, distance)
            if distance > 0 { differing += 1 }
        }
        for _ in 0..<200_000 {
            // Values in (0, 1): the range the polar method uses.
            let x = g.nextDouble()
            guard x > 0 else { continue }
            worst = Swift.max(worst, ulpDistance(PortableMath.log(x), Foundation.log(x)))
        }
        for x in [1.0, 2.0, 0.5, 10.0, 1.0 + 0x1p-52, 1.0 - 0x1p-53, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            worst = Swift.max(worst, ulpDistance(PortableMath.log(x), Foundation.log(x)))
        }
        #expect(worst <= 1)
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
        #expect(PortableMath.log(.nan).isNaN)
        #expect(isClose(PortableMath.log10(1000), 3, relative: 1e-15))
    }
}
