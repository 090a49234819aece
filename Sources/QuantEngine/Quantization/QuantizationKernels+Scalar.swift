/// The reference loops: one element at a time, each step as the type's documentation states it.
/// Stochastic rounding always runs here; for the other rules they are what the SIMD and AVX2
/// loops are tested against. Dequantize is this loop everywhere but AVX2 (LLVM vectorises it).
extension QuantizationKernels {
    static func quantizeScalar<Code: FixedWidthInteger>(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Code>, grid: Grid,
        offset: Int
    ) -> Bool {
        var bad: UInt32 = 0
        if grid.rounding == .nearestEven {
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let q = roundHalfEvenToInt32(grid.clampedQuotient(x)) &+ grid.zeroPoint
                output[i] = Code(truncatingIfNeeded: q)
            }
        } else if case .stochastic = grid.rounding {
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let rounded = grid.rounding.apply(grid.clampedQuotient(x), index: offset &+ i)
                output[i] = Code(truncatingIfNeeded: integralToInt32(rounded) &+ grid.zeroPoint)
            }
        } else {
            let rule = grid.rounding.rule
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let rounded = grid.clampedQuotient(x).rounded(rule)  // the configured rule
                output[i] = Code(truncatingIfNeeded: integralToInt32(rounded) &+ grid.zeroPoint)
            }
        }
        return bad == 0
    }

    static func dequantizeScalar<Code: FixedWidthInteger>(
        _ codes: UnsafeBufferPointer<Code>, into output: UnsafeMutableBufferPointer<Float>,
        scale: Float, zeroPoint: Int32
    ) {
        for i in codes.indices {
            output[i] = Float(Int32(truncatingIfNeeded: codes[i]) &- zeroPoint) * scale
        }
    }

    static func fakeQuantizeScalar(
        _ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>, grid: Grid,
        offset: Int
    ) -> Bool {
        var bad: UInt32 = 0
        if grid.rounding == .nearestEven {
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let level = roundHalfEvenToInt32(grid.clampedQuotient(x))
                output[i] = Float(level) * grid.scale
            }
        } else if case .stochastic = grid.rounding {
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let rounded = grid.rounding.apply(grid.clampedQuotient(x), index: offset &+ i)
                output[i] = Float(integralToInt32(rounded)) * grid.scale
            }
        } else {
            let rule = grid.rounding.rule
            for i in input.indices {
                let x = input[i]
                bad |= nonFiniteFlag(x)
                let rounded = grid.clampedQuotient(x).rounded(rule)  // the configured rule
                output[i] = Float(integralToInt32(rounded)) * grid.scale
            }
        }
        return bad == 0
    }
}
