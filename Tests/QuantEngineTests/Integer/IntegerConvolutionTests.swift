import Testing

@testable import QuantEngine

@Suite("Integer convolution")
struct IntegerConvolutionTests {
    /// The direct 2-D convolution in Int64 (a 1-D one has height 1), padding with the zero point.
    static func naiveConv(
        _ x: [Int], _ w: [Int], n: Int, cin: Int, h: Int, wd: Int, cout: Int, kh: Int, kw: Int, stride: Int,
        padH: Int, padW: Int, zx: Int, zw: [Int]
    ) -> (values: [Int], outH: Int, outW: Int) {
        let outH = (h + 2 * padH - kh) / stride + 1
        let outW = (wd + 2 * padW - kw) / stride + 1
        var out: [Int] = []
        for b in 0..<n {
            for co in 0..<cout {
                let z = zw[zw.count == 1 ? 0 : co]
                for i in 0..<outH {
                    for j in 0..<outW {
                        var sum: Int64 = 0
                        for ci in 0..<cin {
                            for u in 0..<kh {
                                for v in 0..<kw {
                                    let (r, c) = (i * stride + u - padH, j * stride + v - padW)
                                    let input =
                                        r >= 0 && r < h && c >= 0 && c < wd ? x[((b * cin + ci) * h + r) * wd + c] : zx
                                    sum += Int64(input - zx) * Int64(w[((co * cin + ci) * kh + u) * kw + v] - z)
                                }
                            }
                        }
                        out.append(Int(sum))
                    }
                }
            }
        }
        return (out, outH, outW)
    }

    static let cases1D: [(n: Int, cin: Int, l: Int, cout: Int, k: Int, stride: Int, padding: Int)] = [
        (1, 1, 5, 1, 3, 1, 0), (2, 3, 17, 4, 3, 1, 1), (1, 2, 9, 20, 4, 2, 2), (3, 5, 31, 7, 5, 3, 4),
        (1, 8, 70, 50, 3, 1, 1), (2, 1, 4, 3, 4, 1, 0),
        // more output positions than one im2col tile (2048)
        (2, 2, 4500, 3, 3, 1, 1),
    ]

    @Test(arguments: 0..<cases1D.count)
    func conv1dMatchesDirectConvolution(_ index: Int) throws {
        let c = Self.cases1D[index]
        var random = SplitMix64(seed: UInt64(index))
        for (xSigned, zx, perChannel) in [(false, 117, false), (true, -3, true)] {
            let xCodes = randomCodes(c.n * c.cin * c.l, signed: xSigned, using: &random)
            let wCodes = randomCodes(c.cout * c.cin * c.k, signed: true, using: &random)
            let zw = perChannel ? (0..<c.cout).map { $0 % 3 - 1 } : [0]
            let x = try quantizedCodes(xCodes, shape: [c.n, c.cin, c.l], signed: xSigned, zeroPoints: [zx])
            let w = try quantizedCodes(
                wCodes, shape: [c.cout, c.cin, c.k], signed: true, zeroPoints: zw,
                scales: perChannel ? (0..<c.cout).map { Float($0 + 1) / 64 } : nil,
                granularity: perChannel ? .perChannel(axis: 0) : .perTensor)
            let acc = try conv1d(x, w, stride: c.stride, padding: c.padding)
            let expected = Self.naiveConv(
                xCodes, wCodes, n: c.n, cin: c.cin, h: 1, wd: c.l, cout: c.cout, kh: 1, kw: c.k, stride: c.stride,
                padH: 0, padW: c.padding, zx: zx, zw: zw)
            #expect(acc.shape == [c.n, c.cout, expected.outW])
            #expect(acc.integers == expected.values)
            #expect(acc.channelAxis == 1 && acc.weightScales == w.scales)
        }
    }

    static let cases2D: [(n: Int, cin: Int, h: Int, w: Int, cout: Int, kh: Int, kw: Int, stride: Int, padding: Int)] = [
        (1, 1, 3, 3, 1, 3, 3, 1, 0), (2, 3, 8, 7, 4, 3, 3, 1, 1), (1, 2, 9, 10, 5, 2, 3, 2, 1),
        (2, 4, 11, 6, 17, 3, 2, 3, 2), (1, 3, 16, 16, 8, 5, 5, 1, 2),
        // 50 × 45 = 2250 positions: a tile boundary in the middle of an output row
        (1, 2, 50, 45, 3, 3, 3, 1, 1),
    ]

    @Test(arguments: 0..<cases2D.count)
    func conv2dMatchesDirectConvolution(_ index: Int) throws {
        let c = Self.cases2D[index]
        var random = SplitMix64(seed: UInt64(50 + index))
        for (xSigned, zx, perChannel) in [(false, 200, true), (true, 0, false)] {
            let xCodes = randomCodes(c.n * c.cin * c.h * c.w, signed: xSigned, using: &random)
            let wCodes = randomCodes(c.cout * c.cin * c.kh * c.kw, signed: true, using: &random)
            let zw = [Int](repeating: 0, count: perChannel ? c.cout : 1)
            let x = try quantizedCodes(xCodes, shape: [c.n, c.cin, c.h, c.w], signed: xSigned, zeroPoints: [zx])
            let w = try quantizedCodes(
                wCodes, shape: [c.cout, c.cin, c.kh, c.kw], signed: true, zeroPoints: zw,
                granularity: perChannel ? .perChannel(axis: 0) : .perTensor)
            let acc = try conv2d(x, w, stride: c.stride, padding: c.padding)
            let expected = Self.naiveConv(
                xCodes, wCodes, n: c.n, cin: c.cin, h: c.h, wd: c.w, cout: c.cout, kh: c.kh, kw: c.kw,
                stride: c.stride, padH: c.padding, padW: c.padding, zx: zx, zw: zw)
            #expect(acc.shape == [c.n, c.cout, expected.outH, expected.outW])
            #expect(acc.integers == expected.values)
        }
    }

