// Integer convolutions (ONNX `ConvInteger`, PyTorch's quantized conv) through the integer GEMM:
// for each batch item, the weights `[Cout, Cin · kernel]` times the im2col matrix
// `[Cin · kernel, output positions]` of the input, which gives the `[Cout, positions]` slice of
// the NC… output directly. Padding positions hold the input's zero point, so they add exactly 0
// (as PyTorch pads a quantized input). The zero points are subtracted as in `matmul`, and the
// same overflow bound applies with `K = Cin · kernel size`.

/// The 1-D integer convolution (cross-correlation, as every framework's conv):
/// `acc[n, co, l] = Σ_{ci, k} (x[n, ci, l·stride + k − padding] − z_x) · (w[co, ci, k] − z_w[co])`.
///
/// - Parameters:
///   - x: input `[N, Cin, L]`, 8-bit, per tensor (any zero point).
///   - w: weights `[Cout, Cin, K]`, 8-bit, per tensor or per output channel
///     (`.perChannel(axis: 0)`).
///   - stride: at least 1.
///   - padding: zero-point positions added at both ends, at least 0.
/// - Returns: int32 accumulators `[N, Cout, Lout]`, `Lout = (L + 2·padding − K) / stride + 1`,
///   channel axis 1; requantize them with `requantize`.
/// - Throws: `rankMismatch` for inputs that are not 3-D; `invalidArgument` when the channel
///   counts differ, for a bad stride or padding, or a kernel longer than the padded input; the
///   operand and overflow errors of `matmul` (per-channel weights must use axis 0).
public func conv1d(
    _ x: QuantizedTensor, _ w: QuantizedTensor, stride: Int = 1, padding: Int = 0, threads: Int? = nil
) throws(QuantEngineError) -> AccumulatorTensor {
    let operation = "integer conv1d"
    guard x.shape.count == 3 else {
        throw .rankMismatch(operation: operation, expected: "a 3-D [N, Cin, L] input", shape: x.shape)
    }
    guard w.shape.count == 3 else {
        throw .rankMismatch(operation: operation, expected: "a 3-D [Cout, Cin, K] weight", shape: w.shape)
    }
    let geometry = try IntegerConvolution.Geometry(
        input: x.shape, weight: w.shape, spatialAxes: 1, stride: stride, padding: padding, operation: operation)
    return try IntegerConvolution.run(x, w, geometry, threads: threads, operation: operation)
}

/// The 2-D integer convolution:
/// `acc[n, co, i, j] = Σ_{ci, u, v} (x[n, ci, i·stride + u − padding, j·stride + v − padding] − z_x)
/// · (w[co, ci, u, v] − z_w[co])`.
///
/// - Parameters:
///   - x: input `[N, Cin, H, W]`, 8-bit, per tensor (any zero point).
///   - w: weights `[Cout, Cin, KH, KW]`, 8-bit, per tensor or per output channel
///     (`.perChannel(axis: 0)`).
///   - stride: the same in both directions, at least 1.
///   - padding: zero-point rows and columns added on every side, at least 0.
/// - Returns: int32 accumulators `[N, Cout, Hout, Wout]`, `Hout = (H + 2·padding − KH) / stride + 1`
///   (and so for W), channel axis 1.
/// - Throws: as `conv1d`, for 4-D shapes.
public func conv2d(
    _ x: QuantizedTensor, _ w: QuantizedTensor, stride: Int = 1, padding: Int = 0, threads: Int? = nil
) throws(QuantEngineError) -> AccumulatorTensor {
    let operation = "integer conv2d"
    guard x.shape.count == 4 else {
        throw .rankMismatch(operation: operation, expected: "a 4-D [N, Cin, H, W] input", shape: x.shape)
    }
    guard w.shape.count == 4 else {
        throw .rankMismatch(operation: operation, expected: "a 4-D [Cout, Cin, KH, KW] weight", shape: w.shape)
    }
    let geometry = try IntegerConvolution.Geometry(
        input: x.shape, weight: w.shape, spatialAxes: 2, stride: stride, padding: padding, operation: operation)
    return try IntegerConvolution.run(x, w, geometry, threads: threads, operation: operation)
}

