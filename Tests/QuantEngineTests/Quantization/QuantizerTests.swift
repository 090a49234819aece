import QuantEngine
import Testing

@Suite("Quantize, dequantize, fake-quantize")
struct QuantizerTests {
    let unitSigned8: QuantizationParameters

    init() throws {
        unitSigned8 = try QuantizationParameters(scale: 1, zeroPoint: 0, bits: 8, signed: true)
    }

    /// Round half to even: x/scale = 0.5, 1.5, 2.5, −0.5, −2.5 → 0, 2, 2, 0, −2.
    @Test(arguments: [
        (Float(0.5), 0), (1.5, 2), (2.5, 2), (-0.5, 0), (-2.5, -2), (-1.5, -2), (3.5, 4), (0.49999997, 0),
    ])
    func tiesRoundHalfToEven(x: Float, expected: Int) throws {
        let q = try quantize(Tensor([x]), parameters: unitSigned8)
        #expect(q.values == [expected])
    }

    /// DESIGN §4: scale 0.3, x = −35.25. True division gives −117.49999 → −117 (ONNX Runtime);
    /// multiplying by 1/scale gives exactly −117.5 → −118 (PyTorch).
    @Test func onnxTrueDivisionAtTie() throws {
        let p = try QuantizationParameters(scale: 0.3, zeroPoint: 0, bits: 8, signed: true)
        let q = try quantize(Tensor([-35.25]), parameters: p)
        #expect(q.values == [-117])
        let multiplied = (Float(-35.25) * (1 / Float(0.3))).rounded(.toNearestOrEven)
        #expect(multiplied == -118)
    }

    @Test(arguments: [
        (Float(1000), true, 127), (-1000, true, -128), (12.75, true, 127), (-12.85, true, -128),
        (1000, false, 255), (-1000, false, 0), (.greatestFiniteMagnitude, true, 127),
    ])
    func saturation(x: Float, signed: Bool, expected: Int) throws {
        let p = try QuantizationParameters(scale: 0.1, zeroPoint: 0, bits: 8, signed: signed)
        #expect(try quantize(Tensor([x]), parameters: p).values == [expected])
    }

    @Test func symmetricNarrowRangeSaturatesAtMinus127() throws {
        let p = try QuantizationParameters.symmetric(absMax: 1, bits: 8)
        let q = try quantize(Tensor([-5, 5]), parameters: p)
        #expect(q.values == [-127, 127])
    }

    @Test func asymmetricHandExampleCodes() throws {
        // scale 4/255, zp 64: −1 → 0, 0 → 64, 3 → 191.25 + 64 → 255.
        let q = try quantize(Tensor([-1, 0, 3]), bits: 8, scheme: .asymmetric)
        #expect(q.values == [0, 64, 255])
        #expect(q.zeroPoint == 64)
        #expect(!q.signed)
        #expect(q.scheme == .asymmetric)
        let d = q.dequantized()
        #expect(d.scalars[1] == 0)  // zero is exactly representable
        // −1 lands on code 0 = −64 steps: (0 − 64) · 4/255 = −1.0039216, half a step away at most.
        #expect(Swift.abs(d.scalars[0] + 1.003_921_6) < 1e-6)
        #expect(Swift.abs(d.scalars[0] + 1) <= q.scale / 2)
    }

    @Test func constantAndAllZeroTensors() throws {
        let zeros = try Tensor.zeros([4, 4])
        for scheme in QuantizationScheme.allCases {
            let q = try quantize(zeros, bits: 8, scheme: scheme)
            #expect(q.scale == 1.1920929e-07)
            #expect(q.values.allSatisfy { $0 == q.zeroPoint })
            #expect(q.dequantized() == zeros)
            #expect(try fakeQuantize(zeros, bits: 8, scheme: scheme) == zeros)
        }
        let constant = try Tensor.full([5], value: 0.5)
        let symmetric = try quantize(constant, bits: 8)
        #expect(symmetric.values == [127, 127, 127, 127, 127])
        #expect(symmetric.dequantized().scalars.allSatisfy { Swift.abs($0 - 0.5) < 1e-7 })
        let asymmetric = try quantize(constant, bits: 8, scheme: .asymmetric)
        #expect(asymmetric.values == [255, 255, 255, 255, 255])
        let negative = try quantize(Tensor.full([3], value: -2), bits: 4, scheme: .asymmetric)
        #expect(negative.values == [0, 0, 0])
        #expect(negative.zeroPoint == 15)
    }

