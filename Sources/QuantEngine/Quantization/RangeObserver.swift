/// Accumulates the range of activations over batches, as PyTorch's observers do: the running
/// minimum and maximum, or their exponential moving average
/// `new = old + c · (batch − old)` (PyTorch's `MovingAverageMinMaxObserver`, c = 0.01 by
/// default), in Float32. The first batch sets the range.
public struct RangeObserver: Sendable, Equatable {
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        case minMax
        case movingAverage(Double)

        public var description: String {
            switch self {
            case .minMax: return "minMax"
            case .movingAverage(let c): return "movingAverage(\(c))"
            }
        }
    }

    public let kind: Kind
    /// The observed minimum (averaged for `.movingAverage`); nil before the first batch.
    public private(set) var min: Float?
    public private(set) var max: Float?
    /// How many batches were observed.
    public private(set) var batches = 0

    /// - Throws: `invalidArgument` for an averaging constant outside (0, 1].
    public init(_ kind: Kind) throws(QuantEngineError) {
        if case .movingAverage(let c) = kind, !(c > 0 && c <= 1) {
            throw .invalidArgument("the averaging constant must be in (0, 1], got \(c)")
        }
        self.kind = kind
    }

    /// Folds one batch into the range.
    ///
    /// - Throws: `emptyTensor` for an empty batch, `nonFiniteValue` for NaN or infinite data.
    public mutating func observe(_ batch: Tensor) throws(QuantEngineError) {
        guard batch.count > 0 else { throw .emptyTensor(operation: "observe") }
        let scan = batch.rangeScan()
        if scan.hasNonFinite { throw batch.nonFiniteError() }
        batches += 1
        guard let oldMin = min, let oldMax = max else {
            (min, max) = (scan.min, scan.max)
            return
        }
        switch kind {
        case .minMax:
            (min, max) = (Swift.min(oldMin, scan.min), Swift.max(oldMax, scan.max))
        case .movingAverage(let c):
            let constant = Float(c)
            min = oldMin + constant * (scan.min - oldMin)
            max = oldMax + constant * (scan.max - oldMax)
        }
    }

    /// The range to quantize with, as a fixed range method.
    ///
    /// - Throws: `invalidArgument` before the first batch.
    public func rangeMethod() throws(QuantEngineError) -> RangeMethod {
        guard let min, let max else {
            throw .invalidArgument("the observer has not seen any data yet; call observe(x) first")
        }
        return .fixed(min, max)
    }
}
