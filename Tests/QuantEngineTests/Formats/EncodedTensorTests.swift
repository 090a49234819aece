import Testing

@testable import QuantEngine

@Suite("Encoded tensors: FP8, NF4 and ggml blocks as tensors")
struct EncodedTensorTests {
    static let w: Tensor = (try? Tensor.randn([4, 64], std: 0.02, seed: 9)) ?? Tensor([])

    @Test func fp8UsesAScaleThatMapsTheLargestMagnitudeToTheFormatsMaximum() throws {
        let e = try EncodedTensor.encode(Self.w, as: .fp8e4m3)
        let absMax = try Self.w.absMax()
        #expect(e.scales == [absMax / 448])
        #expect(e.bytes == 256 + 4)
        // Decoding is FP8.decode times the scale, element by element; the largest value is exact.
        let decoded = e.dequantized().scalars
        for (index, code) in e.data.enumerated() {
            #expect(decoded[index] == FP8.decode(code, .e4m3fn) * (absMax / 448))
        }
        #expect(decoded.map(Swift.abs).max() == absMax)
    }

    @Test func fp8WithAGivenScaleSaturatesOrOverflowsAsONNX() throws {
        let x = Tensor([1, 500, -1000])
        let saturated = try EncodedTensor.encode(x, as: .fp8e4m3, scale: 1).dequantized().scalars
        #expect(saturated == [1, 448, -448])
        let overflowed = try EncodedTensor.encode(x, as: .fp8e4m3, scale: 1, saturate: false).dequantized().scalars
        #expect(overflowed[0] == 1 && overflowed[1].isNaN && overflowed[2].isNaN)
        let e5m2 = try EncodedTensor.encode(Tensor([1e6]), as: .fp8e5m2, scale: 1, saturate: false).dequantized()
        #expect(e5m2.scalars == [.infinity])
    }

    @Test func blockFormatsStoreWhatTheirReferenceFunctionsStore() throws {
        let q4 = try EncodedTensor.encode(Self.w, as: .q4_0)
        #expect(q4.data == (try Self.w.withUnsafeBufferPointer { try GGML.quantizeQ4_0($0) }))
        #expect(q4.bytes == 8 * 18)  // 256 values in 8 blocks of 18 bytes
        let nf4 = try EncodedTensor.encode(Self.w, as: .nf4(blockSize: 64))
        #expect(nf4.scales.count == 4)
        #expect(nf4.bytes == 128 + 16)
        #expect(
            nf4.dequantized().scalars
                == (try NF4.dequantize(codes: nf4.data, absmax: nf4.scales, blockSize: 64, count: 256)))
    }

    @Test func badInputIsAnError() throws {
        #expect(throws: QuantEngineError.self) { try EncodedTensor.encode(Tensor([1, 2, 3]), as: .q8_0) }
        #expect(throws: QuantEngineError.nonFiniteValue(index: 1, kind: .nan)) {
            try EncodedTensor.encode(Tensor([1, .nan]), as: .fp8e4m3)
        }
        // Every format rejects NaN and infinite data, wherever they are (the ggml quantizers notice
        // them in their single pass, also in tensors large enough to be split over threads).
        let large = 1 << 19
        for format in [EncodedTensor.Format.q8_0, .q4_0, .q4_1, .nf4(blockSize: 64), .fp8e5m2] {
            for (index, value) in [(0, Float.nan), (33, .infinity), (large - 1, -.infinity), (300_001, .nan)] {
                var values = [Float](repeating: 0.25, count: large)
                values[index] = value
                let kind: NonFiniteKind = value.isNaN ? .nan : (value > 0 ? .positiveInfinity : .negativeInfinity)
                #expect(throws: QuantEngineError.nonFiniteValue(index: index, kind: kind), "\(format) \(index)") {
                    try EncodedTensor.encode(Tensor(values), as: format)
                }
            }
        }
        #expect(throws: QuantEngineError.invalidScale(0)) {
            try EncodedTensor.encode(Tensor([1]), as: .fp8e5m2, scale: 0)
        }
        #expect(throws: QuantEngineError.invalidArgument("NF4 block size must be at least 1, got 0")) {
            try EncodedTensor.encode(Tensor([1]), as: .nf4(blockSize: 0))
        }
    }
}
