import Testing

@testable import QuantEngine

@Suite("Requantization and quantized linear layers")
struct RequantizationTests {
    @Test("TFLite MultiplyByQuantizedMultiplier fixtures", arguments: IntegerReference.shared.requantize)
    func fixtures(_ c: IntegerReference.RequantizeCase) throws {
        let multipliers = c.multipliers.map(double(hexBits:))
        let channels = c.shape[1]
        let accumulators = AccumulatorTensor(
            shape: c.shape, values: c.accumulators, inputScale: 1, weightScales: [Float](repeating: 1, count: channels),
            channelAxis: 1)
        let q = try requantize(
            accumulators, multipliers: multipliers, outputScale: 0.1, outputZeroPoint: c.zeroPoint, bits: c.bits,
            signed: c.signed)
        #expect(q.values == c.expected)
        #expect(q.shape == c.shape)
        #expect(q.bits == c.bits && q.signed == c.signed && q.zeroPoint == c.zeroPoint && q.scale == 0.1)
        #expect(q.rounding == .nearestAway)
    }

    @Test func multipliersComeFromTheScales() throws {
        let accumulators = AccumulatorTensor(
            shape: [2, 2], values: [1000, -1000, 123_456, -7], inputScale: 0.02, weightScales: [0.01, 0.005],
            channelAxis: 1)
        let q = try requantize(accumulators, outputScale: 0.1, outputZeroPoint: 10, signed: false)
        let fixed = try accumulators.multipliers(outputScale: 0.1)
        var expected: [Int] = []
        for (i, acc) in accumulators.values.enumerated() {
            expected.append(min(max(Int(fixed[i % 2].apply(acc)) + 10, 0), 255))
        }
        #expect(q.values == expected)
        #expect(q.codes == .uint8(expected.map { UInt8($0) }))
        #expect(q.scheme == .asymmetric)
        // 1000 · 0.02 · 0.01 / 0.1 = 2 → code 12; 123456 · 0.0002 / 0.1 = 246.9 → clamps to 255.
        #expect(expected == [12, 9, 255, 10])
    }

