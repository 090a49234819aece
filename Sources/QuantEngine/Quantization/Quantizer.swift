/// A complete uniform-quantization recipe: bit width, scheme, calibration, rounding, granularity.
///
/// It composes the three separate stages — calibration (`RangeMethod`), the pure parameter maths
/// (`QuantizationParameters.symmetric`/`.asymmetric`) and the quantize step (ONNX
/// `QuantizeLinear` semantics) — and `fakeQuantize` does quantize-then-dequantize in one pass
/// with bit-identical results.
public struct Quantizer: Sendable, Equatable {
    /// Code width, 2…16.
    public let bits: Int
    public let scheme: QuantizationScheme
    public let range: RangeMethod
    public let rounding: Rounding
    public let granularity: Granularity
    /// Symmetric only: `true` for ONNX Runtime's `[−(2^(b−1)−1), 2^(b−1)−1]`, `false` for
    /// PyTorch's `[−2^(b−1), 2^(b−1)−1]`.
    public let narrowRange: Bool
    /// Asymmetric only: signed codes instead of the default unsigned `[0, 2^b − 1]`.
    public let signed: Bool

    /// - Throws: `QuantEngineError.invalidBits` outside 2…16.
    public init(
        bits: Int = 8,
        scheme: QuantizationScheme = .symmetric,
        range: RangeMethod = .minMax,
        rounding: Rounding = .nearestEven,
        granularity: Granularity = .perTensor,
        narrowRange: Bool = true,
        signed: Bool = false
    ) throws(QuantEngineError) {
        guard QuantizationParameters.bitRange.contains(bits) else { throw .invalidBits(bits) }
        self.bits = bits
        self.scheme = scheme
        self.range = range
        self.rounding = rounding
        self.granularity = granularity
        self.narrowRange = narrowRange
        self.signed = signed
    }

    /// Calibrates `tensor` with `range` and computes the scale and zero point.
    ///
    /// - Throws: `QuantEngineError.nonFiniteValue` naming the first NaN/infinite element, or the
    ///   errors of the range method and the parameter maths.
    public func parameters(for tensor: Tensor) throws(QuantEngineError) -> QuantizationParameters {
        let scan = tensor.rangeScan()
        if tensor.count > 0, scan.hasNonFinite { throw tensor.nonFiniteError() }
        let (lo, hi) = try range.range(of: tensor, scan: scan, symmetric: scheme != .asymmetric, bits: bits)
        switch scheme {
        case .symmetric:
            return try .symmetric(absMax: Swift.max(-lo, hi), bits: bits, narrowRange: narrowRange)
        case .powerOfTwo:
            return try .powerOfTwo(absMax: Swift.max(-lo, hi), bits: bits, narrowRange: narrowRange)
        case .asymmetric:
            return try .asymmetric(min: lo, max: hi, bits: bits, signed: signed)
        }
    }

    /// One parameter set per group of `granularity`, each calibrated on its own elements with
    /// `range` (a `.fixed` range applies to every group).
    public func parameterSets(for tensor: Tensor) throws(QuantEngineError) -> [QuantizationParameters] {
        let layout = try granularity.layout(for: tensor.shape)
        if layout.groups == 1 { return [try parameters(for: tensor)] }
        let symmetric = scheme != .asymmetric
        var ranges: [(min: Float, max: Float)] = []
        switch range {
        case .minMax:
            let scan = tensor.withUnsafeBufferPointer { layout.ranges(of: $0) }
            if scan.nonFinite { throw tensor.nonFiniteError() }
            ranges = zip(scan.min, scan.max).map { lo, hi in lo <= hi ? (lo, hi) : (0, 0) }
        default:
            if tensor.rangeScan().hasNonFinite { throw tensor.nonFiniteError() }
            for values in tensor.withUnsafeBufferPointer({ layout.values(of: $0) }) {
                let group = Tensor(values)
                ranges.append(try range.range(of: group, scan: group.rangeScan(), symmetric: symmetric, bits: bits))
            }
        }
        var sets: [QuantizationParameters] = []
        sets.reserveCapacity(ranges.count)
        for (lo, hi) in ranges {
            switch scheme {
            case .symmetric:
                sets.append(try .symmetric(absMax: Swift.max(-lo, hi), bits: bits, narrowRange: narrowRange))
            case .powerOfTwo:
                sets.append(try .powerOfTwo(absMax: Swift.max(-lo, hi), bits: bits, narrowRange: narrowRange))
            case .asymmetric:
                sets.append(try .asymmetric(min: lo, max: hi, bits: bits, signed: signed))
            }
        }
        return sets
    }

