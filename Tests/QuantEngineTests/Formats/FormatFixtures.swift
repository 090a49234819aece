import Foundation
import QuantEngine

/// Reads the raw little-endian fixture arrays written by `Fixtures/make_fixtures.py`.
enum FormatFixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is missing or has a partial element" }
    }

    static func array<T: FixedWidthInteger>(_ name: String, as type: T.Type) throws -> [T] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        guard data.count % MemoryLayout<T>.size == 0 else { throw Missing(name: name) }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / MemoryLayout<T>.size)).map { i in
                T(littleEndian: raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
            }
        }
    }

    static func bytes(_ name: String) throws -> [UInt8] { try array(name, as: UInt8.self) }
    static func uint16s(_ name: String) throws -> [UInt16] { try array(name, as: UInt16.self) }
    static func floats(_ name: String) throws -> [Float] {
        try array(name, as: UInt32.self).map(Float.init(bitPattern:))
    }
}

/// Deterministic test data: the engine's SplitMix64 with two shaping helpers.
typealias TestRandom = SplitMix64

extension SplitMix64 {
    /// Uniform in [-1, 1).
    mutating func unit() -> Float { Float(Int64(bitPattern: next()) >> 40) * 0x1p-23 }
    /// A roughly normal value (sum of uniforms) times `scale`.
    mutating func normalish(_ scale: Float = 1) -> Float { (unit() + unit() + unit()) * scale }
}

/// Hexadecimal digits of an integer, for messages.
func hex<T: BinaryInteger>(_ v: T) -> String { "0x" + String(v, radix: 16) }
