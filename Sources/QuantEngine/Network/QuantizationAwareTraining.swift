/// Quantization-aware training (Jacob et al. 2018; Krishnamoorthi 2018): training continues with
/// fake quantization in the forward pass — weights quantized with their current parameters at
/// every step, layer inputs fake-quantized with calibrated parameters — and a straight-through
/// estimator in the backward pass, so the weights learn to sit well on the quantization grid.
///
/// - Weights: per step, `Ŵ = fakeQuantize(W)` with `weights` (per tensor or per output channel);
///   the gradient with respect to `Ŵ` passes to the Float32 weights `W` where `W / s` lies inside
///   the integer range and is zero where it was clipped (the clipped straight-through estimator).
/// - Activations: the inputs PTQ would quantize, with parameters calibrated on the training
///   samples first (as ``Network/quantized(weights:activations:calibration:biasCorrection:)``),
///   same clipped estimator.
/// - With `learnedStepSizes` (LSQ, Esser et al. 2020), the weight scales (one per output channel or
///   one per tensor) and each input scale are trained too, starting from the calibrated values:
///   `∂x̂/∂s = round(x/s) − x/s` inside the range, `q_min − z` or `q_max − z` where clipped, the
///   step's gradient scaled by `1/√(N · q_max)` (N: weights per scale, or values per sample).
///   Zero points stay fixed.
///
/// The result is a quantized network like post-training quantization's: dequantized weights,
/// integer codes and storage, input parameters — usable by ``Network/integerLogits(_:)``.
public struct QuantizationAwareTraining: Sendable, Equatable {
    /// How weights are quantized; granularity per tensor or per channel along axis 0.
    public let weights: Quantizer
    /// How layer inputs are quantized; nil trains with quantized weights only.
    public let activations: ActivationQuantization?
    /// Learn the step sizes (LSQ) instead of recomputing weight scales from the weights.
    public let learnedStepSizes: Bool

    public init(weights: Quantizer, activations: ActivationQuantization?, learnedStepSizes: Bool = false)
        throws(QuantEngineError)
    {
        guard weights.granularity == .perTensor || weights.granularity == .perChannel(axis: 0) else {
            throw .unsupported(
                "quantization-aware training quantizes weights per tensor or per output channel, got \(weights.granularity)"
            )
        }
        if learnedStepSizes, weights.scheme == .asymmetric {
            throw .unsupported("learned step sizes need symmetric weights (zero point 0)")
        }
        self.weights = weights
        self.activations = activations
        self.learnedStepSizes = learnedStepSizes
    }
}

extension Network {
    /// Fine-tunes a copy of this network with quantization in the loop and returns the quantized
    /// result with the training log.
    public func quantizationAwareTrained(
        _ method: QuantizationAwareTraining, on samples: Dataset, validation: Dataset? = nil,
        options: TrainingOptions = TrainingOptions()
    ) throws(QuantEngineError) -> (network: Network, log: TrainingLog) {
        try validate(samples, operation: "quantization-aware training")
        guard layers.allSatisfy({ $0.weightStorage == nil }) else {
            throw .unsupported(
                "quantization-aware training starts from a Float32 network; this one is already quantized")
        }
        // The starting point: PTQ's calibrated activations (on the training samples).
        let start = try quantized(weights: nil, activations: method.activations, calibration: samples.features)
        let plan = QATPlan(network: start, method: method)
        var trainee = start
        var hooks = TrainingHooks()
        hooks.forwardParameters = { plan.forwardParameters($0) }
        hooks.inputQuantizers = { plan.inputQuantizers($0) }
        hooks.mapGradients = { gradients, latent, pass, inputGradients in
            plan.mapGradients(&gradients, latent: latent, pass: pass, inputGradients: inputGradients)
        }
        hooks.store = { network, latent in plan.store(&network, latent) }
        let initialSteps = try plan.initialSteps()
        hooks.prepare = { parameters in
            if method.learnedStepSizes {
                parameters.weightSteps = initialSteps.weights
                parameters.inputSteps = initialSteps.inputs
            }
        }
        var log = try trainee.train(on: samples, validation: validation, options: options, hooks: hooks)
        log.summary =
            "quantization-aware training (\(WeightQuantization.uniform(method.weights))"
            + (method.activations.map { ", activations int\($0.quantizer.bits) \($0.quantizer.scheme)" } ?? "")
            + (method.learnedStepSizes ? ", learned step sizes" : "") + "), " + log.summary
        return (trainee, log)
    }
}

/// The per-step computations of quantization-aware training for one network.
struct QATPlan: Sendable {
    let network: Network
    let method: QuantizationAwareTraining
    /// `[outputs, inputs · …]` shape of every weight layer's matrix (empty for others).
    let matrices: [[Int]]

    init(network: Network, method: QuantizationAwareTraining) {
        self.network = network
        self.method = method
        matrices = network.layers.map { layer in
            guard let weight = layer.weight else { return [] }
            return [weight.shape[0], weight.count / Swift.max(weight.shape[0], 1)]
        }
    }

    var granularity: Granularity { method.weights.granularity }

    /// Weight parameter sets of layer `l` for the latent weights.
    func weightParameters(_ l: Int, _ latent: NetworkParameters) -> [QuantizationParameters]? {
        if method.learnedStepSizes {
            let steps = latent.weightSteps[l]
            let sets = steps.compactMap {
                try? QuantizationParameters(
                    scale: Swift.max($0, QuantizationParameters.minimumScale), zeroPoint: 0, bits: method.weights.bits,
                    signed: true, narrowRange: method.weights.narrowRange)
            }
            return sets.count == steps.count && !sets.isEmpty ? sets : nil
        }
        guard let matrix = try? Tensor(shape: matrices[l], scalars: latent.weights[l]) else { return nil }
        return try? method.weights.parameterSets(for: matrix)
    }

