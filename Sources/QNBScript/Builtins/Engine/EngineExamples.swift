extension BuiltinExampleCatalog {
    /// Examples of `BuiltinLibrary.engine`'s tensors, quantizers, integer arithmetic and
    /// metrics (the models have theirs in ModelExamples.swift).
    static let engine = BuiltinExampleCatalog(sections: [tensors, quantization, integerArithmetic, evaluation])

    private static let tensors = BuiltinExampleSection(
        "Tensors",
        [
            .function("tensor", #"tensor([[0.5, -1.75], [0.25, 3.5]])"#),
            .function("zeros", #"zeros([2, 3]).values"#),
            .function("linspace", #"linspace(-1, 1, count: 5).values"#),
            .function(
                "randn",
                #"""
                let w = randn([256, 256], mean: 0, std: 0.02, seed: 7)
                print(w.mean(), w.std())
                """#),
            .function("rand", #"rand([4], in: -1...1, seed: 3).values"#),
            .function(
                "laplace",
                #"""
                let w = laplace([10_000], scale: 1, seed: 1)   // heavy tails, like real weights
                print(w.std(), w.absMax())
                """#),
            .function(
                "matmul",
                #"""
                let x = tensor([[1, 2], [3, 4]])
                print(matmul(x, tensor([[0.5], [0.25]])).values)
                matmul(quantize(x, bits: 8), quantize(tensor([[0.5], [0.25]]), bits: 8)).values   // int32 sums
                """#),
            .function("relu", #"relu(tensor([-1.5, 0, 2.25])).values"#),
            .type("Tensor", #"randn([64, 32], std: 0.02, seed: 1)"#),
            .member("Tensor", "shape", #"randn([64, 32], seed: 1).shape"#),
            .member("Tensor", "count", #"randn([64, 32], seed: 1).count"#),
            .member("Tensor", "values", #"tensor([[1, 2], [3, 4]]).values"#),
            .member("Tensor", "min", #"tensor([0.5, -1.75, 3.5]).min()"#),
            .member("Tensor", "max", #"tensor([0.5, -1.75, 3.5]).max()"#),
            .member("Tensor", "absMax", #"tensor([0.5, -4.25, 3.5]).absMax()   // what symmetric scales use"#),
            .member("Tensor", "mean", #"tensor([0.5, -1.75, 3.5]).mean()"#),
            .member("Tensor", "std", #"tensor([1, 2, 3, 4]).std()"#),
            .member("Tensor", "sum", #"tensor([0.5, -1.75, 3.5]).sum()"#),
            .member(
                "Tensor", "percentile",
                #"""
                let w = laplace([10_000], scale: 1, seed: 1)
                print(w.percentile(50), w.percentile(99.9), w.abs().percentile(99.9))
                """#),
            .member("Tensor", "abs", #"tensor([0.5, -1.75]).abs().values"#),
            .member("Tensor", "clamped", #"tensor([-3, -0.5, 0.5, 3]).clamped(min: -1, max: 1).values"#),
            .member("Tensor", "reshaped", #"linspace(1, 6, count: 6).reshaped([2, -1])"#),
            .member("Tensor", "transposed", #"tensor([[1, 2, 3], [4, 5, 6]]).transposed().values"#),
            .member(
                "Tensor", "subscript",
                #"""
                let w = tensor([[1, 2, 3], [4, 5, 6]])
                print(w[1].values, w[1][2].values)   // a row, then one element
                """#),
            .member(
                "Tensor", "+",
                #"print((tensor([1, 2]) + tensor([0.5, 0.5])).values, (tensor([1, 2]) + 1).values, (1 + tensor([1, 2])).values)"#
            ),
            .member(
                "Tensor", "-",
                #"print((tensor([1, 2]) - tensor([0.5, 0.5])).values, (tensor([1, 2]) - 1).values, (1 - tensor([1, 2])).values, (-tensor([1, -2])).values)"#
            ),
            .member(
                "Tensor", "*",
                #"""
                let w = tensor([0.5, -1.75])
                print((w * w).values, (w * 2).values, (2 * w).values)
                """#),
            .member(
                "Tensor", "/",
                #"""
                let w = tensor([0.5, -1.75])
                print((w / tensor([2, 7])).values, (w / 0.25).values, (1 / w).values)
                """#),
        ])

    private static let quantization = BuiltinExampleSection(
        "Quantization",
        [
            .function(
                "quantize",
                #"""
                let w = tensor([0.5, -1.75, 0.25, 3.5])
                print(quantize(w, bits: 4).values)   // scale 3.5 / 7 = 0.5; -3.5 and 0.5 tie to even
                quantize(w, bits: 4, scheme: .asymmetric)
                """#),
            .function(
                "fakeQuantize",
                #"""
                let w = tensor([0.1, -0.52, 0.33, 1.0])
                fakeQuantize(w, bits: 3).values   // the grid k · 1/3, k in -3...3
                """#),
            .function(
                "dequantize",
                #"""
                let q = quantize(tensor([0.5, -1.75, 0.25, 3.5]), bits: 4)
                print(q.values, dequantize(q).values)
                dequantize(quantize(tensor([0.3, -1.1]), format: .fp8e4m3)).values
                """#),
            .function(
                "observer",
                #"""
                var obs = observer(.movingAverage(0.1))
                for seed in 1...3 { obs.observe(randn([256], seed: seed)) }
                print(obs.min, obs.max, obs.batches)
                """#),
            .type(
                "Observer",
                #"""
                var obs = observer()
                obs.observe(tensor([-0.5, 2.0]))
                obs
                """#),
            .member(
                "Observer", "observe",
                #"""
                var obs = observer()
                obs.observe(tensor([-0.5, 2.0]))
                obs.observe(tensor([-1.5, 1.0]))
                quantize(tensor([-1.0, 0.5]), bits: 8, scheme: .asymmetric, range: obs).values
                """#),
            .member(
                "Observer", "min",
                #"""
                var obs = observer(.movingAverage(0.5))
                obs.observe(tensor([-1.0, 1.0]))
                obs.observe(tensor([-3.0, 1.0]))
                obs.min   // -1 + 0.5 · (-3 - (-1))
                """#),
            .member(
                "Observer", "max",
                #"""
                var obs = observer()
                for x in [tensor([0.5, 2.0]), tensor([1.5, 3.0])] { obs.observe(x) }
                obs.max
                """#),
            .member(
                "Observer", "batches",
                #"""
                var obs = observer()
                for seed in 1...4 { obs.observe(randn([16], seed: seed)) }
                obs.batches
                """#),
            .type("QuantizedTensor", #"quantize(randn([64, 32], std: 0.02, seed: 1), bits: 8)"#),
            .member("QuantizedTensor", "values", #"quantize(tensor([0.5, -1.75, 0.25, 3.5]), bits: 4).values"#),
            .member("QuantizedTensor", "scale", #"quantize(tensor([0.5, -1.75, 0.25, 3.5]), bits: 4).scale"#),
            .member(
                "QuantizedTensor", "zeroPoint",
                #"quantize(tensor([-0.5, 1.0, 2.0]), bits: 8, scheme: .asymmetric).zeroPoint   // 0 - round(-0.5 / (2.5 / 255))"#
            ),
            .member(
                "QuantizedTensor", "scales",
                #"quantize(tensor([[0.1, -0.2], [4, 1]]), bits: 8, granularity: .perChannel(axis: 0)).scales"#),
            .member(
                "QuantizedTensor", "zeroPoints",
                #"quantize(tensor([[-1, 1], [0, 4]]), bits: 8, scheme: .asymmetric, granularity: .perChannel(axis: 0)).zeroPoints"#
            ),
            .member(
                "QuantizedTensor", "levelsUsed",
                #"""
                let w = randn([4096], seed: 1)
                print(quantize(w, bits: 8).levelsUsed, quantize(w, bits: 8, range: .percentile(99)).levelsUsed)
                """#),
            .member("QuantizedTensor", "bits", #"quantize(tensor([1, 2]), format: .int4).bits"#),
            .member("QuantizedTensor", "shape", #"quantize(randn([64, 32], seed: 1), bits: 8).shape"#),
            .member("QuantizedTensor", "count", #"quantize(randn([64, 32], seed: 1), bits: 8).count"#),
            .member(
                "QuantizedTensor", "bytes",
                #"""
                let w = randn([64, 32], seed: 1)
                print(quantize(w, bits: 8).bytes, quantize(w, bits: 4).bytes, quantize(w, bits: 4, granularity: .perGroup(size: 32)).bytes)
                """#),
            .member("QuantizedTensor", "compression", #"quantize(randn([64, 32], seed: 1), bits: 4).compression"#),
            .type("EncodedTensor", #"quantize(randn([64, 32], std: 0.02, seed: 1), format: .nf4)"#),
            .member("EncodedTensor", "format", #"quantize(randn([64], seed: 1), format: .q4_0).format"#),
            .member("EncodedTensor", "shape", #"quantize(randn([64, 32], seed: 1), format: .fp8e4m3).shape"#),
            .member("EncodedTensor", "count", #"quantize(randn([64, 32], seed: 1), format: .fp8e4m3).count"#),
            .member(
                "EncodedTensor", "bytes",
                #"""
                let w = randn([64, 32], seed: 1)
                print(quantize(w, format: .fp8e4m3).bytes, quantize(w, format: .nf4).bytes, quantize(w, format: .q4_0).bytes)
                """#),
            .member("EncodedTensor", "compression", #"quantize(randn([64, 32], seed: 1), format: .q4_1).compression"#),
            .member("EncodedTensor", "scales", #"quantize(randn([128], seed: 1), format: .nf4(blockSize: 64)).scales"#),
            .options(
                "Scheme",
                #"""
                let w = tensor([-0.5, 1.0, 2.0])
                for scheme: Scheme in [.symmetric, .asymmetric, .powerOfTwo] {
                    let q = quantize(w, bits: 8, scheme: scheme)
                    print(scheme, q.values, q.scale, q.zeroPoint)
                }
                """#),
            .options(
                "Granularity",
                #"""
                let w = tensor([[0.01, -0.02, 0.015, 0.005], [1.0, -2.0, 0.5, 0.25]])
                for g: Granularity in [.perTensor, .perChannel(axis: 0), .perGroup(size: 2)] {
                    let q = quantize(w, bits: 4, granularity: g)
                    print(g, q.scales.count, evaluate(w[0], dequantize(q)[0]).sqnr)   // SQNR of the small row
                }
                """#),
            .options(
                "Rounding",
                #"""
                let x = tensor([-1.5, -0.5, 0.5, 1.5, 2.5, 0.7])
                for r: Rounding in [.nearestEven, .nearestAway, .towardZero, .down, .up, .stochastic(seed: 1)] {
                    print(r, quantize(x, scale: 1, rounding: r).values)
                }
                """#),
            .options(
                "Calibration",
                #"""
                let w = laplace([10_000], scale: 1, seed: 1)
                for c: Calibration in [.minMax, .percentile(99.9), .mse, .entropy, .fixed(-4, 4)] {
                    print(c, quantize(w, bits: 4, range: c).scale, evaluate(w, quantize(w, bits: 4, range: c)).sqnr)
                }
                """#),
            .options(
                "Format",
                #"""
                let w = randn([64, 64], std: 0.02, seed: 1)
                for f: Format in [.int8, .uint8, .int4, .uint4, .fp8e4m3, .fp8e5m2, .nf4, .q8_0, .q4_0, .q4_1] {
                    print(f, evaluate(w, quantize(w, format: f)).sqnr)
                }
                """#),
            .options(
                "ObserverKind",
                #"""
                for kind: ObserverKind in [.minMax, .movingAverage(0.5)] {
                    var obs = observer(kind)
                    for hi in [1.0, 4.0, 2.0] { obs.observe(tensor([0, hi])) }
                    print(kind, obs.max)
                }
                """#),
        ])

    private static let integerArithmetic = BuiltinExampleSection(
        "Integer arithmetic",
        [
            .function(
                "requantize",
                #"""
                let x = quantize(tensor([[1.0, -0.5]]), bits: 8)
                let w = quantize(tensor([[0.25], [0.75]]), bits: 8)
                requantize(matmul(x, w), scale: 0.01).values   // in floats: (0.25 - 0.375) / 0.01 = -12.5
                """#),
            .function(
                "fixedPointMultiplier",
                #"fixedPointMultiplier(0.0072)   // M0 · 2^(shift − 31), M0 in [2^30, 2^31)"#),
            .function(
                "conv1d",
                #"""
                let x = quantize(tensor([[[1, 2, 3, 4, 5]]]), bits: 8)   // [batch, channels, length]
                let k = quantize(tensor([[[1, 0, -1]]]), bits: 8)      // [out, in, width]
                dequantize(conv1d(x, k)).values
                """#),
            .function(
                "conv2d",
                #"""
                let image = quantize(linspace(0, 1, count: 16).reshaped([1, 1, 4, 4]), bits: 8)
                let edge = quantize(tensor([[[[1, -1], [1, -1]]]]), bits: 8)
                dequantize(conv2d(image, edge, stride: 2)).values
                """#),
            .type(
                "Accumulators",
                #"""
                let x = quantize(tensor([[1.0, -0.5], [0.25, 2.0]]), bits: 8)
                matmul(x, quantize(tensor([[0.5, 1], [1, -1]]), bits: 8))
                """#),
            .member(
                "Accumulators", "values",
                #"matmul(quantize(tensor([[1, 2]]), bits: 8), quantize(tensor([[3], [4]]), bits: 8)).values"#),
            .member(
                "Accumulators", "shape",
                #"matmul(quantize(randn([4, 16], seed: 1), bits: 8), quantize(randn([16, 3], seed: 2), bits: 8)).shape"#
            ),
            .member(
                "Accumulators", "scales",
                #"""
                let acc = matmul(quantize(tensor([[1, 2]]), bits: 8), quantize(tensor([[3], [4]]), bits: 8))
                print(acc.scales, (2.0 / 127) * (4.0 / 127))
                """#),
        ])

    private static let evaluation = BuiltinExampleSection(
        "Evaluation and tables",
        [
            .function(
                "evaluate",
                #"""
                let w = randn([4, 256], std: 0.02, seed: 1)
                print(evaluate(w, quantize(w, bits: 8)).sqnr, evaluate(w, fakeQuantize(w, bits: 4)).sqnr)
                evaluate(w, quantize(w, bits: 4), axis: 0)   // one row per output channel
                """#),
            .function(
                "Table",
                #"""
                var t = Table(["bits", "levels"])
                for b in [2, 4, 8] { t.append([b, 1 << b]) }
                t
                """#),
            .type(
                "ErrorMetrics",
                #"""
                let w = randn([1024], std: 0.02, seed: 1)
                evaluate(w, quantize(w, bits: 4))
                """#),
            .member(
                "ErrorMetrics", "mse",
                #"evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).mse   // (0 + 0.25 + 1) / 3"#),
            .member("ErrorMetrics", "rmse", #"evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).rmse"#),
            .member("ErrorMetrics", "mae", #"evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).mae"#),
            .member("ErrorMetrics", "maxError", #"evaluate(tensor([1, 2, 3]), tensor([1, 2.5, 2])).maxError"#),
            .member(
                "ErrorMetrics", "sqnr",
                #"""
                let w = randn([4096], seed: 1)
                (2...8).map { Int(evaluate(w, quantize(w, bits: $0)).sqnr.rounded()) }   // about 6 dB per bit
                """#),
            .member("ErrorMetrics", "cosine", #"evaluate(tensor([1, 0]), tensor([1, 1])).cosine"#),
            .member(
                "ErrorMetrics", "clippedFraction",
                #"""
                let w = laplace([10_000], scale: 1, seed: 1)
                evaluate(w, quantize(w, bits: 4, range: .percentile(99))).clippedFraction
                """#),
            .member(
                "ErrorMetrics", "levelsUsed",
                #"""
                let w = randn([1000], seed: 1)
                print(evaluate(w, quantize(w, bits: 3)).levelsUsed ?? 0, evaluate(w, w * 0.5).levelsUsed == nil)
                """#),
            .type("Table", #"Table(["layer", "bits", "SQNR (dB)"])"#),
            .member("Table", "columns", #"Table(["bits", "SQNR (dB)"]).columns"#),
            .member(
                "Table", "rowCount",
                #"""
                var t = Table(["bits"])
                for b in 2...8 { t.append([b]) }
                t.rowCount
                """#),
            .member(
                "Table", "append",
                #"""
                let w = randn([4096], std: 0.02, seed: 1)
                var t = Table(["bits", "SQNR (dB)", "bytes"])
                for b in [8, 4] { t.append([b, evaluate(w, quantize(w, bits: b)).sqnr, quantize(w, bits: b).bytes]) }
                t
                """#),
        ])
}
