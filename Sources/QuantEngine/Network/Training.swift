/// Settings of one training run.
public struct TrainingOptions: Sendable, Equatable {
    /// Passes over the training samples.
    public var epochs: Int
    /// Step size; `nil` takes the optimizer's default (``Optimizer/defaultLearningRate``).
    public var learningRate: Double?
    /// Samples per gradient step (the last batch of an epoch may be smaller).
    public var batchSize: Int
    public var optimizer: Optimizer
    /// L2 penalty λ added to every gradient as `λ·w` (PyTorch's `weight_decay`).
    public var weightDecay: Double
    /// Asked after every mini-batch whether to go on; when it says no, training stops with
    /// `QuantEngineError.interrupted` (a notebook's time limit uses this).
    public var monitor: TrainingMonitor?
    /// Seeds the order in which samples are visited: one generator for the run, a Fisher–Yates
    /// shuffle (`RandomGenerator.shuffle`) of the sample indices at the start of every epoch.
    public var seed: UInt64

    public init(
        epochs: Int = 10, learningRate: Double? = nil, batchSize: Int = 32, optimizer: Optimizer = .defaultAdam,
        weightDecay: Double = 0, seed: UInt64 = 0, monitor: TrainingMonitor? = nil
    ) {
        self.monitor = monitor
        self.epochs = epochs
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.weightDecay = weightDecay
        self.seed = seed
    }

    /// The learning rate in effect.
    public var effectiveLearningRate: Double { learningRate ?? optimizer.defaultLearningRate }

    /// Checks every option against its domain.
    public func validate() throws(QuantEngineError) {
        guard (1...100_000).contains(epochs) else {
            throw .invalidArgument("epochs must be between 1 and 100000, got \(epochs)")
        }
        guard batchSize >= 1 else { throw .invalidArgument("batchSize must be at least 1, got \(batchSize)") }
        let rate = effectiveLearningRate
        guard rate.isFinite, rate > 0 else {
            throw .invalidArgument("learningRate must be positive and finite, got \(rate)")
        }
        guard weightDecay.isFinite, weightDecay >= 0 else {
            throw .invalidArgument("weightDecay must be zero or positive, got \(weightDecay)")
        }
    }
}

/// A question asked between mini-batches: go on? Compares equal to every other monitor, so
/// options stay `Equatable`.
public struct TrainingMonitor: Sendable, Equatable {
    public let shouldContinue: @Sendable () -> Bool

    public init(_ shouldContinue: @escaping @Sendable () -> Bool) {
        self.shouldContinue = shouldContinue
    }

    public static func == (lhs: TrainingMonitor, rhs: TrainingMonitor) -> Bool { true }
}

/// One epoch of a training run.
public struct TrainingEpoch: Sendable, Equatable {
    /// 1-based.
    public let epoch: Int
    /// Mean training loss over the epoch's samples, each measured on the weights before its
    /// batch's step.
    public let loss: Double
    /// Fraction of training samples classified correctly, measured the same way.
    public let accuracy: Double
    /// Loss and accuracy on the validation samples with the weights at the end of the epoch.
    public let validationLoss: Double?
    public let validationAccuracy: Double?
}

/// What `train` did, epoch by epoch.
public struct TrainingLog: Sendable, Equatable {
    public internal(set) var epochs: [TrainingEpoch] = []
    /// Optimizer, learning rate, batch size … as a sentence.
    public internal(set) var summary: String
}

/// What quantization-aware training, pruning and distillation change in the training loop.
struct TrainingHooks {
    /// The parameters the forward pass computes with, from the trained ones (fake-quantized
    /// weights in quantization-aware training); the gradient is taken with respect to these.
    var forwardParameters: ((NetworkParameters) -> NetworkParameters)?
    /// Fake quantization of layer inputs, from the current parameters (which may hold learned
    /// step sizes).
    var inputQuantizers: ((NetworkParameters) -> [InputFakeQuantizer?])?
    /// The loss of a batch (logits, labels, sample indices) instead of softmax cross-entropy.
    var loss: (([Float], [Int], ArraySlice<Int>) -> SoftmaxCrossEntropy.Result)?
    /// Turns gradients with respect to the forward parameters into gradients with respect to
    /// the trained ones (the straight-through estimator's mask, learned step sizes).
    /// Its arguments: the gradients (to update), the trained parameters, the forward pass, and
    /// the gradient with respect to each fake-quantized input (before the straight-through mask).
    var mapGradients: ((inout NetworkParameters, NetworkParameters, ForwardPass, [[Float]?]) -> Void)?
    /// Adjusts the parameters once before training (initial learned step sizes).
    var prepare: ((inout NetworkParameters) -> Void)?
    /// Runs after every optimizer step and once before the first (pruning masks).
    var afterStep: ((inout NetworkParameters) -> Void)?
    /// Writes the trained parameters into the network at the end of each epoch.
    var store: ((inout Network, NetworkParameters) -> Void)?
}

extension Network {
    /// Checks that `samples` fit this network: sample shape, one label per sample, labels in range.
    public func validate(_ samples: Dataset, operation: String) throws(QuantEngineError) {
        let batch: Int
        do {
            batch = try batchSize(of: samples.features)
        } catch {
            throw .invalidArgument("\(operation): \(error)")
        }
        guard batch == samples.labels.count else {
            throw .invalidArgument("\(operation): \(batch) samples but \(samples.labels.count) labels")
        }
        if let bad = samples.labels.first(where: { $0 < 0 || $0 >= outputCount }) {
            throw .invalidArgument("\(operation): label \(bad) is outside the network's \(outputCount) classes")
        }
        guard !samples.features.scalars.contains(where: { !$0.isFinite }) else {
            throw samples.features.nonFiniteError()
        }
    }

