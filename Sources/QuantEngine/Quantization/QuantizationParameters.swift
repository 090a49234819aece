/// The scale, zero point and integer grid of uniform affine quantization, and the pure
/// functions that compute them from a range.
///
/// With these, `q = saturate(round(x / scale) + zeroPoint)` to `[qmin, qmax]` and
/// `x̂ = (q − zeroPoint) · scale` (ONNX `QuantizeLinear`/`DequantizeLinear`). All maths here is in
/// Float32 like PyTorch's observers, so scales match PyTorch and ONNX Runtime to the bit.
public struct QuantizationParameters: Sendable, Equatable, CustomStringConvertible {
    /// The smallest scale ever computed from data: Float32 machine epsilon 2^−23 ≈ 1.1920929e-07
    /// (PyTorch's `torch.finfo(torch.float32).eps`). Keeps constant and all-zero tensors valid.
    public static let minimumScale: Float = .ulpOfOne
    /// Supported bit widths.
    public static let bitRange = 2...16

    /// The real value of one integer step.
    public let scale: Float
    /// The integer that represents real 0.
    public let zeroPoint: Int
    /// The code width in bits (2…16).
    public let bits: Int
    /// Whether the codes are signed (two's complement) or unsigned.
    public let signed: Bool
    /// The smallest and largest code; saturation bounds.
    public let qmin: Int
    public let qmax: Int

    /// Explicit parameters, ONNX style: `scale` positive and finite (not clamped), `zeroPoint`
    /// inside the grid. The grid is `[−2^(b−1), 2^(b−1) − 1]` when signed (with `narrowRange`,
    /// `[−(2^(b−1) − 1), 2^(b−1) − 1]`) or `[0, 2^b − 1]` when unsigned.
    ///
    /// - Throws: `QuantEngineError` for bits outside 2…16, a bad scale or zero point, or
    ///   `narrowRange` with unsigned codes.
    public init(
        scale: Float, zeroPoint: Int, bits: Int, signed: Bool, narrowRange: Bool = false
    ) throws(QuantEngineError) {
        let grid = try Self.integerRange(bits: bits, signed: signed, narrowRange: narrowRange)
        guard scale.isFinite, scale > 0 else { throw .invalidScale(scale) }
        guard grid.contains(zeroPoint) else {
            throw .invalidZeroPoint(zeroPoint, qmin: grid.lowerBound, qmax: grid.upperBound)
        }
        self.scale = scale
        self.zeroPoint = zeroPoint
        self.bits = bits
        self.signed = signed
        self.qmin = grid.lowerBound
        self.qmax = grid.upperBound
    }

    /// The integer grid `[qmin, qmax]` for a bit width and signedness.
    ///
    /// - Throws: `QuantEngineError.invalidBits` outside 2…16; `.unsupported` for an unsigned
    ///   narrow range.
    public static func integerRange(bits: Int, signed: Bool, narrowRange: Bool = false)
        throws(QuantEngineError) -> ClosedRange<Int>
    {
        guard bitRange.contains(bits) else { throw .invalidBits(bits) }
        if signed {
            let half = 1 << (bits - 1)
            return (narrowRange ? -(half - 1) : -half)...(half - 1)
        }
        guard !narrowRange else {
            throw .unsupported("narrowRange is only defined for signed codes")
        }
        return 0...((1 << bits) - 1)
    }

    /// Symmetric parameters for data within `[−absMax, absMax]`: zero point 0, signed codes.
    ///
    /// - `narrowRange: true` (default, ONNX Runtime): grid `[−(2^(b−1)−1), 2^(b−1)−1]`,
    ///   `scale = absMax / (2^(b−1) − 1)`; e.g. 8 bits: [−127, 127], absMax / 127.
    /// - `narrowRange: false` (PyTorch `per_tensor_symmetric`): grid `[−2^(b−1), 2^(b−1)−1]`,
    ///   `scale = absMax / ((qmax − qmin) / 2)`; e.g. 8 bits: [−128, 127], absMax / 127.5.
    ///
    /// The division is one Float32 division (round to nearest even); the scale is then raised to
    /// at least `minimumScale`.
    public static func symmetric(absMax: Float, bits: Int, narrowRange: Bool = true)
        throws(QuantEngineError) -> QuantizationParameters
    {
        let grid = try integerRange(bits: bits, signed: true, narrowRange: narrowRange)
        guard absMax.isFinite, absMax >= 0 else {
            throw .invalidArgument("absMax must be finite and not negative, got \(absMax)")
        }
        let divisor =
            narrowRange
            ? Float(grid.upperBound)
            : Float(grid.upperBound - grid.lowerBound) / 2  // exact: 2^b − 1 < 2^24
        let scale = Swift.max(absMax / divisor, minimumScale)
        return try QuantizationParameters(
            scale: scale, zeroPoint: 0, bits: bits, signed: true, narrowRange: narrowRange)
    }

