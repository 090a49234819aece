/// How the real range to quantize is chosen from the data (calibration).
///
/// This is the statistics side of quantization, kept apart from the parameter maths
/// (`QuantizationParameters`) and the quantize step (`Quantizer`). MSE-optimal and entropy (KL)
/// calibration arrive later as new cases.
public enum RangeMethod: Sendable, Equatable, CustomStringConvertible {
    /// The exact minimum and maximum (absMax for symmetric schemes): nothing is clipped.
    case minMax
    /// Clip outliers: the `p`-th percentile (50…100, numpy's linear method) of `|x|` for
    /// symmetric schemes; the `(100 − p)`-th and `p`-th percentiles of `x` for asymmetric ones.
    case percentile(Double)
    /// A range given by hand, ignoring the data; symmetric schemes use `max(|lo|, |hi|)`.
    case fixed(Float, Float)
    /// The clipping threshold that minimises the squared error of quantizing a 2048-bin
    /// histogram of |x| (searched over the bin centres from bin 128 up, as NVIDIA's
    /// pytorch-quantization `mse` calibration).
    case mse
    /// The clipping threshold that minimises the Kullback–Leibler divergence between the
    /// histogram of |x| and its quantized version (TensorRT's entropy calibration).
    case entropy

    public var description: String {
        switch self {
        case .minMax: return "minMax"
        case .percentile(let p): return "percentile(\(p))"
        case .fixed(let lo, let hi): return "fixed(\(lo), \(hi))"
        case .mse: return "mse"
        case .entropy: return "entropy"
        }
    }

    /// The calibrated range `(min, max)` of `tensor`, given its `rangeScan()`. The tensor must be
    /// finite (the caller checks); an empty tensor gives `(0, 0)` for data-driven methods.
    func range(of tensor: Tensor, scan: Tensor.RangeScan, symmetric: Bool, bits: Int = 8) throws(QuantEngineError)
        -> (min: Float, max: Float)
    {
        switch self {
        case .minMax:
            guard tensor.count > 0 else { return (0, 0) }
            return (scan.min, scan.max)
        case .percentile(let p):
            guard p >= 50, p <= 100 else {
                throw .invalidArgument("range: percentile must be between 50 and 100, got \(p)")
            }
            guard tensor.count > 0 else { return (0, 0) }
            if symmetric {
                let absMax = try tensor.abs().percentile(p)
                return (-absMax, absMax)
            }
            return (try tensor.percentile(100 - p), try tensor.percentile(p))
        case .fixed(let lo, let hi):
            guard lo.isFinite, hi.isFinite, lo <= hi else {
                throw .invalidArgument("range: fixed(lo, hi) needs finite lo <= hi, got \(lo) and \(hi)")
            }
            return (lo, hi)
        case .mse, .entropy:
            guard tensor.count > 0 else { return (0, 0) }
            let absMax = Double(Swift.max(-scan.min, scan.max))
            // Non-negative data (after a ReLU) uses the unsigned grid of twice as many levels.
            let unsigned = !symmetric && scan.min >= 0
            let histogram = tensor.withUnsafeBufferPointer { HistogramCalibration.absHistogram($0, absMax: absMax) }
            let threshold =
                self == .mse
                ? HistogramCalibration.mseThreshold(
                    counts: histogram.counts, edges: histogram.edges, bits: bits, unsigned: unsigned)
                : HistogramCalibration.entropyThreshold(
                    counts: histogram.counts, edges: histogram.edges, bits: bits, unsigned: unsigned)
            let t = Float(threshold)
            if symmetric { return (-t, t) }
            return (Swift.max(scan.min, -t), Swift.min(scan.max, t))
        }
    }
}
