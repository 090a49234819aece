import Foundation
import Testing

@testable import QuantEngine

/// The `.mse` and `.entropy` range methods against a float64 port of NVIDIA pytorch-quantization's
/// histogram calibrators (`Fixtures/calibration_reference.py`).
@Suite("Histogram calibration")
struct CalibrationTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            var data: String
            var bits: Int
            var unsigned: Bool
            var entropy: Double
            var mse: Double
            var histogram: [Double]
        }
        var cases: [Case]
    }

    static func reference() throws -> Reference {
        let url = try #require(
            Bundle.module.url(forResource: "calibration_reference", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// The fixture's data, by the same IEEE operations as the script: a peaked core v³ with every
    /// 997th value an outlier 8·v.
    static let data: Tensor = {
        let values = (0..<20000).map { k -> Float in
            let u = Double((k * 7919) % 20011) / 20011.0
            let v = 2.0 * u - 1.0
            return Float(k % 997 == 0 ? 8.0 * v : v * v * v)
        }
        return Tensor(values)
    }()

    @Test func thresholdsMatchTheReference() throws {
        for reference in try Self.reference().cases {
            let x = reference.data == "relu" ? Tensor(Self.data.scalars.map { Swift.max($0, 0) }) : Self.data
            let scheme: QuantizationScheme = reference.data == "relu" ? .asymmetric : .symmetric
            for (method, expected) in [(RangeMethod.entropy, reference.entropy), (.mse, reference.mse)] {
                let quantizer = try Quantizer(bits: reference.bits, scheme: scheme, range: method)
                let parameters = try quantizer.parameters(for: x)
                // The threshold is the top of the range: the scale times the top code.
                let top = Double(parameters.scale) * Double(parameters.qmax - parameters.zeroPoint)
                #expect(
                    Swift.abs(top - expected) <= 1e-6 * expected,
                    "\(reference.data) \(reference.bits)-bit \(method): \(top) vs \(expected)")
            }
        }
    }

    @Test func theHistogramIsNumpys() throws {
        let magnitudes = Self.data.scalars
        let absMax = Double(magnitudes.map(Swift.abs).max() ?? 0)
        let reference = try #require(try Self.reference().cases.first)
        let histogram = Self.data.withUnsafeBufferPointer { HistogramCalibration.absHistogram($0, absMax: absMax) }
        #expect(Array(histogram.counts.prefix(16)) == reference.histogram)
        #expect(histogram.counts.reduce(0, +) == 20000)
    }

    /// Entropy calibration ignores the outliers (its threshold is the core's edge, 1.0); MSE at
    /// 8 bits keeps most of them, at 4 bits it clips much harder — the lesson of calibration.md.
    @Test func entropyClipsOutliersAndMSEDependsOnTheBitWidth() throws {
        let entropy = try Quantizer(bits: 8, range: .entropy).parameters(for: Self.data)
        let mse8 = try Quantizer(bits: 8, range: .mse).parameters(for: Self.data)
        let mse4 = try Quantizer(bits: 4, range: .mse).parameters(for: Self.data)
        #expect(entropy.scale * 127 < 1.01)
        #expect(mse8.scale * 127 > 7)
        #expect(mse4.scale * 7 < 3)
    }
}
