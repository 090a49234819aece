extension Seq2Seq {
    /// Post-training quantization part by part: a copy whose embeddings, GRU weight matrices and
    /// output projection are stored as `configuration` says (and computed with their dequantized
    /// values), and, with `configuration.activations`, whose weight-matrix inputs — the
    /// embeddings read by each GRU, the state each recurrent product reads, the normalized
    /// output features — are fake-quantized per tensor with ranges calibrated on
    /// `calibrationSources`/`calibrationTargets` (teacher-forced, with the Float32 model, as
    /// PyTorch's observers see it). A uniform quantizer sees each weight matrix in PyTorch's shape,
    /// so `.perChannel(axis: 0)` gives one scale per output row (per token for an embedding);
    /// biases and the layer norm stay Float32.
    ///
    /// Quantizing a quantized model starts again from its Float32 weights.
    public func quantized(
        _ configuration: Seq2SeqQuantization, calibrationSources: [[String]] = [],
        calibrationTargets: [[String]] = []
    ) throws(QuantEngineError) -> Seq2Seq {
        var float = self
        if let floatParameters {
            float.parameters = floatParameters
            float.floatParameters = nil
            float.quantization = nil
            float.activationParameters = []
            float.storedBytes = [:]
        }
        var result = float
        let stored = try Self.quantizedWeights(float.parameters, layout: layout, configuration)
        result.parameters = stored.values
        result.storedBytes = stored.bytes
        result.floatParameters = float.parameters
        result.quantization = configuration
        if let activations = configuration.activations {
            guard !calibrationSources.isEmpty else {
                throw .invalidArgument("quantizing activations needs calibration sentence pairs")
            }
            if activations.observer != nil {
                throw .unsupported(
                    "seq2seq activations are calibrated over all calibration values; observers are for networks")
            }
            result.activationParameters = try float.calibrate(
                activations, sources: calibrationSources, targets: calibrationTargets)
        }
        return result
    }

    /// Activation parameters per site from the Float32 model's values on the calibration pairs.
    func calibrate(_ activations: ActivationQuantization, sources: [[String]], targets: [[String]])
        throws(QuantEngineError) -> [QuantizationParameters]
    {
        let data = try encoded(sources: sources, targets: targets)
        try reservePasses(data, batchSize: 256)
        var observed = [[Float]](repeating: [], count: ActivationSite.allCases.count)
        let weights = Seq2SeqWeights(parameters, layout: layout)
        var none: RandomGenerator? = nil
        let watch = EngineDeadline.Watch()
        var total = 0
        for batch in Self.batches(sources: data.sources, targets: data.targets, size: 256, using: &none) {
            try watch.check("seq2seq calibration")
            var failure: QuantEngineError?
            _ = forward(batch, weights: weights) { site, values in
                guard failure == nil else { return }
                total += values.count
                if total > 1 << 26 {
                    failure = .invalidArgument("calibration data is too large; use fewer calibration pairs")
                    return
                }
                observed[site.rawValue].append(contentsOf: values)
            }
            if let failure { throw failure }
        }
        return try observed.map { values throws(QuantEngineError) in
            try activations.quantizer.parameters(for: Tensor(values))
        }
    }

    /// `values` with each weight block of a part quantized and dequantized as `configuration`
    /// says, and the storage of those blocks.
    static func quantizedWeights(_ values: [Float], layout: Layout, _ configuration: Seq2SeqQuantization)
        throws(QuantEngineError) -> (values: [Float], bytes: [Block: Int])
    {
        var result = values
        var bytes: [Block: Int] = [:]
        for block in Block.allCases {
            guard let part = block.part, let quantization = configuration[part] else { continue }
            let range = layout.range(block)
            let tensor = try Tensor(shape: layout.shape(block), scalars: Array(values[range]))
            let dequantized: Tensor
            do {
                switch quantization {
                case .uniform(let quantizer):
                    let quantized = try quantizer.quantize(tensor)
                    dequantized = quantized.dequantized()
                    bytes[block] = quantized.bytes
                case .format(let format):
                    let encoded = try EncodedTensor.encode(tensor, as: format)
                    dequantized = encoded.dequantized()
                    bytes[block] = encoded.bytes
                }
            } catch {
                throw Self.located(error, block: block)
            }
            dequantized.withUnsafeBufferPointer { d in
                for (i, value) in d.enumerated() { result[range.lowerBound + i] = value }
            }
        }
        return (result, bytes)
    }

    /// `error` with the block it happened in, for messages such as a ggml format on a matrix
    /// whose rows are not a multiple of 32 long.
    static func located(_ error: QuantEngineError, block: Block) -> QuantEngineError {
        switch error {
        case .invalidArgument(let message): return .invalidArgument("\(block.name): \(message)")
        case .unsupported(let message): return .unsupported("\(block.name): \(message)")
        default: return error
        }
    }
}