    @Test func nanAndInfinityRejectedWithIndex() throws {
        var values = [Float](repeating: 0.5, count: 40)
        values[17] = .nan
        values[30] = .infinity
        #expect(throws: QuantEngineError.nonFiniteValue(index: 17, kind: .nan)) {
            try quantize(Tensor(values), bits: 8)
        }
        values[17] = 0
        #expect(throws: QuantEngineError.nonFiniteValue(index: 30, kind: .positiveInfinity)) {
            try quantize(Tensor(values), bits: 8, scheme: .asymmetric)
        }
        #expect(throws: QuantEngineError.nonFiniteValue(index: 30, kind: .positiveInfinity)) {
            try fakeQuantize(Tensor(values), bits: 4)
        }
        // The explicit-parameter path detects it inside the kernel, also on large tensors.
        var big = [Float](repeating: 1, count: 300_000)
        big[299_999] = -.infinity
        #expect(throws: QuantEngineError.nonFiniteValue(index: 299_999, kind: .negativeInfinity)) {
            try quantize(Tensor(big), parameters: unitSigned8)
        }
        #expect(throws: QuantEngineError.nonFiniteValue(index: 299_999, kind: .negativeInfinity)) {
            try Quantizer.fakeQuantize(Tensor(big), parameters: unitSigned8)
        }
    }

    /// The add-and-subtract-1.5·2^23 fast path against `rounded(.toNearestOrEven)`, on exact ties
    /// and on random quotients across the 16-bit range (scale 1, so x/scale == x).
    @Test func magicNumberRoundingMatchesRoundedToNearestOrEven() throws {
        let p = try QuantizationParameters(scale: 1, zeroPoint: 0, bits: 16, signed: true)
        var values: [Float] = (-2000...2000).map { Float($0) + 0.5 }
        values += (-2000...2000).map { Float($0) }
        values += [0.5, -0.5, 0.49999997, -0.49999997, 1.5000001, -0, 32767.5, -32768.5, 0x1p-140]
        var g = RandomGenerator(seed: 31)
        for _ in 0..<400_000 {
            values.append(Float(g.nextDouble() * 65_534 - 32_767))
            values.append(Float(g.nextDouble() * 8 - 4))
        }
        let q = try quantize(Tensor(values), parameters: p)
        let fake = try Quantizer.fakeQuantize(Tensor(values), parameters: p)
        for (i, x) in values.enumerated() {
            let expected = Swift.min(Swift.max(x.rounded(.toNearestOrEven), -32768), 32767)
            if Float(q.codes[i]) != expected || fake.scalars[i] != expected {
                Issue.record("x = \(x): code \(q.codes[i]), fake \(fake.scalars[i]), expected \(expected)")
                break
            }
        }
    }

    /// fakeQuantize is bit-identical to dequantize(quantize(x)) for every scheme, width and
    /// rounding rule, on data that exercises ties, clipping and the parallel path.
    @Test(arguments: [2, 4, 8, 11, 16])
    func fakeQuantizeEqualsTwoSteps(bits: Int) throws {
        let n = (1 << 18) + 3  // just above the parallel threshold
        var x = try Tensor.randn([n], std: 0.5, seed: UInt64(bits))
        x = try x * (Tensor.rand([n], in: 0.2...3, seed: 1))
        for scheme in QuantizationScheme.allCases {
            for rounding in Rounding.deterministic + [.stochastic(seed: 3)] {
                for range in [RangeMethod.minMax, .percentile(99), .fixed(-0.25, 0.5)] {
                    let quantizer = try Quantizer(bits: bits, scheme: scheme, range: range, rounding: rounding)
                    let twoStep = try quantizer.quantize(x).dequantized()
                    let fused = try quantizer.fakeQuantize(x)
                    #expect(
                        fused.scalars.map(\.bitPattern) == twoStep.scalars.map(\.bitPattern),
                        "\(bits)-bit \(scheme) \(rounding) \(range)")
                }
            }
        }
    }

    @Test(arguments: [
        (Rounding.nearestEven, [Float(-2), -2, -1, 0, 0, 1, 2, 2, 2]),
        (.nearestAway, [-3, -2, -1, -1, 0, 1, 2, 2, 3]),
        (.towardZero, [-2, -1, -1, 0, 0, 0, 1, 2, 2]),
        (.down, [-3, -2, -2, -1, 0, 0, 1, 2, 2]),
        (.up, [-2, -1, -1, 0, 0, 1, 2, 2, 3]),
    ])
    func roundingRules(rounding: Rounding, expected: [Float]) throws {
        let x = Tensor([-2.5, -1.5, -1.2, -0.5, 0, 0.7, 1.5, 2, 2.5])
        let q = try quantize(x, parameters: unitSigned8, rounding: rounding)
        #expect(q.values.map(Float.init) == expected)
        // Zero codes dequantize to +0, never −0, whatever the rule.
        #expect(q.dequantized().scalars.allSatisfy { $0 != 0 || $0.sign == .plus })
    }

    /// Codes, scales and zero points against numpy (float32 division, np.rint, clip) for
    /// four data sets, widths 2/4/8/16, symmetric narrow/full and asymmetric unsigned/signed.
    @Test func minMaxQuantizationMatchesNumpy() throws {
        let reference = NumpyReference.shared
        for c in reference.quantization {
            let x = reference.dataset(c.data)
            let quantizer = try Quantizer(
                bits: c.bits, scheme: c.scheme == "symmetric" ? .symmetric : .asymmetric,
                narrowRange: c.narrowRange, signed: c.signed)
            let q = try quantizer.quantize(x)
            #expect(q.scale.bitPattern == c.scale, "\(c.testDescription)")
            #expect(q.zeroPoint == c.zeroPoint, "\(c.testDescription)")
            #expect(q.parameters[0].qmin == c.qmin && q.parameters[0].qmax == c.qmax)
            #expect(q.values == c.codes, "\(c.testDescription)")
            if let dequantized = c.dequantized {
                #expect(q.dequantized().scalars.map(\.bitPattern) == dequantized, "\(c.testDescription)")
            }
        }
    }

    @Test func explicitParametersMatchNumpy() throws {
        for c in NumpyReference.shared.explicit {
            let signed = c.qmin < 0
            let bits = signed ? (c.qmax + 1).trailingZeroBitCount + 1 : (c.qmax + 1).trailingZeroBitCount
            let p = try QuantizationParameters(
                scale: Float(bitPattern: c.scale), zeroPoint: c.zeroPoint, bits: bits, signed: signed)
            let q = try quantize(Tensor(floats(c.input)), parameters: p)
            #expect(q.values == c.codes, "scale \(p.scale) zp \(c.zeroPoint)")
        }
    }

    @Test func storageAndCompression() throws {
        let x = try Tensor.randn([1000], seed: 1)
        let q8 = try quantize(x, bits: 8)
        guard case .int8 = q8.codes else {
            Issue.record("8-bit signed codes should be stored as Int8")
            return
        }
        #expect(q8.bytes == 1000 + 8)
        #expect(Swift.abs(q8.compression - 4000.0 / 1008) < 1e-12)
        let q4 = try quantize(Tensor.randn([1001], seed: 1), bits: 4)
        #expect(q4.bytes == 501 + 8)  // ⌈1001 · 4 / 8⌉ = 501
        let q12 = try quantize(x, bits: 12, scheme: .asymmetric)
        guard case .uint16 = q12.codes else {
            Issue.record("12-bit unsigned codes should be stored as UInt16")
            return
        }
        #expect(q12.bytes == 1500 + 8)
        #expect(q12.values.allSatisfy { (0...4095).contains($0) })
    }

    @Test func percentileAndFixedRanges() throws {
        let x = Tensor([-10, -1, -0.5, 0, 0.25, 0.5, 1, 2])
        // fixed(−1, 1) symmetric: absMax 1 → scale 1/127; −10 saturates.
        let fixed = try quantize(x, bits: 8, range: .fixed(-1, 1))
        #expect(fixed.values.first == -127)
        #expect(fixed.scale == Float(1) / 127)
        // percentile(100) is min/max.
        #expect(try quantize(x, bits: 8, range: .percentile(100)) == quantize(x, bits: 8))
        // Symmetric percentile uses |x|: the 50th percentile of |x| = (0.5 + 1)/2 = 0.75.
        let median = try quantize(x, bits: 8, range: .percentile(50))
        #expect(median.scale == Float(0.75) / 127)
        #expect(throws: QuantEngineError.self) { try quantize(x, bits: 8, range: .percentile(20)) }
        #expect(throws: QuantEngineError.self) { try quantize(x, bits: 8, range: .fixed(1, -1)) }
    }

    @Test func shapeIsKept() throws {
        let x = try Tensor.randn([3, 4, 5], seed: 2)
        let q = try quantize(x, bits: 6, scheme: .asymmetric)
        #expect(q.shape == [3, 4, 5])
        #expect(q.dequantized().shape == [3, 4, 5])
        #expect(try fakeQuantize(x, bits: 6).shape == [3, 4, 5])
    }

    @Test func emptyTensorQuantizes() throws {
        let q = try quantize(Tensor([]), bits: 8)
        #expect(q.count == 0)
        #expect(q.dequantized().count == 0)
    }
}

