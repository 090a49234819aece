import Testing

@testable import QuantEngine

@Suite struct GGMLTests {
    typealias Quantizer = (UnsafeBufferPointer<Float>) throws -> [UInt8]
    typealias Dequantizer = ([UInt8], Int) throws -> [Float]

    static var kinds: [(name: String, blockBytes: Int, quantize: Quantizer, dequantize: Dequantizer)] {
        [
            ("q8_0", 34, GGML.quantizeQ8_0, { try GGML.dequantizeQ8_0($0, count: $1) }),
            ("q4_0", 18, GGML.quantizeQ4_0, { try GGML.dequantizeQ4_0($0, count: $1) }),
            ("q4_1", 20, GGML.quantizeQ4_1, { try GGML.dequantizeQ4_1($0, count: $1) }),
        ]
    }

    /// Where gguf's numpy port (the fixture) and C's `quantize_row_*_ref` disagree: the sign of a zero
    /// scale or minimum. numpy's `argmax`/`min` pick a different zero than C's strict `<` loops:
    /// - Q4_0, row 2 block 1 (all -0.0): C keeps `max = 0.0f`, so d = 0.0f / -8 = -0.0 (0x8000);
    ///   gguf takes max = -0.0 and gets d = +0.0.
    /// - Q4_1, row 2 block 2 (starts with -0.0, then +0.0): C's min is the first zero, -0.0 (0x8000);
    ///   numpy's min returns +0.0.
    /// The C values were confirmed by compiling the reference functions with gcc and clang (x86-64).
    static let cOverrides: [String: [(block: Int, offset: Int, bytes: [UInt8])]] = [
        "q4_0": [(block: 17, offset: 0, bytes: [0x00, 0x80])],
        "q4_1": [(block: 18, offset: 2, bytes: [0x00, 0x80])],
    ]

    /// `gguf.quants.quantize` / `dequantize` (gguf 0.19.0) on 4 rows of 256 values covering exact
    /// ties, zeros, outliers, subnormal data and scales, and fp16 overflow of the scale.
    @Test(arguments: 0..<3)
    func matchesGGUFReference(kind: Int) throws {
        let (name, blockBytes, quantize, dequantize) = Self.kinds[kind]
        let rows = try FormatFixture.floats("ggml_rows.f32")
        var expected = try FormatFixture.bytes("ggml_\(name).u8")
        let expectedDeq = try FormatFixture.floats("ggml_\(name)_deq.f32")
        #expect(rows.count == 1024 && expected.count == 32 * blockBytes)
        for fix in Self.cOverrides[name] ?? [] {
            for (k, b) in fix.bytes.enumerated() { expected[fix.block * blockBytes + fix.offset + k] = b }
        }
        var got: [UInt8] = []
        for r in 0..<4 {
            got += try rows[(r * 256)..<((r + 1) * 256)].withUnsafeBufferPointer { try quantize($0) }
        }
        for b in 0..<32 {
            let range = (b * blockBytes)..<((b + 1) * blockBytes)
            #expect(Array(got[range]) == Array(expected[range]), "\(name) block \(b)")
        }
        let deq = try dequantize(got, 1024)
        let overridden = Set((Self.cOverrides[name] ?? []).map(\.block))
        for i in 0..<1024 where !overridden.contains(i / 32) {
            #expect(sameFloat(deq[i], expectedDeq[i]), "\(name) value \(i): \(deq[i]) vs \(expectedDeq[i])")
        }
        // the gguf bytes themselves dequantize identically
        let deqOfFixture = try dequantize(try FormatFixture.bytes("ggml_\(name).u8"), 1024)
        #expect(zip(deqOfFixture, expectedDeq).allSatisfy { sameFloat($0.0, $0.1) })
    }

