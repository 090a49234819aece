import QuantEngine
import Testing

@Suite("Quantization parameters")
struct QuantizationParametersTests {
    /// Hand-computed: narrow grid ±(2^(b−1) − 1), scale absMax / qmax; full grid
    /// [−2^(b−1), 2^(b−1) − 1], scale absMax / ((qmax − qmin)/2).
    @Test(arguments: [
        // (bits, narrow, absMax, scale, qmin, qmax)
        (8, true, Float(127), Float(1), -127, 127),
        (8, false, 127.5, 1, -128, 127),
        (4, true, 3.5, 0.5, -7, 7),
        (4, false, 3.75, 0.5, -8, 7),
        (2, true, 0.25, 0.25, -1, 1),
        (16, true, 32767, 1, -32767, 32767),
    ])
    func symmetric(bits: Int, narrow: Bool, absMax: Float, scale: Float, qmin: Int, qmax: Int) throws {
        let p = try QuantizationParameters.symmetric(absMax: absMax, bits: bits, narrowRange: narrow)
        #expect(p.scale == scale)
        #expect(p.zeroPoint == 0)
        #expect(p.qmin == qmin)
        #expect(p.qmax == qmax)
        #expect(p.signed)
    }

    @Test func symmetricInexactScale() throws {
        // 1/127 = 0.007874015748…; 1/127.5 = 0.0078431372…
        let narrow = try QuantizationParameters.symmetric(absMax: 1, bits: 8)
        #expect(Swift.abs(Double(narrow.scale) - 0.007_874_015_748_031_496) < 1e-9)
        let full = try QuantizationParameters.symmetric(absMax: 1, bits: 8, narrowRange: false)
        #expect(Swift.abs(Double(full.scale) - 0.007_843_137_254_901_96) < 1e-9)
    }

    /// min −1, max 3, 8 bits: scale = 4/255 ≈ 0.0156863; −1/scale = −63.75 → round → −64, so
    /// zeroPoint = 0 − (−64) = 64. Signed: −128 − (−64) = −64.
    @Test func asymmetricHandExample() throws {
        let p = try QuantizationParameters.asymmetric(min: -1, max: 3, bits: 8)
        #expect(Swift.abs(Double(p.scale) - 4.0 / 255) < 1e-9)
        #expect(p.zeroPoint == 64)
        #expect(p.qmin == 0 && p.qmax == 255)
        #expect(!p.signed)
        let s = try QuantizationParameters.asymmetric(min: -1, max: 3, bits: 8, signed: true)
        #expect(s.zeroPoint == -64)
        #expect(s.qmin == -128 && s.qmax == 127)
    }

    @Test(arguments: [
        // (min, max, bits, zeroPoint): the range is widened to include 0.
        (Float(0.5), Float(2), 8, 0),  // all positive → min⁻ = 0 → zp = 0
        (-2, -1, 8, 255),  // all negative → max⁺ = 0 → zp = qmax
        // scale = Float32(2/15) = 0.13333334 (rounded up), so −1/scale = −7.4999995, not the
        // tie −7.5: it rounds to −7 and zp = 7 (numpy float32 agrees).
        (-1, 1, 4, 7),
        // Exact ties in Float32, where torch.round's half-to-even differs from half-away:
        (-0.125, 0.625, 4, 2),  // scale 0.75/15 = 0.05; −0.125/0.05 = −2.5 → −2 (away: −3) → zp 2
        (-0.125, 0.625, 2, 0),  // scale 0.75/3 = 0.25; −0.125/0.25 = −0.5 → 0 (away: −1) → zp 0
        (-3, 1, 2, 2),  // scale 4/3; −3/scale = −2.25 → −2 → zp 2
    ])
    func asymmetricZeroPoints(min: Float, max: Float, bits: Int, zeroPoint: Int) throws {
        let p = try QuantizationParameters.asymmetric(min: min, max: max, bits: bits)
        #expect(p.zeroPoint == zeroPoint)
    }

    @Test func scaleNeverBelowEpsilon() throws {
        #expect(try QuantizationParameters.symmetric(absMax: 0, bits: 8).scale == 1.1920929e-07)
        #expect(try QuantizationParameters.asymmetric(min: 0, max: 0, bits: 8).scale == 1.1920929e-07)
        #expect(try QuantizationParameters.symmetric(absMax: 1e-9, bits: 8).scale == Float.ulpOfOne)
        #expect(QuantizationParameters.minimumScale == 1.1920929e-07)
    }

    @Test(arguments: [1, 17, 0, -3, 40])
    func invalidBitsRejected(bits: Int) {
        #expect(throws: QuantEngineError.invalidBits(bits)) {
            try QuantizationParameters.symmetric(absMax: 1, bits: bits)
        }
        #expect(throws: QuantEngineError.invalidBits(bits)) {
            try QuantizationParameters.asymmetric(min: -1, max: 1, bits: bits)
        }
        #expect(throws: QuantEngineError.invalidBits(bits)) { try Quantizer(bits: bits) }
    }

    @Test func explicitParametersAreValidated() throws {
        let p = try QuantizationParameters(scale: 0.01, zeroPoint: 3, bits: 8, signed: false)
        #expect(p.qmin == 0 && p.qmax == 255)
        #expect(throws: QuantEngineError.invalidScale(0)) {
            try QuantizationParameters(scale: 0, zeroPoint: 0, bits: 8, signed: true)
        }
        #expect(throws: QuantEngineError.invalidScale(-1)) {
            try QuantizationParameters(scale: -1, zeroPoint: 0, bits: 8, signed: true)
        }
        #expect(throws: QuantEngineError.invalidZeroPoint(300, qmin: 0, qmax: 255)) {
            try QuantizationParameters(scale: 1, zeroPoint: 300, bits: 8, signed: false)
        }
        #expect(throws: QuantEngineError.self) {
            try QuantizationParameters.asymmetric(min: 2, max: 1, bits: 8)
        }
        #expect(throws: QuantEngineError.self) {
            try QuantizationParameters.asymmetric(min: -3e38, max: 3e38, bits: 8)
        }
        #expect(throws: QuantEngineError.self) {
            try QuantizationParameters.symmetric(absMax: .nan, bits: 8)
        }
    }
}
