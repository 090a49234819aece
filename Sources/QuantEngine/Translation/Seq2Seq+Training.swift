/// The loss of each epoch of a training run.
public struct Seq2SeqTrainingHistory: Sendable, Equatable {
    /// Mean cross-entropy per target token (natural log), teacher-forced, over each epoch's batches
    /// as the weights changed during it.
    public var losses: [Double]
}

extension Seq2Seq {
    /// Ids of `pairs`, checked: both sides non-empty and at most `maximumLength` tokens.
    func encoded(sources: [[String]], targets: [[String]]) throws(QuantEngineError) -> (
        sources: [[Int]], targets: [[Int]]
    ) {
        guard sources.count == targets.count else {
            throw .invalidArgument(
                "a parallel corpus needs one target per source, got \(sources.count) sources and \(targets.count) targets"
            )
        }
        guard !sources.isEmpty else { throw .invalidArgument("the corpus has no sentence pairs") }
        for (index, (source, target)) in zip(sources, targets).enumerated() {
            guard !source.isEmpty, source.count <= Self.maximumLength, target.count <= Self.maximumLength else {
                throw .invalidArgument(
                    "sentence pair \(index + 1) has \(source.count) source and \(target.count) target tokens; "
                        + "sources need 1 to \(Self.maximumLength) tokens, targets at most \(Self.maximumLength)")
            }
        }
        return (sources.map(sourceVocabulary.encode), targets.map(targetVocabulary.encode))
    }

    /// The longest source or target sentence, in tokens.
    public static let maximumLength = 256

    /// Checks the memory one forward and backward pass over `batch` pairs with sources of up to
    /// `sourceLength` and `targetLength` decoder steps needs against the run's budget (the trace
    /// and gradients: about `(S+T)·B·(2E+16H) + T·B·(S+14H+2V)` Float32 values).
    func reservePass(batch: Int, sourceLength: Int, targetLength: Int) throws(QuantEngineError) {
        let (b, s, t) = (Double(batch), Double(sourceLength), Double(targetLength))
        let (e, h, v) = (Double(embeddingSize), Double(hiddenSize), Double(targetVocabulary.count))
        let values = (s + t) * b * (2 * e + 16 * h) + t * b * (s + 14 * h + 2 * v)
        let bytes = 4 * values
        guard bytes < Double(Int.max / 2) else {
            throw .memoryBudgetExceeded(requested: Int.max, limit: MemoryBudget.limit ?? Int.max, resident: nil)
        }
        try MemoryBudget.reserve(bytes: Int(bytes))
    }

    /// `reservePass` for the largest batch of `data` in batches of `size`.
    func reservePasses(_ data: (sources: [[Int]], targets: [[Int]]), batchSize size: Int) throws(QuantEngineError) {
        try reservePass(
            batch: Swift.min(size, data.sources.count), sourceLength: data.sources.map(\.count).max() ?? 0,
            targetLength: (data.targets.map(\.count).max() ?? 0) + 1)
    }

    /// Batches of at most `size` pairs, each of one source length; with a generator, pairs are
    /// shuffled within their length and the batches shuffled among themselves, otherwise in
    /// corpus order grouped by length (shortest first).
    static func batches(
        sources: [[Int]], targets: [[Int]], size: Int, using generator: inout RandomGenerator?
    ) -> [Seq2SeqBatch] {
        var byLength: [Int: [Int]] = [:]
        for (index, source) in sources.enumerated() { byLength[source.count, default: []].append(index) }
        var result: [Seq2SeqBatch] = []
        for length in byLength.keys.sorted() {
            var indices = byLength[length] ?? []
            if generator != nil { indices.shuffle(using: &generator!) }
            var start = 0
            while start < indices.count {
                let chunk = indices[start..<Swift.min(start + size, indices.count)]
                result.append(Seq2SeqBatch(sources: chunk.map { sources[$0] }, targets: chunk.map { targets[$0] }))
                start += size
            }
        }
        if generator != nil { result.shuffle(using: &generator!) }
        return result
    }

