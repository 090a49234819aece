/// Accuracy, loss and confusion matrix of a network on labelled samples.
public struct NetworkEvaluation: Sendable, Equatable {
    public let count: Int
    /// Fraction of samples whose predicted class (largest logit) is the label.
    public let accuracy: Double
    /// Mean softmax cross-entropy.
    public let loss: Double
    /// `confusion[label][predicted]`: how many samples of each class went to each class.
    public let confusion: [[Int]]
    /// The prediction for every sample, in order.
    public let predictions: [Int]
}

/// Two networks on the same samples: a reference (usually Float32) and a compressed version.
public struct NetworkComparison: Sendable, Equatable {
    public let reference: NetworkEvaluation
    public let candidate: NetworkEvaluation
    /// Fraction of samples on which both predict the same class.
    public let agreement: Double
    public let referenceBytes: Int
    public let candidateBytes: Int
}

extension Network {
    /// Evaluates the network on `samples`; with `integerOnly`, through ``integerLogits(_:)``.
    public func evaluate(on samples: Dataset, integerOnly: Bool = false) throws(QuantEngineError) -> NetworkEvaluation {
        try validate(samples, operation: "evaluate")
        guard samples.count > 0 else { throw .emptyTensor(operation: "evaluate") }
        let logits = integerOnly ? try integerLogits(samples.features) : try logits(samples.features)
        let classes = outputCount
        let loss = SoftmaxCrossEntropy.evaluate(
            logits.scalars, labels: samples.labels[...], classes: classes, gradient: false)
        let predictions = Self.argmax(logits.scalars, classes: classes)
        var confusion = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (label, predicted) in zip(samples.labels, predictions) { confusion[label][predicted] += 1 }
        return NetworkEvaluation(
            count: samples.count, accuracy: Double(loss.correct) / Double(samples.count),
            loss: loss.lossSum / Double(samples.count), confusion: confusion, predictions: predictions)
    }

    /// Evaluates this network and `candidate` on the same samples (the candidate in integer
    /// arithmetic with `integerOnly`).
    public func compare(with candidate: Network, on samples: Dataset, integerOnly: Bool = false)
        throws(QuantEngineError)
        -> NetworkComparison
    {
        let reference = try evaluate(on: samples)
        let other = try candidate.evaluate(on: samples, integerOnly: integerOnly)
        let same = zip(reference.predictions, other.predictions).filter { $0.0 == $0.1 }.count
        return NetworkComparison(
            reference: reference, candidate: other, agreement: Double(same) / Double(samples.count),
            referenceBytes: bytes, candidateBytes: candidate.bytes)
    }
}
