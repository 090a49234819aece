/// Constructors for constant and evenly spaced tensors, matching numpy's float64 formulas
/// followed by one rounding to Float32 (round to nearest even), i.e.
/// `np.linspace(...).astype(np.float32)` and `np.arange(...).astype(np.float32)`.
extension Tensor {
    /// A tensor of the given shape filled with `value`.
    public static func full(_ shape: [Int], value: Float) throws(QuantEngineError) -> Tensor {
        let count = try Shape.elementCount(shape)
        return Tensor(validatedShape: shape, scalars: [Float](repeating: value, count: count))
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) throws(QuantEngineError) -> Tensor {
        try full(shape, value: 0)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) throws(QuantEngineError) -> Tensor {
        try full(shape, value: 1)
    }

    /// `count` evenly spaced values from `lo` to `hi` inclusive, numpy's `linspace`: in Double,
    /// `step = (hi − lo)/(count − 1)`, element `i` is `i · step + lo`, and the last element is
    /// exactly `hi`; then each value is rounded to Float32. `count == 1` gives `[lo]`.
    public static func linspace(_ lo: Double, _ hi: Double, count: Int) throws(QuantEngineError)
        -> Tensor
    {
        guard count >= 0 else {
            throw .invalidArgument("linspace: count must not be negative, got \(count)")
        }
        guard lo.isFinite, hi.isFinite else {
            throw .invalidArgument("linspace: bounds must be finite, got \(lo) and \(hi)")
        }
        _ = try Shape.elementCount([count])
        let divisions = count - 1
        let delta = hi - lo
        let step = divisions > 0 ? delta / Double(divisions) : .nan
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let y: Double
            if divisions <= 0 {
                y = Double(i) * delta + lo
            } else if step == 0 {
                // numpy's path for a step that underflows to zero (gh-5437).
                y = Double(i) / Double(divisions) * delta + lo
            } else {
                y = Double(i) * step + lo
            }
            values[i] = Float(y)  // to Float32: nearest even
        }
        if count > 1 { values[count - 1] = Float(hi) }
        return Tensor(values)
    }

    /// Values from `start` (inclusive) towards `stop` (exclusive) in steps of `step`, numpy's
    /// `arange`: `ceil((stop − start)/step)` elements; in Double, element 0 is `start`, element 1
    /// is `start + step`, and element `i ≥ 2` is `start + i · δ` with `δ = (start + step) − start`
    /// (numpy's fill rule); then each value is rounded to Float32.
    public static func arange(_ start: Double, _ stop: Double, step: Double = 1)
        throws(QuantEngineError) -> Tensor
    {
        guard start.isFinite, stop.isFinite, step.isFinite else {
            throw .invalidArgument("arange: start, stop and step must be finite")
        }
        guard step != 0 else { throw .invalidArgument("arange: step must not be zero") }
        let length = ((stop - start) / step).rounded(.up)  // numpy: ceil
        guard length > 0 else { return Tensor([]) }
        guard length <= Double(Tensor.maxElementCount) else {
            throw .invalidArgument("arange: \(length) elements are too many")
        }
        let count = Int(length)
        var values = [Float](repeating: 0, count: count)
        values[0] = Float(start)
        if count > 1 {
            let second = start + step
            values[1] = Float(second)
            let delta = second - start
            for i in 2..<Swift.max(count, 2) {
                values[i] = Float(start + Double(i) * delta)  // to Float32: nearest even
            }
        }
        return Tensor(values)
    }

    /// `arange(0, stop, step: 1)`.
    public static func arange(_ stop: Double) throws(QuantEngineError) -> Tensor {
        try arange(0, stop)
    }
}
