/// Which elements share one scale and zero point.
public enum Granularity: Sendable, Equatable, CustomStringConvertible {
    /// One scale and zero point for the whole tensor.
    case perTensor
    /// One per slice along `axis` (ONNX `QuantizeLinear`'s `axis`, PyTorch's `per_channel`): for a
    /// `[out, in]` weight matrix, `axis: 0` gives every output channel its own scale.
    case perChannel(axis: Int)
    /// One per run of `size` consecutive elements along the last axis (block-wise quantization,
    /// as ONNX `block_size` and the GPTQ/AWQ "group size"); `size` must divide the last dimension.
    case perGroup(size: Int)

    public var description: String {
        switch self {
        case .perTensor: return "per-tensor"
        case .perChannel(let axis): return "per-channel (axis \(axis))"
        case .perGroup(let size): return "per-group (size \(size))"
        }
    }

    /// How a tensor of `shape` splits into groups.
    ///
    /// - Throws: `invalidArgument` for an axis outside the shape, a group size below 1, a group
    ///   size that does not divide the last dimension, or a scalar tensor with a finer granularity.
    public func layout(for shape: [Int]) throws(QuantEngineError) -> GroupLayout {
        let count = shape.reduce(1, *)
        switch self {
        case .perTensor:
            return GroupLayout(outer: 1, groups: 1, inner: count)
        case .perChannel(let axis):
            guard !shape.isEmpty else {
                throw .invalidArgument("per-channel quantization needs a tensor with at least one axis, got a scalar")
            }
            guard (0..<shape.count).contains(axis) else {
                throw .invalidArgument(
                    "axis \(axis) is out of range for shape \(shape) (axes 0…\(shape.count - 1))")
            }
            let outer = shape[..<axis].reduce(1, *)
            let inner = shape[(axis + 1)...].reduce(1, *)
            return GroupLayout(outer: outer, groups: shape[axis], inner: inner)
        case .perGroup(let size):
            guard size >= 1 else { throw .invalidArgument("group size must be at least 1, got \(size)") }
            guard let last = shape.last else {
                throw .invalidArgument("per-group quantization needs a tensor with at least one axis, got a scalar")
            }
            guard last % size == 0 else {
                throw .invalidArgument(
                    "group size \(size) does not divide the last dimension \(last) of shape \(shape)")
            }
            return GroupLayout(outer: 1, groups: count / size, inner: size)
        }
    }
}

/// The groups of a granularity over one shape, as runs of contiguous elements: the tensor is
/// `outer` repetitions of `groups` runs of `inner` elements each, and run `g` of every
/// repetition belongs to group `g`. Per-tensor is one run; per-channel along axis `a` has
/// `inner` = the product of the axes after `a`; per-group has runs of the group size.
public struct GroupLayout: Sendable, Equatable {
    public let outer: Int
    public let groups: Int
    public let inner: Int

    /// Calls `body(group, range)` for every run, in memory order.
    @inline(__always)
    func forEachRun(_ body: (Int, Range<Int>) throws -> Void) rethrows {
        guard inner > 0 else { return }
        var start = 0
        for _ in 0..<outer {
            for group in 0..<groups {
                try body(group, start..<(start + inner))
                start += inner
            }
        }
    }

    /// Calls `body(group, piece)` for the part inside `range` of every run that meets it, in
    /// memory order: how the element-wise kernels cut a chunk of the tensor.
    @inline(__always)
    func forEachRun(in range: Range<Int>, _ body: (Int, Range<Int>) -> Void) {
        guard inner > 0, !range.isEmpty else { return }
        var run = range.lowerBound / inner
        var start = run * inner
        while start < range.upperBound {
            body(run % groups, Swift.max(start, range.lowerBound)..<Swift.min(start + inner, range.upperBound))
            run += 1
            start += inner
        }
    }

    /// Min, max and whether a non-finite value occurs, per group.
    func ranges(of x: UnsafeBufferPointer<Float>) -> (min: [Float], max: [Float], nonFinite: Bool) {
        var lows = [Float](repeating: .infinity, count: groups)
        var highs = [Float](repeating: -.infinity, count: groups)
        var bad: UInt32 = 0
        forEachRun { group, range in
            var lo = lows[group]
            var hi = highs[group]
            for i in range {
                let v = x[i]
                bad |= QuantizationKernels.nonFiniteFlag(v)
                lo = v < lo ? v : lo
                hi = v > hi ? v : hi
            }
            lows[group] = lo
            highs[group] = hi
        }
        return (lows, highs, bad != 0)
    }

    /// The elements of each group, copied out (for percentile and search-based calibration).
    func values(of x: UnsafeBufferPointer<Float>) -> [[Float]] {
        var result = [[Float]](repeating: [], count: groups)
        for group in 0..<groups { result[group].reserveCapacity(outer * inner) }
        forEachRun { group, range in result[group].append(contentsOf: x[range]) }
        return result
    }
}
