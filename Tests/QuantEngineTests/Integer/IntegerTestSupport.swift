import Foundation
import Testing

@testable import QuantEngine

/// A quantized tensor made directly from codes (8-bit or narrower), for integer-arithmetic tests.
func quantizedCodes(
    _ codes: [Int], shape: [Int], bits: Int = 8, signed: Bool, zeroPoints: [Int], scales: [Float]? = nil,
    granularity: Granularity = .perTensor
) throws -> QuantizedTensor {
    let scales = scales ?? [Float](repeating: 0.05, count: zeroPoints.count)
    var sets: [QuantizationParameters] = []
    for (scale, zeroPoint) in zip(scales, zeroPoints) {
        sets.append(try QuantizationParameters(scale: scale, zeroPoint: zeroPoint, bits: bits, signed: signed))
    }
    let storage: QuantizedCodes
    switch (bits <= 8, signed) {
    case (true, true): storage = .int8(codes.map { Int8($0) })
    case (true, false): storage = .uint8(codes.map { UInt8($0) })
    case (false, true): storage = .int16(codes.map { Int16($0) })
    case (false, false): storage = .uint16(codes.map { UInt16($0) })
    }
    return QuantizedTensor(
        shape: shape, codes: storage, parameters: sets, scheme: .asymmetric, rounding: .nearestEven,
        granularity: granularity)
}

/// Random codes on the grid of `bits` bits.
func randomCodes(_ count: Int, bits: Int = 8, signed: Bool, using generator: inout SplitMix64) -> [Int] {
    let (lo, hi) = signed ? (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) : (0, (1 << bits) - 1)
    return (0..<count).map { _ in Int.random(in: lo...hi, using: &generator) }
}

/// `Σ_k (a[i, k] − za) · (b[k, j] − zb[j])` in Int64, the obvious triple loop.
func naiveMatMul(_ a: [Int], _ b: [Int], m: Int, k: Int, n: Int, za: Int, zb: [Int]) -> [Int] {
    var c = [Int](repeating: 0, count: m * n)
    for i in 0..<m {
        for j in 0..<n {
            var sum: Int64 = 0
            for p in 0..<k { sum += Int64(a[i * k + p] - za) * Int64(b[p * n + j] - zb[zb.count == 1 ? 0 : j]) }
            c[i * n + j] = Int(sum)
        }
    }
    return c
}

/// The integer-arithmetic fixtures written by `Fixtures/integer_reference.py`.
struct IntegerReference: Decodable, Sendable {
    struct MatMulCase: Decodable, Sendable, CustomTestStringConvertible {
        let m: Int
        let k: Int
        let n: Int
        let aSigned: Bool
        let aZeroPoint: Int
        let a: [Int]
        let bSigned: Bool
        let bPerColumn: Bool
        let bZeroPoints: [Int]
        let b: [Int]
        let expected: [Int]
        var testDescription: String {
            "\(m)×\(k)×\(n) \(aSigned ? "s8" : "u8")×\(bSigned ? "s8" : "u8") za=\(aZeroPoint)"
        }
    }

    struct MultiplierCase: Decodable, Sendable {
        let real: String
        let multiplier: Int32
        let shift: Int
    }

    struct ScaleCase: Decodable, Sendable {
        let inputScale: UInt32
        let weightScale: UInt32
        let outputScale: UInt32
        let real: String
        let multiplier: Int32
        let shift: Int
    }

    struct RequantizeCase: Decodable, Sendable, CustomTestStringConvertible {
        let bits: Int
        let signed: Bool
        let zeroPoint: Int
        let shape: [Int]
        let multipliers: [String]
        let accumulators: [Int32]
        let expected: [Int]
        var testDescription: String { "\(bits)-bit \(signed ? "signed" : "unsigned") zp \(zeroPoint)" }
    }

    let onnxruntimeVerifiedMatmuls: Int
    let matmul: [MatMulCase]
    let quantizeMultiplier: [MultiplierCase]
    let scaleMultipliers: [ScaleCase]
    /// Rows `[a, b, SaturatingRoundingDoublingHighMul(a, b)]`.
    let doublingHighMul: [[Int64]]
    /// Rows `[x, exponent, RoundingDivideByPOT(x, exponent)]`.
    let divideByPOT: [[Int64]]
    /// Rows `[x, M0, shift, MultiplyByQuantizedMultiplier(x, M0, shift)]`.
    let multiplyByQuantizedMultiplier: [[Int64]]
    let requantize: [RequantizeCase]

    static let shared: IntegerReference = {
        guard
            let url = Bundle.module.url(
                forResource: "integer_reference", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let reference = try? JSONDecoder().decode(IntegerReference.self, from: data)
        else {
            fatalError("Fixtures/integer_reference.json is missing or invalid; run integer_reference.py")
        }
        return reference
    }()
}

/// A Double from the hex string of its IEEE bit pattern.
func double(hexBits: String) -> Double {
    Double(bitPattern: UInt64(hexBits, radix: 16) ?? 0)
}
