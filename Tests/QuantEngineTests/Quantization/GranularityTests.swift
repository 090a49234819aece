import QuantEngine
import Testing

@Suite("Per-channel and per-group quantization")
struct GranularityTests {
    /// A 3 × 8 matrix whose rows have very different ranges (the second is an outlier channel).
    static let matrix: Tensor = {
        var values: [Float] = []
        for row in 0..<3 {
            for column in 0..<8 {
                let magnitude: Float = row == 1 ? 40 : 0.5 + Float(row)
                values.append(magnitude * (Float(column) - 3.5) / 3.5)
            }
        }
        return (try? Tensor(shape: [3, 8], scalars: values)) ?? Tensor([])
    }()

    /// The naive reference: ONNX QuantizeLinear per slice, written out element by element.
    static func reference(_ x: [Float], scale: Float) -> [Int] {
        x.map { Int(Swift.max(-127, Swift.min(127, ($0 / scale).rounded(.toNearestOrEven)))) }
    }

    @Test func perChannelAlongAxisZeroGivesEachRowItsOwnScale() throws {
        let quantizer = try Quantizer(bits: 8, granularity: .perChannel(axis: 0))
        let q = try quantizer.quantize(Self.matrix)
        #expect(q.parameters.count == 3)
        var expected: [Int] = []
        for row in 0..<3 {
            let slice = Array(Self.matrix.scalars[(row * 8)..<(row * 8 + 8)])
            let absMax = slice.map(Swift.abs).max() ?? 0
            #expect(q.scales[row] == absMax / 127)
            expected += Self.reference(slice, scale: absMax / 127)
        }
        #expect(q.values == expected)
        // Every row uses the full code range, which per-tensor scaling cannot do for rows 0 and 2.
        #expect(q.values[0] == -127 && q.values[23] == 127)
        let dequantized = q.dequantized().scalars
        for (index, code) in q.values.enumerated() {
            #expect(dequantized[index] == Float(code) * q.scales[index / 8])
        }
    }

    @Test func perChannelAlongTheLastAxisGroupsColumns() throws {
        let q = try Quantizer(bits: 8, granularity: .perChannel(axis: 1)).quantize(Self.matrix)
        #expect(q.parameters.count == 8)
        for column in 0..<8 {
            let slice = (0..<3).map { Self.matrix.scalars[$0 * 8 + column] }
            let scale = (slice.map(Swift.abs).max() ?? 0) / 127
            #expect(q.scales[column] == scale)
            #expect((0..<3).map { q.values[$0 * 8 + column] } == Self.reference(slice, scale: scale))
        }
    }

    @Test func perGroupSplitsTheLastAxisIntoBlocks() throws {
        let q = try Quantizer(bits: 4, granularity: .perGroup(size: 4)).quantize(Self.matrix)
        #expect(q.parameters.count == 6)
        for group in 0..<6 {
            let slice = Array(Self.matrix.scalars[(group * 4)..<(group * 4 + 4)])
            let scale = (slice.map(Swift.abs).max() ?? 0) / 7
            #expect(q.scales[group] == scale)
            let codes = slice.map { Int(Swift.max(-7, Swift.min(7, ($0 / scale).rounded(.toNearestOrEven)))) }
            #expect(Array(q.values[(group * 4)..<(group * 4 + 4)]) == codes)
        }
        // Storage: 24 four-bit codes and 6 (scale, zero point) pairs.
        #expect(q.bytes == 12 + 6 * 8)
    }

    @Test func fakeQuantizeEqualsQuantizeThenDequantizeForEveryGranularity() throws {
        for granularity in [Granularity.perTensor, .perChannel(axis: 0), .perChannel(axis: 1), .perGroup(size: 2)] {
            for scheme in [QuantizationScheme.symmetric, .asymmetric] {
                let quantizer = try Quantizer(bits: 5, scheme: scheme, granularity: granularity)
                let twoSteps = try quantizer.quantize(Self.matrix).dequantized().scalars.map(\.bitPattern)
                let fused = try quantizer.fakeQuantize(Self.matrix).scalars.map(\.bitPattern)
                #expect(twoSteps == fused, "\(granularity), \(scheme)")
            }
        }
    }

    @Test func asymmetricPerChannelCalibratesEachRowOnItsMinAndMax() throws {
        let q = try Quantizer(bits: 8, scheme: .asymmetric, granularity: .perChannel(axis: 0)).quantize(Self.matrix)
        for row in 0..<3 {
            let slice = Array(Self.matrix.scalars[(row * 8)..<(row * 8 + 8)])
            let expected = try QuantizationParameters.asymmetric(
                min: slice.min() ?? 0, max: slice.max() ?? 0, bits: 8)
            #expect(q.parameters[row] == expected)
        }
    }

    @Test func badLayoutsAreErrors() throws {
        #expect(throws: QuantEngineError.invalidArgument("axis 2 is out of range for shape [3, 8] (axes 0…1)")) {
            try Quantizer(granularity: .perChannel(axis: 2)).quantize(Self.matrix)
        }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "group size 3 does not divide the last dimension 8 of shape [3, 8]")
        ) {
            try Quantizer(granularity: .perGroup(size: 3)).quantize(Self.matrix)
        }
        #expect(throws: QuantEngineError.invalidArgument("group size must be at least 1, got 0")) {
            try Quantizer(granularity: .perGroup(size: 0)).quantize(Self.matrix)
        }
        let nan = try Tensor(shape: [2, 2], scalars: [1, 2, .nan, 4])
        #expect(throws: QuantEngineError.nonFiniteValue(index: 2, kind: .nan)) {
            try Quantizer(granularity: .perChannel(axis: 0)).quantize(nan)
        }
    }

    @Test func explicitPerAxisParametersFollowONNX() throws {
        // ONNX QuantizeLinear, axis 1 of a [2, 3] input, scales [1, 2, 4], zero points 0:
        // x = [[1, 2, 3], [-4, 5, 6]] → [[1, 1, 1], [-4, 2, 2]] (2.5 → 2 and 1.5 → 2: ties to even).
        let x = try Tensor(shape: [2, 3], scalars: [1, 2, 3, -4, 5, 6])
        let sets = try [1, 2, 4].map {
            try QuantizationParameters(scale: Float($0), zeroPoint: 0, bits: 8, signed: true)
        }
        let q = try Quantizer.quantize(x, parameters: sets, granularity: .perChannel(axis: 1))
        #expect(q.values == [1, 1, 1, -4, 2, 2])
        #expect(throws: QuantEngineError.invalidArgument("expected 3 scales (one per group), got 2")) {
            try Quantizer.quantize(x, parameters: Array(sets.prefix(2)), granularity: .perChannel(axis: 1))
        }
    }
}
