/// A quantized tensor: integer codes plus the parameters needed to map them back to reals.
///
/// Produced by `Quantizer`; `dequantized()` applies `x̂ = (q − zeroPoint) · scale` (ONNX
/// `DequantizeLinear`). `parameters` holds one entry per quantization group — exactly one for
/// `.perTensor` — so per-channel and per-group granularities fit the same type.
public struct QuantizedTensor: Sendable, Equatable {
    /// The shape of the original tensor.
    public let shape: [Int]
    /// The codes in row-major order, in the narrowest integer type that fits (see
    /// `QuantizedCodes`).
    public let codes: QuantizedCodes
    /// One parameter set per group (one for per-tensor); all share bits and grid.
    public let parameters: [QuantizationParameters]
    /// The scheme that chose the parameters.
    public let scheme: QuantizationScheme
    /// The rounding rule used to compute the codes.
    public let rounding: Rounding
    /// Which elements share a parameter set.
    public let granularity: Granularity

    init(
        shape: [Int], codes: QuantizedCodes, parameters: [QuantizationParameters],
        scheme: QuantizationScheme, rounding: Rounding, granularity: Granularity
    ) {
        precondition(!parameters.isEmpty, "a quantized tensor needs at least one parameter set")
        self.shape = shape
        self.codes = codes
        self.parameters = parameters
        self.scheme = scheme
        self.rounding = rounding
        self.granularity = granularity
    }

    /// The number of elements.
    public var count: Int { codes.count }
    /// Bits per code.
    public var bits: Int { parameters[0].bits }
    /// Whether the codes are signed.
    public var signed: Bool { parameters[0].signed }
    /// The per-tensor scale (the first group's for finer granularities).
    public var scale: Float { parameters[0].scale }
    /// The per-tensor zero point (the first group's for finer granularities).
    public var zeroPoint: Int { parameters[0].zeroPoint }
    /// The codes widened to `Int` (allocates).
    public var values: [Int] { codes.integers }

    /// Storage size with codes packed at `bits` per element: `⌈count · bits / 8⌉` bytes, plus 4
    /// bytes for each scale (Float32) and 4 for each zero point (stored even when it is 0, as an
    /// ONNX initializer would be).
    public var bytes: Int {
        // count ≤ Tensor.maxElementCount (2^34) and bits ≤ 16, so nothing here can overflow.
        (count * bits + 7) / 8 + 8 * parameters.count
    }

    /// Float32 size divided by `bytes`: 4 · count / bytes (about 3.99 for int8 on large tensors).
    public var compression: Double {
        Double(4 * count) / Double(bytes)
    }

    /// Every group's scale, in group order.
    public var scales: [Float] { parameters.map(\.scale) }
    /// Every group's zero point, in group order.
    public var zeroPoints: [Int] { parameters.map(\.zeroPoint) }

    /// The reals the codes stand for: `Float(q − zeroPoint) · scale` per element, in Float32,
    /// with each group's own scale and zero point.
    public func dequantized() -> Tensor {
        // The layout was valid when the codes were made from a tensor of this shape.
        let layout = (try? granularity.layout(for: shape)) ?? GroupLayout(outer: 1, groups: 1, inner: count)
        let sets = parameters
        func run<Code: FixedWidthInteger & SIMDScalar>(_ values: [Code], _ out: UnsafeMutableBufferPointer<Float>) {
            values.withUnsafeBufferPointer { codes in
                Parallel.forEachChunk(count: codes.count) { chunk in
                    layout.forEachRun(in: chunk) { group, range in
                        let grid = sets[group < sets.count ? group : 0]
                        QuantizationKernels.dequantize(
                            UnsafeBufferPointer(rebasing: codes[range]),
                            into: UnsafeMutableBufferPointer(rebasing: out[range]),
                            scale: grid.scale, zeroPoint: Int32(grid.zeroPoint))
                    }
                }
            }
        }
        return Tensor.build(shape: shape, count: count) { out in
            switch codes {
            case .int8(let values): run(values, out)
            case .uint8(let values): run(values, out)
            case .int16(let values): run(values, out)
            case .uint16(let values): run(values, out)
            }
        }
    }
}
