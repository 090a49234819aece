import Testing

@testable import QuantEngine

@Suite struct HalfTests {
    @Test func float16MatchesNumpy() throws {
        let inputs = try FormatFixture.floats("half_inputs.f32")
        let expected = try FormatFixture.uint16s("half_f16.u16")
        #expect(inputs.count == expected.count)
        var mismatches = 0
        for (x, want) in zip(inputs, expected) where Half.float16Bits(x) != want {
            mismatches += 1
            if mismatches <= 5 {
                Issue.record("fp16(\(x), bits \(hex(x.bitPattern))) = \(hex(Half.float16Bits(x))), numpy \(hex(want))")
            }
        }
        #expect(mismatches == 0)
    }

    @Test func bfloat16MatchesMLDtypes() throws {
        let inputs = try FormatFixture.floats("half_inputs.f32")
        let expected = try FormatFixture.uint16s("half_bf16.u16")
        #expect(inputs.count == expected.count)
        let mismatches = zip(inputs, expected).filter { Half.bfloat16Bits($0.0) != $0.1 }
        #expect(mismatches.isEmpty, "first: \(mismatches.prefix(3).map { ($0.0.bitPattern, $0.1) })")
    }

    @Test func float16DecodeMatchesNumpy() throws {
        let codes = try FormatFixture.uint16s("half_decode_codes.u16")
        let expected = try FormatFixture.floats("half_decode_f16.f32")
        for (c, want) in zip(codes, expected) {
            #expect(Half.float(fromFloat16Bits: c).bitPattern == want.bitPattern, "code \(hex(c))")
        }
    }

    /// Every fp16 code decodes like Swift's `Float16` and re-encodes to itself (NaN payloads too).
    @Test func float16AllCodesRoundTrip() {
        for raw in 0...0xFFFF {
            let c = UInt16(raw)
            let x = Half.float(fromFloat16Bits: c)
            #expect(Half.float16Bits(x) == c)
            let native = Float(Float16(bitPattern: c))
            if !native.isNaN { #expect(x.bitPattern == native.bitPattern) } else { #expect(x.isNaN) }
        }
    }

    /// A strided sweep over all 2^32 float bit patterns agrees with Swift's `Float16(_: Float)`
    /// (compiler-rt, round to nearest even) for every non-NaN input.
    @Test func float16SweepMatchesSwiftFloat16() {
        var bits: UInt32 = 0
        var checked = 0
        repeat {
            let x = Float(bitPattern: bits)
            if !x.isNaN {
                let want = Float16(x).bitPattern
                let got = Half.float16Bits(x)
                if got != want {
                    Issue.record("fp16 of bits \(hex(bits)): \(hex(got)) vs \(hex(want))")
                    return
                }
                checked += 1
            }
            bits = bits &+ 2_053
        } while bits >= 2_053
        #expect(checked > 2_000_000)
    }

    @Test func float16Specials() {
        #expect(Half.float16Bits(65504) == 0x7BFF)
        #expect(Half.float16Bits(65519.996) == 0x7BFF)
        #expect(Half.float16Bits(65520) == 0x7C00)  // tie rounds to even = infinity
        #expect(Half.float16Bits(-.infinity) == 0xFC00)
        #expect(Half.float16Bits(0x1p-25) == 0x0000)  // tie between 0 and the smallest subnormal
        #expect(Half.float16Bits(Float(0x1p-25).nextUp) == 0x0001)
        #expect(Half.float16Bits(3 * 0x1p-25) == 0x0002)  // tie 1.5 ulp -> even
        #expect(Half.float16Bits(-0.0) == 0x8000)
        #expect(Half.float16Bits(.nan) == 0x7E00)
        #expect(Half.float16Bits(Float(bitPattern: 0x7F80_0001)) == 0x7C01)  // stays NaN
    }

    @Test func bfloat16AllCodesRoundTrip() {
        for raw in 0...0xFFFF {
            let c = UInt16(raw)
            let x = Half.float(fromBFloat16Bits: c)
            #expect(x.bitPattern == UInt32(c) << 16)
            let back = Half.bfloat16Bits(x)
            if x.isNaN { #expect(back == (c & 0x8000) | 0x7FC0) } else { #expect(back == c) }
        }
        #expect(Half.bfloat16Bits(Float(bitPattern: 0x3F80_8000)) == 0x3F80)  // tie -> even
        #expect(Half.bfloat16Bits(Float(bitPattern: 0x3F81_8000)) == 0x3F82)  // tie -> even
        #expect(Half.bfloat16Bits(.greatestFiniteMagnitude) == 0x7F80)  // rounds to infinity
    }

    @Test func bulkMatchesScalar() throws {
        let inputs = try FormatFixture.floats("half_inputs.f32")
        var f16 = [UInt16](repeating: 0, count: inputs.count)
        var bf16 = [UInt16](repeating: 0, count: inputs.count)
        inputs.withUnsafeBufferPointer { src in
            f16.withUnsafeMutableBufferPointer { Half.float16Bits(src, into: $0) }
            bf16.withUnsafeMutableBufferPointer { Half.bfloat16Bits(src, into: $0) }
        }
        #expect(f16 == inputs.map(Half.float16Bits))
        #expect(bf16 == inputs.map(Half.bfloat16Bits))
    }
}
