import Testing

@testable import QuantEngine

@Suite struct TrainingTests {
    /// Two Gaussian clusters per class on a ring (four classes), separable by a small MLP.
    static func clusters(count: Int, seed: UInt64) throws -> Dataset {
        var generator = RandomGenerator(seed: seed)
        let centers: [(Double, Double)] = [(2, 0), (0, 2), (-2, 0), (0, -2)]
        var x = [Float](), labels = [Int]()
        for i in 0..<count {
            let label = i % 4
            x.append(Float(centers[label].0 + 0.5 * generator.nextNormal()))
            x.append(Float(centers[label].1 + 0.5 * generator.nextNormal()))
            labels.append(label)
        }
        return try Dataset(name: "samples", features: try Tensor(shape: [count, 2], scalars: x), labels: labels)
    }

    @Test func trainingLearnsSeparableClusters() throws {
        let train = try Self.clusters(count: 400, seed: 1)
        let test = try Self.clusters(count: 200, seed: 2)
        var network = try Network.mlp([2, 16, 4], seed: 0)
        let before = try network.evaluate(on: test)
        let log = try network.train(on: train, validation: test, options: TrainingOptions(epochs: 15, batchSize: 32))
        let after = try network.evaluate(on: test)
        #expect(log.epochs.count == 15)
        #expect(after.accuracy >= 0.95, "accuracy \(after.accuracy)")
        #expect(after.loss < before.loss / 3)
        #expect((log.epochs.last?.loss ?? 1) < (log.epochs.first?.loss ?? 0))
        #expect(log.epochs.last?.validationAccuracy == after.accuracy)
        // the confusion matrix counts every sample once, rows by label
        #expect(after.confusion.map { $0.reduce(0, +) } == [50, 50, 50, 50])
        #expect(Double((0..<4).map { after.confusion[$0][$0] }.reduce(0, +)) / 200 == after.accuracy)
    }

    @Test(arguments: [try Optimizer.sgd(momentum: 0.9), Optimizer.defaultAdam])
    func trainingIsDeterministic(optimizer: Optimizer) throws {
        let train = try Self.clusters(count: 120, seed: 3)
        let options = TrainingOptions(epochs: 3, batchSize: 16, optimizer: optimizer, weightDecay: 1e-4, seed: 7)
        var a = try Network.mlp([2, 8, 4], activation: .gelu, seed: 4)
        var b = a
        var c = a
        let logA = try a.train(on: train, options: options)
        let logB = try b.train(on: train, options: options)
        var shuffled = options
        shuffled.seed = 8
        try c.train(on: train, options: shuffled)
        #expect(a == b && logA == logB)
        #expect(a != c)
    }

    @Test func divergenceIsAnErrorNotNaNWeights() throws {
        let train = try Self.clusters(count: 64, seed: 5)
        var network = try Network.mlp([2, 8, 4], seed: 1)
        let options = TrainingOptions(epochs: 5, learningRate: 1e30, optimizer: try .sgd(momentum: 0.9))
        #expect(throws: QuantEngineError.self) { try network.train(on: train, options: options) }
    }

    @Test func badOptionsAndSamplesAreErrors() throws {
        let train = try Self.clusters(count: 8, seed: 5)
        var network = try Network.mlp([2, 4], seed: 1)
        #expect(throws: QuantEngineError.self) { try network.train(on: train, options: TrainingOptions(epochs: 0)) }
        #expect(throws: QuantEngineError.self) { try network.train(on: train, options: TrainingOptions(batchSize: 0)) }
        #expect(throws: QuantEngineError.self) {
            try network.train(on: train, options: TrainingOptions(learningRate: -1))
        }
        let badLabels = try Dataset(name: "samples", features: train.features, labels: train.labels.map { $0 + 1 })
        #expect(throws: QuantEngineError.self) { try network.train(on: badLabels) }
        let wrongShape = try Dataset(name: "samples", features: try Tensor.zeros([8, 3]), labels: train.labels)
        #expect(throws: QuantEngineError.self) { try network.evaluate(on: wrongShape) }
        var nan = train.features.scalars
        nan[3] = .nan
        // a data set cannot hold NaN in the first place
        #expect(throws: QuantEngineError.nonFiniteValue(index: 3, kind: .nan)) {
            try Dataset(name: "samples", features: try Tensor(shape: [8, 2], scalars: nan), labels: train.labels)
        }
        #expect(throws: QuantEngineError.self) { try Optimizer.sgd(momentum: 1) }
        #expect(throws: QuantEngineError.self) { try Optimizer.adam(epsilon: 0) }
    }

    /// The update rules step by step on hand-set gradients, as PyTorch's SGD and Adam define them.
    @Test func optimizerStepsFollowPyTorch() throws {
        let start = NetworkParameters(weights: [[1, -2]], biases: [[0.5]])
        let g1 = NetworkParameters(weights: [[0.1, -0.4]], biases: [[2]])
        let g2 = NetworkParameters(weights: [[0.3, 0.2]], biases: [[-1]])
        var sgd = OptimizerState(
            optimizer: try .sgd(momentum: 0.5), learningRate: 0.1, weightDecay: 0.01, parameters: start)
        var p = start
        sgd.update(&p, gradients: g1)
        sgd.update(&p, gradients: g2)
        // v1 = g1 + λw0; w1 = w0 − lr·v1; v2 = μ·v1 + g2 + λw1; w2 = w1 − lr·v2
        func sgdReference(_ w0: Double, _ a: Double, _ b: Double) -> Double {
            let v1 = a + 0.01 * w0, w1 = w0 - 0.1 * v1
            let v2 = 0.5 * v1 + b + 0.01 * w1
            return w1 - 0.1 * v2
        }
        #expect(abs(Double(p.weights[0][0]) - sgdReference(1, 0.1, 0.3)) <= 1e-6)
        #expect(abs(Double(p.weights[0][1]) - sgdReference(-2, -0.4, 0.2)) <= 1e-6)
        #expect(abs(Double(p.biases[0][0]) - sgdReference(0.5, 2, -1)) <= 1e-6)

        var adam = OptimizerState(optimizer: .defaultAdam, learningRate: 0.01, weightDecay: 0, parameters: start)
        var q = start
        adam.update(&q, gradients: g1)
        // first step: m̂ = g, v̂ = g², so w1 = w0 − lr · g / (|g| + ε)
        #expect(abs(Double(q.weights[0][0]) - (1 - 0.01 * 0.1 / (0.1 + 1e-8))) <= 1e-6)
        #expect(abs(Double(q.weights[0][1]) - (-2 + 0.01 * 0.4 / (0.4 + 1e-8))) <= 1e-6)
        adam.update(&q, gradients: g2)
        func adamReference(_ w0: Double, _ a: Double, _ b: Double) -> Double {
            let w1 = w0 - 0.01 * a / (abs(a) + 1e-8)
            let m = 0.9 * (0.1 * a) + 0.1 * b, v = 0.999 * (0.001 * a * a) + 0.001 * b * b
            let mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999)
            return w1 - 0.01 * mHat / (vHat.squareRoot() + 1e-8)
        }
        #expect(abs(Double(q.weights[0][0]) - adamReference(1, 0.1, 0.3)) <= 1e-6)
        #expect(abs(Double(q.biases[0][0]) - adamReference(0.5, 2, -1)) <= 1e-6)
    }
}
