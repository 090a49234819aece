/// Flat Float32 copies of each layer's parameters, indexed like `Network.layers` (empty arrays
/// for layers without parameters). Training updates these and writes them back once per epoch;
/// quantization-aware training swaps in fake-quantized weights.
struct NetworkParameters: Sendable {
    var weights: [[Float]]
    var biases: [[Float]]
    /// Learned step sizes (LSQ) of each layer's weight, one per output channel; empty otherwise.
    var weightSteps: [[Float]]
    /// Learned step size (LSQ) of each layer's input quantizer, one value; empty otherwise.
    var inputSteps: [[Float]]

    init(_ network: Network) {
        weights = network.layers.map { $0.weight?.scalars ?? [] }
        biases = network.layers.map { $0.bias?.scalars ?? [] }
        weightSteps = Array(repeating: [], count: network.layers.count)
        inputSteps = Array(repeating: [], count: network.layers.count)
    }

    init(weights: [[Float]], biases: [[Float]], weightSteps: [[Float]]? = nil, inputSteps: [[Float]]? = nil) {
        self.weights = weights
        self.biases = biases
        self.weightSteps = weightSteps ?? Array(repeating: [], count: weights.count)
        self.inputSteps = inputSteps ?? Array(repeating: [], count: weights.count)
    }

    /// Every trainable group, for the optimizer; weight decay applies to the first two.
    static var groups: [WritableKeyPath<NetworkParameters, [[Float]]>] {
        [
            \.weights, \.biases, \.weightSteps, \.inputSteps,
        ]
    }

    /// Arrays of zeros shaped like these parameters.
    func zeros() -> NetworkParameters {
        func zero(_ arrays: [[Float]]) -> [[Float]] { arrays.map { [Float](repeating: 0, count: $0.count) } }
        return NetworkParameters(
            weights: zero(weights), biases: zero(biases), weightSteps: zero(weightSteps), inputSteps: zero(inputSteps))
    }
}

/// Fake quantization of a layer's input activations with fixed parameters (post-training
/// quantization's simulation, quantization-aware training): `x̂ = (clamp(round(x / s) + z) − z) · s`,
/// rounding half to even as everywhere in the engine; in the backward pass the clipped
/// straight-through estimator passes the gradient where `x / s` lies inside the integer range.
struct InputFakeQuantizer: Sendable, Equatable {
    let parameters: QuantizationParameters

    var grid: QuantizationKernels.Grid { QuantizationKernels.Grid(parameters, rounding: .nearestEven) }

    func apply(_ x: [Float]) -> [Float] {
        var y = [Float](repeating: 0, count: x.count)
        let grid = grid
        x.withUnsafeBufferPointer { input in
            y.withUnsafeMutableBufferPointer { output in
                _ = QuantizationKernels.fakeQuantize(input, into: output, grid: grid)
            }
        }
        return y
    }

    /// Whether the straight-through gradient passes at `x`: its quotient is inside the range.
    @inline(__always)
    func passes(_ x: Float, grid: QuantizationKernels.Grid) -> Bool {
        let v = x / grid.scale
        return v >= grid.lower && v <= grid.upper
    }
}

/// What a forward pass keeps for the backward pass.
struct ForwardPass {
    /// The input of every layer as the layer saw it (after input fake quantization), and the
    /// network's output last: `values[l]` is layer `l`'s input, `values[layers.count]` the logits.
    var values: [[Float]]
    /// The input of each fake-quantized layer before quantization (for the straight-through mask).
    var unquantizedInputs: [[Float]?]
    /// For each max-pool layer, the input index of every output's maximum.
    var poolIndices: [[Int]]
    /// For each convolution, the `im2row` windows of every sample, one after another.
    var convRows: [[Float]]

    var output: [Float] { values.last ?? [] }
}
