/// One layer of a ``Network``: its kind, its parameters and the sample shapes it maps between.
///
/// Parameters follow PyTorch's layouts: a dense weight is `[outputs, inputs]`, a convolution
/// weight `[outChannels, inChannels, kernel, kernel]`, biases `[outputs]`. Axis 0 of every weight
/// is the output channel, which is what per-channel quantization uses.
public struct Layer: Sendable, Equatable {
    /// What a layer computes.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        /// `y = W · x + b` on the flattened sample.
        case dense
        /// A 2-D cross-correlation (PyTorch `Conv2d`) of a `[channels, height, width]` sample with
        /// square kernels, zero padding on every side.
        case conv2d(kernel: Int, stride: Int, padding: Int)
        /// The largest value of each `size × size` window, stride `size` (PyTorch `MaxPool2d`);
        /// rows and columns that do not fill a window are dropped.
        case maxPool2d(size: Int)
        /// An element-wise nonlinearity.
        case activation(Activation)
        /// Reshapes a sample to one dimension.
        case flatten

        public var description: String {
            switch self {
            case .dense: return "dense"
            case .conv2d(let kernel, let stride, let padding):
                return "conv2d \(kernel)×\(kernel)" + (stride != 1 ? ", stride \(stride)" : "")
                    + (padding != 0 ? ", padding \(padding)" : "")
            case .maxPool2d(let size): return "max pool \(size)×\(size)"
            case .activation(let activation): return activation.rawValue
            case .flatten: return "flatten"
            }
        }
    }

    public let kind: Kind
    /// A short name, unique in its network: `dense1`, `conv2`, `relu1` …
    public internal(set) var name: String
    /// The shape of one input sample (without the batch dimension).
    public let inputShape: [Int]
    /// The shape of one output sample.
    public let outputShape: [Int]
    /// The weight the layer computes with (dense and conv2d), as Float32. After post-training
    /// quantization this is the dequantized weight.
    public internal(set) var weight: Tensor?
    /// The bias (dense and conv2d).
    public internal(set) var bias: Tensor?
    /// How the weight is stored when it is not Float32.
    public internal(set) var weightStorage: WeightStorage?
    /// The integer codes and scales of a uniformly quantized weight, viewed as
    /// `[outputs, inputs · …]` (what integer-only inference computes with).
    public internal(set) var quantizedWeight: QuantizedTensor?
    /// The fake quantization applied to this layer's input (post-training quantization of
    /// activations, quantization-aware training), per tensor.
    public internal(set) var inputQuantization: QuantizationParameters?
    /// The pruning mask of the weight after ``Network/pruned(sparsity:structure:layers:)``: one
    /// flag per weight in row-major order, `true` where the weight is kept (PyTorch's
    /// `weight_mask` of ones and zeros). Training re-zeroes the removed weights after every step;
    /// `nil` when the layer was not pruned.
    public internal(set) var mask: [Bool]?

    /// Whether the layer has a weight and a bias.
    public var hasParameters: Bool { weight != nil }

    /// Number of weights and biases.
    public var parameterCount: Int { (weight?.count ?? 0) + (bias?.count ?? 0) }

    /// Bytes of the parameters as stored: Float32 weights and biases, or the quantized storage of
    /// the weight (codes and scales) plus a Float32 bias.
    public var bytes: Int {
        guard let weight else { return 0 }
        let biasBytes = 4 * (bias?.count ?? 0)
        return (weightStorage?.bytes ?? 4 * weight.count) + biasBytes
    }

    init(kind: Kind, name: String, inputShape: [Int], outputShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil) {
        self.kind = kind
        self.name = name
        self.inputShape = inputShape
        self.outputShape = outputShape
        self.weight = weight
        self.bias = bias
    }
}

/// The storage of a quantized weight: what it is called and how many bytes it takes.
public struct WeightStorage: Sendable, Equatable, CustomStringConvertible {
    /// For example "int8 per-channel symmetric" or "nf4 (blocks of 64)".
    public let format: String
    /// Bits per weight value, not counting scales.
    public let bits: Int
    /// Bytes of codes plus scales and zero points.
    public let bytes: Int

    public init(format: String, bits: Int, bytes: Int) {
        self.format = format
        self.bits = bits
        self.bytes = bytes
    }

    public var description: String { format }
}
