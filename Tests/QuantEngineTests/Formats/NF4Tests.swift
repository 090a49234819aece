import Testing

@testable import QuantEngine

@Suite struct NF4Tests {
    @Test func valuesAndThresholdsMatchBitsandbytes() throws {
        let expected = try FormatFixture.floats("nf4_values.f32")
        #expect(NF4.values.map(\.bitPattern) == expected.map(\.bitPattern))
        // bitsandbytes' CPU path compares against float32 midpoints; they equal the CUDA constants.
        for i in 0..<15 {
            #expect(NF4.thresholds[i] == (NF4.values[i] + NF4.values[i + 1]) / 2)
        }
    }

    /// bitsandbytes 0.50.2 `quantize_4bit(nf4, blocksize=64)` on CPU: codes (packed high nibble first),
    /// absmax and `dequantize_4bit`, bit for bit. The data include values exactly on the midpoints,
    /// a zero block, a block with absmax < 1e-38, NaN and inf blocks and an odd 37-value tail.
    @Test func matchesBitsandbytes() throws {
        let x = try FormatFixture.floats("nf4_inputs.f32")
        let packed = try FormatFixture.bytes("nf4_packed.u8")
        let absmax = try FormatFixture.floats("nf4_absmax.f32")
        let deq = try FormatFixture.floats("nf4_deq.f32")
        #expect(x.count % 2 == 1 && x.count % 64 != 0)
        let (codes, scales) = try x.withUnsafeBufferPointer { try NF4.quantize($0, blockSize: 64) }
        #expect(codes == (try NF4.unpack(packed, count: x.count)))
        #expect(NF4.pack(codes) == packed)
        #expect(scales.count == absmax.count)
        for (a, b) in zip(scales, absmax) { #expect(sameFloat(a, b), "absmax \(a) vs \(b)") }
        let back = try NF4.dequantize(codes: codes, absmax: scales, blockSize: 64, count: x.count)
        #expect(back.count == deq.count)
        for (i, (a, b)) in zip(back, deq).enumerated() { #expect(sameFloat(a, b), "element \(i): \(a) vs \(b)") }
    }

    @Test func scalarAndVectorCodesAgreeWithThresholdCount() {
        var rng = TestRandom(seed: 44)
        var probes: [Float] = [0, -0.0, 1, -1, 2, -2, .infinity, -.infinity, .nan, -.nan]
        probes += [.leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        for t in NF4.thresholds { probes += [t, t.nextUp, t.nextDown] }
        for _ in 0..<4_000 { probes.append(rng.unit() * 1.1) }
        while probes.count % 8 != 0 { probes.append(rng.unit()) }
        for v in probes {
            let want = UInt8(NF4.thresholds.filter { !(v <= $0) }.count)
            #expect(NF4.code(ofScaled: v) == want, "v = \(v)")
        }
        for i in stride(from: 0, to: probes.count, by: 8) {
            var lanes = SIMD8<Float>()
            for k in 0..<8 { lanes[k] = probes[i + k] }
            let c = NF4.codes8(ofScaled: lanes)
            for k in 0..<8 { #expect(c[k] == NF4.code(ofScaled: probes[i + k])) }
        }
    }

    @Test(arguments: [64, 32, 128, 7, 1])
    func quantizeMatchesNaiveReference(blockSize: Int) throws {
        var rng = TestRandom(seed: UInt64(blockSize))
        let n = 64 * 9 + 5
        var x = (0..<n).map { _ in rng.normalish() }
        x[3] = 0
        x[100] = -x[101]
        let (codes, absmax) = try x.withUnsafeBufferPointer { try NF4.quantize($0, blockSize: blockSize) }
        let blocks = (n + blockSize - 1) / blockSize
        #expect(absmax.count == blocks)
        for b in 0..<blocks {
            let start = b * blockSize, end = min(start + blockSize, n)
            let amax = x[start..<end].map(\.magnitude).max() ?? 0
            let isTail = end - start < blockSize
            let scale = max(amax, NF4.minimumScale)
            #expect(absmax[b] == (isTail ? scale : amax))
            for i in start..<end {
                let v = isTail ? x[i] / scale : x[i] * (1 / scale)
                #expect(codes[i] == UInt8(NF4.thresholds.filter { v > $0 }.count))
            }
        }
        // the nearest value is picked (up to the float32 midpoint rounding)
        let back = try NF4.dequantize(codes: codes, absmax: absmax, blockSize: blockSize, count: n)
        for i in 0..<n {
            let scale = absmax[i / blockSize]
            let best = NF4.values.map { abs($0 * scale - x[i]) }.min() ?? 0
            #expect(abs(back[i] - x[i]) <= best * 1.0001 + scale * 1e-6)
        }
    }

    @Test func degenerateBlocks() throws {
        let zeros = [Float](repeating: 0, count: 64)
        let z = try zeros.withUnsafeBufferPointer { try NF4.quantize($0) }
        #expect(z.codes.allSatisfy { $0 == 7 } && z.absmax == [0])
        var withNaN = [Float](repeating: 0.5, count: 64)
        withNaN[9] = .nan
        let q = try withNaN.withUnsafeBufferPointer { try NF4.quantize($0) }
        #expect(q.absmax[0].isNaN && q.codes.allSatisfy { $0 == 15 })
        let empty = try [Float]().withUnsafeBufferPointer { try NF4.quantize($0) }
        #expect(empty.codes.isEmpty && empty.absmax.isEmpty)
    }

    @Test func packing() throws {
        #expect(NF4.pack([1, 2, 3]) == [0x12, 0x37])
        #expect(NF4.pack([]) == [])
        #expect(try NF4.unpack([0x12, 0x37], count: 3) == [1, 2, 3])
        #expect(try NF4.unpack([0x12, 0x37], count: 4) == [1, 2, 3, 7])
    }

    @Test func invalidArgumentsThrow() throws {
        let four = [Float](repeating: 1, count: 4)
        #expect(throws: FormatError.self) { try four.withUnsafeBufferPointer { try NF4.quantize($0, blockSize: 0) } }
        #expect(throws: FormatError.self) { try NF4.dequantize(codes: [1, 2], absmax: [], blockSize: 64, count: 2) }
        #expect(throws: FormatError.self) { try NF4.dequantize(codes: [1], absmax: [1], blockSize: 64, count: 2) }
        #expect(throws: FormatError.self) { try NF4.dequantize(codes: [1], absmax: [1], blockSize: 64, count: -1) }
        #expect(throws: FormatError.self) { try NF4.unpack([0x12], count: 3) }
        #expect(throws: FormatError.self) { try NF4.unpack([], count: Int.max) }
        #expect(throws: FormatError.self) { try NF4.dequantize(codes: [], absmax: [], blockSize: 1, count: Int.max) }
        let one = try [Float](repeating: 2, count: 3).withUnsafeBufferPointer { try NF4.quantize($0, blockSize: .max) }
        #expect(one.absmax == [2] && one.codes == [15, 15, 15])
    }
}