    /// Blocks whose C behaviour is undefined or special (NaN, inf, subnormal scales). Expected bytes
    /// come from the C reference functions compiled with gcc -O2 on x86-64 (clang's vectorised build
    /// gives 0x80 instead of 0 for the out-of-range float-to-int8 casts; gcc agrees with gguf's numpy).
    @Test func specialBlocksMatchCompiledC() throws {
        var mixed = [Float](repeating: 0.25, count: 32)
        mixed[0] = .nan
        mixed[5] = -2
        var lastNaN = [Float](repeating: 1, count: 32)
        lastNaN[31] = .nan
        var withInf = [Float](repeating: 1, count: 32)
        withInf[1] = .infinity
        var subnormal = [Float](repeating: Float(bitPattern: 0x0001_16C2), count: 32)  // 1e-40
        subnormal[3] = Float(bitPattern: 0x8003_4447)  // -3e-40
        subnormal[4] = 0
        let blocks = [mixed, lastNaN, withInf, subnormal, [Float](repeating: .infinity, count: 32)]
        let z16 = [UInt8](repeating: 0, count: 16), z32 = [UInt8](repeating: 0, count: 32)
        let q8: [[UInt8]] = [
            [8, 36, 0, 16, 16, 16, 16, 129] + [UInt8](repeating: 16, count: 26),
            [0, 126] + z32, [0, 124] + z32, [0, 0] + z32, [0, 124] + z32,
        ]
        let q40: [[UInt8]] = [
            [0, 52, 144, 153, 153, 153, 153, 144] + [UInt8](repeating: 153, count: 10),
            [0, 176] + z16, [0, 252, 136, 128] + [UInt8](repeating: 136, count: 14), [0, 0] + z16, [0, 252] + z16,
        ]
        let q41: [[UInt8]] = [
            [205, 48, 0, 192, 240, 255, 255, 255, 255, 240] + [UInt8](repeating: 255, count: 10),
            [0, 0, 0, 60] + z16, [0, 124, 0, 60] + z16, [0, 0, 0, 128] + z16, [0, 124, 0, 124] + z16,
        ]
        for (i, block) in blocks.enumerated() {
            #expect(try block.withUnsafeBufferPointer { try GGML.quantizeQ8_0($0) } == q8[i], "q8_0 block \(i)")
            #expect(try block.withUnsafeBufferPointer { try GGML.quantizeQ4_0($0) } == q40[i], "q4_0 block \(i)")
            #expect(try block.withUnsafeBufferPointer { try GGML.quantizeQ4_1($0) } == q41[i], "q4_1 block \(i)")
        }
    }

    @Test func layoutAndRoundTrip() throws {
        var rng = TestRandom(seed: 1)
        let x = (0..<(32 * 64)).map { _ in rng.normalish(0.1) }
        for (name, blockBytes, quantize, dequantize) in Self.kinds {
            let q = try x.withUnsafeBufferPointer { try quantize($0) }
            #expect(q.count == 64 * blockBytes)
            let y = try dequantize(q, x.count)
            let tolerance: Float = name == "q8_0" ? 0.01 : 0.12
            #expect(zip(x, y).allSatisfy { abs($0.0 - $0.1) <= tolerance }, "\(name)")
        }
        // nibble order: qs[j] = q(x[j]) | q(x[j + 16]) << 4
        var ramp = [Float](repeating: 0, count: 32)
        ramp[0] = -8  // d = 1
        ramp[16] = 7
        ramp[1] = 3
        let q = try ramp.withUnsafeBufferPointer { try GGML.quantizeQ4_0($0) }
        #expect(q[2] == (0 | 15 << 4) && q[3] == (11 | 8 << 4))
    }

    /// The vectorised fast kernels equal the line-by-line C kernels on random and tricky blocks.
    @Test func fastPathEqualsReferencePath() {
        var rng = TestRandom(seed: 99)
        let kernels:
            [(
                (UnsafePointer<Float>, UnsafeMutablePointer<UInt8>) -> Void,
                (UnsafePointer<Float>, UnsafeMutablePointer<UInt8>) -> Void, Int
            )] = [
                (GGML.quantizeBlockQ8_0, GGML.quantizeBlockQ8_0Reference, 34),
                (GGML.quantizeBlockQ4_0, GGML.quantizeBlockQ4_0Reference, 18),
                (GGML.quantizeBlockQ4_1, GGML.quantizeBlockQ4_1Reference, 20),
            ]
        let specials: [Float] = [
            0, -0.0, .nan, .infinity, -.infinity, Float(bitPattern: 0x0001_16C2), -.leastNonzeroMagnitude,
            3.4e38, -3.4e38, 0.5, -0.5, 8,
        ]
        for trial in 0..<6_000 {
            var block = [Float](repeating: 0, count: 32)
            let scale = Float(sign: .plus, exponent: Int(rng.next() % 300) - 150, significand: 1)
            for j in 0..<32 {
                switch rng.next() % 8 {
                case 0: block[j] = specials[Int(rng.next() % UInt64(specials.count))]
                case 1: block[j] = Float(Int(rng.next() % 33) - 16) * 0.5 * scale
                case 2: block[j] = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
                default: block[j] = rng.normalish(scale)
                }
            }
            if trial % 3 == 0 { block = block.map { $0.isFinite ? $0 : 1 } }
            if trial % 5 == 0 { block[Int(rng.next() % 32)] = -0.0 }
            for (fast, reference, bytes) in kernels {
                var a = [UInt8](repeating: 0, count: bytes), b = a
                block.withUnsafeBufferPointer { src in
                    guard let p = src.baseAddress else { return }
                    a.withUnsafeMutableBufferPointer { if let d = $0.baseAddress { fast(p, d) } }
                    b.withUnsafeMutableBufferPointer { if let d = $0.baseAddress { reference(p, d) } }
                }
                if a != b {
                    Issue.record("block \(block.map(\.bitPattern)) fast \(a) ref \(b)")
                    return
                }
            }
        }
    }

