// Free functions mirroring the notebook vocabulary (`quantize(w, bits: 8, scheme: .symmetric)`,
// `dequantize(q)`, `fakeQuantize(w, bits: 4)`), each a thin wrapper over `Quantizer`.

/// Quantizes `tensor` with parameters calibrated on it; see `Quantizer` for each option.
public func quantize(
    _ tensor: Tensor,
    bits: Int = 8,
    scheme: QuantizationScheme = .symmetric,
    range: RangeMethod = .minMax,
    rounding: Rounding = .nearestEven,
    granularity: Granularity = .perTensor,
    narrowRange: Bool = true,
    signed: Bool = false
) throws(QuantEngineError) -> QuantizedTensor {
    try Quantizer(
        bits: bits, scheme: scheme, range: range, rounding: rounding, granularity: granularity,
        narrowRange: narrowRange, signed: signed
    ).quantize(tensor)
}

/// Quantizes `tensor` with explicit parameters, ONNX `QuantizeLinear` style.
public func quantize(
    _ tensor: Tensor, parameters: QuantizationParameters, rounding: Rounding = .nearestEven
) throws(QuantEngineError) -> QuantizedTensor {
    try Quantizer.quantize(tensor, parameters: parameters, rounding: rounding)
}

/// The reals a quantized tensor stands for (ONNX `DequantizeLinear`).
public func dequantize(_ quantized: QuantizedTensor) -> Tensor {
    quantized.dequantized()
}

/// `dequantize(quantize(tensor, …))` with the same options, fused into one pass.
public func fakeQuantize(
    _ tensor: Tensor,
    bits: Int = 8,
    scheme: QuantizationScheme = .symmetric,
    range: RangeMethod = .minMax,
    rounding: Rounding = .nearestEven,
    granularity: Granularity = .perTensor,
    narrowRange: Bool = true,
    signed: Bool = false
) throws(QuantEngineError) -> Tensor {
    try Quantizer(
        bits: bits, scheme: scheme, range: range, rounding: rounding, granularity: granularity,
        narrowRange: narrowRange, signed: signed
    ).fakeQuantize(tensor)
}
