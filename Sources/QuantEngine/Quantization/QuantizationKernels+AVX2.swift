import CQuantize

/// Calls into CQuantize's AVX2 loops (only when `Implementation.fastest` is `.avx2`). The C code
/// computes the same steps as the SIMD loops, with `roundps`/`cvtps` for the rounding rules.
extension QuantizationKernels {
    static func cGrid(_ grid: Grid) -> cq_grid {
        let rounding: Int32
        switch grid.rounding {
        case .nearestEven: rounding = Int32(CQ_ROUND_NEAREST_EVEN)
        case .nearestAway: rounding = Int32(CQ_ROUND_NEAREST_AWAY)
        case .towardZero: rounding = Int32(CQ_ROUND_TOWARD_ZERO)
        case .down: rounding = Int32(CQ_ROUND_DOWN)
        case .up: rounding = Int32(CQ_ROUND_UP)
        case .stochastic: preconditionFailure("stochastic rounding runs the scalar loop")
        }
        return cq_grid(
            scale: grid.scale, lower: grid.lower, upper: grid.upper, zero_point: grid.zeroPoint, rounding: rounding)
    }

    static func quantizeAVX2<Code: FixedWidthInteger>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>, grid: Grid
    ) -> Bool {
        guard let x = input.baseAddress, let raw = UnsafeMutableRawPointer(output.baseAddress) else { return true }
        var parameters = cGrid(grid)
        let n = input.count
        let bad: Int32
        if Code.self == Int8.self {
            bad = cq_quantize_s8_avx2(x, raw.assumingMemoryBound(to: Int8.self), n, &parameters)
        } else if Code.self == UInt8.self {
            bad = cq_quantize_u8_avx2(x, raw.assumingMemoryBound(to: UInt8.self), n, &parameters)
        } else if Code.self == Int16.self {
            bad = cq_quantize_s16_avx2(x, raw.assumingMemoryBound(to: Int16.self), n, &parameters)
        } else if Code.self == UInt16.self {
            bad = cq_quantize_u16_avx2(x, raw.assumingMemoryBound(to: UInt16.self), n, &parameters)
        } else {
            return quantizeScalar(input, into: output, grid: grid, offset: 0)
        }
        return bad == 0
    }

    static func dequantizeAVX2<Code: FixedWidthInteger>(
        _ codes: UnsafeBufferPointer<Code>, into output: UnsafeMutableBufferPointer<Float>,
        scale: Float, zeroPoint: Int32
    ) {
        guard let raw = UnsafeRawPointer(codes.baseAddress), let y = output.baseAddress else { return }
        let n = codes.count
        if Code.self == Int8.self {
            cq_dequantize_s8_avx2(raw.assumingMemoryBound(to: Int8.self), y, n, scale, zeroPoint)
        } else if Code.self == UInt8.self {
            cq_dequantize_u8_avx2(raw.assumingMemoryBound(to: UInt8.self), y, n, scale, zeroPoint)
        } else if Code.self == Int16.self {
            cq_dequantize_s16_avx2(raw.assumingMemoryBound(to: Int16.self), y, n, scale, zeroPoint)
        } else if Code.self == UInt16.self {
            cq_dequantize_u16_avx2(raw.assumingMemoryBound(to: UInt16.self), y, n, scale, zeroPoint)
        } else {
            dequantizeScalar(codes, into: output, scale: scale, zeroPoint: zeroPoint)
        }
    }

    static func fakeQuantizeAVX2(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, grid: Grid
    ) -> Bool {
        guard let x = input.baseAddress, let y = output.baseAddress else { return true }
        var parameters = cGrid(grid)
        return cq_fake_quantize_avx2(x, y, input.count, &parameters) == 0
    }
}
