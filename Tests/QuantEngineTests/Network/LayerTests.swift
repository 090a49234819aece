import Testing

@testable import QuantEngine

/// Convolution and pooling against direct loops written from their definitions.
@Suite struct LayerTests {
    @Test(arguments: [(1, 0), (1, 1), (2, 1), (2, 0)])
    func convolutionMatchesTheDefinition(stride: Int, padding: Int) throws {
        var generator = RandomGenerator(seed: 21)
        let (c, h, w, o, k, batch) = (2, 7, 6, 3, 3, 2)
        let x = try Tensor.randn([batch, c, h, w], using: &generator).scalars
        let weight = try Tensor.randn([o, c, k, k], using: &generator).scalars
        let bias = try Tensor.randn([o], using: &generator).scalars
        let g = DenseKernels.ConvGeometry(channels: c, height: h, width: w, kernel: k, stride: stride, padding: padding)
        let (y, _) = Network.convForward(
            x, batch: batch, geometry: g, weight: weight, bias: bias, outChannels: o, keepRows: false)
        #expect(y.count == batch * o * g.outputHeight * g.outputWidth)
        for n in 0..<batch {
            for oc in 0..<o {
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        var sum = Double(bias[oc])
                        for ic in 0..<c {
                            for ky in 0..<k {
                                for kx in 0..<k {
                                    let iy = oy * stride + ky - padding, ix = ox * stride + kx - padding
                                    guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                                    sum +=
                                        Double(weight[((oc * c + ic) * k + ky) * k + kx])
                                        * Double(x[((n * c + ic) * h + iy) * w + ix])
                                }
                            }
                        }
                        let got = y[((n * o + oc) * g.outputHeight + oy) * g.outputWidth + ox]
                        #expect(abs(Double(got) - sum) <= 1e-5 * max(1, abs(sum)))
                    }
                }
            }
        }
    }

    @Test func maxPoolTakesTheFirstLargestValueAndRoutesItsGradient() throws {
        // one 1×4×5 image; 2×2 windows (the last column is dropped)
        let x: [Float] = [
            1, 3, 2, 2, 9,
            3, 0, 2, 1, 9,
            -1, -2, 5, 4, 9,
            -3, -1, 4, 5, 9,
        ]
        let (y, indices) = Network.poolForward(x, batch: 1, input: [1, 4, 5], size: 2)
        #expect(y == [3, 2, -1, 5])
        #expect(indices == [1, 2, 10, 12])  // the first of the tied 3s, 2s and 5s
    }

    @Test func shapesAndParameterCounts() throws {
        let mlp = try Network.mlp([64, 32, 10], seed: 0)
        #expect(mlp.layers.map(\.name) == ["dense1", "relu1", "dense2"])
        #expect(mlp.parameterCount == 64 * 32 + 32 + 32 * 10 + 10)
        #expect(mlp.bytes == 4 * mlp.parameterCount)
        let cnn = try Network.cnn(input: [1, 8, 8], channels: [8, 16], classes: 10, seed: 0)
        #expect(cnn.layers.map(\.outputShape).last == [10])
        #expect(cnn.layers.first(where: { $0.name == "flatten" })?.outputShape == [16 * 2 * 2])
        #expect(cnn.parameterCount == (8 * 9 + 8) + (16 * 8 * 9 + 16) + (64 * 10 + 10))
        let logits = try cnn.logits(try Tensor.zeros([3, 1, 8, 8]))
        #expect(logits.shape == [3, 10])
        // an MLP whose first layer takes 64 values accepts 1×8×8 images
        #expect(try mlp.logits(try Tensor.zeros([2, 1, 8, 8])).shape == [2, 10])
        #expect(throws: QuantEngineError.self) { try mlp.logits(try Tensor.zeros([2, 63])) }
        #expect(throws: QuantEngineError.self) { try cnn.logits(try Tensor.zeros([2, 64])) }
        #expect(throws: QuantEngineError.self) { try Network.mlp([3], seed: 0) }
        #expect(throws: QuantEngineError.self) { try Network.mlp([3, 0, 2], seed: 0) }
        // 65536 × 65536 weights would be 16 GiB: refused before anything is allocated
        #expect(throws: QuantEngineError.self) { try Network.mlp([65536, 65536, 2], seed: 0) }
        #expect(throws: QuantEngineError.self) {
            try Network.cnn(input: [3, 4096, 4096], channels: [4096, 4096], classes: 1000, seed: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try Network.cnn(input: [1, 2, 2], channels: [4, 4], classes: 2, seed: 0)
        }
    }

    /// A forward pass keeps at most 1 GiB of activations: a large image network refuses a batch
    /// that would need more (before allocating), and inference splits its batches to fit.
    @Test func activationMemoryIsBounded() throws {
        var network = try Network.cnn(input: [1, 1024, 1024], channels: [2], classes: 2, seed: 0)
        #expect(network.valuesPerSample > (1 << 28) / 64)
        let perSample = network.valuesPerSample
        let fits = Network.workingMemoryLimit / perSample
        #expect(try network.batchLimit(256, operation: "t") == fits)
        #expect(throws: QuantEngineError.self) { try network.checkBatch(fits + 1, operation: "t") }
        let images = try Dataset(
            name: "big", features: try Tensor.zeros([fits + 1, 1, 1024, 1024]),
            labels: Array(repeating: 0, count: fits + 1),
            classCount: 2)
        #expect(throws: QuantEngineError.self) {
            try network.train(on: images, options: TrainingOptions(batchSize: fits + 1))
        }
    }

    /// He initialisation: the weights of a wide ReLU layer have standard deviation √(2 / fanIn).
    @Test func initialisationFollowsTheDocumentedScales() throws {
        let network = try Network.mlp([400, 300, 10], activation: .relu, seed: 1)
        let first = try #require(network.layers[0].weight)
        let std = try first.std()
        #expect(abs(std - (2.0 / 400).squareRoot()) <= 0.02 * (2.0 / 400).squareRoot())
        let last = try #require(network.layers[2].weight)
        #expect(abs(try last.std() - (1.0 / 300).squareRoot()) <= 0.05 * (1.0 / 300).squareRoot())
        #expect(network == (try Network.mlp([400, 300, 10], activation: .relu, seed: 1)))
        #expect(network != (try Network.mlp([400, 300, 10], activation: .relu, seed: 2)))
    }
}