    /// Requantizing a convolution uses one multiplier per output channel (axis 1 of the output).
    @Test func requantizedConvolutionUsesPerChannelMultipliers() throws {
        var random = SplitMix64(seed: 9)
        let xCodes = randomCodes(2 * 3 * 10, signed: false, using: &random)
        let wCodes = randomCodes(4 * 3 * 3, signed: true, using: &random)
        let scales: [Float] = [0.01, 0.02, 0.04, 0.08]
        let x = try quantizedCodes(xCodes, shape: [2, 3, 10], signed: false, zeroPoints: [128], scales: [0.05])
        let w = try quantizedCodes(
            wCodes, shape: [4, 3, 3], signed: true, zeroPoints: [0, 0, 0, 0], scales: scales,
            granularity: .perChannel(axis: 0))
        let acc = try conv1d(x, w, padding: 1)
        let q = try requantize(acc, outputScale: 0.5, outputZeroPoint: 0)
        let fixed = try acc.multipliers(outputScale: 0.5)
        for (i, value) in acc.values.enumerated() {
            let channel = (i / 10) % 4
            #expect(q.values[i] == min(max(Int(fixed[channel].apply(value)), -128), 127))
        }
        let reals = acc.dequantized()
        for (i, value) in acc.values.enumerated() {
            #expect(reals.scalars[i] == Float(value) * (0.05 * scales[(i / 10) % 4]))
        }
    }

    @Test func errors() throws {
        let x = try quantizedCodes([Int](repeating: 1, count: 12), shape: [1, 2, 6], signed: false, zeroPoints: [0])
        let w = try quantizedCodes([Int](repeating: 1, count: 12), shape: [2, 2, 3], signed: true, zeroPoints: [0])
        #expect(try conv1d(x, w).shape == [1, 2, 4])
        #expect(
            throws: QuantEngineError.rankMismatch(
                operation: "integer conv1d", expected: "a 3-D [N, Cin, L] input", shape: [2, 6])
        ) {
            try conv1d(
                try quantizedCodes([Int](repeating: 1, count: 12), shape: [2, 6], signed: false, zeroPoints: [0]), w)
        }
        #expect(
            throws: QuantEngineError.rankMismatch(
                operation: "integer conv2d", expected: "a 4-D [N, Cin, H, W] input", shape: [1, 2, 6])
        ) { try conv2d(x, w) }
        let threeChannels = try quantizedCodes(
            [Int](repeating: 1, count: 9), shape: [1, 3, 3], signed: true, zeroPoints: [0])
        #expect(
            throws: QuantEngineError.invalidArgument(
                "integer conv1d: the input has 2 channels but the weight expects 3 (input [1, 2, 6], weight [1, 3, 3])")
        ) {
            try conv1d(x, threeChannels)
        }
        #expect(throws: QuantEngineError.invalidArgument("integer conv1d: stride must be at least 1, got 0")) {
            try conv1d(x, w, stride: 0)
        }
        #expect(throws: QuantEngineError.invalidArgument("integer conv1d: padding must not be negative, got -1")) {
            try conv1d(x, w, padding: -1)
        }
        let long = try quantizedCodes([Int](repeating: 1, count: 16), shape: [1, 2, 8], signed: true, zeroPoints: [0])
        #expect(
            throws: QuantEngineError.invalidArgument(
                "integer conv1d: the kernel [8] is larger than the padded input [6]")
        ) { try conv1d(x, long) }
        let inputAxis = try quantizedCodes(
            [Int](repeating: 1, count: 12), shape: [2, 2, 3], signed: true, zeroPoints: [0, 0],
            granularity: .perChannel(axis: 1))
        #expect(
            throws: QuantEngineError.unsupported(
                "integer conv1d needs per-channel weights along their output axis 0 (shape [2, 2, 3]), got axis 1")
        ) {
            try conv1d(x, inputAxis)
        }
        let wide = try quantizedCodes(
            [Int](repeating: 1, count: 12), shape: [2, 2, 3], bits: 10, signed: true, zeroPoints: [0])
        #expect(throws: QuantEngineError.self) { try conv1d(x, wide) }
        // Cin · K = 2 · 40000 products of up to 255 · 128 overflow int32.
        let bigX = try quantizedCodes(
            [Int](repeating: 1, count: 80000), shape: [1, 2, 40000], signed: false, zeroPoints: [0])
        let bigW = try quantizedCodes(
            [Int](repeating: 1, count: 80000), shape: [1, 2, 40000], signed: true, zeroPoints: [0])
        #expect(throws: QuantEngineError.accumulatorOverflow(operation: "integer conv1d", depth: 80000, limit: 65793)) {
            try conv1d(bigX, bigW)
        }
        let w2 = try quantizedCodes([Int](repeating: 1, count: 8), shape: [2, 1, 2, 2], signed: true, zeroPoints: [0])
        let x2 = try quantizedCodes([Int](repeating: 1, count: 9), shape: [1, 1, 3, 3], signed: false, zeroPoints: [0])
        #expect(try conv2d(x2, w2, stride: 2, padding: 1).shape == [1, 2, 2, 2])
        #expect(throws: QuantEngineError.invalidArgument("threads must be at least 1, got -2")) {
            try conv2d(x2, w2, threads: -2)
        }
    }
}