    /// Teacher-forced training with Adam (PyTorch's update) on the mean cross-entropy per target
    /// token, the gradient's global L2 norm clipped to `clip` (Pascanu et al. 2013), batches of
    /// pairs with one source length, reshuffled each epoch from `seed`.
    ///
    /// When the model is quantized, this is quantization-aware training: each step computes with
    /// the weights quantized as ``quantization`` says (recomputed from the Float32 weights) and
    /// with the calibrated activation quantization, passes the gradient straight through the
    /// rounding to the Float32 weights (the straight-through estimator), and the model keeps the
    /// quantized weights at the end.
    public mutating func train(
        sources: [[String]], targets: [[String]], epochs: Int, batchSize: Int = 32, learningRate: Double = 0.005,
        clip: Double = 1, seed: UInt64
    ) throws(QuantEngineError) -> Seq2SeqTrainingHistory {
        guard (1...100_000).contains(epochs) else {
            throw .invalidArgument("epochs must be between 1 and 100000, got \(epochs)")
        }
        guard (1...65536).contains(batchSize) else {
            throw .invalidArgument("batch size must be between 1 and 65536, got \(batchSize)")
        }
        guard learningRate.isFinite, learningRate > 0 else {
            throw .invalidArgument("learning rate must be positive, got \(learningRate)")
        }
        guard clip.isFinite, clip > 0 else {
            throw .invalidArgument("gradient clipping norm must be positive, got \(clip)")
        }
        let data = try encoded(sources: sources, targets: targets)
        try reservePasses(data, batchSize: batchSize)
        let layout = layout
        var latent = floatParameters ?? parameters
        var state = OptimizerState(
            optimizer: .defaultAdam, learningRate: learningRate, weightDecay: 0,
            parameters: NetworkParameters(weights: [latent], biases: [[]]))
        let watch = EngineDeadline.Watch()
        var generator: RandomGenerator? = RandomGenerator(seed: seed)
        var losses: [Double] = []
        for _ in 0..<epochs {
            var lossSum = 0.0, tokens = 0
            for batch in Self.batches(sources: data.sources, targets: data.targets, size: batchSize, using: &generator)
            {
                try watch.check("seq2seq training")
                let computing =
                    try quantization.map { config throws(QuantEngineError) in
                        try Self.quantizedWeights(latent, layout: layout, config).values
                    } ?? latent
                let weights = Seq2SeqWeights(computing, layout: layout)
                let (trace, batchLoss) = forward(batch, weights: weights)
                guard batchLoss.isFinite else {
                    throw .invalidArgument(
                        "seq2seq training diverged (the loss became \(batchLoss)); try a smaller learning rate")
                }
                lossSum += batchLoss
                tokens += batch.tokenCount
                var gradient = backward(batch, trace: trace, weights: weights)
                Self.clipNorm(&gradient, to: clip)
                var parameters = NetworkParameters(weights: [latent], biases: [[]])
                state.update(&parameters, gradients: NetworkParameters(weights: [gradient], biases: [[]]))
                latent = parameters.weights[0]
            }
            losses.append(lossSum / Double(Swift.max(tokens, 1)))
        }
        if let quantization {
            let stored = try Self.quantizedWeights(latent, layout: layout, quantization)
            parameters = stored.values
            storedBytes = stored.bytes
            floatParameters = latent
        } else {
            parameters = latent
        }
        return Seq2SeqTrainingHistory(losses: losses)
    }

    /// Scales `gradient` so its L2 norm (summed in order, in Double) is at most `limit`.
    static func clipNorm(_ gradient: inout [Float], to limit: Double) {
        var sum = 0.0
        for g in gradient { sum += Double(g) * Double(g) }
        let norm = sum.squareRoot()
        guard norm > limit else { return }
        let factor = Float(limit / norm)
        for i in gradient.indices { gradient[i] *= factor }
    }

    /// Mean teacher-forced cross-entropy per target token (natural log) of `pairs`: the training
    /// objective, measured without changing the model.
    public func loss(sources: [[String]], targets: [[String]]) throws(QuantEngineError) -> Double {
        let data = try encoded(sources: sources, targets: targets)
        try reservePasses(data, batchSize: 256)
        let weights = Seq2SeqWeights(parameters, layout: layout)
        var none: RandomGenerator? = nil
        var sum = 0.0, tokens = 0
        let watch = EngineDeadline.Watch()
        for batch in Self.batches(sources: data.sources, targets: data.targets, size: 256, using: &none) {
            try watch.check("seq2seq loss")
            sum += forward(batch, weights: weights).lossSum
            tokens += batch.tokenCount
        }
        return sum / Double(Swift.max(tokens, 1))
    }
}
