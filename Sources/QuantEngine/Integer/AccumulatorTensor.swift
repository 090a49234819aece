/// The exact Int32 accumulators of an integer matrix product or convolution, with the scales that
/// give them meaning.
///
/// Element `acc` of output channel `c` stands for the real number `acc · inputScale ·
/// weightScales[c]` (one weight scale for per-tensor weights): the accumulator is itself a
/// quantized value with zero point 0 and scale `inputScale · weightScales[c]` — the scale that
/// an int32 bias must also have (ONNX `QLinearConv`, TFLite). `requantize` turns it into 8-bit
/// codes with a fixed-point multiplier; `dequantized()` is the float reference.
public struct AccumulatorTensor: Sendable, Equatable {
    /// The output shape: `[M, N]` for a matrix product, `[batch, channels, …]` for a convolution.
    public let shape: [Int]
    /// The accumulators in row-major order.
    public let values: [Int32]
    /// The activations' (left operand's) scale `s_a`.
    public let inputScale: Float
    /// The weights' scales `s_b`: one, or one per output channel.
    public let weightScales: [Float]
    /// The axis of `shape` that indexes output channels (1 for both `[M, N]` and
    /// `[batch, channels, …]`).
    public let channelAxis: Int

    init(shape: [Int], values: [Int32], inputScale: Float, weightScales: [Float], channelAxis: Int) {
        precondition(shape.reduce(1, &*) == values.count, "accumulator shape/count invariant broken")
        precondition(
            weightScales.count == 1
                || (shape.indices.contains(channelAxis) && shape[channelAxis] == weightScales.count),
            "one weight scale or one per channel")
        self.shape = shape
        self.values = values
        self.inputScale = inputScale
        self.weightScales = weightScales
        self.channelAxis = channelAxis
    }

    /// The number of accumulators.
    public var count: Int { values.count }

    /// The number of output channels (the size of `channelAxis`).
    public var channels: Int { shape.indices.contains(channelAxis) ? shape[channelAxis] : 1 }

    /// The accumulators widened to `Int` (allocates; for display and tests).
    public var integers: [Int] { values.map(Int.init) }

    /// The real value of one accumulator step per output channel, `inputScale · weightScales[c]`,
    /// as one Float32 multiplication (the bias scale of ONNX Runtime's quantizer); one entry for
    /// per-tensor weights.
    public var scales: [Float] { weightScales.map { inputScale * $0 } }

    /// How the flat index maps to a channel: `(index / inner) % channels`.
    var channelLayout: (channels: Int, inner: Int) {
        guard weightScales.count > 1 else { return (1, Swift.max(count, 1)) }
        let inner = shape[(channelAxis + 1)...].reduce(1, *)
        return (weightScales.count, Swift.max(inner, 1))
    }

    /// The float reference: `Float(acc) · (inputScale · weightScales[c])` per element, both
    /// multiplications in Float32 (the scale product first, as `scales`). `Float(acc)` is exact
    /// for |acc| ≤ 2^24 and rounds to nearest even beyond.
    public func dequantized() -> Tensor {
        let scales = self.scales
        let (channels, inner) = channelLayout
        return values.withUnsafeBufferPointer { acc in
            Tensor.build(shape: shape, count: count) { out in
                Parallel.forEachChunk(count: acc.count) { range in
                    for i in range {
                        out[i] = Float(acc[i]) * scales[channels == 1 ? 0 : (i / inner) % channels]
                    }
                }
            }
        }
    }

    /// The accumulators with an int32 bias added per output channel (TFLite and ONNX add the
    /// bias to the accumulator before requantization). The bias must have the accumulator's
    /// scale, `scales[c]` (see `quantizeBias`).
    ///
    /// - Throws: `invalidArgument` when `bias` does not have one value per output channel or a
    ///   sum overflows Int32.
    public func addingBias(_ bias: [Int32]) throws(QuantEngineError) -> AccumulatorTensor {
        let channels = self.channels
        guard bias.count == channels else {
            throw .invalidArgument("bias needs \(channels) values (one per output channel), got \(bias.count)")
        }
        let inner = shape.indices.contains(channelAxis) ? shape[(channelAxis + 1)...].reduce(1, *) : 1
        var overflowAt: Int?
        let sums = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count {
                let (sum, overflow) = values[i].addingReportingOverflow(bias[(i / Swift.max(inner, 1)) % channels])
                if overflow && overflowAt == nil { overflowAt = i }
                out[i] = sum
            }
            initialized = count
        }
        if let index = overflowAt {
            throw .invalidArgument("accumulator \(values[index]) plus its bias overflows int32 at index \(index)")
        }
        return AccumulatorTensor(
            shape: shape, values: sums, inputScale: inputScale, weightScales: weightScales, channelAxis: channelAxis)
    }
}

/// The float reference of integer accumulators: `acc · s_a · s_b[c]` (see
/// `AccumulatorTensor.dequantized()`).
public func dequantize(_ accumulators: AccumulatorTensor) -> Tensor {
    accumulators.dequantized()
}
