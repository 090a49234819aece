/// A labelled data set for a small classification network: `count` samples of one shape, each
/// with a class label in `0..<classCount`.
///
/// Features are one tensor whose first axis is the sample (`[n, d]` for points, `[n, 1, 8, 8]`
/// for the digits), so a batch is a contiguous slice. Like `Tensor`, a data set is a value; every
/// initialiser validates and throws `QuantEngineError` rather than trapping.
public struct Dataset: Sendable, Equatable, CustomStringConvertible {
    /// A short name for summaries ("moons", "digits (train)").
    public var name: String
    /// The samples, `[count] + sampleShape`.
    public private(set) var features: Tensor
    /// The class of each sample, each in `0..<classCount`.
    public private(set) var labels: [Int]
    /// The number of classes (some may have no sample in a subset).
    public let classCount: Int
    /// Optional display names of the classes, `classCount` of them.
    public let classNames: [String]?

    /// The number of samples.
    public var count: Int { labels.count }

    /// The shape of one sample (`[2]` for points in the plane, `[1, 8, 8]` for the digits).
    public var sampleShape: [Int] { Array(features.shape.dropFirst()) }

    /// The number of Float values in one sample.
    public var sampleSize: Int { features.shape.dropFirst().reduce(1, *) }

    /// A data set of `features` (samples along the first axis) and their `labels`.
    ///
    /// `classCount` defaults to the number of `classNames` if given, else to the largest label
    /// plus one.
    ///
    /// - Throws: `QuantEngineError` when `features` is a scalar, its first dimension differs
    ///   from `labels.count`, a label is outside `0..<classCount`, `classNames` has the wrong
    ///   length, `classCount` is below 1, or a feature is NaN or infinite.
    public init(
        name: String, features: Tensor, labels: [Int], classCount: Int? = nil, classNames: [String]? = nil
    ) throws(QuantEngineError) {
        guard let first = features.shape.first else {
            throw .rankMismatch(
                operation: "Dataset", expected: "features with a sample axis (rank 1 or more)", shape: features.shape)
        }
        guard first == labels.count else {
            throw .invalidArgument(
                "Dataset: features have \(first) samples (shape \(features.shape)) but there are \(labels.count) labels"
            )
        }
        let classes = classCount ?? classNames?.count ?? ((labels.max() ?? -1) + 1)
        guard classes >= 1 else {
            throw .invalidArgument("Dataset: classCount must be at least 1, got \(classes)")
        }
        if let names = classNames, names.count != classes {
            throw .invalidArgument("Dataset: \(names.count) class names given for \(classes) classes")
        }
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classes }) {
            throw .invalidArgument(
                "Dataset: label \(labels[bad]) of sample \(bad) is outside 0..<\(classes) (the class count)")
        }
        try features.validateFinite()
        self.init(validatedName: name, features: features, labels: labels, classCount: classes, classNames: classNames)
    }

    /// Internal initialiser for data sets that are valid by construction.
    init(validatedName name: String, features: Tensor, labels: [Int], classCount: Int, classNames: [String]?) {
        precondition(features.shape.first == labels.count, "dataset sample/label count invariant broken")
        self.name = name
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.classNames = classNames
    }

    /// The samples at `indices`, in that order (repeats allowed), with the same classes.
    ///
    /// - Throws: `QuantEngineError.indexOutOfRange` for an index outside `0..<count`.
    public func subset(_ indices: [Int]) throws(QuantEngineError) -> Dataset {
        if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
            throw .indexOutOfRange(index: bad, axis: 0, size: count)
        }
        return gathering(indices, name: name)
    }

    /// The samples at `indices` (already checked), under a new name.
    func gathering(_ indices: [Int], name: String) -> Dataset {
        let size = sampleSize
        var values = [Float]()
        values.reserveCapacity(indices.count * size)
        features.withUnsafeBufferPointer { source in
            for index in indices {
                values.append(contentsOf: source[(index * size)..<((index + 1) * size)])
            }
        }
        let gathered = Tensor(validatedShape: [indices.count] + sampleShape, scalars: values)
        return Dataset(
            validatedName: name, features: gathered, labels: indices.map { labels[$0] }, classCount: classCount,
            classNames: classNames)
    }

    /// The same samples and labels with features of another shape per sample — for example
    /// `[64]` to give the 8×8 digits to a dense layer.
    ///
    /// - Throws: `QuantEngineError.invalidReshape` when the element count per sample differs.
    public func reshapingSamples(_ shape: [Int]) throws(QuantEngineError) -> Dataset {
        let reshaped = try features.reshaped([count] + shape)
        guard reshaped.shape.first == count else {
            throw .invalidReshape(from: features.shape, to: [count] + shape)
        }
        return Dataset(
            validatedName: name, features: reshaped, labels: labels, classCount: classCount, classNames: classNames)
    }

    /// How many samples each class has, indexed by class.
    public var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: classCount)
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// The display name of class `label`: its entry in `classNames`, else the number.
    public func className(_ label: Int) -> String {
        if let names = classNames, names.indices.contains(label) { return names[label] }
        return String(label)
    }

    /// A one-line summary, e.g. `moons: 200 samples of shape [2], 2 classes (0: 100, 1: 100)`.
    public var description: String {
        let perClass = classCounts.enumerated().map { "\(className($0.offset)): \($0.element)" }
        let samples = count == 1 ? "1 sample" : "\(count) samples"
        let classes = classCount == 1 ? "1 class" : "\(classCount) classes"
        return "\(name): \(samples) of shape \(sampleShape), \(classes) (\(perClass.joined(separator: ", ")))"
    }
}