enum IntegerConvolution {
    /// Output positions per packed im2col tile (a multiple of the GEMM's panel width).
    static let tileColumns = 2048

    /// Sizes of a convolution with one or two spatial axes (a 1-D one is a 2-D one of height 1).
    struct Geometry {
        let batch: Int
        let inChannels: Int
        let outChannels: Int
        let inHeight: Int
        let inWidth: Int
        let kernelHeight: Int
        let kernelWidth: Int
        let outHeight: Int
        let outWidth: Int
        let stride: Int
        /// Padding along height (0 for 1-D) and width.
        let padHeight: Int
        let padWidth: Int
        let outputShape: [Int]

        /// The reduction length: `Cin · KH · KW`.
        var depth: Int { inChannels * kernelHeight * kernelWidth }
        /// Output positions per channel: `Hout · Wout`.
        var positions: Int { outHeight * outWidth }

        init(
            input: [Int], weight: [Int], spatialAxes: Int, stride: Int, padding: Int, operation: String
        ) throws(QuantEngineError) {
            guard stride >= 1 else { throw .invalidArgument("\(operation): stride must be at least 1, got \(stride)") }
            guard padding >= 0 else {
                throw .invalidArgument("\(operation): padding must not be negative, got \(padding)")
            }
            guard input[1] == weight[1] else {
                throw .invalidArgument(
                    "\(operation): the input has \(input[1]) channels but the weight expects \(weight[1]) "
                        + "(input \(input), weight \(weight))")
            }
            let two = spatialAxes == 2
            batch = input[0]
            inChannels = input[1]
            outChannels = weight[0]
            inHeight = two ? input[2] : 1
            inWidth = input[input.count - 1]
            kernelHeight = two ? weight[2] : 1
            kernelWidth = weight[weight.count - 1]
            self.stride = stride
            padHeight = two ? padding : 0
            padWidth = padding
            // Padding beyond the element limit cannot produce a valid output anyway.
            guard padding <= Tensor.maxElementCount else {
                throw .invalidArgument("\(operation): padding \(padding) is too large")
            }
            let paddedHeight = inHeight + 2 * padHeight
            let paddedWidth = inWidth + 2 * padWidth
            guard kernelHeight >= 1, kernelWidth >= 1 else {
                throw .invalidArgument("\(operation): the kernel \(weight) has an empty spatial axis")
            }
            guard kernelHeight <= paddedHeight, kernelWidth <= paddedWidth else {
                throw .invalidArgument(
                    "\(operation): the kernel \(Array(weight[2...])) is larger than the padded input "
                        + "\(two ? [paddedHeight, paddedWidth] : [paddedWidth])")
            }
            outHeight = (paddedHeight - kernelHeight) / stride + 1
            outWidth = (paddedWidth - kernelWidth) / stride + 1
            outputShape = two ? [batch, outChannels, outHeight, outWidth] : [batch, outChannels, outWidth]
            _ = try Shape.elementCount(outputShape)
        }
    }

