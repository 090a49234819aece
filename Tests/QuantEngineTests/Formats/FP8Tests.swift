import Testing

@testable import QuantEngine

@Suite struct FP8Tests {
    static let formats: [(FP8.Format, String)] = [(.e4m3fn, "e4m3fn"), (.e5m2, "e5m2")]

    @Test(arguments: [true, false])
    func encodeMatchesReferences(saturate: Bool) throws {
        let inputs = try FormatFixture.floats("fp8_inputs.f32")
        for (format, name) in Self.formats {
            // saturate: ONNX Cast/QuantizeLinear (saturate=1); otherwise ml_dtypes' astype.
            let expected = try FormatFixture.bytes("fp8_\(name)_\(saturate ? "sat" : "nosat").u8")
            #expect(expected.count == inputs.count)
            var mismatches = 0
            for (x, want) in zip(inputs, expected) {
                let got = FP8.encode(x, format, saturate: saturate)
                if got != want {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("\(name) sat=\(saturate) \(hex(x.bitPattern)): \(hex(got)) want \(hex(want))")
                    }
                }
            }
            #expect(mismatches == 0)
        }
    }

    /// The bulk encoder with a division (SIMD Swift and, where the CPU has it, AVX2) against the
    /// element-wise encoder, over a stride through all 2^32 bit patterns (every sign, exponent,
    /// NaN payload and rounding boundary region) and every length up to a few vectors.
    @Test(arguments: [true, false])
    func bulkEncodeMatchesElementwise(saturate: Bool) {
        var inputs: [Float] = [
            0, -0.0, .infinity, -.infinity, .nan, -.nan, 448, 464, 464.00003, 57344, 61440, 0x1p-9, 0x1p-10,
        ]
        for pattern in stride(from: UInt64(0), to: 1 << 32, by: 4093) {
            inputs.append(Float(bitPattern: UInt32(pattern)))
        }
        let implementations = QuantizationKernels.Implementation.allCases.filter { $0 != .scalar && $0.isAvailable }
        for (format, name) in Self.formats {
            for scale: Float in [1, 0.37, 3e-5] {
                for implementation in implementations {
                    for count in [inputs.count, 1, 7, 31, 33, 70] {
                        let x = Array(inputs.suffix(count))
                        var codes = [UInt8](repeating: 0xAA, count: count)
                        x.withUnsafeBufferPointer { src in
                            codes.withUnsafeMutableBufferPointer { dst in
                                FP8.encode(
                                    src, dividedBy: scale, into: dst, format, saturate: saturate, using: implementation)
                            }
                        }
                        let expected = x.map { FP8.encode($0 / scale, format, saturate: saturate) }
                        if let i = codes.indices.first(where: { codes[$0] != expected[$0] }) {
                            let got = hex(codes[i])
                            let want = hex(expected[i])
                            Issue.record(
                                "\(implementation) \(name) scale \(scale) x=\(hex(x[i].bitPattern)): \(got) want \(want)"
                            )
                        }
                    }
                }
            }
        }
    }

    @Test func decodeMatchesMLDtypes() throws {
        for (format, name) in Self.formats {
            let expected = try FormatFixture.floats("fp8_\(name)_decode.f32")
            #expect(expected.count == 256)
            for code in 0..<256 {
                let got = FP8.decode(UInt8(code), format)
                #expect(got.bitPattern == expected[code].bitPattern, "\(name) code \(code)")
            }
        }
    }

    @Test func semanticsTable() {
        // E4M3FN: no infinities; saturate clamps (inf included), no-saturate gives NaN.
        #expect(FP8.maxFinite(.e4m3fn) == 448)
        #expect(FP8.maxFinite(.e5m2) == 57344)
        #expect(FP8.encode(448, .e4m3fn) == 0x7E)
        #expect(FP8.encode(464, .e4m3fn, saturate: false) == 0x7E)  // tie: rounds to even (448)
        #expect(FP8.encode(464.00003, .e4m3fn, saturate: false) == 0x7F)
        #expect(FP8.encode(464.00003, .e4m3fn, saturate: true) == 0x7E)
        #expect(FP8.encode(.infinity, .e4m3fn, saturate: true) == 0x7E)
        #expect(FP8.encode(-.infinity, .e4m3fn, saturate: true) == 0xFE)
        #expect(FP8.encode(.infinity, .e4m3fn, saturate: false) == 0x7F)
        #expect(FP8.encode(-.infinity, .e4m3fn, saturate: false) == 0xFF)
        #expect(FP8.encode(.nan, .e4m3fn, saturate: true) == 0x7F)
        #expect(FP8.encode(-.nan, .e4m3fn, saturate: true) == 0xFF)
        #expect(FP8.encode(-0.0, .e4m3fn) == 0x80)
        #expect(FP8.encode(0x1p-9, .e4m3fn) == 0x01)  // smallest subnormal
        #expect(FP8.encode(0x1p-10, .e4m3fn) == 0x00)  // tie with zero -> even
        #expect(FP8.encode(Float(0x1p-10).nextUp, .e4m3fn) == 0x01)
        #expect(FP8.encode(3 * 0x1p-10, .e4m3fn) == 0x02)  // tie 1.5 ulp -> even
        // E5M2: IEEE-like.
        #expect(FP8.encode(57344, .e5m2) == 0x7B)
        #expect(FP8.encode(61439.996, .e5m2, saturate: false) == 0x7B)
        #expect(FP8.encode(61440, .e5m2, saturate: false) == 0x7C)  // tie: rounds to even (inf)
        #expect(FP8.encode(61440, .e5m2, saturate: true) == 0x7B)
        #expect(FP8.encode(.infinity, .e5m2, saturate: true) == 0x7B)
        #expect(FP8.encode(-.infinity, .e5m2, saturate: true) == 0xFB)
        #expect(FP8.encode(-.infinity, .e5m2, saturate: false) == 0xFC)
        #expect(FP8.encode(1e30, .e5m2, saturate: false) == 0x7C)
        #expect(FP8.encode(.nan, .e5m2) == 0x7E)
        #expect(FP8.encode(0x1p-16, .e5m2) == 0x01)
        #expect(FP8.encode(0x1p-17, .e5m2) == 0x00)
        #expect(FP8.decode(0x7C, .e5m2) == .infinity)
        #expect(FP8.decode(0x7F, .e4m3fn).isNaN)
        #expect(FP8.decode(0x7E, .e4m3fn) == 448)
    }

    /// Magnitudes of codes 0...max, plus the next step past max (480 or 65536).
    static let magnitudesE4M3FN = (0...0x7E).map { Double(FP8.decode(UInt8($0), .e4m3fn)) } + [480]
    static let magnitudesE5M2 = (0...0x7B).map { Double(FP8.decode(UInt8($0), .e5m2)) } + [65536]

    /// Independent reference: nearest representable magnitude by search, ties to the even code.
    static func reference(_ x: Float, _ format: FP8.Format, saturate: Bool) -> UInt8 {
        let sign: UInt8 = x.sign == .minus ? 0x80 : 0
        let (maxCode, nanCode, overflowCode): (UInt8, UInt8, UInt8) =
            format == .e4m3fn ? (0x7E, 0x7F, 0x7F) : (0x7B, 0x7E, 0x7C)
        if x.isNaN { return sign | nanCode }
        let mags = format == .e4m3fn ? magnitudesE4M3FN : magnitudesE5M2
        let a = Double(x.magnitude)
        var code: Int
        if a >= mags[mags.count - 1] {
            code = mags.count - 1
        } else {
            var lo = 0, hi = mags.count - 1  // mags[lo] <= a < mags[hi]
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if mags[mid] <= a { lo = mid } else { hi = mid }
            }
            let below = a - mags[lo], above = mags[hi] - a
            code = below < above ? lo : (above < below ? hi : (lo % 2 == 0 ? lo : hi))
        }
        if code > Int(maxCode) { return sign | (saturate ? maxCode : overflowCode) }
        return sign | UInt8(code)
    }

    @Test func strided32BitSweepMatchesIndependentReference() {
        for (format, name) in Self.formats {
            for saturate in [true, false] {
                var bits: UInt32 = 7
                var failures = 0
                repeat {
                    let x = Float(bitPattern: bits)
                    let got = FP8.encode(x, format, saturate: saturate)
                    let want = Self.reference(x, format, saturate: saturate)
                    if got != want {
                        failures += 1
                        if failures < 4 { Issue.record("\(name) sat=\(saturate) \(hex(bits)): \(got) vs \(want)") }
                    }
                    bits = bits &+ 16_411
                } while bits >= 16_411
                #expect(failures == 0)
            }
        }
    }

    @Test func everyCodeRoundTrips() {
        for (format, _) in Self.formats {
            for raw in 0..<256 {
                let code = UInt8(raw)
                let x = FP8.decode(code, format)
                if x.isNaN { continue }
                #expect(FP8.encode(x, format, saturate: false) == code)
                #expect(FP8.encode(x, format, saturate: true) == code || x.isInfinite)
            }
        }
    }

    @Test func bulkMatchesScalar() throws {
        var rng = TestRandom(seed: 3)
        var inputs = try FormatFixture.floats("fp8_inputs.f32")
        for _ in 0..<10_001 { inputs.append(Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))) }
        for _ in 0..<10_001 { inputs.append(rng.normalish(300)) }
        for (format, _) in Self.formats {
            for saturate in [true, false] {
                var out = [UInt8](repeating: 0xAA, count: inputs.count + 3)
                inputs.withUnsafeBufferPointer { src in
                    out.withUnsafeMutableBufferPointer { FP8.encode(src, into: $0, format, saturate: saturate) }
                }
                #expect(Array(out[0..<inputs.count]) == inputs.map { FP8.encode($0, format, saturate: saturate) })
                #expect(out[inputs.count...].allSatisfy { $0 == 0xAA })  // only min(count) written
                var decoded = [Float](repeating: 0, count: out.count)
                out.withUnsafeBufferPointer { src in
                    decoded.withUnsafeMutableBufferPointer { FP8.decode(src, into: $0, format) }
                }
                #expect(zip(decoded, out).allSatisfy { $0.0.bitPattern == FP8.decode($0.1, format).bitPattern })
            }
        }
        // empty buffers are fine
        FP8.encode(
            UnsafeBufferPointer(start: nil, count: 0), into: UnsafeMutableBufferPointer(start: nil, count: 0),
            .e4m3fn, saturate: true)
    }
}
