// Requantization: int32 accumulators to the 8-bit codes of the next layer, in integer arithmetic
// only (TFLite's int8 kernels; gemmlowp; Jacob et al. 2018, §2.2):
//
//     q = clamp(MultiplyByQuantizedMultiplier(acc, M0[c], shift[c]) + z_out, qmin, qmax)
//
// with one fixed-point multiplier per output channel for `M[c] = s_a · s_b[c] / s_out`.

extension AccumulatorTensor {
    /// The real requantization multipliers `M[c] = s_a · s_b[c] / s_out`, one per weight scale,
    /// computed in Double from the Float32 scales as TFLite's
    /// `PopulateConvolutionQuantizationParams` does.
    ///
    /// - Throws: `invalidScale` for an output scale that is not positive and finite.
    public func realMultipliers(outputScale: Float) throws(QuantEngineError) -> [Double] {
        guard outputScale.isFinite, outputScale > 0 else { throw .invalidScale(outputScale) }
        return weightScales.map { Double(inputScale) * Double($0) / Double(outputScale) }
    }

    /// The fixed-point multipliers (TFLite `QuantizeMultiplier`) of `realMultipliers`.
    public func multipliers(outputScale: Float) throws(QuantEngineError) -> [FixedPointMultiplier] {
        var result: [FixedPointMultiplier] = []
        for multiplier in try realMultipliers(outputScale: outputScale) {
            result.append(try FixedPointMultiplier(multiplier))
        }
        return result
    }
}

/// Requantizes int32 accumulators to codes of `bits` bits with the given output scale and zero
/// point, in integer arithmetic only: per element,
/// `clamp(MultiplyByQuantizedMultiplier(acc, M0[c], shift[c]) + outputZeroPoint, qmin, qmax)`
/// where `M[c] = s_a · s_b[c] / outputScale` (see `AccumulatorTensor.realMultipliers`). Exactly
/// TFLite's int8 fully-connected and convolution kernels after their accumulation (add a bias
/// first with `addingBias`).
///
/// - Parameters:
///   - bits: the output code width (8 for int8/uint8; 2…16 allowed).
///   - signed: int8 (`true`, TFLite's default) or uint8 output codes.
/// - Returns: a per-tensor quantized tensor of the accumulators' shape, with scale
///   `outputScale` and zero point `outputZeroPoint`; its `rounding` is `.nearestAway`, the rule
///   of both fixed-point rounding steps.
/// - Throws: `invalidScale`, `invalidZeroPoint` or `invalidBits` for bad output parameters;
///   `invalidArgument` for a multiplier outside what `FixedPointMultiplier` can represent.
public func requantize(
    _ accumulators: AccumulatorTensor, outputScale: Float, outputZeroPoint: Int, bits: Int = 8,
    signed: Bool = true
) throws(QuantEngineError) -> QuantizedTensor {
    let output = try QuantizationParameters(
        scale: outputScale, zeroPoint: outputZeroPoint, bits: bits, signed: signed)
    return Requantizer.run(
        accumulators, multipliers: try accumulators.multipliers(outputScale: outputScale), output: output)
}

/// `requantize` with explicit real multipliers (one, or one per output channel), for
/// multipliers that do not come from the accumulators' scales; `outputScale` only labels the
/// result.
///
/// - Throws: as `requantize(_:outputScale:outputZeroPoint:bits:signed:)`, and
///   `invalidArgument` when the number of multipliers is neither 1 nor the number of channels.
public func requantize(
    _ accumulators: AccumulatorTensor, multipliers: [Double], outputScale: Float, outputZeroPoint: Int,
    bits: Int = 8, signed: Bool = true
) throws(QuantEngineError) -> QuantizedTensor {
    let output = try QuantizationParameters(
        scale: outputScale, zeroPoint: outputZeroPoint, bits: bits, signed: signed)
    let channels = accumulators.channels
    guard multipliers.count == 1 || multipliers.count == channels else {
        throw .invalidArgument(
            "expected 1 multiplier or \(channels) (one per output channel), got \(multipliers.count)")
    }
    var fixed: [FixedPointMultiplier] = []
    for multiplier in multipliers { fixed.append(try FixedPointMultiplier(multiplier)) }
    return Requantizer.run(accumulators, multipliers: fixed, output: output)
}