    /// Trains the network on `samples` with softmax cross-entropy, mini-batch by mini-batch, and
    /// returns the log. The same options and data give the same weights on every machine. Weights
    /// removed by pruning (``Layer/mask``) stay at zero.
    ///
    /// - Throws: for bad options, samples that do not fit the network, or a loss that becomes NaN
    ///   or infinite (the message suggests a smaller learning rate; the network keeps the weights
    ///   of the last complete epoch).
    @discardableResult
    public mutating func train(
        on samples: Dataset, validation: Dataset? = nil, options: TrainingOptions = TrainingOptions()
    ) throws(QuantEngineError) -> TrainingLog {
        try train(on: samples, validation: validation, options: options, hooks: TrainingHooks())
    }

    /// The training loop shared by plain training, quantization-aware training, fine-tuning
    /// after pruning and distillation; `hooks` supply what differs.
    mutating func train(
        on samples: Dataset, validation: Dataset?, options: TrainingOptions, hooks: TrainingHooks
    ) throws(QuantEngineError) -> TrainingLog {
        try options.validate()
        try validate(samples, operation: "train")
        if let validation { try validate(validation, operation: "train (validation)") }
        guard samples.count > 0 else { throw .emptyTensor(operation: "train") }
        try checkBatch(Swift.min(options.batchSize, samples.count), operation: "train")
        var hooks = hooks
        hooks.afterStep = keepingPrunedWeights(after: hooks.afterStep)
        var parameters = NetworkParameters(self)
        hooks.prepare?(&parameters)
        hooks.afterStep?(&parameters)
        var state = OptimizerState(
            optimizer: options.optimizer, learningRate: options.effectiveLearningRate,
            weightDecay: options.weightDecay, parameters: parameters)
        var log = TrainingLog(
            summary: "\(options.optimizer), learning rate \(options.effectiveLearningRate), batch size "
                + "\(options.batchSize), \(options.epochs) epochs"
                + (options.weightDecay > 0 ? ", weight decay \(options.weightDecay)" : ""))
        var generator = RandomGenerator(seed: options.seed)
        let sampleSize = samples.features.count / samples.count
        var order = Array(0..<samples.count)
        let storedQuantizers = storedInputQuantizers
        for epoch in 1...options.epochs {
            generator.shuffle(&order)
            var lossSum = 0.0, correct = 0
            var start = 0
            while start < order.count {
                let indices = order[start..<Swift.min(start + options.batchSize, order.count)]
                let (x, labels) = Self.gather(samples, indices: indices, sampleSize: sampleSize)
                let effective = hooks.forwardParameters?(parameters) ?? parameters
                let quantizers = hooks.inputQuantizers?(parameters) ?? storedQuantizers
                let pass = x.withUnsafeBufferPointer {
                    forward(
                        $0, batch: indices.count, parameters: effective, record: true, inputQuantizers: quantizers)
                }
                let loss =
                    hooks.loss?(pass.output, labels, indices)
                    ?? SoftmaxCrossEntropy.evaluate(
                        pass.output, labels: labels[...], classes: outputCount, gradient: true)
                guard loss.lossSum.isFinite else {
                    throw .invalidArgument(
                        "training diverged in epoch \(epoch): the loss is \(loss.lossSum); try a smaller learning rate "
                            + "(now \(options.effectiveLearningRate))")
                }
                lossSum += loss.lossSum
                correct += loss.correct
                var inputGradients: [[Float]?] = []
                var gradients = backward(
                    pass, outputGradient: loss.gradient, batch: indices.count, parameters: effective,
                    inputQuantizers: quantizers, quantizedInputGradients: &inputGradients)
                hooks.mapGradients?(&gradients, parameters, pass, inputGradients)
                state.update(&parameters, gradients: gradients)
                hooks.afterStep?(&parameters)
                start += options.batchSize
                if let monitor = options.monitor, !monitor.shouldContinue() {
                    throw .interrupted("training stopped in epoch \(epoch) of \(options.epochs)")
                }
            }
            hooks.store?(&self, parameters) ?? store(parameters)
            var validationLoss: Double?, validationAccuracy: Double?
            if let validation, validation.count > 0 {
                let result = try evaluate(on: validation)
                validationLoss = result.loss
                validationAccuracy = result.accuracy
            }
            log.epochs.append(
                TrainingEpoch(
                    epoch: epoch, loss: lossSum / Double(samples.count),
                    accuracy: Double(correct) / Double(samples.count),
                    validationLoss: validationLoss, validationAccuracy: validationAccuracy))
        }
        return log
    }

    /// Writes flat parameters back into the layers' tensors. Trained weights are Float32 again:
    /// a quantized weight's storage is dropped (its layer's input quantization stays).
    mutating func store(_ parameters: NetworkParameters) {
        for l in layers.indices where layers[l].hasParameters {
            if layers[l].weight?.scalars != parameters.weights[l] {
                layers[l].weightStorage = nil
                layers[l].quantizedWeight = nil
            }
            if let weight = layers[l].weight {
                layers[l].weight = Tensor(validatedShape: weight.shape, scalars: parameters.weights[l])
            }
            if let bias = layers[l].bias {
                layers[l].bias = Tensor(validatedShape: bias.shape, scalars: parameters.biases[l])
            }
        }
    }

    /// The features of the samples at `indices`, one after another, and their labels.
    static func gather(_ samples: Dataset, indices: ArraySlice<Int>, sampleSize: Int) -> ([Float], [Int]) {
        var x = [Float]()
        x.reserveCapacity(indices.count * sampleSize)
        samples.features.withUnsafeBufferPointer { all in
            for i in indices { x += all[(i * sampleSize)..<((i + 1) * sampleSize)] }
        }
        return (x, indices.map { samples.labels[$0] })
    }
}
