import QuantEngine
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Synthetic data sets")
struct SyntheticTests {
    /// The points of `data` as (x, y, label), in Double.
    private func points(_ data: Dataset) -> [(x: Double, y: Double, label: Int)] {
        (0..<data.count).map {
            (Double(data.features.scalars[2 * $0]), Double(data.features.scalars[2 * $0 + 1]), data.labels[$0])
        }
    }

    private func distance(_ p: (x: Double, y: Double, label: Int), _ cx: Double, _ cy: Double) -> Double {
        ((p.x - cx) * (p.x - cx) + (p.y - cy) * (p.y - cy)).squareRoot()
    }

    /// Float32 rounding of coordinates up to 2 in magnitude moves a radius by at most ~2.4e−7.
    private let onCircle = 1e-6

    @Test func moonsLieOnTheirHalfCircles() throws {
        let data = try Dataset.synthetic(.moons, count: 201, noise: 0, seed: 1)
        #expect(data.features.shape == [201, 2])
        #expect(data.classCount == 2)
        // scikit-learn: n_samples // 2 outer points (class 0), the rest inner (class 1).
        #expect(data.classCounts == [100, 101])
        for p in points(data) {
            if p.label == 0 {
                #expect(abs(distance(p, 0, 0) - 1) < onCircle && p.y >= -onCircle)
            } else {
                #expect(abs(distance(p, 1, 0.5) - 1) < onCircle && p.y <= 0.5 + onCircle)
            }
        }
        // t evenly spaced over [0, π] including both ends: the outer x coordinates are cos(t).
        let outerX = points(data).filter { $0.label == 0 }.map(\.x).sorted()
        let expected = (0..<100).map { Float(cos(Double($0) * .pi / 99)) }.sorted()
        #expect(zip(outerX, expected).allSatisfy { abs($0 - Double($1)) < 1e-7 })
        #expect(outerX.first == -1 && outerX.last == 1)
    }

    @Test func moonsNoiseHasTheRequestedSpread() throws {
        let clean = try Dataset.synthetic(.moons, count: 20_000, noise: 0, seed: 3)
        let noisy = try Dataset.synthetic(.moons, count: 20_000, noise: 0.1, seed: 3)
        // The same seed gives the same order, so the differences are the noise alone.
        #expect(clean.labels == noisy.labels)
        let deltas = zip(clean.features.scalars, noisy.features.scalars).map { Double($1) - Double($0) }
        let mean = deltas.reduce(0, +) / Double(deltas.count)
        let std = (deltas.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(deltas.count)).squareRoot()
        // 40,000 normals: standard error of the mean 0.1/200 = 5e−4, of the std ≈ 3.5e−4; 5σ.
        #expect(abs(mean) < 2.5e-3)
        #expect(abs(std - 0.1) < 1.8e-3)
    }

    @Test func circlesHaveRadiusOneAndFactor() throws {
        let data = try Dataset.synthetic(.circles(factor: 0.3), count: 100, noise: 0, seed: 2)
        #expect(data.classCounts == [50, 50])
        for p in points(data) {
            #expect(abs(distance(p, 0, 0) - (p.label == 0 ? 1 : 0.3)) < onCircle)
        }
        #expect(try Dataset.synthetic(.circles(), count: 7, noise: 0, seed: 2).classCounts == [3, 4])
        let defaultFactor = try Dataset.synthetic(.circles(), count: 10, noise: 0, seed: 2)
        #expect(points(defaultFactor).filter { $0.label == 1 }.allSatisfy { abs(distance($0, 0, 0) - 0.5) < onCircle })
    }

    @Test func spiralsFollowTheirParametrisation() throws {
        let data = try Dataset.synthetic(.spirals(arms: 3), count: 301, noise: 0, seed: 4)
        #expect(data.classCount == 3)
        #expect(data.classCounts == [101, 100, 100])
        for p in points(data) where distance(p, 0, 0) > 1e-3 {
            // θ = 2π·k/3 + 3π·r, so (angle − 3π·r − 2π·k/3) is a multiple of 2π.
            let r = distance(p, 0, 0)
            #expect(r <= 1 + onCircle)
            let turns = (atan2(p.y, p.x) - 3 * .pi * r - 2 * .pi * Double(p.label) / 3) / (2 * .pi)
            #expect(abs(turns - turns.rounded()) < 1e-5)
        }
        #expect(try Dataset.synthetic(.spirals(), count: 10, noise: 0, seed: 4).classCount == 2)
    }