    /// Quantizes `tensor` with parameters calibrated on it, one set per group.
    public func quantize(_ tensor: Tensor) throws(QuantEngineError) -> QuantizedTensor {
        let sets = try parameterSets(for: tensor)
        return try Quantizer.quantize(
            tensor, parameters: sets, granularity: granularity, rounding: rounding, scheme: scheme)
    }

    /// `quantize(tensor).dequantized()` in one fused pass, bit-identical to the two steps.
    public func fakeQuantize(_ tensor: Tensor) throws(QuantEngineError) -> Tensor {
        let sets = try parameterSets(for: tensor)
        return try Quantizer.fakeQuantize(tensor, parameters: sets, granularity: granularity, rounding: rounding)
    }

    /// Quantizes with explicit parameters (ONNX `QuantizeLinear`):
    /// `q = saturate(round(x / scale) + zeroPoint)` with a true Float32 division and the given
    /// rounding rule (half to even by default), saturating to `[qmin, qmax]`.
    ///
    /// - Parameter scheme: recorded on the result; `.asymmetric` unless the zero point is 0 and
    ///   the codes are signed.
    /// - Throws: `QuantEngineError.nonFiniteValue` naming the first NaN or infinite element.
    public static func quantize(
        _ tensor: Tensor,
        parameters: QuantizationParameters,
        rounding: Rounding = .nearestEven,
        scheme: QuantizationScheme? = nil
    ) throws(QuantEngineError) -> QuantizedTensor {
        try quantize(tensor, parameters: [parameters], granularity: .perTensor, rounding: rounding, scheme: scheme)
    }

    /// Quantizes with one explicit parameter set per group of `granularity` (ONNX
    /// `QuantizeLinear` with a per-axis or blocked scale).
    ///
    /// - Throws: `invalidArgument` when the number of sets differs from the number of groups or
    ///   the sets disagree on bits or signedness; `nonFiniteValue` for NaN or infinite data.
    public static func quantize(
        _ tensor: Tensor,
        parameters sets: [QuantizationParameters],
        granularity: Granularity,
        rounding: Rounding = .nearestEven,
        scheme: QuantizationScheme? = nil
    ) throws(QuantEngineError) -> QuantizedTensor {
        let layout = try granularity.layout(for: tensor.shape)
        try check(sets, against: layout)
        let grids = sets.map { QuantizationKernels.Grid($0, rounding: rounding) }
        let count = tensor.count
        func run<Code: FixedWidthInteger & SIMDScalar>(_: Code.Type) -> ([Code], Bool) {
            var finite = true
            let codes = [Code](unsafeUninitializedCapacity: count) { buffer, initialized in
                Memory.adviseHugePages(
                    UnsafeMutableRawPointer(buffer.baseAddress), byteCount: count * MemoryLayout<Code>.stride)
                finite = tensor.withUnsafeBufferPointer { quantizeRuns($0, into: buffer, layout: layout, grids: grids) }
                initialized = count
            }
            return (codes, finite)
        }
        let codes: QuantizedCodes
        let finite: Bool
        switch QuantizedCodes.Kind(bits: sets[0].bits, signed: sets[0].signed) {
        case .int8:
            let (values, ok) = run(Int8.self)
            (codes, finite) = (.int8(values), ok)
        case .uint8:
            let (values, ok) = run(UInt8.self)
            (codes, finite) = (.uint8(values), ok)
        case .int16:
            let (values, ok) = run(Int16.self)
            (codes, finite) = (.int16(values), ok)
        case .uint16:
            let (values, ok) = run(UInt16.self)
            (codes, finite) = (.uint16(values), ok)
        }
        guard finite else { throw tensor.nonFiniteError() }
        let inferred: QuantizationScheme =
            sets.allSatisfy { $0.zeroPoint == 0 } && sets[0].signed ? .symmetric : .asymmetric
        return QuantizedTensor(
            shape: tensor.shape, codes: codes, parameters: sets,
            scheme: scheme ?? inferred, rounding: rounding, granularity: granularity)
    }