    /// The range of fractional bits a power-of-two scale may have: scales 2^−126 … 2^126.
    public static let fractionalBitRange = -126...126

    /// Fixed-point parameters: scale `2^−fractionalBits`, zero point 0, signed codes.
    ///
    /// - Throws: `invalidArgument` for fractional bits outside −126…126.
    public static func powerOfTwo(fractionalBits: Int, bits: Int, narrowRange: Bool = true)
        throws(QuantEngineError) -> QuantizationParameters
    {
        guard fractionalBitRange.contains(fractionalBits) else {
            throw .invalidArgument("fractionalBits must be between -126 and 126, got \(fractionalBits)")
        }
        return try QuantizationParameters(
            scale: Float(sign: .plus, exponent: -fractionalBits, significand: 1), zeroPoint: 0, bits: bits,
            signed: true, narrowRange: narrowRange)
    }

    /// Fixed-point parameters for data within `[−absMax, absMax]`: the most fractional bits `n`
    /// with `absMax ≤ qmax · 2^−n`, i.e. the finest power-of-two step that does not clip — but
    /// never finer than `minimumScale` (n ≤ 23), as for the other schemes, so all-zero data
    /// gets the scale 2^−23.
    public static func powerOfTwo(absMax: Float, bits: Int, narrowRange: Bool = true)
        throws(QuantEngineError) -> QuantizationParameters
    {
        let grid = try integerRange(bits: bits, signed: true, narrowRange: narrowRange)
        guard absMax.isFinite, absMax >= 0 else {
            throw .invalidArgument("absMax must be finite and not negative, got \(absMax)")
        }
        let qmax = Double(grid.upperBound)
        let finest = -minimumScale.exponent  // 23
        var n = finest
        if absMax > 0 {
            // Exact in Double: qmax · 2^−n for integers n, compared with absMax.
            n = Int((qmax / Double(absMax)).exponent)  // ⌊log2(qmax / absMax)⌋, then checked exactly
            while n > fractionalBitRange.lowerBound
                && qmax * Double(sign: .plus, exponent: -n, significand: 1) < Double(absMax)
            {
                n -= 1
            }
            while n < finest
                && qmax * Double(sign: .plus, exponent: -(n + 1), significand: 1) >= Double(absMax)
            {
                n += 1
            }
            n = Swift.min(Swift.max(n, fractionalBitRange.lowerBound), finest)
        }
        return try powerOfTwo(fractionalBits: n, bits: bits, narrowRange: narrowRange)
    }

    /// Asymmetric (affine) parameters for data within `[min, max]`, as PyTorch's
    /// `UniformQuantizationObserverBase._calculate_qparams` (torch/ao/quantization/observer.py):
    ///
    ///     min⁻ = min(min, 0),  max⁺ = max(max, 0)           // the range always contains 0
    ///     scale = max((max⁺ − min⁻) / (qmax − qmin), eps)    // Float32
    ///     zeroPoint = clamp(qmin − round(min⁻ / scale), qmin, qmax)
    ///
    /// where `round` is `torch.round`, i.e. round half to even. Codes are unsigned `[0, 2^b − 1]`
    /// by default, signed `[−2^(b−1), 2^(b−1) − 1]` with `signed: true`.
    ///
    /// - Throws: for bits outside 2…16, non-finite bounds, `min > max`, or a range so wide that
    ///   `max⁺ − min⁻` overflows Float32.
    public static func asymmetric(min: Float, max: Float, bits: Int, signed: Bool = false)
        throws(QuantEngineError) -> QuantizationParameters
    {
        let grid = try integerRange(bits: bits, signed: signed)
        guard min.isFinite, max.isFinite, min <= max else {
            throw .invalidArgument("range needs finite min <= max, got \(min) and \(max)")
        }
        let minNegative = Swift.min(min, 0)
        let maxPositive = Swift.max(max, 0)
        let width = maxPositive - minNegative
        guard width.isFinite else {
            throw .invalidArgument("range [\(min), \(max)] is too wide for Float32")
        }
        let levels = Float(grid.upperBound - grid.lowerBound)  // exact: < 2^24
        let scale = Swift.max(width / levels, minimumScale)
        // |min⁻ / scale| ≤ qmax − qmin, so the conversion to Int cannot overflow.
        let shift = Int((minNegative / scale).rounded(.toNearestOrEven))
        let zeroPoint = Swift.min(Swift.max(grid.lowerBound - shift, grid.lowerBound), grid.upperBound)
        return try QuantizationParameters(
            scale: scale, zeroPoint: zeroPoint, bits: bits, signed: signed)
    }

    /// Whether the grid is symmetric narrow range (`qmin == −qmax`).
    public var isNarrowRange: Bool { qmin == -qmax }

    public var description: String {
        "scale \(scale), zero point \(zeroPoint), \(bits)-bit \(signed ? "signed" : "unsigned") [\(qmin), \(qmax)]"
    }
}
