import Testing

@testable import QuantEngine

@Suite struct PostTrainingQuantizationTests {
    /// A trained 2 → 16 → 16 → 4 MLP on the four-cluster task, and data.
    static func trained(_ activation: Activation = .relu) throws -> (Network, Dataset, Dataset) {
        let train = try TrainingTests.clusters(count: 400, seed: 1)
        let test = try TrainingTests.clusters(count: 400, seed: 2)
        var network = try Network.mlp([2, 16, 16, 4], activation: activation, seed: 0)
        try network.train(on: train, options: TrainingOptions(epochs: 10, batchSize: 32))
        return (network, train, test)
    }

    static func int8PerChannel() throws -> WeightQuantization {
        .uniform(try Quantizer(bits: 8, scheme: .symmetric, granularity: .perChannel(axis: 0)))
    }

    static func uint8Activations() throws -> ActivationQuantization {
        try ActivationQuantization(quantizer: try Quantizer(bits: 8, scheme: .asymmetric))
    }

    @Test func weightOnlyQuantizationStoresTheQuantizersResult() throws {
        let (network, _, _) = try Self.trained()
        let quantized = try network.quantized(weights: try Self.int8PerChannel())
        var expectedBytes = 0
        for (original, layer) in zip(network.layers, quantized.layers) {
            guard let weight = original.weight, let bias = original.bias else { continue }
            let perChannel = try Quantizer(bits: 8, scheme: .symmetric, granularity: .perChannel(axis: 0))
            #expect(layer.weight == (try perChannel.fakeQuantize(weight)))
            #expect(layer.bias == bias)
            #expect(layer.weightStorage?.bits == 8)
            // one byte per weight, a Float32 scale and an Int32 zero point per output, Float32 biases
            expectedBytes += weight.count + 8 * weight.shape[0] + 4 * bias.count
        }
        #expect(quantized.bytes == expectedBytes)
        #expect(quantized.parameterCount == network.parameterCount)
        #expect(quantized.layers.allSatisfy { $0.inputQuantization == nil })
    }

    /// The simulated network computes fq(x) → Ŵ₁ → ReLU → fq → Ŵ₂ …, written out here with the
    /// engine's public tensor operations and range maths.
    @Test func activationQuantizationMatchesAManualPipeline() throws {
        let (network, train, test) = try Self.trained()
        let calibration = train.features
        let quantized = try network.quantized(
            weights: try Self.int8PerChannel(), activations: try Self.uint8Activations(), calibration: calibration)
        let dense = quantized.layers.indices.filter { quantized.layers[$0].hasParameters }
        #expect(dense == [0, 2, 4])
        // the first input's range is the calibration features' own min and max
        let first = try QuantizationParameters.asymmetric(
            min: try calibration.min(), max: try calibration.max(), bits: 8)
        #expect(quantized.layers[0].inputQuantization == first)
        // float activations of the float network give the next ranges
        var floatActivation = calibration
        var simulated = test.features
        for (position, l) in dense.enumerated() {
            let layer = network.layers[l], q = quantized.layers[l]
            let weight = try #require(layer.weight), bias = try #require(layer.bias)
            if position > 0 {
                let expected = try QuantizationParameters.asymmetric(
                    min: try floatActivation.min(), max: try floatActivation.max(), bits: 8)
                #expect(q.inputQuantization == expected, "input of \(layer.name)")
            }
            let parameters = try #require(q.inputQuantization)
            simulated = try Quantizer.quantize(simulated, parameters: parameters).dequantized()
            simulated = try matmul(simulated, try #require(q.weight).transposed()) + bias
            floatActivation = try matmul(floatActivation, weight.transposed()) + bias
            if position < dense.count - 1 {
                simulated = simulated.rectified()
                floatActivation = floatActivation.rectified()
            }
        }
        let logits = try quantized.logits(test.features)
        #expect(logits.shape == simulated.shape)
        #expect(zip(logits.scalars, simulated.scalars).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
        // 8-bit weights and activations keep the accuracy within one percentage point
        let comparison = try network.compare(with: quantized, on: test)
        #expect(comparison.candidate.accuracy >= comparison.reference.accuracy - 0.01)
        #expect(comparison.agreement >= 0.97)
    }

    @Test(arguments: [Activation.relu, .tanh, .gelu])
    func integerInferenceAgreesWithTheSimulation(activation: Activation) throws {
        let (network, train, test) = try Self.trained(activation)
        let quantized = try network.quantized(
            weights: try Self.int8PerChannel(), activations: try Self.uint8Activations(), calibration: train.features)
        let simulated = try quantized.logits(test.features)
        let integer = try quantized.integerLogits(test.features)
        let same = zip(quantized.predictions(simulated), quantized.predictions(integer)).filter { $0.0 == $0.1 }.count
        #expect(Double(same) >= 0.99 * Double(test.count), "\(same) of \(test.count) agree")
        // logits differ only by rounding: a few steps of the last layer's input scale times |w|
        let spread = simulated.scalars.map(abs).max() ?? 1
        let worst = zip(simulated.scalars, integer.scalars).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 0.05 * spread, "worst logit difference \(worst) of \(spread)")
        #expect(worst > 0)  // the paths really are different computations
    }

