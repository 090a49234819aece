/// Integer-only inference of a quantized network, as an int8 runtime (TFLite, gemmlowp) runs it:
/// 8-bit activation codes between layers, int8 weights, exact int32 accumulation with an int32
/// bias, fixed-point requantization to the next layer's input parameters — no float arithmetic
/// between the input and the last layer's accumulators.
///
/// Layer by layer:
/// - the input is quantized with the first layer's input parameters;
/// - a dense or convolution layer multiplies codes with the engine's integer GEMM or convolution,
///   adds `round(b / (s_x · s_w[c]))`, and requantizes to the input parameters of the next layer
///   that has some (`M = s_x · s_w[c] / s_next` as `M0 · 2^−n`); after the last weight layer the
///   accumulators are dequantized to logits;
/// - ReLU on codes is `max(q, z)` (quantization is monotone and maps 0 to the zero point, so this
///   equals quantizing the float ReLU); max pooling compares codes; flatten reshapes;
/// - GELU and tanh map each possible input code to an output code through a lookup table built
///   from their float definitions (as TFLite's int8 `TANH` and `LOGISTIC` kernels do).
///
/// It differs from the fake-quantized simulation (``Network/logits(_:)`` of the same network)
/// only by the bias rounding and the fixed-point requantization (rounding half away from zero,
/// a 31-bit multiplier), so predictions agree on almost every sample.
extension Network {
    /// The logits `[batch, classes]` computed in integer arithmetic.
    ///
    /// - Throws: `unsupported` unless every dense and convolution layer has uniformly quantized
    ///   weights of at most 8 bits (per tensor or per output channel) and every quantized input
    ///   has 8-bit or narrower parameters — i.e. the network came from ``quantized(weights:activations:calibration:biasCorrection:)``
    ///   with integer weights and activations.
    public func integerLogits(_ x: Tensor) throws(QuantEngineError) -> Tensor {
        let batch = try batchSize(of: x)
        try checkIntegerInference()
        try checkBatch(batch, operation: "integer inference")
        var signal = Signal.float(x.scalars)
        for (l, layer) in layers.enumerated() {
            if let parameters = layer.inputQuantization {
                signal = try signal.codes(for: parameters)
            }
            switch layer.kind {
            case .dense, .conv2d:
                signal = try integerLayer(l, signal, batch: batch)
            case .activation(.relu):
                signal = signal.relu()
            case .activation(let activation):
                guard case .codes(let codes, let input) = signal else { break }
                signal = try Self.lookUp(
                    codes, input: input, activation: activation, output: nextInputParameters(after: l))
            case .maxPool2d(let size):
                signal = signal.pooled(batch: batch, input: layer.inputShape, size: size)
            case .flatten:
                break
            }
        }
        guard case .float(let logits) = signal else {
            throw .unsupported("integer inference ended on codes; the last layer must be dense or a convolution")
        }
        return try Tensor(shape: [batch, outputCount], scalars: logits)
    }

    /// The predicted classes of the integer-only path.
    public func integerPredict(_ x: Tensor) throws(QuantEngineError) -> [Int] {
        Self.argmax(try integerLogits(x).scalars, classes: outputCount)
    }

    func checkIntegerInference() throws(QuantEngineError) {
        for layer in layers {
            if layer.hasParameters {
                guard let q = layer.quantizedWeight, q.bits <= 8,
                    q.granularity == .perTensor || q.granularity == .perChannel(axis: 0)
                else {
                    throw .unsupported(
                        "integer inference needs int8 (or narrower) weights per tensor or per output channel; "
                            + "\(layer.name) has \(layer.weightStorage?.format ?? "float32 weights")")
                }
                guard let input = layer.inputQuantization, input.bits <= 8 else {
                    throw .unsupported(
                        "integer inference needs 8-bit (or narrower) activations; \(layer.name)'s input is not quantized"
                    )
                }
            }
            if case .activation(let activation) = layer.kind, activation != .relu, layer.inputQuantization == nil {
                throw .unsupported(
                    "integer inference needs the input of \(layer.name) quantized (for its lookup table)")
            }
        }
    }

    /// The input parameters of the first layer after `l` that has some.
    func nextInputParameters(after l: Int) -> QuantizationParameters? {
        layers[(l + 1)...].first(where: { $0.inputQuantization != nil })?.inputQuantization
    }

