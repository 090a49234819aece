/// A small feed-forward classifier: a sequence of ``Layer``s from a sample to one logit per class.
///
/// A value type, like ``Tensor``: training, quantizing or pruning returns or mutates a copy, never
/// a network someone else holds. Everything is deterministic — initialisation from a seed, fixed
/// summation orders in every product — so the same notebook trains the same weights on every
/// machine.
public struct Network: Sendable, Equatable {
    /// The layers, input first.
    public internal(set) var layers: [Layer]

    /// The shape of one input sample. A first dense layer accepts any sample with that many
    /// elements (an `[1, 8, 8]` image for a 64-input network).
    public var inputShape: [Int] { layers.first?.inputShape ?? [] }

    /// Logits per sample: the number of classes.
    public var outputCount: Int { layers.last?.outputShape.reduce(1, *) ?? 0 }

    /// Weights and biases of all layers.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Bytes of all parameters as stored (see ``Layer/bytes``).
    public var bytes: Int { layers.reduce(0) { $0 + $1.bytes } }

    /// The indices of the layers with a weight, in order.
    public var parameterLayerIndices: [Int] { layers.indices.filter { layers[$0].hasParameters } }

    init(layers: [Layer]) {
        self.layers = layers
    }

    /// The most parameters a network built here may have (64 MiB of Float32): these are teaching
    /// networks, and a typo such as `mlp([65536, 65536])` should be an error, not 16 GiB.
    public static let maximumParameters = 1 << 24

    static func checkSize(_ counts: [Int], builder: String) throws(QuantEngineError) {
        var total = 0
        for count in counts {
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow, sum <= maximumParameters else {
                throw .invalidArgument(
                    "\(builder): the network would have more than \(maximumParameters) parameters; "
                        + "networks here are small teaching models")
            }
            total = sum
        }
    }

    // MARK: - Builders

    /// A multilayer perceptron `sizes[0] → sizes[1] → … → sizes.last`: dense layers with
    /// `activation` between them and none after the last (its outputs are the logits).
    ///
    /// Initialisation, from one generator seeded with `seed`, layer by layer, weights in row-major
    /// order: normal weights with standard deviation `√(2 / fanIn)` before ReLU and GELU (He et
    /// al. 2015), `√(2 / (fanIn + fanOut))` before tanh (Glorot & Bengio 2010) and `√(1 / fanIn)`
    /// for the last layer; biases zero.
    public static func mlp(_ sizes: [Int], activation: Activation = .relu, seed: UInt64) throws(QuantEngineError)
        -> Network
    {
        guard sizes.count >= 2 else {
            throw .invalidArgument("mlp needs at least an input and an output size, got \(sizes)")
        }
        if let bad = sizes.first(where: { $0 < 1 || $0 > 1 << 16 }) {
            throw .invalidArgument("mlp layer sizes must be between 1 and 65536, got \(bad) in \(sizes)")
        }
        try checkSize((1..<sizes.count).map { sizes[$0 - 1] * sizes[$0] + sizes[$0] }, builder: "mlp")
        var generator = RandomGenerator(seed: seed)
        var layers: [Layer] = []
        for index in 1..<sizes.count {
            let fanIn = sizes[index - 1], fanOut = sizes[index]
            let last = index == sizes.count - 1
            let weight = try Tensor.randn(
                [fanOut, fanIn], std: initialStd(fanIn: fanIn, fanOut: fanOut, next: last ? nil : activation),
                using: &generator)
            layers.append(
                Layer(
                    kind: .dense, name: "dense\(index)", inputShape: [fanIn], outputShape: [fanOut],
                    weight: weight, bias: try Tensor.zeros([fanOut])))
            if !last {
                layers.append(
                    Layer(
                        kind: .activation(activation), name: "\(activation)\(index)", inputShape: [fanOut],
                        outputShape: [fanOut]))
            }
        }
        return Network(layers: layers)
    }

