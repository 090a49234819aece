import Testing

@testable import QuantEngine

/// The vector loops (Swift SIMD, and CQuantize's AVX2 where the CPU has it) against the scalar
/// reference loops, code for code and bit for bit, on the inputs where fast paths go wrong: ties,
/// saturation, zeros of both signs, subnormals, quotients that overflow, every rounding rule,
/// every code type, lengths that are not multiples of the vector width, and NaN/±infinity.
@Suite("Kernel implementations agree with the scalar reference")
struct KernelImplementationTests {
    /// The fast implementations this CPU runs.
    static let fast = QuantizationKernels.Implementation.allCases.filter { $0 != .scalar && $0.isAvailable }

    /// Parameter sets covering the four code types, zero points and narrow ranges.
    static let grids: [QuantizationParameters] = {
        var sets: [QuantizationParameters] = []
        do {
            sets.append(try .init(scale: 0.3, zeroPoint: 0, bits: 8, signed: true, narrowRange: true))
            sets.append(try .init(scale: 1, zeroPoint: 0, bits: 8, signed: true))
            sets.append(try .init(scale: 0.0125, zeroPoint: 37, bits: 8, signed: false))
            sets.append(try .init(scale: 0.7, zeroPoint: -3, bits: 4, signed: true))
            sets.append(try .init(scale: 1, zeroPoint: 0, bits: 16, signed: true))
            sets.append(try .init(scale: 0x1p-10, zeroPoint: 100, bits: 12, signed: true))
            sets.append(try .init(scale: 0.25, zeroPoint: 40_000, bits: 16, signed: false))
            sets.append(try .init(scale: 0x1p-126, zeroPoint: 0, bits: 8, signed: true))
        } catch {
            Issue.record("bad parameters: \(error)")
        }
        return sets
    }()

    /// Finite inputs for `p`: exact ties of every kind around the grid, the bounds and beyond,
    /// signed zeros, subnormals, values whose quotient overflows to infinity, and random values.
    static func inputs(for p: QuantizationParameters) -> [Float] {
        var x: [Float] = [0, -0.0, 0x1p-149, -0x1p-149, 0x1p-127, -0x1.8p-130, .leastNormalMagnitude]
        x += [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1e30, -1e30]
        for k in stride(
            from: p.qmin - p.zeroPoint - 3, through: p.qmax - p.zeroPoint + 3, by: Swift.max(1, (p.qmax - p.qmin) / 300)
        ) {
            for fraction: Float in [0, 0.5, -0.5, 0.25, 0.75, 0.49999997, 0.50000006] {
                let v = Float(k) + fraction
                x.append(v * p.scale)
                x.append(v * p.scale.nextUp)
                x.append((v * p.scale).nextDown)
            }
        }
        x += [-35.25, 35.25, 0.15, -0.15, 0.45, -0.45]
        var g = RandomGenerator(seed: 7)
        let span = Double(p.qmax - p.qmin + 8) * Double(p.scale)
        for _ in 0..<3000 { x.append(Float((g.nextDouble() - 0.5) * span)) }
        return x
    }