    func integerLayer(_ l: Int, _ signal: Signal, batch: Int) throws(QuantEngineError) -> Signal {
        let layer = layers[l]
        guard case .codes(let codes, let input) = signal, let weight = layer.quantizedWeight, let bias = layer.bias
        else {
            throw .unsupported("integer inference: \(layer.name) received float values")
        }
        let x = QuantizedTensor(
            shape: [batch] + layer.inputShape, codes: Self.codes(codes, signed: input.signed), parameters: [input],
            scheme: input.zeroPoint == 0 && input.signed ? .symmetric : .asymmetric, rounding: .nearestEven,
            granularity: .perTensor)
        var accumulators: AccumulatorTensor
        switch layer.kind {
        case .conv2d(_, let stride, let padding):
            let w = QuantizedTensor(
                shape: layer.weight?.shape ?? [], codes: weight.codes, parameters: weight.parameters,
                scheme: weight.scheme, rounding: weight.rounding, granularity: weight.granularity)
            accumulators = try conv2d(x, w, stride: stride, padding: padding)
        default:
            let outputs = weight.shape[0], inputs = weight.shape[1]
            let flat = QuantizedTensor(
                shape: [batch, inputs], codes: x.codes, parameters: x.parameters, scheme: x.scheme,
                rounding: x.rounding, granularity: .perTensor)
            let transposed = Self.transposedCodes(weight.codes, rows: outputs, columns: inputs)
            let w = QuantizedTensor(
                shape: [inputs, outputs], codes: transposed, parameters: weight.parameters, scheme: weight.scheme,
                rounding: weight.rounding,
                granularity: weight.granularity == .perTensor ? .perTensor : .perChannel(axis: 1))
            accumulators = try matmul(flat, w)
            let biasCodes = try quantizeBias(bias, x: flat, w: w)
            return try Self.finish(accumulators.addingBias(biasCodes), next: nextInputParameters(after: l))
        }
        let biasCodes = try quantizeBias(bias, x: x, w: weight)
        accumulators = try accumulators.addingBias(biasCodes)
        return try Self.finish(accumulators, next: nextInputParameters(after: l))
    }

    static func finish(_ accumulators: AccumulatorTensor, next: QuantizationParameters?) throws(QuantEngineError)
        -> Signal
    {
        guard let next else { return .float(accumulators.dequantized().scalars) }
        let q = try requantize(
            accumulators, outputScale: next.scale, outputZeroPoint: next.zeroPoint, bits: next.bits, signed: next.signed
        )
        return .codes(q.values.map { Int32($0) }, next)
    }

    /// A 256-entry (or smaller) table from input code to output code: `quantize(f(dequantize(q)))`.
    static func lookUp(
        _ codes: [Int32], input: QuantizationParameters, activation: Activation, output: QuantizationParameters?
    ) throws(QuantEngineError) -> Signal {
        let lowest = input.qmin
        let table = (input.qmin...input.qmax).map { code in
            activation(Float(code - input.zeroPoint) * input.scale)
        }
        let values = codes.map { table[Int($0) - lowest] }
        guard let output else { return .float(values) }
        let q = try Quantizer.quantize(Tensor(values), parameters: output)
        return .codes(q.values.map { Int32($0) }, output)
    }

    static func codes(_ values: [Int32], signed: Bool) -> QuantizedCodes {
        signed
            ? .int8(values.map { Int8(truncatingIfNeeded: $0) })
            : .uint8(values.map { UInt8(truncatingIfNeeded: $0) })
    }

    static func transposedCodes(_ codes: QuantizedCodes, rows: Int, columns: Int) -> QuantizedCodes {
        func transpose<T>(_ values: [T]) -> [T] {
            (0..<(rows * columns)).map { k in values[(k % rows) * columns + k / rows] }
        }
        switch codes {
        case .int8(let values): return .int8(transpose(values))
        case .uint8(let values): return .uint8(transpose(values))
        case .int16(let values): return .int16(transpose(values))
        case .uint16(let values): return .uint16(transpose(values))
        }
    }

    /// Values between layers of the integer path.
    enum Signal {
        case float([Float])
        case codes([Int32], QuantizationParameters)

        func codes(for parameters: QuantizationParameters) throws(QuantEngineError) -> Signal {
            switch self {
            case .float(let values):
                let q = try Quantizer.quantize(Tensor(values), parameters: parameters)
                return .codes(q.values.map { Int32($0) }, parameters)
            case .codes(_, let current):
                guard current == parameters else {
                    throw .unsupported(
                        "integer inference: codes with parameters \(current) reached a layer expecting \(parameters)")
                }
                return self
            }
        }

        func relu() -> Signal {
            switch self {
            case .float(let values): return .float(values.map { $0 > 0 ? $0 : 0 })
            case .codes(let codes, let parameters):
                let zero = Int32(parameters.zeroPoint)
                return .codes(codes.map { Swift.max($0, zero) }, parameters)
            }
        }

        func pooled(batch: Int, input: [Int], size: Int) -> Signal {
            switch self {
            case .float(let values):
                return .float(Network.poolForward(values, batch: batch, input: input, size: size).output)
            case .codes(let codes, let parameters):
                let pooled = Network.poolForward(codes.map { Float($0) }, batch: batch, input: input, size: size).output
                return .codes(pooled.map { Int32($0) }, parameters)
            }
        }
    }
}
