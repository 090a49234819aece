import Foundation
import QuantEngine
import Testing

/// The numpy reference values written by `Fixtures/make_fixtures.py`. Every Float32 is stored as
/// its bit pattern, so comparisons against it can be exact.
struct NumpyReference: Decodable, Sendable {
    struct QuantizationCase: Decodable, Sendable, CustomTestStringConvertible {
        let data: String
        let bits: Int
        let scheme: String
        let narrowRange: Bool
        let signed: Bool
        let scale: UInt32
        let zeroPoint: Int
        let qmin: Int
        let qmax: Int
        let codes: [Int]
        let dequantized: [UInt32]?
        var testDescription: String {
            "\(data) \(bits)-bit \(scheme) narrow=\(narrowRange) signed=\(signed)"
        }
    }

    struct ExplicitCase: Decodable, Sendable {
        let scale: UInt32
        let zeroPoint: Int
        let qmin: Int
        let qmax: Int
        let input: [UInt32]
        let codes: [Int]
    }

    struct PercentileCase: Decodable, Sendable {
        let data: String
        let count: Int
        let p: Double
        let value: UInt32
    }

    struct StatisticsCase: Decodable, Sendable {
        let data: String
        let sum: Double
        let mean: Double
        let std: Double
        let min: UInt32
        let max: UInt32
        let absMax: UInt32
    }

    struct LinspaceCase: Decodable, Sendable {
        let lo: Double
        let hi: Double
        let count: Int
        let values: [UInt32]
    }

    struct ArangeCase: Decodable, Sendable {
        let start: Double
        let stop: Double
        let step: Double
        let values: [UInt32]
    }

    let datasets: [String: [UInt32]]
    let quantization: [QuantizationCase]
    let explicit: [ExplicitCase]
    let percentiles: [PercentileCase]
    let smallPercentileData: [UInt32]
    let statistics: [StatisticsCase]
    let linspace: [LinspaceCase]
    let arange: [ArangeCase]

    /// Loaded once from the test bundle.
    static let shared: NumpyReference = {
        guard
            let url = Bundle.module.url(
                forResource: "numpy_reference", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let reference = try? JSONDecoder().decode(NumpyReference.self, from: data)
        else {
            fatalError("Fixtures/numpy_reference.json is missing or invalid; run make_fixtures.py")
        }
        return reference
    }()

    func dataset(_ name: String) -> Tensor {
        Tensor(floats(datasets[name] ?? []))
    }
}

/// Float32 values from their bit patterns.
func floats(_ patterns: [UInt32]) -> [Float] {
    patterns.map(Float.init(bitPattern:))
}

/// Distance in units in the last place between two finite Doubles of the same sign.
func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
    if a == b { return 0 }
    let x = Int64(bitPattern: a.bitPattern)
    let y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x - y) : UInt64(y - x)
}

/// |a − b| ≤ tolerance · max(|a|, |b|, 1e-300): a relative comparison with a stated tolerance.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(a), Swift.abs(b), 1e-300)
}

/// Float equality including the sign of zero and NaN payload-insensitive NaN equality.
func sameFloat(_ a: Float, _ b: Float) -> Bool {
    (a.isNaN && b.isNaN) || a.bitPattern == b.bitPattern
}
