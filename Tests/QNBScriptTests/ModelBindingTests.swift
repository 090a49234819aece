import QNBScript
import QNBTestSupport
import QuantEngine
import Testing

/// Data sets, networks, training and compression as cells call them, checked against the engine
/// called directly.
@Suite struct ModelBindingTests {
    static func display(_ source: String) -> String? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        return result.displayText
    }

    static let setup = [
        "let data = dataset(.moons, count: 300, noise: 0.1, seed: 1).split(train: 0.6, validation: 0.2, seed: 2)",
        "var net = mlp([2, 16, 2], seed: 0)",
        "let log = train(&net, on: data.train, epochs: 5, batchSize: 16, seed: 3)",
    ]

    /// The same seeds in a cell and in Swift give the same network, to the last bit of its loss.
    @Test func trainingInACellIsTheEngines() throws {
        let source = Self.setup.joined(separator: "\n") + "\n(log.epochs, evaluate(net, on: data.test).loss)"
        let split = try Dataset.synthetic(.moons, count: 300, noise: 0.1, seed: 1).split(
            train: 0.6, validation: 0.2, seed: 2)
        var network = try Network.mlp([2, 16, 2], seed: 0)
        try network.train(on: split.train, options: TrainingOptions(epochs: 5, batchSize: 16, seed: 3))
        let loss = try network.evaluate(on: split.test).loss
        #expect(Self.display(source) == "(5, \(loss))")
    }

    @Test func compressionFunctionsReturnTheEnginesNetworks() throws {
        let lines =
            Self.setup + [
                "let q = quantize(net, weights: .int4, activations: .uint8, calibration: data.validation)",
                "let p = prune(net, structure: .nm(2, 4), layers: [\"dense2\"])",
                "let t = qat(net, bits: 3, on: data.train, epochs: 1)",
                "let s = distill(teacher: net, student: mlp([2, 4, 2], seed: 5), on: data.train, epochs: 2)",
                "(q.bytes, p.sparsity, t.layers[0].bytes, s.parameterCount, compare(net, q, on: data.test, integer: true).agreement > 0.9)",
            ]
        let split = try Dataset.synthetic(.moons, count: 300, noise: 0.1, seed: 1).split(
            train: 0.6, validation: 0.2, seed: 2)
        var network = try Network.mlp([2, 16, 2], seed: 0)
        try network.train(on: split.train, options: TrainingOptions(epochs: 5, batchSize: 16, seed: 3))
        let q = try network.quantized(
            weights: .uniform(try Quantizer(bits: 4, granularity: .perChannel(axis: 0))),
            activations: try ActivationQuantization(quantizer: try Quantizer(bits: 8, scheme: .asymmetric)),
            calibration: split.validation.features)
        // half of dense2's 32 weights of 64 pruned; dense1 of t: 32 weights as 3-bit codes in 12 bytes, 16 scales and zero points, 16 Float32 biases; s: 2·4 + 4 + 4·2 + 2 parameters
        #expect(Self.display(lines.joined(separator: "\n")) == "(\(q.bytes), 0.25, \(12 + 8 * 16 + 4 * 16), 22, true)")
    }

    @Test func datasetsAndSplits() {
        let source = """
            let digits = dataset(.digits)
            let parts = digits.split(train: 0.7, validation: 0.15, seed: 0)
            (digits.count, digits.sampleShape, parts.train.count + parts.validation.count + parts.test.count, digits.classes)
            """
        #expect(Self.display(source) == "(1797, [1, 8, 8], 1797, 10)")
    }

    /// Training checks the cell's time limit between mini-batches: an endless training run ends
    /// with the interpreter's located time-limit error, like an endless loop.
    @Test func trainingStopsAtTheTimeLimit() {
        var configuration = SessionConfiguration()
        configuration.timeout = 0.2
        expectCellError(
            "1️⃣train(&net, on: data.train, epochs: 10000)", "cell exceeded its time limit of 0.2 s",
            setup: Array(Self.setup.prefix(2)), configuration: configuration, library: .qnb)
        expectCellError(
            "1️⃣qat(net, bits: 4, on: data.train, epochs: 10000)", "cell exceeded its time limit of 0.2 s",
            setup: Array(Self.setup.prefix(2)), configuration: configuration, library: .qnb)
    }

    /// Samples a notebook brings itself (from `load` or literals) become a data set to train on.
    @Test func ownDataTrainsLikeBuiltInData() {
        let source = """
            let x = tensor([[0, 0], [0, 1], [1, 0], [1, 1], [0.1, 0.1], [0.9, 0.9]])
            let own = dataset(features: x, labels: [0, 1, 1, 0, 0, 0], name: "xor-ish")
            var net = mlp([2, 8, 2], seed: 1)
            let log = train(&net, on: own, epochs: 3, batchSize: 2, seed: 0)
            (own.count, own.classes, own.classCounts, log.loss.count, log.validationLoss.count)
            """
        #expect(Self.display(source) == "(6, 2, [4, 2], 3, 0)")
        expectCellError(
            "1️⃣dataset(features: tensor([[1, 2], [3, 4]]), labels: [0, -1])",
            "Dataset: label -1 of sample 1 is outside 0..<1 (the class count)", library: .qnb)
    }

    @Test func mistakesAreLocatedErrors() {
        expectCellError(
            "dataset(.digits, count: 1️⃣10)", "the digits data set is fixed: 1,797 images; count and noise do not apply",
            library: .qnb)
        expectCellError(
            "1️⃣quantize(net)", "say what to quantize: weights: (a format), bits:, or activations:",
            setup: Self.setup, library: .qnb)
        expectCellError(
            "quantize(net, weights: .int8, activations: .uint8, calibration: 1️⃣nil)",
            "quantizing activations or correcting biases needs calibration: samples (e.g. data.validation)",
            setup: Self.setup, library: .qnb)
        expectCellError(
            "quantize(net, weights: .int8, activations: 1️⃣.fp8e4m3, calibration: data.validation)",
            "activations are quantized to .int8, .uint8, .int4 or .uint4, not fp8e4m3", setup: Self.setup,
            library: .qnb)
        expectCellError(
            "1️⃣compare(net, net, on: data.test, integer: true)",
            "integer inference needs int8 (or narrower) weights per tensor or per output channel; dense1 has float32 weights",
            setup: Self.setup, library: .qnb)
        expectCellError(
            "prune(net, sparsity: 1️⃣1)", "pruning sparsity must be in 0..<1, got 1.0", setup: Self.setup, library: .qnb)
        expectCellError(
            "1️⃣prune(net, structure: .nm(0, 0))", "N:M pruning needs 1 ≤ N < M and 2 ≤ M ≤ 1024, got 0:0",
            setup: Self.setup, library: .qnb)
        expectCellError(
            "train(&net, on: data.train, epochs: 1️⃣0)", "epochs must be 1…10000, got 0", setup: Self.setup, library: .qnb
        )
        expectCellError(
            "train(&net, on: 1️⃣dataset(.digits))",
            "train: samples of shape [1, 8, 8] do not fit a network whose input is [2]", setup: Self.setup,
            library: .qnb)
    }
}
