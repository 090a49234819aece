/// Random tensors. Elements are drawn in row-major order from one `RandomGenerator` stream —
/// sequentially, never split across threads — so the same seed gives the same tensor everywhere.
/// Each sample is computed in Double and rounded once to Float32 (round to nearest even).
extension Tensor {
    /// Normal samples `mean + std · z`, z from `RandomGenerator.nextNormal()` (Marsaglia polar).
    public static func randn(
        _ shape: [Int], mean: Double = 0, std: Double = 1, seed: UInt64
    ) throws(QuantEngineError) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return try randn(shape, mean: mean, std: std, using: &generator)
    }

    /// Normal samples drawn from, and advancing, `generator`.
    public static func randn(
        _ shape: [Int], mean: Double = 0, std: Double = 1, using generator: inout RandomGenerator
    ) throws(QuantEngineError) -> Tensor {
        guard mean.isFinite else { throw .invalidArgument("randn: mean must be finite, got \(mean)") }
        guard std.isFinite, std >= 0 else {
            throw .invalidArgument("randn: std must be finite and not negative, got \(std)")
        }
        let count = try Shape.elementCount(shape)
        return build(shape: shape, count: count) { out in
            generator.fillNormals(out, mean: mean, std: std)
        }
    }

    /// Uniform samples in `range`: `lo + (hi − lo) · u` in Double with `u = nextFloat()` in
    /// [0, 1), one 64-bit output per element. After rounding to Float32 a sample may equal `hi`.
    public static func rand(
        _ shape: [Int], in range: ClosedRange<Double> = 0...1, seed: UInt64
    ) throws(QuantEngineError) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return try rand(shape, in: range, using: &generator)
    }

    /// Uniform samples drawn from, and advancing, `generator`.
    public static func rand(
        _ shape: [Int], in range: ClosedRange<Double> = 0...1, using generator: inout RandomGenerator
    ) throws(QuantEngineError) -> Tensor {
        let lo = range.lowerBound
        let width = range.upperBound - range.lowerBound
        guard lo.isFinite, range.upperBound.isFinite, width.isFinite else {
            throw .invalidArgument("rand: the range must be finite, got \(range)")
        }
        return try fill(shape) { Float(lo + width * Double(generator.nextFloat())) }  // to Float32: nearest even
    }

    /// Laplace samples with location `loc` and scale `scale` (numpy's inversion formula, see
    /// `RandomGenerator.nextLaplace`). Weights of trained networks are often closer to Laplace
    /// than to normal, which matters for clipping.
    public static func laplace(
        _ shape: [Int], loc: Double = 0, scale: Double = 1, seed: UInt64
    ) throws(QuantEngineError) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return try laplace(shape, loc: loc, scale: scale, using: &generator)
    }

    /// Laplace samples drawn from, and advancing, `generator`.
    public static func laplace(
        _ shape: [Int], loc: Double = 0, scale: Double = 1, using generator: inout RandomGenerator
    ) throws(QuantEngineError) -> Tensor {
        guard loc.isFinite else { throw .invalidArgument("laplace: loc must be finite, got \(loc)") }
        guard scale.isFinite, scale > 0 else {
            throw .invalidArgument("laplace: scale must be finite and positive, got \(scale)")
        }
        let count = try Shape.elementCount(shape)
        return build(shape: shape, count: count) { out in
            generator.fillLaplace(out, loc: loc, scale: scale)
        }
    }

    /// A tensor whose elements are `sample()` called in row-major order.
    private static func fill(_ shape: [Int], _ sample: () -> Float) throws(QuantEngineError) -> Tensor {
        let count = try Shape.elementCount(shape)
        return build(shape: shape, count: count) { out in
            for i in 0..<count { out[i] = sample() }
        }
    }
}