    @Test func blobsAndGaussians() throws {
        let blobs = try Dataset.synthetic(.blobs(centers: 4), count: 402, noise: 0, seed: 5)
        #expect(blobs.classCounts == [101, 101, 100, 100])
        // Without noise every class sits on its one centre, inside the box [−10, 10)².
        for label in 0..<4 {
            let members = points(blobs).filter { $0.label == label }
            #expect(Set(members.map { [$0.x, $0.y] }).count == 1)
            #expect(members.allSatisfy { abs($0.x) <= 10 && abs($0.y) <= 10 })
        }
        let mixture = try Dataset.synthetic(.gaussians, count: 30_000, noise: 0.6, seed: 6)
        #expect(mixture.classCounts == [10_000, 10_000, 10_000])
        let means = [(0.0, 1.0), (-(3.0.squareRoot()) / 2, -0.5), (3.0.squareRoot() / 2, -0.5)]
        for (label, mean) in means.enumerated() {
            let members = points(mixture).filter { $0.label == label }
            let mx = members.map(\.x).reduce(0, +) / Double(members.count)
            let my = members.map(\.y).reduce(0, +) / Double(members.count)
            // Standard error 0.6/100 = 0.006; 5σ.
            #expect(abs(mx - mean.0) < 0.03 && abs(my - mean.1) < 0.03)
        }
    }

    @Test(arguments: [SyntheticKind.moons, .circles(), .spirals(), .blobs(centers: 3), .gaussians])
    func deterministicAndShuffled(kind: SyntheticKind) throws {
        let a = try Dataset.synthetic(kind, count: 300, noise: 0.2, seed: 42)
        let b = try Dataset.synthetic(kind, count: 300, noise: 0.2, seed: 42)
        let c = try Dataset.synthetic(kind, count: 300, noise: 0.2, seed: 43)
        #expect(a == b)
        #expect(a.features.scalars.map(\.bitPattern) == b.features.scalars.map(\.bitPattern))
        #expect(a.features != c.features)
        #expect(a.name == kind.description)
        // Shuffled: the labels are not sorted, and the first 20 samples hold more than one class.
        #expect(a.labels != a.labels.sorted())
        #expect(Set(a.labels.prefix(20)).count > 1)
    }

    /// A regression lock, not an independent check: the first values of two data sets as
    /// recorded from this implementation on x86-64 Linux. They involve only IEEE operations,
    /// `PortableMath` and `RandomGenerator`, so every platform must reproduce these bits.
    @Test func recordedValuesAreReproduced() throws {
        let moons = try Dataset.synthetic(.moons, count: 100, noise: 0.1, seed: 2024)
        #expect(Array(moons.labels.prefix(4)) == [0, 1, 1, 0])
        #expect(
            moons.features.scalars.prefix(4).map(\.bitPattern) == [0x3F43_1822, 0x3F2B_E1F4, 0x3FE8_FC16, 0xBDE0_5A90])
        let spirals = try Dataset.synthetic(.spirals(), count: 100, noise: 0.1, seed: 2024)
        #expect(
            spirals.features.scalars.prefix(4).map(\.bitPattern) == [
                0xBDE0_E3AF, 0x3E87_97D2, 0xBE17_BCAF, 0xBF5E_B029,
            ])
    }

    @Test func invalidArgumentsThrow() {
        for count in [-5, 0] {
            #expect(throws: QuantEngineError.invalidArgument("synthetic moons: count must be at least 1, got \(count)"))
            {
                try Dataset.synthetic(.moons, count: count, noise: 0.1, seed: 1)
            }
        }
        for noise in [-0.1, .nan, .infinity] {
            #expect(throws: QuantEngineError.self) { try Dataset.synthetic(.moons, count: 10, noise: noise, seed: 1) }
        }
        let bad: [SyntheticKind] = [
            .circles(factor: 1), .circles(factor: -0.1), .circles(factor: .nan), .spirals(arms: 0), .blobs(centers: 0),
            .blobs(centers: 11),
        ]
        for kind in bad {
            #expect(throws: QuantEngineError.self) { try Dataset.synthetic(kind, count: 10, noise: 0.1, seed: 1) }
        }
        #expect(throws: QuantEngineError.self) { try Dataset.synthetic(.moons, count: 1 << 40, noise: 0, seed: 1) }
    }
}