    @Test func integerInferenceRunsConvolutionalNetworks() throws {
        // 1×6×6 images whose class is the brighter half (left or right)
        var generator = RandomGenerator(seed: 4)
        var pixels = [Float](), labels = [Int]()
        for i in 0..<160 {
            let label = i % 2
            for _ in 0..<6 {
                for x in 0..<6 {
                    let bright = (x < 3) == (label == 0)
                    pixels.append(Float((bright ? 0.8 : 0.2) + 0.3 * generator.nextNormal()))
                }
            }
            labels.append(label)
        }
        let data = try Dataset(
            name: "samples", features: try Tensor(shape: [160, 1, 6, 6], scalars: pixels), labels: labels)
        var network = try Network.cnn(input: [1, 6, 6], channels: [4], classes: 2, seed: 1)
        try network.train(on: data, options: TrainingOptions(epochs: 8, batchSize: 16))
        let quantized = try network.quantized(
            weights: try Self.int8PerChannel(), activations: try Self.uint8Activations(), calibration: data.features)
        let simulated = try quantized.predict(data.features)
        let integer = try quantized.integerPredict(data.features)
        let same = zip(simulated, integer).filter { $0.0 == $0.1 }.count
        #expect(Double(same) >= 0.98 * 160, "\(same) of 160 agree")
        #expect(try network.evaluate(on: data).accuracy >= 0.9)
    }

    /// Bias correction removes the mean output shift of quantized weights: over the calibration
    /// inputs, the mean of (Ŵx + b') − (Wx + b) is zero per output.
    @Test func biasCorrectionCancelsTheMeanShift() throws {
        let (network, train, _) = try Self.trained()
        let coarse = WeightQuantization.uniform(try Quantizer(bits: 3, scheme: .symmetric))
        let plain = try network.quantized(weights: coarse)
        let corrected = try network.quantized(weights: coarse, calibration: train.features, biasCorrection: true)
        let x = train.features
        let reference = try matmul(x, try #require(network.layers[0].weight).transposed())
        func meanShift(_ q: Network) throws -> [Double] {
            let layer = q.layers[0]
            let y = try matmul(x, try #require(layer.weight).transposed()) + (try #require(layer.bias))
            let base = try reference + (try #require(network.layers[0].bias))
            return (0..<16).map { o in
                (0..<x.shape[0]).reduce(0.0) { $0 + Double(y.scalars[$1 * 16 + o] - base.scalars[$1 * 16 + o]) }
                    / Double(x.shape[0])
            }
        }
        let before = try meanShift(plain).map(abs).max() ?? 0
        let after = try meanShift(corrected).map(abs).max() ?? 1
        #expect(before > 1e-3)
        #expect(after <= 1e-5, "largest mean shift after correction \(after) (before \(before))")
    }

    @Test func formatsAndErrors() throws {
        let (network, train, _) = try Self.trained()
        let nf4 = try network.quantized(weights: .format(.nf4(blockSize: 16)))
        #expect(nf4.layers[2].weightStorage?.bytes == 16 * 16 / 2 + 4 * 16)
        // ggml blocks need 32 inputs per output; this network's layers have 2 and 16
        #expect(throws: QuantEngineError.self) { try network.quantized(weights: .format(.q4_0)) }
        #expect(throws: QuantEngineError.self) {
            try network.quantized(weights: nil, activations: try Self.uint8Activations())
        }
        #expect(throws: QuantEngineError.self) { try network.integerLogits(train.features) }
        let weightOnly = try network.quantized(weights: try Self.int8PerChannel())
        #expect(throws: QuantEngineError.self) { try weightOnly.integerLogits(train.features) }
        #expect(throws: QuantEngineError.self) {
            try ActivationQuantization(quantizer: try Quantizer(bits: 8, granularity: .perChannel(axis: 0)))
        }
    }
}

extension Tensor {
    func rectified() -> Tensor { Tensor(validatedShape: shape, scalars: scalars.map { $0 > 0 ? $0 : 0 }) }
}

extension Network {
    func predictions(_ logits: Tensor) -> [Int] { Self.argmax(logits.scalars, classes: outputCount) }
}
