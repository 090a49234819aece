import Testing

@testable import QuantEngine

/// gemmlowp's fixed-point primitives and TFLite's multiplier functions against
/// `Fixtures/integer_reference.py`, a direct Python transcription of their C++ code.
@Suite("Fixed-point multipliers")
struct FixedPointTests {
    let reference = IntegerReference.shared

    @Test func saturatingRoundingDoublingHighMul() {
        for row in reference.doublingHighMul {
            let (a, b) = (Int32(row[0]), Int32(row[1]))
            #expect(Int64(FixedPoint.saturatingRoundingDoublingHighMul(a, b)) == row[2], "a \(a) b \(b)")
        }
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(.min, .min) == .max)
        #expect(FixedPoint.saturatingRoundingDoublingHighMul(.min, .max) == -.max)
    }

    @Test func roundingDivideByPOT() throws {
        for row in reference.divideByPOT {
            let result = try FixedPoint.roundingDivideByPOT(Int32(row[0]), exponent: Int(row[1]))
            #expect(Int64(result) == row[2], "x \(row[0]) exponent \(row[1])")
        }
        // Ties round away from zero.
        #expect(try FixedPoint.roundingDivideByPOT(5, exponent: 1) == 3)
        #expect(try FixedPoint.roundingDivideByPOT(-5, exponent: 1) == -3)
        #expect(try FixedPoint.roundingDivideByPOT(-6, exponent: 2) == -2)
        #expect(throws: QuantEngineError.invalidArgument("exponent must be between 0 and 31, got 32")) {
            try FixedPoint.roundingDivideByPOT(1, exponent: 32)
        }
        #expect(throws: QuantEngineError.self) { try FixedPoint.roundingDivideByPOT(1, exponent: -1) }
    }

    @Test func quantizeMultiplier() throws {
        for c in reference.quantizeMultiplier {
            let real = double(hexBits: c.real)
            let fixed = try FixedPointMultiplier(real)
            #expect(fixed.quantizedMultiplier == c.multiplier, "\(real)")
            #expect(fixed.shift == c.shift, "\(real)")
            if fixed.quantizedMultiplier != 0 {
                #expect((1 << 30...Int(Int32.max)).contains(Int(fixed.quantizedMultiplier)))
                #expect(abs(fixed.realValue - real) <= real * 0x1p-31)
            }
        }
    }

    @Test func multipliersFromFloat32Scales() throws {
        for c in reference.scaleMultipliers {
            let accumulators = AccumulatorTensor(
                shape: [1, 1], values: [0], inputScale: Float(bitPattern: c.inputScale),
                weightScales: [Float(bitPattern: c.weightScale)], channelAxis: 1)
            let outputScale = Float(bitPattern: c.outputScale)
            #expect(try accumulators.realMultipliers(outputScale: outputScale) == [double(hexBits: c.real)])
            let fixed = try accumulators.multipliers(outputScale: outputScale)
            #expect(fixed.map(\.quantizedMultiplier) == [c.multiplier])
            #expect(fixed.map(\.shift) == [c.shift])
        }
    }

    @Test func multiplyByQuantizedMultiplier() throws {
        for row in reference.multiplyByQuantizedMultiplier {
            let fixed = try FixedPointMultiplier(quantizedMultiplier: Int32(row[1]), shift: Int(row[2]))
            #expect(Int64(fixed.apply(Int32(row[0]))) == row[3], "x \(row[0]) M0 \(row[1]) shift \(row[2])")
        }
    }

    @Test func shiftsAndRealValue() throws {
        let half = try FixedPointMultiplier(0.375)  // 0.75 · 2^−1
        #expect(half.quantizedMultiplier == 1_610_612_736)
        #expect(half.shift == -1)
        #expect(half.rightShift == 1)
        #expect(half.leftShift == 0)
        #expect(half.realValue == 0.375)
        #expect(half.apply(100) == 38)  // 37.5 rounds away from zero
        #expect(half.apply(-100) == -38)
        let three = try FixedPointMultiplier(3)
        #expect(three.shift == 2)
        #expect(three.leftShift == 2)
        #expect(three.apply(-7) == -21)
    }

    /// Where TFLite's `x · 2^leftShift` would overflow (undefined behaviour in C), the shifted
    /// value saturates before the multiplication by M0, as gemmlowp's
    /// SaturatingRoundingMultiplyByPOT does: 8 = 0.5 · 2^4, so the result is half of ±2³¹.
    @Test func leftShiftSaturates() throws {
        let eight = try FixedPointMultiplier(8)
        #expect(eight.quantizedMultiplier == 1 << 30 && eight.shift == 4)
        #expect(eight.apply(.max) == 1 << 30)
        #expect(eight.apply(.min) == -(1 << 30))
        #expect(eight.apply(1 << 27) == 1 << 30)
        #expect(eight.apply((1 << 27) - 1) == (1 << 30) - 8)
    }

    @Test func tinyMultipliersFlushToZero() throws {
        let tiny = try FixedPointMultiplier(0x1p-40)
        #expect(tiny.quantizedMultiplier == 0 && tiny.shift == 0)
        #expect(tiny.apply(.max) == 0)
        let zero = try FixedPointMultiplier(0)
        #expect(zero.quantizedMultiplier == 0 && zero.shift == 0)
    }

    @Test func errors() {
        #expect(
            throws: QuantEngineError.invalidArgument(
                "a requantization multiplier must be finite and not negative, got -0.5")
        ) { try FixedPointMultiplier(-0.5) }
        #expect(throws: QuantEngineError.self) { try FixedPointMultiplier(.nan) }
        #expect(throws: QuantEngineError.self) { try FixedPointMultiplier(.infinity) }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "a requantization multiplier must be below 2^30, got 1073741824.0")
        ) { try FixedPointMultiplier(0x1p30) }
        #expect(throws: QuantEngineError.invalidArgument("shift must be between -31 and 30, got 31")) {
            try FixedPointMultiplier(quantizedMultiplier: 1 << 30, shift: 31)
        }
        #expect(throws: QuantEngineError.invalidArgument("quantizedMultiplier must not be negative, got -1")) {
            try FixedPointMultiplier(quantizedMultiplier: -1, shift: 0)
        }
    }
}