    /// The row quantizers (CQuantize's AVX2 block loops on CPUs that have AVX2, which hand
    /// non-finite blocks and subnormal scales to the Swift kernels) equal the line-by-line C
    /// kernels on a row of random and tricky blocks.
    @Test func rowQuantizersEqualReferencePath() throws {
        var rng = TestRandom(seed: 7)
        let specials: [Float] = [0, -0.0, .nan, .infinity, 0.5, -0.5, 8, -8, Float(bitPattern: 0x0001_16C2)]
        let blockCount = 4_000
        var row = [Float](repeating: 0, count: 32 * blockCount)
        for b in 0..<blockCount {
            let scale = Float(sign: .plus, exponent: Int(rng.next() % 280) - 140, significand: 1)
            let special = b % 50 == 0
            for j in 0..<32 {
                row[32 * b + j] =
                    special && rng.next() % 4 == 0
                    ? specials[Int(rng.next() % UInt64(specials.count))]
                    : (rng.next() % 3 == 0 ? Float(Int(rng.next() % 33) - 16) * 0.5 * scale : rng.normalish(scale))
            }
            if b % 7 == 0 { row[32 * b + Int(rng.next() % 32)] *= -1 }  // ties between +m and -m
        }
        let cases: [(Quantizer, (UnsafePointer<Float>, UnsafeMutablePointer<UInt8>) -> Void, Int)] = [
            (GGML.quantizeQ8_0, GGML.quantizeBlockQ8_0Reference, 34),
            (GGML.quantizeQ4_0, GGML.quantizeBlockQ4_0Reference, 18),
        ]
        for (quantize, reference, bytes) in cases {
            let got = try row.withUnsafeBufferPointer { try quantize($0) }
            var expected = [UInt8](repeating: 0, count: blockCount * bytes)
            row.withUnsafeBufferPointer { src in
                expected.withUnsafeMutableBufferPointer { dst in
                    guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                    for b in 0..<blockCount { reference(s + 32 * b, d + bytes * b) }
                }
            }
            #expect(got.count == expected.count)
            let firstDifference = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil, "block \((firstDifference?.offset ?? 0) / bytes) differs")
        }
    }

    @Test func invalidLengthsThrow() {
        let x = [Float](repeating: 1, count: 33)
        #expect(throws: FormatError.self) { try x.withUnsafeBufferPointer { try GGML.quantizeQ8_0($0) } }
        #expect(throws: FormatError.self) { try x.withUnsafeBufferPointer { try GGML.quantizeQ4_0($0) } }
        #expect(throws: FormatError.self) { try x.withUnsafeBufferPointer { try GGML.quantizeQ4_1($0) } }
        #expect(throws: FormatError.self) { try GGML.dequantizeQ8_0([UInt8](repeating: 0, count: 34), count: 64) }
        #expect(throws: FormatError.self) { try GGML.dequantizeQ4_0([UInt8](repeating: 0, count: 18), count: 31) }
        #expect(throws: FormatError.self) { try GGML.dequantizeQ4_1([UInt8](repeating: 0, count: 21), count: 32) }
        #expect(throws: FormatError.self) { try GGML.dequantizeQ4_1([], count: -32) }
        #expect(throws: FormatError.self) { try GGML.dequantizeQ8_0([], count: Int.max / 32 * 32) }  // no overflow trap
        #expect((try? [Float]().withUnsafeBufferPointer { try GGML.quantizeQ4_0($0) }) == [])
        #expect((try? GGML.dequantizeQ8_0([], count: 0)) == [])
    }
}