    static let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 100]

    func quantize<Code: FixedWidthInteger & SIMDScalar>(
        _: Code.Type, _ x: [Float], _ grid: QuantizationKernels.Grid,
        _ implementation: QuantizationKernels.Implementation
    ) -> ([Code], Bool) {
        var codes = [Code](repeating: 0, count: x.count)
        let finite = x.withUnsafeBufferPointer { input in
            codes.withUnsafeMutableBufferPointer { output in
                QuantizationKernels.quantize(input, into: output, grid: grid, using: implementation)
            }
        }
        return (codes, finite)
    }

    func fakeQuantize(
        _ x: [Float], _ grid: QuantizationKernels.Grid, _ implementation: QuantizationKernels.Implementation
    )
        -> ([UInt32], Bool)
    {
        var values = [Float](repeating: .nan, count: x.count)
        let finite = x.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { output in
                QuantizationKernels.fakeQuantize(input, into: output, grid: grid, using: implementation)
            }
        }
        return (values.map(\.bitPattern), finite)
    }

    /// Quantizes with `implementation` and with the reference; returns the first disagreement.
    func mismatch<Code: FixedWidthInteger & SIMDScalar>(
        _ type: Code.Type, _ x: [Float], _ grid: QuantizationKernels.Grid,
        _ implementation: QuantizationKernels.Implementation
    ) -> String? {
        let (codes, finite) = quantize(type, x, grid, implementation)
        let (expected, expectedFinite) = quantize(type, x, grid, .scalar)
        if finite != expectedFinite { return "finite flag \(finite), expected \(expectedFinite)" }
        if let i = codes.indices.first(where: { codes[$0] != expected[$0] }) {
            return "x[\(i)] = \(x[i]): code \(codes[i]), expected \(expected[i])"
        }
        let (values, fakeFinite) = fakeQuantize(x, grid, implementation)
        let (expectedValues, _) = fakeQuantize(x, grid, .scalar)
        if fakeFinite != expectedFinite { return "fake-quantize finite flag \(fakeFinite)" }
        if let i = values.indices.first(where: { values[$0] != expectedValues[$0] }) {
            return "x[\(i)] = \(x[i]): fake-quantized bits \(values[i]), expected \(expectedValues[i])"
        }
        return nil
    }

    func mismatch(
        _ p: QuantizationParameters, _ x: [Float], _ rounding: Rounding,
        _ implementation: QuantizationKernels.Implementation
    ) -> String? {
        let grid = QuantizationKernels.Grid(p, rounding: rounding)
        switch QuantizedCodes.Kind(bits: p.bits, signed: p.signed) {
        case .int8: return mismatch(Int8.self, x, grid, implementation)
        case .uint8: return mismatch(UInt8.self, x, grid, implementation)
        case .int16: return mismatch(Int16.self, x, grid, implementation)
        case .uint16: return mismatch(UInt16.self, x, grid, implementation)
        }
    }

    @Test(arguments: fast, Rounding.deterministic)
    func codesMatchReference(implementation: QuantizationKernels.Implementation, rounding: Rounding) {
        for p in Self.grids {
            let x = Self.inputs(for: p)
            if let problem = mismatch(p, x, rounding, implementation) {
                Issue.record(
                    "\(implementation) \(rounding) scale \(p.scale) zp \(p.zeroPoint) \(p.bits)-bit: \(problem)")
            }
            // Every short length, at several offsets (unaligned starts and tails).
            for length in Self.lengths {
                for start in [0, 1, 5] where start + length <= x.count {
                    if let problem = mismatch(p, Array(x[start..<(start + length)]), rounding, implementation) {
                        Issue.record("\(implementation) \(rounding) length \(length) at \(start): \(problem)")
                    }
                }
            }
        }
    }

    /// NaN and ±infinity are reported wherever they sit: in the vector body or in the tail.
    @Test(arguments: fast)
    func nonFiniteInputsAreReported(implementation: QuantizationKernels.Implementation) throws {
        let p = try QuantizationParameters(scale: 0.5, zeroPoint: 3, bits: 8, signed: false)
        for rounding in Rounding.deterministic {
            let grid = QuantizationKernels.Grid(p, rounding: rounding)
            for bad in [Float.nan, -.nan, .infinity, -.infinity, .signalingNaN] {
                for length in [1, 8, 9, 32, 45, 100] {
                    for position in Set([0, length / 2, length - 1]) {
                        var x = [Float](repeating: 1.25, count: length)
                        x[position] = bad
                        #expect(!quantize(UInt8.self, x, grid, implementation).1, "\(bad) at \(position) of \(length)")
                        #expect(!fakeQuantize(x, grid, implementation).1, "\(bad) at \(position) of \(length)")
                    }
                }
            }
            #expect(quantize(UInt8.self, [Float](repeating: 1.25, count: 45), grid, implementation).1)
        }
    }

    /// Every code of every type dequantizes to the same bits.
    @Test(arguments: fast)
    func dequantizeMatchesReference(implementation: QuantizationKernels.Implementation) {
        func check<Code: FixedWidthInteger & SIMDScalar>(_ codes: [Code], scale: Float, zeroPoint: Int32) {
            var fast = [Float](repeating: .nan, count: codes.count)
            var reference = fast
            codes.withUnsafeBufferPointer { q in
                fast.withUnsafeMutableBufferPointer {
                    QuantizationKernels.dequantize(
                        q, into: $0, scale: scale, zeroPoint: zeroPoint, using: implementation)
                }
                reference.withUnsafeMutableBufferPointer {
                    QuantizationKernels.dequantize(q, into: $0, scale: scale, zeroPoint: zeroPoint, using: .scalar)
                }
            }
            #expect(
                fast.map(\.bitPattern) == reference.map(\.bitPattern), "\(Code.self) scale \(scale) zp \(zeroPoint)")
        }
        for scale: Float in [0.3, 0x1p-126, 1e30] {
            check((Int8.min...Int8.max).map { $0 } + [5, -7, 1], scale: scale, zeroPoint: -3)
            check((UInt8.min...UInt8.max).map { $0 } + [200], scale: scale, zeroPoint: 128)
            check((Int16.min...Int16.max).map { $0 } + [1, 2, 3], scale: scale, zeroPoint: 17)
            check((UInt16.min...UInt16.max).map { $0 } + [9], scale: scale, zeroPoint: 40_000)
            for length in Self.lengths {
                check([Int8](repeating: -5, count: length), scale: scale, zeroPoint: 0)
            }
        }
    }

    /// The AVX2 range scan equals the Swift one, including which zero (+0 or −0) is the min/max.
    @Test func rangeScanMatchesSwift() throws {
        guard QuantizationKernels.Implementation.avx2.isAvailable else { return }
        var g = RandomGenerator(seed: 11)
        var cases: [[Float]] = [[], [0, -0.0], [-0.0, 0], [.nan], [.nan, 1, .nan]]
        for length in [1, 15, 16, 17, 31, 32, 33, 100, 4096] {
            var random: [Float] = []
            var zeros: [Float] = []
            var special: [Float] = []
            var negative: [Float] = []
            for i in 0..<length {
                random.append(Float(g.nextDouble() - 0.5))
                // Only zeros of both signs: the result's sign shows the order of comparisons.
                zeros.append(g.nextDouble() < 0.5 ? 0.0 : -0.0)
                special.append(i % 7 == 3 ? Float.nan : (i % 5 == 0 ? Float.infinity : Float(i)))
                negative.append(i % 3 == 0 ? -Float.infinity : -0.0)
            }
            cases += [random, zeros, special, negative]
        }
        for x in cases {
            x.withUnsafeBufferPointer { buffer in
                for range in [0..<x.count, (x.count / 3)..<x.count] {
                    let fast = Tensor.scanBlock(buffer, range, using: .avx2)
                    let swift = Tensor.scanBlockSIMD(buffer, range)
                    #expect(fast.min.bitPattern == swift.min.bitPattern, "min of \(x[range])")
                    #expect(fast.max.bitPattern == swift.max.bitPattern, "max of \(x[range])")
                    #expect(fast.hasNaN == swift.hasNaN, "NaN in \(x[range])")
                }
            }
        }
    }

    /// Quantize, fake-quantize, dequantize and calibration give the same bits on one thread, two
    /// and all cores, per tensor and per channel (whose runs are cut at chunk boundaries).
    @Test func resultsDoNotDependOnThreads() throws {
        let x = try Tensor.randn([300, 1111], std: 0.3, seed: 5)  // 333,300 elements: several chunks
        var results: [[UInt32]] = []
        for limit in [1, 2, nil] as [Int?] {
            try EngineThreads.$limit.withValue(limit) {
                var bits: [UInt32] = []
                for granularity in [
                    Granularity.perTensor, .perChannel(axis: 0), .perChannel(axis: 1), .perGroup(size: 101),
                ] {
                    for rounding in Rounding.deterministic + [.stochastic(seed: 9)] {
                        let quantizer = try Quantizer(
                            bits: 8, scheme: .asymmetric, rounding: rounding, granularity: granularity)
                        let q = try quantizer.quantize(x)
                        bits += q.values.map { UInt32(bitPattern: Int32($0)) }
                        bits += q.dequantized().scalars.map(\.bitPattern)
                        bits += try quantizer.fakeQuantize(x).scalars.map(\.bitPattern)
                    }
                }
                bits += [try x.min().bitPattern, try x.max().bitPattern]
                results.append(bits)
            }
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    /// Per-channel codes equal per-tensor codes of each row quantized alone with that row's set.
    @Test func perChannelRowsMatchPerTensorRows() throws {
        let rows = 40
        let cols = 9_000  // rows × cols crosses several chunks, and chunks end inside rows
        let x = try Tensor.randn([rows, cols], std: 2, seed: 3)
        let q = try Quantizer(bits: 8, granularity: .perChannel(axis: 0)).quantize(x)
        for row in [0, 7, 14, 39] {
            let slice = Tensor(Array(x.scalars[(row * cols)..<((row + 1) * cols)]))
            let alone = try Quantizer.quantize(slice, parameters: q.parameters[row])
            #expect(Array(q.values[(row * cols)..<((row + 1) * cols)]) == alone.values, "row \(row)")
        }
    }
}
