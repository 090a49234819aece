/// Quantize and dequantize between caller-owned buffers, allocating nothing: for pipelines that
/// reuse their buffers (as onnxruntime's I/O binding does) and for timing the kernels alone.
/// Same kernels, same codes and values as the `Tensor` functions.
extension Quantizer {
    /// `quantize(_:parameters:rounding:scheme:)` (ONNX `QuantizeLinear`) into `codes`, which must
    /// hold `input.count` elements of the storage type of the parameters' grid (`Int8`/`UInt8` up
    /// to 8 bits, `Int16`/`UInt16` above, signed as the grid).
    ///
    /// - Throws: `invalidArgument` for another count or code type; `nonFiniteValue` naming the
    ///   first NaN or infinite element (the codes are then unspecified).
    public static func quantize<Code: FixedWidthInteger>(
        _ input: UnsafeBufferPointer<Float>, parameters: QuantizationParameters, rounding: Rounding = .nearestEven,
        into codes: UnsafeMutableBufferPointer<Code>
    ) throws(QuantEngineError) {
        guard codes.count == input.count else {
            throw .invalidArgument("the code buffer holds \(codes.count) elements, the input \(input.count)")
        }
        let kind = try checkCodeType(Code.self, parameters)
        let layout = GroupLayout(outer: 1, groups: 1, inner: input.count)
        let grids = [QuantizationKernels.Grid(parameters, rounding: rounding)]
        let raw = UnsafeMutableRawBufferPointer(codes)
        // The buffer's type is the kind's type (checked above): run the loop specialised for it.
        func run<Storage: FixedWidthInteger & SIMDScalar>(_: Storage.Type) -> Bool {
            quantizeRuns(input, into: raw.assumingMemoryBound(to: Storage.self), layout: layout, grids: grids)
        }
        let finite: Bool
        switch kind {
        case .int8: finite = run(Int8.self)
        case .uint8: finite = run(UInt8.self)
        case .int16: finite = run(Int16.self)
        case .uint16: finite = run(UInt16.self)
        }
        if !finite, let index = input.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(index: index, kind: NonFiniteKind(input[index]) ?? .nan)
        }
    }

    /// `x̂ = (q − zeroPoint) · scale` (ONNX `DequantizeLinear`) of `codes` into `output`, which
    /// must have as many elements; the code type must be the storage type of the grid.
    ///
    /// - Throws: `invalidArgument` for another count or code type.
    public static func dequantize<Code: FixedWidthInteger>(
        _ codes: UnsafeBufferPointer<Code>, parameters: QuantizationParameters,
        into output: UnsafeMutableBufferPointer<Float>
    ) throws(QuantEngineError) {
        guard output.count == codes.count else {
            throw .invalidArgument("the output buffer holds \(output.count) elements, the codes \(codes.count)")
        }
        let kind = try checkCodeType(Code.self, parameters)
        let raw = UnsafeRawBufferPointer(codes)
        func run<Storage: FixedWidthInteger & SIMDScalar>(_: Storage.Type) {
            let typed = raw.assumingMemoryBound(to: Storage.self)
            Parallel.forEachChunk(count: typed.count) { range in
                QuantizationKernels.dequantize(
                    UnsafeBufferPointer(rebasing: typed[range]),
                    into: UnsafeMutableBufferPointer(rebasing: output[range]),
                    scale: parameters.scale, zeroPoint: Int32(parameters.zeroPoint))
            }
        }
        switch kind {
        case .int8: run(Int8.self)
        case .uint8: run(UInt8.self)
        case .int16: run(Int16.self)
        case .uint16: run(UInt16.self)
        }
    }

    /// The storage kind of `parameters`, if `Code` is its type.
    private static func checkCodeType<Code: FixedWidthInteger>(
        _: Code.Type, _ parameters: QuantizationParameters
    ) throws(QuantEngineError) -> QuantizedCodes.Kind {
        let width = parameters.bits <= 8 ? 8 : 16
        guard Code.isSigned == parameters.signed, Code.bitWidth == width else {
            throw .invalidArgument(
                "\(parameters.bits)-bit \(parameters.signed ? "signed" : "unsigned") codes are stored as "
                    + "\(parameters.signed ? "" : "U")Int\(width), not \(Code.self)")
        }
        return QuantizedCodes.Kind(bits: parameters.bits, signed: parameters.signed)
    }
}
