/// Seeded synthetic data sets in the plane, identical on every platform: the geometry uses
/// IEEE-exact arithmetic and `PortableMath.sin`/`cos`, the randomness one `RandomGenerator`.
extension Dataset {
    /// `count` points of the problem `kind` (see `SyntheticKind` for each geometry), features
    /// `[count, 2]`, in a shuffled order.
    ///
    /// The generator seeded with `seed` is used in a fixed order: for `blobs`, the centres; then
    /// a permutation of the noiseless points (Fisher–Yates, `RandomGenerator.shuffle`), so the
    /// classes are interleaved; then, for each sample in that order, two normals (x, y) scaled by
    /// `noise` and added to its coordinates. Values are computed in Double and rounded once to
    /// Float32 (nearest even). The noiseless geometry follows scikit-learn; its random streams
    /// (numpy's) are not reproduced.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `count` is below 1, `noise` is negative,
    ///   NaN or infinite, `factor` is outside [0, 1), or `arms`/`centers` is outside 1…count.
    public static func synthetic(
        _ kind: SyntheticKind, count: Int, noise: Double, seed: UInt64
    ) throws(QuantEngineError) -> Dataset {
        guard count >= 1 else {
            throw .invalidArgument("synthetic \(kind): count must be at least 1, got \(count)")
        }
        _ = try Shape.elementCount([count, 2])
        guard noise.isFinite, noise >= 0 else {
            throw .invalidArgument("synthetic \(kind): noise must be a finite number ≥ 0, got \(noise)")
        }
        var generator = RandomGenerator(seed: seed)
        let points: [SyntheticPoint]
        switch kind {
        case .moons:
            points = moons(count)
        case .circles(let factor):
            guard factor >= 0, factor < 1 else {
                throw .invalidArgument("synthetic circles: factor must be in [0, 1), got \(factor)")
            }
            points = circles(count, factor: factor)
        case .spirals(let arms):
            guard arms >= 1, arms <= count else {
                throw .invalidArgument("synthetic spirals: arms must be between 1 and count (\(count)), got \(arms)")
            }
            points = spirals(count, arms: arms)
        case .blobs(let centerCount):
            guard centerCount >= 1, centerCount <= count else {
                throw .invalidArgument(
                    "synthetic blobs: centers must be between 1 and count (\(count)), got \(centerCount)")
            }
            var centers: [(Double, Double)] = []
            for _ in 0..<centerCount {
                let x = -10 + 20 * generator.nextDouble()
                let y = -10 + 20 * generator.nextDouble()
                centers.append((x, y))
            }
            points = clusters(count, centers: centers)
        case .gaussians:
            let half = 3.0.squareRoot() / 2
            points = clusters(count, centers: [(0, 1), (-half, -0.5), (half, -0.5)])
        }
        let order = generator.permutation(count)
        var values = [Float]()
        values.reserveCapacity(2 * count)
        var labels = [Int]()
        labels.reserveCapacity(count)
        for index in order {
            let point = points[index]
            let dx = generator.nextNormal()
            let dy = generator.nextNormal()
            values.append(Float(point.x + noise * dx))  // to Float32: nearest even
            values.append(Float(point.y + noise * dy))  // to Float32: nearest even
            labels.append(point.label)
        }
        let features = Tensor(validatedShape: [count, 2], scalars: values)
        return Dataset(
            validatedName: kind.description, features: features, labels: labels, classCount: kind.classCount,
            classNames: nil)
    }

    /// numpy's `linspace(0, stop, n, endpoint:)` in Double: `i·step` with `step = stop / (n − 1)`
    /// (or `stop / n` without the end point), and the last value exactly `stop` with it.
    static func evenlySpaced(_ n: Int, to stop: Double, endpoint: Bool) -> [Double] {
        let divisions = endpoint ? n - 1 : n
        guard divisions > 0 else { return [Double](repeating: 0, count: n) }
        let step = stop / Double(divisions)
        var values = (0..<n).map { Double($0) * step }
        if endpoint { values[n - 1] = stop }
        return values
    }

    /// Class sizes as scikit-learn's `make_blobs` divides `count`: `count / k` each, and one more
    /// for each of the first `count % k` classes.
    static func classSizes(_ count: Int, classes: Int) -> [Int] {
        (0..<classes).map { count / classes + ($0 < count % classes ? 1 : 0) }
    }

    private static func moons(_ count: Int) -> [SyntheticPoint] {
        let outer = count / 2
        var points = [SyntheticPoint]()
        for t in evenlySpaced(outer, to: .pi, endpoint: true) {
            points.append(SyntheticPoint(x: PortableMath.cos(t), y: PortableMath.sin(t), label: 0))
        }
        for t in evenlySpaced(count - outer, to: .pi, endpoint: true) {
            points.append(SyntheticPoint(x: 1 - PortableMath.cos(t), y: 1 - PortableMath.sin(t) - 0.5, label: 1))
        }
        return points
    }

    private static func circles(_ count: Int, factor: Double) -> [SyntheticPoint] {
        let outer = count / 2
        var points = [SyntheticPoint]()
        for t in evenlySpaced(outer, to: 2 * .pi, endpoint: false) {
            points.append(SyntheticPoint(x: PortableMath.cos(t), y: PortableMath.sin(t), label: 0))
        }
        for t in evenlySpaced(count - outer, to: 2 * .pi, endpoint: false) {
            points.append(SyntheticPoint(x: PortableMath.cos(t) * factor, y: PortableMath.sin(t) * factor, label: 1))
        }
        return points
    }

    private static func spirals(_ count: Int, arms: Int) -> [SyntheticPoint] {
        var points = [SyntheticPoint]()
        for (arm, size) in classSizes(count, classes: arms).enumerated() {
            let offset = 2 * .pi * Double(arm) / Double(arms)
            for r in evenlySpaced(size, to: 1, endpoint: true) {
                let angle = offset + 3 * .pi * r
                points.append(
                    SyntheticPoint(x: r * PortableMath.cos(angle), y: r * PortableMath.sin(angle), label: arm))
            }
        }
        return points
    }

    private static func clusters(_ count: Int, centers: [(Double, Double)]) -> [SyntheticPoint] {
        var points = [SyntheticPoint]()
        for (label, size) in classSizes(count, classes: centers.count).enumerated() {
            let (x, y) = centers[label]
            points.append(contentsOf: repeatElement(SyntheticPoint(x: x, y: y, label: label), count: size))
        }
        return points
    }
}

/// A noiseless point of a synthetic problem and its class.
private struct SyntheticPoint {
    var x: Double
    var y: Double
    var label: Int
}