    static func run(
        _ x: QuantizedTensor, _ w: QuantizedTensor, _ g: Geometry, threads: Int?, operation: String
    ) throws(QuantEngineError) -> AccumulatorTensor {
        try IntegerOperands.checkThreads(threads)
        let input = try IntegerOperands.activations(x, operation: operation)
        let weights = try IntegerOperands.weights(w, channelAxis: 0, operation: operation)
        try IntegerOperands.checkDepth(g.depth, lhs: x, rhs: w, operation: operation)
        let count = try Shape.elementCount(g.outputShape)
        // The weights, [Cout, Cin·KH·KW] row-major, are the left operand of every batch item.
        let packedWeights = IntegerOperands.packRows(w.codes, rows: g.outChannels, depth: g.depth, threads: threads)
        let weightZeroPoints =
            weights.zeroPoints.count == 1
            ? [Int32](repeating: weights.zeroPoints[0], count: g.outChannels) : weights.zeroPoints
        let watch = EngineDeadline.Watch()
        let values = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            if let base = out.baseAddress {
                Memory.adviseHugePages(UnsafeMutableRawPointer(base), byteCount: count * 4)
                // Output positions go in tiles, so that the packed im2col matrix stays small
                // (at most depth · tileColumns codes) however large the input.
                for n in 0..<g.batch {
                    for first in stride(from: 0, to: g.positions, by: tileColumns) where !watch.expired() {
                        let width = Swift.min(tileColumns, g.positions - first)
                        let columns = im2col(
                            x.codes, n, g, positions: first..<(first + width), zeroPoint: input.zeroPoint,
                            threads: threads)
                        IntegerOperands.product(
                            packedWeights, columns, lhsZeroPoints: weightZeroPoints,
                            rhsZeroPoints: [Int32](repeating: input.zeroPoint, count: width), threads: threads,
                            into: base + n * g.outChannels * g.positions + first, rowStride: g.positions,
                            watch: watch)
                    }
                }
            }
            initialized = count
        }
        try watch.check(operation)
        return AccumulatorTensor(
            shape: g.outputShape, values: values, inputScale: x.scale, weightScales: weights.scales, channelAxis: 1)
    }

    /// The packed im2col matrix of batch item `n` for the output positions `positions` (flat
    /// indices `i · outWidth + j`): row `(ci, u, v)`, column `(i, j)` holds
    /// `x[n, ci, i·stride + u − padH, j·stride + v − padW]`, or the zero point outside the input.
    static func im2col(
        _ codes: QuantizedCodes, _ n: Int, _ g: Geometry, positions: Range<Int>, zeroPoint: Int32, threads: Int?
    ) -> IntegerGEMM.PackedRHS {
        func gather<Code: FixedWidthInteger>(_ x: UnsafeBufferPointer<Code>) -> IntegerGEMM.PackedRHS {
            im2col(x, n, g, positions: positions, zeroPoint: zeroPoint, threads: threads)
        }
        switch codes {
        case .int8(let values): return values.withUnsafeBufferPointer(gather)
        case .uint8(let values): return values.withUnsafeBufferPointer(gather)
        case .int16, .uint16: preconditionFailure("8-bit codes were checked")
        }
    }

    private static func im2col<Code: FixedWidthInteger>(
        _ x: UnsafeBufferPointer<Code>, _ n: Int, _ g: Geometry, positions: Range<Int>, zeroPoint: Int32,
        threads: Int?
    ) -> IntegerGEMM.PackedRHS {
        let pad = Code(truncatingIfNeeded: zeroPoint)  // the zero point lies on the code grid
        let plane = g.inHeight * g.inWidth
        let kernelArea = g.kernelHeight * g.kernelWidth
        return IntegerGEMM.PackedRHS(depth: g.depth, columns: positions.count, of: Code.self, threads: threads) {
            row, out in
            let ci = row / kernelArea
            let u = (row % kernelArea) / g.kernelWidth
            let v = row % g.kernelWidth
            let channel = (n * g.inChannels + ci) * plane
            // Walk the tile's positions line by line of the output.
            var i = positions.lowerBound / g.outWidth
            var j = positions.lowerBound % g.outWidth
            var column = 0
            while column < out.count {
                let run = Swift.min(g.outWidth - j, out.count - column)
                let h = i * g.stride + u - g.padHeight
                if h >= 0 && h < g.inHeight {
                    // Input column c = (j + t)·stride + v − padW lies inside [0, inWidth) for
                    // t in [first, end); the positions around that are padding.
                    let start = j * g.stride + v - g.padWidth  // c at t = 0
                    let first = Swift.min(start >= 0 ? 0 : (-start + g.stride - 1) / g.stride, run)
                    let end = Swift.max(
                        Swift.min(start >= g.inWidth ? 0 : (g.inWidth - start + g.stride - 1) / g.stride, run), first)
                    for t in 0..<first { out[column + t] = pad }
                    let line = channel + h * g.inWidth + start
                    if g.stride == 1 {
                        for t in first..<end { out[column + t] = x[line + t] }
                    } else {
                        for t in first..<end { out[column + t] = x[line + t * g.stride] }
                    }
                    for t in end..<run { out[column + t] = pad }
                } else {
                    for t in 0..<run { out[column + t] = pad }
                }
                column += run
                i += 1
                j = 0
            }
        }
    }
}
