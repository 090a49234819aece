/// How post-training quantization stores the weights of dense and convolution layers.
///
/// A weight is quantized as the matrix `[outputs, inputs · …]` (a convolution weight
/// `[O, C, k, k]` as `[O, C·k·k]`), so `.perChannel(axis: 0)` gives one scale per output channel
/// and `.perGroup(size:)` groups consecutive inputs of one output, as in the engine's other
/// quantizers.
public enum WeightQuantization: Sendable, Equatable, CustomStringConvertible {
    /// Uniform integer codes with a ``Quantizer`` (bits, scheme, granularity, range, rounding).
    case uniform(Quantizer)
    /// FP8, NF4 or a ggml block format (ggml needs a multiple of 32 inputs per output).
    case format(EncodedTensor.Format)

    public var description: String {
        switch self {
        case .uniform(let quantizer):
            return "int\(quantizer.bits) \(quantizer.granularity) \(quantizer.scheme)"
        case .format(let format): return "\(format)"
        }
    }
}

/// How post-training quantization treats activations: the input of every dense and convolution
/// layer — and of every activation other than ReLU, so integer inference can use a lookup table —
/// is fake-quantized per tensor with parameters calibrated on sample data.
public struct ActivationQuantization: Sendable, Equatable {
    /// Bits, scheme and range method; its granularity must be per tensor.
    public let quantizer: Quantizer
    /// When given, the range comes from this observer fed batch by batch (of `batchSize`
    /// samples) instead of `quantizer.range` over all calibration inputs at once.
    public let observer: RangeObserver.Kind?
    public let batchSize: Int

    public init(quantizer: Quantizer, observer: RangeObserver.Kind? = nil, batchSize: Int = 32) throws(QuantEngineError)
    {
        guard quantizer.granularity == .perTensor else {
            throw .unsupported("activations are quantized per tensor, got \(quantizer.granularity)")
        }
        guard batchSize >= 1 else {
            throw .invalidArgument("calibration batch size must be at least 1, got \(batchSize)")
        }
        self.quantizer = quantizer
        self.observer = observer
        self.batchSize = batchSize
    }
}

extension Network {
    /// Post-training quantization: a copy whose weights are quantized (and stored dequantized in
    /// ``Layer/weight``, with their storage in ``Layer/weightStorage``), whose activations are
    /// fake-quantized with ranges calibrated on `calibration`, and, with `biasCorrection`, whose
    /// biases absorb the mean output shift the weight error causes (Nagel et al. 2019, §4.2:
    /// `b' = b − (Ŵ − W) · E[x]`, E[x] over the calibration inputs of the layer).
    ///
    /// Calibration runs the Float32 network, as PyTorch's observers do: every quantized input
    /// sees the values the float network produces there.
    ///
    /// - Throws: when activations or bias correction are requested without calibration samples,
    ///   for samples that do not fit the network, and the quantizers' own errors (a ggml format
    ///   on a layer whose input count is not a multiple of 32, for example).
    ///
    /// `layers` limits the weight quantization (and bias correction) to the named layers, for
    /// per-layer sensitivity studies and mixed precision: quantize the result again with other
    /// names and another format.
    public func quantized(
        weights: WeightQuantization?, activations: ActivationQuantization? = nil, calibration: Tensor? = nil,
        biasCorrection: Bool = false, layers names: [String]? = nil
    ) throws(QuantEngineError) -> Network {
        if let names {
            let weighted = Set(layers.filter(\.hasParameters).map(\.name))
            if let unknown = names.first(where: { !weighted.contains($0) }) {
                throw .invalidArgument(
                    "no layer with weights is called \(unknown); the layers with weights are "
                        + layers.filter(\.hasParameters).map(\.name).joined(separator: ", "))
            }
        }
        if (activations != nil || biasCorrection) && calibration == nil {
            throw .invalidArgument("quantizing activations or correcting biases needs calibration samples")
        }
        if let calibration {
            _ = try batchSize(of: calibration)
            guard calibration.count > 0 else { throw .emptyTensor(operation: "calibration") }
            if calibration.rangeScan().hasNonFinite { throw calibration.nonFiniteError() }
        }
        var result = self
        let statistics = try calibration.map { x throws(QuantEngineError) in
            try CalibrationStatistics(network: self, samples: x, activations: activations, meanInputs: biasCorrection)
        }
        for l in layers.indices {
            if let activations, let statistics, let parameters = try statistics.inputParameters(layer: l, activations) {
                result.layers[l].inputQuantization = parameters
            }
            guard let weights, let weight = layers[l].weight, names?.contains(layers[l].name) ?? true else { continue }
            let (dequantized, storage, codes) = try Self.quantizeWeight(weight, weights, layer: layers[l].name)
            result.layers[l].weight = dequantized
            result.layers[l].weightStorage = storage
            result.layers[l].quantizedWeight = codes
            if biasCorrection, let statistics, let bias = layers[l].bias {
                result.layers[l].bias = Self.correctedBias(
                    bias, weight: weight, quantized: dequantized, meanInput: statistics.meanInputs[l])
            }
        }
        return result
    }