/// A quantized fully-connected layer in integer arithmetic, TFLite style:
/// `requantize(matmul(x, w).addingBias(bias), …)`.
///
/// - Parameters:
///   - x: activations `[M, K]`, per tensor, 8-bit.
///   - w: weights `[K, N]` (input features × output features), 8-bit, per tensor or per output
///     channel (`.perChannel(axis: 1)`), usually symmetric int8.
///   - bias: optional int32 bias, one per output feature, with scale `s_x · s_w[n]` (see
///     `quantizeBias`).
///   - signed: the output codes' signedness; `nil` (default) keeps that of `x`.
///   - threads: at most this many threads for the product (`nil`: all cores); no effect on the
///     result.
/// - Throws: the errors of `matmul`, `addingBias` and `requantize`.
public func quantizedLinear(
    x: QuantizedTensor, w: QuantizedTensor, bias: [Int32]? = nil, outputScale: Float, outputZeroPoint: Int,
    bits: Int = 8, signed: Bool? = nil, threads: Int? = nil
) throws(QuantEngineError) -> QuantizedTensor {
    var accumulators = try matmul(x, w, threads: threads)
    if let bias { accumulators = try accumulators.addingBias(bias) }
    return try requantize(
        accumulators, outputScale: outputScale, outputZeroPoint: outputZeroPoint, bits: bits,
        signed: signed ?? x.signed)
}

/// Quantizes a float bias for the integer layer with activations `x` and weights `w`: the
/// bias scale is `s_x · s_w[c]` (Float32 product), zero point 0, codes int32 —
/// `round(b[c] / (s_x · s_w[c]))` with a Float32 division and ties to even, as ONNX Runtime's
/// quantizer (`quantize_bias_static`) computes it.
///
/// - Throws: `rankMismatch` unless `bias` is 1-D; `invalidArgument` when `w` is per channel and
///   `bias` does not have one value per channel, or a code does not fit in Int32;
///   `nonFiniteValue` for NaN or infinite bias values.
public func quantizeBias(
    _ bias: Tensor, x: QuantizedTensor, w: QuantizedTensor
) throws(QuantEngineError) -> [Int32] {
    guard bias.rank == 1 else {
        throw .rankMismatch(operation: "quantizeBias", expected: "a 1-D bias", shape: bias.shape)
    }
    let weightScales = w.scales
    guard weightScales.count == 1 || weightScales.count == bias.count else {
        throw .invalidArgument(
            "bias needs one value per weight channel (\(weightScales.count)), got \(bias.count)")
    }
    if bias.rangeScan().hasNonFinite { throw bias.nonFiniteError() }
    var codes: [Int32] = []
    codes.reserveCapacity(bias.count)
    for (c, value) in bias.scalars.enumerated() {
        let scale = x.scale * weightScales[weightScales.count == 1 ? 0 : c]
        let quotient = (value / scale).rounded(.toNearestOrEven)
        guard let code = Int32(exactly: quotient) else {
            throw .invalidArgument("bias \(value) at index \(c) is too large for int32 at scale \(scale)")
        }
        codes.append(code)
    }
    return codes
}

/// The element-wise requantization loop.
enum Requantizer {
    static func run(
        _ accumulators: AccumulatorTensor, multipliers: [FixedPointMultiplier], output: QuantizationParameters
    ) -> QuantizedTensor {
        let count = accumulators.count
        let layout = multipliers.count > 1 ? accumulators.channelLayout : (channels: 1, inner: Swift.max(count, 1))
        let zeroPoint = Int64(output.zeroPoint)
        let (qmin, qmax) = (Int64(output.qmin), Int64(output.qmax))
        func convert<Code: FixedWidthInteger>(_: Code.Type) -> [Code] {
            [Code](unsafeUninitializedCapacity: count) { out, initialized in
                accumulators.values.withUnsafeBufferPointer { acc in
                    Parallel.forEachChunk(count: count) { range in
                        for i in range {
                            let channel = layout.channels == 1 ? 0 : (i / layout.inner) % layout.channels
                            let scaled = Int64(multipliers[channel].apply(acc[i])) + zeroPoint
                            out[i] = Code(truncatingIfNeeded: Swift.min(Swift.max(scaled, qmin), qmax))
                        }
                    }
                }
                initialized = count
            }
        }
        let codes: QuantizedCodes
        switch QuantizedCodes.Kind(bits: output.bits, signed: output.signed) {
        case .int8: codes = .int8(convert(Int8.self))
        case .uint8: codes = .uint8(convert(UInt8.self))
        case .int16: codes = .int16(convert(Int16.self))
        case .uint16: codes = .uint16(convert(UInt16.self))
        }
        return QuantizedTensor(
            shape: accumulators.shape, codes: codes, parameters: [output],
            scheme: output.zeroPoint == 0 && output.signed ? .symmetric : .asymmetric, rounding: .nearestAway,
            granularity: .perTensor)
    }
}
