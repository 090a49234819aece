/// Per-feature standardisation `(x − mean) / std`, with statistics fitted on training data only
/// (scikit-learn's `StandardScaler`): fitting on all the data would leak the test set into the
/// model. For image data the features are the pixels, so each pixel position gets its own
/// statistics.
public struct Standardizer: Sendable, Equatable {
    /// The shape of one sample the statistics belong to.
    public let sampleShape: [Int]
    /// The mean of each feature (row-major over `sampleShape`) over the training samples.
    public let mean: [Double]
    /// The population standard deviation (divided by n, numpy's `ddof=0`) of each feature, with
    /// 0 (a constant feature) replaced by 1 so that it is only centred.
    public let std: [Double]

    /// The statistics of `train`'s features, in Double with a fixed order: each feature's mean
    /// sums its values over the samples in order and divides by n; the variance is the mean of
    /// `(x − mean)²` summed the same way (two passes, no cancellation).
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `train` has no sample.
    public static func fit(_ train: Dataset) throws(QuantEngineError) -> Standardizer {
        let n = train.count
        guard n > 0 else { throw .invalidArgument("Standardizer.fit: the training data has no sample") }
        let size = train.sampleSize
        var sums = [Double](repeating: 0, count: size)
        var squares = [Double](repeating: 0, count: size)
        train.features.withUnsafeBufferPointer { x in
            for sample in 0..<n {
                for feature in 0..<size { sums[feature] += Double(x[sample * size + feature]) }
            }
            for feature in 0..<size { sums[feature] /= Double(n) }
            for sample in 0..<n {
                for feature in 0..<size {
                    let d = Double(x[sample * size + feature]) - sums[feature]
                    squares[feature] += d * d
                }
            }
        }
        let std = squares.map { sum in
            let s = (sum / Double(n)).squareRoot()
            return s == 0 ? 1 : s
        }
        return Standardizer(sampleShape: train.sampleShape, mean: sums, std: std)
    }

    /// `dataset` with every feature replaced by `Float((Double(x) − mean) / std)` (a true
    /// division, rounded once to Float32, nearest even); labels unchanged.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when the sample shape differs from the fitted one.
    public func apply(_ dataset: Dataset) throws(QuantEngineError) -> Dataset {
        Dataset(
            validatedName: dataset.name, features: try apply(features: dataset.features), labels: dataset.labels,
            classCount: dataset.classCount, classNames: dataset.classNames)
    }

    /// Standardises a tensor of samples, `[n] + sampleShape`, as `apply(_:)` does for a data set.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when the sample shape differs from the fitted one.
    public func apply(features: Tensor) throws(QuantEngineError) -> Tensor {
        guard Array(features.shape.dropFirst()) == sampleShape, !features.shape.isEmpty else {
            throw .invalidArgument(
                "Standardizer.apply: fitted on samples of shape \(sampleShape), got features of shape \(features.shape)"
            )
        }
        let size = mean.count
        var values = features.scalars
        for index in values.indices {
            let feature = index % size
            values[index] = Float((Double(values[index]) - mean[feature]) / std[feature])  // to Float32: nearest even
        }
        return Tensor(validatedShape: features.shape, scalars: values)
    }
}