    /// Quantizes `input` into `output` (the same count) in fixed chunks, each cut into runs of one
    /// parameter set; returns false if any element is NaN or infinite.
    static func quantizeRuns<Code: FixedWidthInteger & SIMDScalar>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>,
        layout: GroupLayout, grids: [QuantizationKernels.Grid]
    ) -> Bool {
        Parallel.allChunks(count: input.count) { chunk in
            var ok = true
            layout.forEachRun(in: chunk) { group, range in
                ok =
                    QuantizationKernels.quantize(
                        UnsafeBufferPointer(rebasing: input[range]),
                        into: UnsafeMutableBufferPointer(rebasing: output[range]), grid: grids[group],
                        offset: range.lowerBound) && ok
            }
            return ok
        }
    }

    /// Checks that `sets` fit `layout`: one per group, all with the same bits and signedness.
    static func check(_ sets: [QuantizationParameters], against layout: GroupLayout) throws(QuantEngineError) {
        guard let first = sets.first, sets.count == layout.groups else {
            throw .invalidArgument("expected \(layout.groups) scales (one per group), got \(sets.count)")
        }
        guard sets.allSatisfy({ $0.bits == first.bits && $0.signed == first.signed }) else {
            throw .invalidArgument("all groups must share one bit width and signedness")
        }
    }

    /// `dequantize(quantize(tensor, parameters))` in one fused pass, bit-identical to the two
    /// steps.
    public static func fakeQuantize(
        _ tensor: Tensor, parameters: QuantizationParameters, rounding: Rounding = .nearestEven
    ) throws(QuantEngineError) -> Tensor {
        try fakeQuantize(tensor, parameters: [parameters], granularity: .perTensor, rounding: rounding)
    }

    /// The fused quantize-dequantize with one parameter set per group of `granularity`.
    public static func fakeQuantize(
        _ tensor: Tensor, parameters sets: [QuantizationParameters], granularity: Granularity,
        rounding: Rounding = .nearestEven
    ) throws(QuantEngineError) -> Tensor {
        let layout = try granularity.layout(for: tensor.shape)
        try check(sets, against: layout)
        let grids = sets.map { QuantizationKernels.Grid($0, rounding: rounding) }
        var finite = true
        let result = tensor.withUnsafeBufferPointer { input in
            Tensor.build(shape: tensor.shape, count: tensor.count) { out in
                finite = Parallel.allChunks(count: tensor.count) { chunk in
                    var ok = true
                    layout.forEachRun(in: chunk) { group, range in
                        ok =
                            QuantizationKernels.fakeQuantize(
                                UnsafeBufferPointer(rebasing: input[range]),
                                into: UnsafeMutableBufferPointer(rebasing: out[range]), grid: grids[group],
                                offset: range.lowerBound) && ok
                    }
                    return ok
                }
            }
        }
        guard finite else { throw tensor.nonFiniteError() }
        return result
    }
}

extension Tensor {
    /// The error naming the first NaN or infinite element (call only when one exists).
    func nonFiniteError() -> QuantEngineError {
        guard let index = firstNonFiniteIndex() else {
            preconditionFailure("nonFiniteError() called on a finite tensor")
        }
        return .nonFiniteValue(index: index, kind: NonFiniteKind(scalars[index]) ?? .nan)
    }
}