@Suite("Quantize and dequantize between caller-owned buffers")
struct BufferQuantizerTests {
    @Test(arguments: [(8, true), (8, false), (12, true), (16, false)])
    func buffersMatchTensors(bits: Int, signed: Bool) throws {
        let x = try Tensor.randn([(1 << 18) + 5], std: 3, seed: 2)  // several chunks and a tail
        let p = try QuantizationParameters.asymmetric(min: -4, max: 5, bits: bits, signed: signed)
        let q = try Quantizer.quantize(x, parameters: p, rounding: .nearestAway)
        func check<Code: FixedWidthInteger>(_: Code.Type) throws {
            var codes = [Code](repeating: 0, count: x.count)
            try x.withUnsafeBufferPointer { input in
                try codes.withUnsafeMutableBufferPointer { output in
                    try Quantizer.quantize(input, parameters: p, rounding: .nearestAway, into: output)
                }
            }
            #expect(codes.map(Int.init) == q.values)
            var values = [Float](repeating: .nan, count: x.count)
            try codes.withUnsafeBufferPointer { input in
                try values.withUnsafeMutableBufferPointer { output in
                    try Quantizer.dequantize(input, parameters: p, into: output)
                }
            }
            #expect(values.map(\.bitPattern) == q.dequantized().scalars.map(\.bitPattern))
        }
        switch (bits <= 8, signed) {
        case (true, true): try check(Int8.self)
        case (true, false): try check(UInt8.self)
        case (false, true): try check(Int16.self)
        case (false, false): try check(UInt16.self)
        }
    }

    @Test func wrongBuffersAndNonFiniteInputThrow() throws {
        let p = try QuantizationParameters(scale: 0.5, zeroPoint: 0, bits: 8, signed: true)
        var x: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        var int8 = [Int8](repeating: 0, count: x.count)
        var uint8 = [UInt8](repeating: 0, count: x.count)
        var short = [Int8](repeating: 0, count: 3)
        x[7] = -.infinity
        x.withUnsafeBufferPointer { input in
            #expect(throws: QuantEngineError.nonFiniteValue(index: 7, kind: .negativeInfinity)) {
                try int8.withUnsafeMutableBufferPointer { try Quantizer.quantize(input, parameters: p, into: $0) }
            }
            #expect(throws: QuantEngineError.invalidArgument("8-bit signed codes are stored as Int8, not UInt8")) {
                try uint8.withUnsafeMutableBufferPointer { try Quantizer.quantize(input, parameters: p, into: $0) }
            }
            #expect(throws: QuantEngineError.invalidArgument("the code buffer holds 3 elements, the input 10")) {
                try short.withUnsafeMutableBufferPointer { try Quantizer.quantize(input, parameters: p, into: $0) }
            }
        }
    }
}
