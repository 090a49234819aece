import Foundation
import QuantEngine
import Testing

/// QuantizeLinear, DequantizeLinear and DynamicQuantizeLinear against onnxruntime's own outputs
/// (`Fixtures/onnxruntime_reference.py`): exact .5 ties, saturation, zero points, per-axis scales.
@Suite("Exact to onnxruntime")
struct ONNXRuntimeTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var axis: Int?
            var shape: [Int]
            var x: [UInt32]
            var scale: [UInt32]
            var zero_point: [Int]
            var signed: Bool
            var y: [Int]
            var dequantized: [UInt32]
        }
        struct Dynamic: Decodable {
            var x: [UInt32]
            var y: [Int]
            var scale: [UInt32]
            var zero_point: Int
        }
        var quantize_linear: [Case]
        var dynamic_quantize_linear: [Dynamic]
    }

    static func reference() throws -> Reference {
        let url = try #require(
            Bundle.module.url(forResource: "onnxruntime_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    @Test func quantizeAndDequantizeLinearMatchBitForBit() throws {
        let cases = try Self.reference().quantize_linear
        #expect(cases.count == 10)
        for reference in cases {
            let x = try Tensor(shape: reference.shape, scalars: reference.x.map(Float.init(bitPattern:)))
            let sets = try zip(reference.scale, reference.zero_point).map { scale, zeroPoint in
                try QuantizationParameters(
                    scale: Float(bitPattern: scale), zeroPoint: zeroPoint, bits: 8, signed: reference.signed)
            }
            let granularity: Granularity = reference.axis.map { .perChannel(axis: $0) } ?? .perTensor
            let q = try Quantizer.quantize(x, parameters: sets, granularity: granularity)
            #expect(
                q.values == reference.y,
                "axis \(String(describing: reference.axis)), zero points \(reference.zero_point)")
            #expect(q.dequantized().scalars.map(\.bitPattern) == reference.dequantized)
        }
    }

    /// DynamicQuantizeLinear is uint8 asymmetric quantization on min/max (range widened to 0):
    /// the same parameters as qnb's asymmetric scheme, and the same codes.
    @Test func dynamicQuantizeLinearMatches() throws {
        for reference in try Self.reference().dynamic_quantize_linear {
            let x = Tensor(reference.x.map(Float.init(bitPattern:)))
            let q = try Quantizer(bits: 8, scheme: .asymmetric).quantize(x)
            #expect(q.scale.bitPattern == reference.scale[0])
            #expect(q.zeroPoint == reference.zero_point)
            #expect(q.values == reference.y)
        }
    }
}
