import QuantEngine
import Testing

@testable import TensorFiles

@Suite("16-bit float conversions")
struct HalfFloatTests {
    #if arch(x86_64) || arch(arm64)
        @Test("float16 → Float matches the platform's Float16 for all 65 536 bit patterns")
        func float16Exhaustive() {
            for bits in 0...UInt16.max {
                let ours = Half.float(fromFloat16Bits: bits)
                let platform = Float(Float16(bitPattern: bits))
                if platform.isNaN {
                    #expect(ours.isNaN)
                    // Payload kept unquieted, as numpy does.
                    #expect(ours.bitPattern & 0x007F_E000 == UInt32(bits & 0x03FF) << 13)
                } else {
                    #expect(ours.bitPattern == platform.bitPattern, "\(bits)")
                }
            }
        }

        @Test("Float → float16 rounds like the platform's Float16 conversion")
        func float16Rounding() {
            for bits in 0...UInt16.max {
                let value = Half.float(fromFloat16Bits: bits)
                if !value.isNaN {
                    #expect(Half.float16Bits(value) == bits)
                }
            }
            var random = SplitMix64(seed: 1)
            for round in 0..<1_000_000 {
                // Half the samples in the float16 range, half anywhere.
                let raw = UInt32.random(in: 0...UInt32.max, using: &random)
                let value =
                    round % 2 == 0 ? Float(bitPattern: raw) : Float(bitPattern: 0x3300_0000 &+ raw % 0x1500_0000)
                if value.isNaN {
                    continue
                }
                #expect(Half.float16Bits(value) == Float16(value).bitPattern, "\(value)")
            }
            for raw in 0..<100_000 as Range<UInt64> {
                // Doubles near float16 ties, where rounding twice through Float could go wrong.
                let half = Half.float(fromFloat16Bits: UInt16(raw % 0x7BFF))
                let next = Half.float(fromFloat16Bits: UInt16(raw % 0x7BFF) + 1)
                let tie = (Double(half) + Double(next)) / 2
                for value in [tie, tie.nextUp, tie.nextDown, -tie.nextUp] {
                    let ours = Half.float16Bits(ElementEncoding.roundedToOdd(value))
                    #expect(ours == Float16(value).bitPattern, "\(value)")
                }
            }
        }
    #endif

    @Test("bfloat16 is the upper half of a Float, and rounding is to nearest even")
    func bfloat16() {
        for bits in 0...UInt16.max {
            let value = Half.float(fromBFloat16Bits: bits)
            #expect(value.bitPattern == UInt32(bits) << 16)
            if !value.isNaN {
                #expect(Half.bfloat16Bits(value) == bits)
            }
        }
        var random = SplitMix64(seed: 2)
        for _ in 0..<200_000 {
            let value = Float(bitPattern: UInt32.random(in: 0...UInt32.max, using: &random))
            let result = Half.bfloat16Bits(value)
            if value.isNaN {
                #expect(Half.float(fromBFloat16Bits: result).isNaN)
                continue
            }
            let low = UInt16(value.bitPattern >> 16)
            let lowValue = Half.float(fromBFloat16Bits: low)
            let highValue = Half.float(fromBFloat16Bits: low &+ 1)
            let distanceLow = abs(Double(value) - Double(lowValue))
            let distanceHigh =
                highValue.isInfinite && !value.isInfinite
                ? abs(Double(value) - Double(lowValue.sign == .minus ? -0x1p128 : 0x1p128))
                : abs(Double(value) - Double(highValue))
            let expected = distanceLow < distanceHigh || (distanceLow == distanceHigh && low & 1 == 0) ? low : low &+ 1
            #expect(result == expected, "\(value)")
        }
        #expect(Half.bfloat16Bits(1.00390625) == 0x3F80)  // tie to even: down
        #expect(Half.bfloat16Bits(1.01171875) == 0x3F82)  // tie to even: up
    }
}