    func initialSteps() throws(QuantEngineError) -> (weights: [[Float]], inputs: [[Float]]) {
        let latent = NetworkParameters(network)
        var weights: [[Float]] = Array(repeating: [], count: network.layers.count)
        var inputs: [[Float]] = Array(repeating: [], count: network.layers.count)
        for l in network.layers.indices {
            if !matrices[l].isEmpty {
                let matrix = try Tensor(shape: matrices[l], scalars: latent.weights[l])
                weights[l] = try method.weights.parameterSets(for: matrix).map(\.scale)
            }
            if let input = network.layers[l].inputQuantization { inputs[l] = [input.scale] }
        }
        return (weights, inputs)
    }

    func forwardParameters(_ latent: NetworkParameters) -> NetworkParameters {
        var effective = latent
        for l in network.layers.indices where !matrices[l].isEmpty {
            guard let sets = weightParameters(l, latent),
                let matrix = try? Tensor(shape: matrices[l], scalars: latent.weights[l]),
                let quantized = try? Quantizer.fakeQuantize(matrix, parameters: sets, granularity: granularity)
            else { continue }  // non-finite weights: the loss becomes NaN and training stops
            effective.weights[l] = quantized.scalars
        }
        return effective
    }

    func inputParameters(_ l: Int, _ latent: NetworkParameters) -> QuantizationParameters? {
        guard let base = network.layers[l].inputQuantization else { return nil }
        guard method.learnedStepSizes, let step = latent.inputSteps[l].first else { return base }
        return
            (try? QuantizationParameters(
                scale: Swift.max(step, QuantizationParameters.minimumScale), zeroPoint: base.zeroPoint, bits: base.bits,
                signed: base.signed, narrowRange: base.signed && base.qmin == 1 - (1 << (base.bits - 1)))) ?? base
    }

    func inputQuantizers(_ latent: NetworkParameters) -> [InputFakeQuantizer?] {
        network.layers.indices.map { l in inputParameters(l, latent).map(InputFakeQuantizer.init) }
    }

    func mapGradients(
        _ gradients: inout NetworkParameters, latent: NetworkParameters, pass: ForwardPass, inputGradients: [[Float]?]
    ) {
        for l in network.layers.indices where !matrices[l].isEmpty {
            guard let sets = weightParameters(l, latent) else { continue }
            let columns = matrices[l][1]
            let weights = latent.weights[l]
            var stepGradient = [Float](repeating: 0, count: method.learnedStepSizes ? sets.count : 0)
            for i in weights.indices {
                let set = sets[sets.count == 1 ? 0 : i / columns]
                let v = weights[i] / set.scale
                let lower = Float(set.qmin), upper = Float(set.qmax)
                let g = gradients.weights[l][i]
                if method.learnedStepSizes {
                    let d: Float = v < lower ? lower : (v > upper ? upper : v.rounded(.toNearestOrEven) - v)
                    stepGradient[sets.count == 1 ? 0 : i / columns] += g * d
                }
                if v < lower || v > upper { gradients.weights[l][i] = 0 }
            }
            if method.learnedStepSizes {
                let perScale = Double(weights.count / sets.count)
                let scale = Float(1 / (perScale * Double(sets[0].qmax)).squareRoot())
                gradients.weightSteps[l] = stepGradient.map { $0 * scale }
            }
        }
        guard method.learnedStepSizes else { return }
        for l in network.layers.indices {
            guard let parameters = inputParameters(l, latent), let raw = pass.unquantizedInputs[l],
                l < inputGradients.count, let g = inputGradients[l], !latent.inputSteps[l].isEmpty
            else { continue }
            let lower = Float(parameters.qmin - parameters.zeroPoint),
                upper = Float(parameters.qmax - parameters.zeroPoint)
            var sum: Float = 0
            for i in raw.indices {
                let v = raw[i] / parameters.scale
                sum += g[i] * (v < lower ? lower : (v > upper ? upper : v.rounded(.toNearestOrEven) - v))
            }
            let perSample = Double(network.layers[l].inputShape.reduce(1, *))
            gradients.inputSteps[l] = [sum * Float(1 / (perSample * Double(parameters.qmax)).squareRoot())]
        }
    }

    /// The quantized network for the current parameters: dequantized weights with their codes
    /// and storage, the input parameters in effect.
    func store(_ target: inout Network, _ latent: NetworkParameters) {
        for l in target.layers.indices {
            if let input = inputParameters(l, latent) { target.layers[l].inputQuantization = input }
            guard !matrices[l].isEmpty, let weight = target.layers[l].weight, let bias = target.layers[l].bias,
                let sets = weightParameters(l, latent),
                let matrix = try? Tensor(shape: matrices[l], scalars: latent.weights[l]),
                let codes = try? Quantizer.quantize(matrix, parameters: sets, granularity: granularity),
                let dequantized = try? codes.dequantized().reshaped(weight.shape)
            else { continue }
            target.layers[l].weight = dequantized
            target.layers[l].bias = Tensor(validatedShape: bias.shape, scalars: latent.biases[l])
            target.layers[l].quantizedWeight = codes
            target.layers[l].weightStorage = WeightStorage(
                format: WeightQuantization.uniform(method.weights).description, bits: method.weights.bits,
                bytes: codes.bytes)
        }
    }
}