    static func quantizeWeight(_ weight: Tensor, _ method: WeightQuantization, layer: String) throws(QuantEngineError)
        -> (Tensor, WeightStorage, QuantizedTensor?)
    {
        let outputs = weight.shape[0]
        let matrix = try weight.reshaped([outputs, weight.count / outputs])
        do {
            switch method {
            case .uniform(let quantizer):
                let q = try quantizer.quantize(matrix)
                let storage = WeightStorage(format: method.description, bits: quantizer.bits, bytes: q.bytes)
                return (try q.dequantized().reshaped(weight.shape), storage, q)
            case .format(let format):
                let encoded = try EncodedTensor.encode(matrix, as: format)
                let bits = encoded.bytes * 8 / Swift.max(encoded.count, 1)
                let storage = WeightStorage(format: method.description, bits: bits, bytes: encoded.bytes)
                return (try encoded.dequantized().reshaped(weight.shape), storage, nil)
            }
        } catch {
            throw .invalidArgument("cannot quantize the weight \(weight.shape) of \(layer) as \(method): \(error)")
        }
    }

    /// `b'[o] = b[o] − Σ_i (Ŵ[o, i] − W[o, i]) · E[x_i]`, in Double, `i` in order.
    static func correctedBias(_ bias: Tensor, weight: Tensor, quantized: Tensor, meanInput: [Double]) -> Tensor {
        let outputs = bias.count
        let inputs = weight.count / Swift.max(outputs, 1)
        guard meanInput.count == inputs else { return bias }
        var corrected = bias.scalars
        for o in 0..<outputs {
            var shift = 0.0
            for i in 0..<inputs {
                shift +=
                    (Double(quantized.scalars[o * inputs + i]) - Double(weight.scalars[o * inputs + i])) * meanInput[i]
            }
            corrected[o] = Float(Double(corrected[o]) - shift)
        }
        return Tensor(validatedShape: bias.shape, scalars: corrected)
    }

    /// Whether post-training quantization gives layer `l` an input quantizer.
    func quantizesInput(of l: Int) -> Bool {
        switch layers[l].kind {
        case .dense, .conv2d: return true
        case .activation(let activation): return activation != .relu
        case .maxPool2d, .flatten: return false
        }
    }

    /// The fake quantizers of every layer's input, as stored in the layers.
    var storedInputQuantizers: [InputFakeQuantizer?] {
        layers.map { $0.inputQuantization.map(InputFakeQuantizer.init) }
    }
}

/// What the float network's activations look like on calibration samples.
struct CalibrationStatistics {
    /// For each quantized input: all its values (range methods) or its observer (observers).
    var inputs: [[Float]]
    var observers: [RangeObserver?]
    /// For bias correction: per weight layer, the mean of its input vector (dense) or window
    /// (convolution) over all samples and positions, in Double.
    var meanInputs: [[Double]]

    init(network: Network, samples: Tensor, activations: ActivationQuantization?, meanInputs wantMeans: Bool)
        throws(QuantEngineError)
    {
        let layerCount = network.layers.count
        inputs = Array(repeating: [], count: layerCount)
        observers = Array(repeating: nil, count: layerCount)
        meanInputs = Array(repeating: [], count: layerCount)
        var sums: [[Double]] = Array(repeating: [], count: layerCount)
        var rows = Array(repeating: 0, count: layerCount)
        if let kind = activations?.observer {
            for l in 0..<layerCount where network.quantizesInput(of: l) { observers[l] = try RangeObserver(kind) }
        }
        let batch = try network.batchSize(of: samples)
        let sampleSize = samples.count / Swift.max(batch, 1)
        let step = try network.batchLimit(
            activations?.observer != nil ? (activations?.batchSize ?? 32) : Network.inferenceBatch,
            operation: "calibration")
        let parameters = NetworkParameters(network)
        var start = 0
        while start < batch {
            let size = Swift.min(step, batch - start)
            let pass = samples.withUnsafeBufferPointer { all in
                network.forward(
                    UnsafeBufferPointer(rebasing: all[(start * sampleSize)..<((start + size) * sampleSize)]),
                    batch: size, parameters: parameters, record: true)
            }
            for l in 0..<layerCount {
                if activations != nil, network.quantizesInput(of: l) {
                    if observers[l] != nil {
                        try observers[l]?.observe(Tensor(pass.values[l]))
                    } else {
                        inputs[l] += pass.values[l]
                    }
                }
                guard wantMeans, network.layers[l].hasParameters else { continue }
                let vectors = network.layers[l].kind == .dense ? pass.values[l] : pass.convRows[l]
                let width = (network.layers[l].weight?.count ?? 0) / Swift.max(network.layers[l].outputShape[0], 1)
                if sums[l].isEmpty { sums[l] = Array(repeating: 0, count: width) }
                var offset = 0
                while offset + width <= vectors.count {
                    for i in 0..<width { sums[l][i] += Double(vectors[offset + i]) }
                    offset += width
                    rows[l] += 1
                }
            }
            start += size
        }
        for l in 0..<layerCount where rows[l] > 0 { meanInputs[l] = sums[l].map { $0 / Double(rows[l]) } }
    }

    /// The calibrated parameters of layer `l`'s input, or nil if it is not quantized.
    func inputParameters(layer l: Int, _ activations: ActivationQuantization) throws(QuantEngineError)
        -> QuantizationParameters?
    {
        if let observer = observers[l] {
            let quantizer = try Quantizer(
                bits: activations.quantizer.bits, scheme: activations.quantizer.scheme,
                range: try observer.rangeMethod(),
                narrowRange: activations.quantizer.narrowRange, signed: activations.quantizer.signed)
            return try quantizer.parameters(for: Tensor([0]))
        }
        guard !inputs[l].isEmpty else { return nil }
        return try activations.quantizer.parameters(for: Tensor(inputs[l]))
    }
}