    /// A small convolutional classifier for `[channels, height, width]` images: for each entry of
    /// `channels`, a `kernel × kernel` convolution (stride 1, padding `kernel / 2`, so the size is
    /// kept), `activation` and a 2 × 2 max pool; then flatten and one dense layer to `classes`
    /// logits. Initialised as ``mlp(_:activation:seed:)`` (fan-in of a convolution: in-channels ·
    /// kernel²).
    public static func cnn(
        input: [Int], channels: [Int], classes: Int, kernel: Int = 3, activation: Activation = .relu, seed: UInt64
    ) throws(QuantEngineError) -> Network {
        guard input.count == 3, input.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
            throw .invalidArgument("cnn input must be [channels, height, width] with sizes 1…4096, got \(input)")
        }
        guard !channels.isEmpty, channels.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else {
            throw .invalidArgument("cnn channels must be one or more counts between 1 and 4096, got \(channels)")
        }
        guard (1...15).contains(kernel), kernel % 2 == 1 else {
            throw .invalidArgument("cnn kernel must be an odd size between 1 and 15, got \(kernel)")
        }
        guard (1...65536).contains(classes) else {
            throw .invalidArgument("cnn classes must be between 1 and 65536, got \(classes)")
        }
        var counts: [Int] = []
        var inChannels = input[0], pixels = input[1] * input[2]
        for outChannels in channels {
            counts.append(outChannels * inChannels * kernel * kernel + outChannels)
            inChannels = outChannels
            pixels /= 4
        }
        counts.append((inChannels * Swift.max(pixels, 1) + 1) * classes)
        try checkSize(counts, builder: "cnn")
        var generator = RandomGenerator(seed: seed)
        var layers: [Layer] = []
        var shape = input
        for (index, outChannels) in channels.enumerated() {
            let number = index + 1
            guard shape[1] >= 2, shape[2] >= 2 else {
                throw .invalidArgument(
                    "cnn: a \(input[1])×\(input[2]) image is too small for \(channels.count) pooling stages")
            }
            let fanIn = shape[0] * kernel * kernel
            let weight = try Tensor.randn(
                [outChannels, shape[0], kernel, kernel],
                std: initialStd(fanIn: fanIn, fanOut: outChannels * kernel * kernel, next: activation),
                using: &generator)
            let convolved = [outChannels, shape[1], shape[2]]
            layers.append(
                Layer(
                    kind: .conv2d(kernel: kernel, stride: 1, padding: kernel / 2), name: "conv\(number)",
                    inputShape: shape, outputShape: convolved, weight: weight, bias: try Tensor.zeros([outChannels])))
            layers.append(
                Layer(
                    kind: .activation(activation), name: "\(activation)\(number)", inputShape: convolved,
                    outputShape: convolved))
            let pooled = [outChannels, shape[1] / 2, shape[2] / 2]
            layers.append(
                Layer(kind: .maxPool2d(size: 2), name: "pool\(number)", inputShape: convolved, outputShape: pooled))
            shape = pooled
        }
        let flat = shape.reduce(1, *)
        layers.append(Layer(kind: .flatten, name: "flatten", inputShape: shape, outputShape: [flat]))
        let weight = try Tensor.randn(
            [classes, flat], std: initialStd(fanIn: flat, fanOut: classes, next: nil), using: &generator)
        layers.append(
            Layer(
                kind: .dense, name: "dense1", inputShape: [flat], outputShape: [classes], weight: weight,
                bias: try Tensor.zeros([classes])))
        return Network(layers: layers)
    }

    static func initialStd(fanIn: Int, fanOut: Int, next: Activation?) -> Double {
        switch next {
        case .relu, .gelu: return (2 / Double(fanIn)).squareRoot()
        case .tanh: return (2 / Double(fanIn + fanOut)).squareRoot()
        case nil: return (1 / Double(fanIn)).squareRoot()
        }
    }

    // MARK: - Inference

    /// The number of samples in `x`, whose shape must be `[batch] + inputShape` (or any shape
    /// `[batch, …]` with as many elements per sample when the first layer is dense).
    func batchSize(of x: Tensor) throws(QuantEngineError) -> Int {
        let sample = inputShape.reduce(1, *)
        let matches: Bool
        if x.rank >= 1, Array(x.shape.dropFirst()) == inputShape {
            matches = true
        } else if layers.first?.kind == .dense, x.rank >= 2 {
            matches = x.shape.dropFirst().reduce(1, *) == sample
        } else {
            matches = false
        }
        guard matches else {
            guard x.rank >= 1 else {
                throw .invalidArgument(
                    "a network needs a batch of samples [count] + \(inputShape), got shape \(x.shape)")
            }
            throw .invalidArgument(
                "samples of shape \(Array(x.shape.dropFirst())) do not fit a network whose input is \(inputShape)")
        }
        return x.shape[0]
    }

    /// The logits `[batch, classes]` of a batch of samples.
    public func logits(_ x: Tensor) throws(QuantEngineError) -> Tensor {
        let batch = try batchSize(of: x)
        let outputs = outputCount
        var result = [Float]()
        result.reserveCapacity(batch * outputs)
        let parameters = NetworkParameters(self)
        let quantizers = storedInputQuantizers
        let step = try batchLimit(Self.inferenceBatch, operation: "logits")
        x.withUnsafeBufferPointer { input in
            let sample = input.count / Swift.max(batch, 1)
            var start = 0
            while start < batch {
                let size = Swift.min(step, batch - start)
                let slice = UnsafeBufferPointer(rebasing: input[(start * sample)..<((start + size) * sample)])
                result +=
                    forward(
                        slice, batch: size, parameters: parameters, record: false, inputQuantizers: quantizers
                    ).output
                start += size
            }
        }
        return Tensor(validatedShape: [batch, outputs], scalars: result)
    }

    /// The predicted class of every sample: the index of its largest logit (the first on ties).
    public func predict(_ x: Tensor) throws(QuantEngineError) -> [Int] {
        let logits = try logits(x)
        return Self.argmax(logits.scalars, classes: outputCount)
    }

    /// Samples per forward pass when running inference over many samples (bounds memory only).
    static let inferenceBatch = 256

    /// The most Float32 values one forward pass may keep (1 GiB): every layer's input and output
    /// and the convolutions' windows, for the whole batch.
    public static let workingMemoryLimit = 1 << 28

    /// Values one sample occupies in a recorded forward pass.
    var valuesPerSample: Int {
        var total = outputCount
        for layer in layers {
            total += layer.inputShape.reduce(1, *)
            if case .conv2d = layer.kind, let weight = layer.weight {
                let window = weight.count / Swift.max(weight.shape[0], 1)
                total += window * layer.outputShape.dropFirst().reduce(1, *)
            }
        }
        return total
    }

    /// The largest batch that fits `workingMemoryLimit`, at most `preferred`.
    func batchLimit(_ preferred: Int, operation: String) throws(QuantEngineError) -> Int {
        let perSample = Swift.max(valuesPerSample, 1)
        guard perSample <= Self.workingMemoryLimit else {
            throw .invalidArgument(
                "\(operation): one sample needs \(perSample) values of activations, more than the \(Self.workingMemoryLimit) "
                    + "(1 GiB) a forward pass may use")
        }
        return Swift.max(1, Swift.min(preferred, Self.workingMemoryLimit / perSample))
    }

    /// Throws unless `batch` samples fit `workingMemoryLimit` in one forward pass.
    func checkBatch(_ batch: Int, operation: String) throws(QuantEngineError) {
        let limit = try batchLimit(batch, operation: operation)
        guard batch <= limit else {
            throw .invalidArgument(
                "\(operation): a batch of \(batch) samples needs more than 1 GiB of activations; at most \(limit) fit "
                    + "(use a smaller batchSize)")
        }
    }

    static func argmax(_ values: [Float], classes: Int) -> [Int] {
        guard classes > 0 else { return [] }
        return stride(from: 0, to: values.count, by: classes).map { start in
            var best = start
            for i in start..<(start + classes) where values[i] > values[best] { best = i }
            return best - start
        }
    }
}
