/// The three parts of a data set: train (to fit the model and any normalisation), validation
/// (to choose settings) and test (to report once).
public struct DatasetSplit: Sendable, Equatable, CustomStringConvertible {
    public private(set) var train: Dataset
    public private(set) var validation: Dataset
    public private(set) var test: Dataset
    /// The statistics the parts were standardised with, set by `standardized()`; `nil` for raw
    /// features. Kept so that new inputs (a point to classify) can be transformed the same way.
    public private(set) var standardizer: Standardizer?

    /// A split of three given parts.
    ///
    /// - Throws: `QuantEngineError` when the parts differ in sample shape or class count.
    public init(train: Dataset, validation: Dataset, test: Dataset) throws(QuantEngineError) {
        for part in [validation, test] {
            guard part.sampleShape == train.sampleShape else {
                throw .invalidArgument(
                    "DatasetSplit: every part needs the same sample shape, got \(train.sampleShape) and \(part.sampleShape)"
                )
            }
            guard part.classCount == train.classCount else {
                throw .invalidArgument(
                    "DatasetSplit: every part needs the same class count, got \(train.classCount) and \(part.classCount)"
                )
            }
        }
        self.init(validatedTrain: train, validation: validation, test: test)
    }

    init(validatedTrain train: Dataset, validation: Dataset, test: Dataset, standardizer: Standardizer? = nil) {
        self.train = train
        self.validation = validation
        self.test = test
        self.standardizer = standardizer
    }

    /// The split with all three parts standardised by statistics of the training part only
    /// (`Standardizer.fit(train)`), which is stored in `standardizer`. Validation and test
    /// features are transformed with the training mean and std, so their own means are near but
    /// not exactly 0 — as when the model meets new data. Calling it again refits on the already
    /// standardised training part (a no-op up to rounding) and stores that standardizer.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when the training part is empty.
    public func standardized() throws(QuantEngineError) -> DatasetSplit {
        let standardizer = try Standardizer.fit(train)
        return DatasetSplit(
            validatedTrain: try standardizer.apply(train), validation: try standardizer.apply(validation),
            test: try standardizer.apply(test), standardizer: standardizer)
    }

    /// The three parts' summaries, one per line.
    public var description: String {
        [train, validation, test].map(\.description).joined(separator: "\n")
    }
}