    /// x (uint8, asymmetric) · w (int8, symmetric per output channel) + bias, requantized, is
    /// within one output step of the float computation on the dequantized operands.
    @Test(arguments: [false, true])
    func quantizedLinearMatchesFloat(perChannel: Bool) throws {
        let (m, k, n) = (16, 40, 12)
        let xFloat = try Tensor.randn([m, k], seed: 1)
        let wFloat = try Tensor.randn([k, n], std: 0.2, seed: 2)
        let bFloat = try Tensor.randn([n], std: 0.5, seed: 3)
        let x = try quantize(xFloat, bits: 8, scheme: .asymmetric)
        let w = try quantize(
            wFloat, bits: 8, scheme: .symmetric, granularity: perChannel ? .perChannel(axis: 1) : .perTensor)
        let bias = try quantizeBias(bFloat, x: x, w: w)
        // The float computation: dequantized x and w, dequantized bias, in Double.
        let xs = x.dequantized().scalars
        let ws = w.dequantized().scalars
        let biasScales = (0..<n).map { Double(x.scale * w.scales[perChannel ? $0 : 0]) }
        var reference = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = Double(bias[j]) * biasScales[j]
                for p in 0..<k { sum += Double(xs[i * k + p]) * Double(ws[p * n + j]) }
                reference[i * n + j] = sum
            }
        }
        let output = try QuantizationParameters.asymmetric(
            min: Float(reference.min() ?? 0), max: Float(reference.max() ?? 0), bits: 8, signed: true)
        let y = try quantizedLinear(
            x: x, w: w, bias: bias, outputScale: output.scale, outputZeroPoint: output.zeroPoint, signed: true)
        #expect(y.shape == [m, n])
        #expect(y.signed && y.scale == output.scale && y.zeroPoint == output.zeroPoint)
        for (code, real) in zip(y.values, reference) {
            let exact = min(max(real / Double(output.scale) + Double(output.zeroPoint), -128), 127)
            #expect(abs(Double(code) - exact) <= 1, "code \(code) vs \(exact)")
        }
        // Without a bias, and following x's signedness by default.
        let unsignedY = try quantizedLinear(x: x, w: w, outputScale: 0.05, outputZeroPoint: 128)
        #expect(!unsignedY.signed)
        #expect(
            unsignedY.values
                == (try requantize(
                    matmul(x, w), outputScale: 0.05, outputZeroPoint: 128, signed: false)).values)
    }

    @Test func biasIsAddedPerOutputChannel() throws {
        let accumulators = AccumulatorTensor(
            shape: [2, 1, 3], values: [1, 2, 3, 4, 5, 6], inputScale: 1, weightScales: [1], channelAxis: 1)
        #expect(try accumulators.addingBias([10]).values == [11, 12, 13, 14, 15, 16])
        let matrix = AccumulatorTensor(
            shape: [2, 3], values: [1, 2, 3, 4, 5, 6], inputScale: 1, weightScales: [1], channelAxis: 1)
        #expect(try matrix.addingBias([10, 20, 30]).values == [11, 22, 33, 14, 25, 36])
        #expect(throws: QuantEngineError.invalidArgument("bias needs 3 values (one per output channel), got 2")) {
            try matrix.addingBias([1, 2])
        }
        let large = AccumulatorTensor(
            shape: [1, 2], values: [0, .max], inputScale: 1, weightScales: [1], channelAxis: 1)
        #expect(
            throws: QuantEngineError.invalidArgument(
                "accumulator 2147483647 plus its bias overflows int32 at index 1")
        ) { try large.addingBias([1, 1]) }
    }

    @Test func quantizeBiasRoundsHalfToEven() throws {
        let x = try quantizedCodes([0], shape: [1, 1], signed: false, zeroPoints: [0], scales: [0.5])
        let w = try quantizedCodes(
            [0, 0], shape: [1, 2], signed: true, zeroPoints: [0, 0], scales: [0.25, 1],
            granularity: .perChannel(axis: 1))
        // Scales 0.125 and 0.5: 0.3125 / 0.125 = 2.5 → 2; −0.75 / 0.5 = −1.5 → −2.
        #expect(try quantizeBias(Tensor([0.3125, -0.75]), x: x, w: w) == [2, -2])
        #expect(throws: QuantEngineError.self) { try quantizeBias(Tensor([1, 2, 3]), x: x, w: w) }
        #expect(throws: QuantEngineError.nonFiniteValue(index: 1, kind: .nan)) {
            try quantizeBias(Tensor([1, .nan]), x: x, w: w)
        }
        #expect(throws: QuantEngineError.self) { try quantizeBias(Tensor([1e30, 0]), x: x, w: w) }
        #expect(throws: QuantEngineError.self) {
            try quantizeBias(try Tensor(shape: [1, 2], scalars: [1, 2]), x: x, w: w)
        }
    }

    @Test func errors() throws {
        let accumulators = AccumulatorTensor(
            shape: [1, 2], values: [1, 2], inputScale: 0.1, weightScales: [0.1, 0.2], channelAxis: 1)
        #expect(throws: QuantEngineError.invalidScale(0)) {
            try requantize(accumulators, outputScale: 0, outputZeroPoint: 0)
        }
        #expect(throws: QuantEngineError.invalidZeroPoint(200, qmin: -128, qmax: 127)) {
            try requantize(accumulators, outputScale: 1, outputZeroPoint: 200)
        }
        #expect(throws: QuantEngineError.invalidBits(1)) {
            try requantize(accumulators, outputScale: 1, outputZeroPoint: 0, bits: 1)
        }
        #expect(throws: QuantEngineError.invalidArgument("expected 1 multiplier or 2 (one per output channel), got 3"))
        {
            try requantize(accumulators, multipliers: [0.1, 0.2, 0.3], outputScale: 1, outputZeroPoint: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try requantize(accumulators, multipliers: [-1], outputScale: 1, outputZeroPoint: 0)
        }
        // A multiplier of 2^30 or more (s_a · s_b far above s_out) is refused.
        #expect(throws: QuantEngineError.self) {
            try requantize(accumulators, outputScale: 1e-12, outputZeroPoint: 0)
        }
    }
}
