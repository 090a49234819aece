import QuantEngine

extension BuiltinLibrary {
    /// Everything cells can call: the language's standard library plus the quantization engine.
    public static let qnb: BuiltinLibrary = BuiltinLibrary.standard.merging(.engine).merging(.plotting).merging(.files)

    /// The builtins that bind QuantEngine.
    public static let engine: BuiltinLibrary = {
        var library = BuiltinLibrary()
        EngineBindings.registerOptions(in: &library)
        EngineBindings.registerConstructors(in: &library)
        EngineBindings.registerQuantization(in: &library)
        EngineBindings.registerTypes(in: &library)
        EngineBindings.registerModels(in: &library)
        EngineBindings.registerTranslation(in: &library)
        return library
    }()
}

/// Conversions between script values and engine values shared by the bindings.
enum EngineBindings {
    static let tensorType = ScriptType.object("Tensor")

    /// Runs an engine call, turning its error into a script error (located by the interpreter
    /// at the call, or at `argument` when given).
    static func engine<T>(argument: Int? = nil, _ body: () throws(QuantEngineError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw ScriptError(error.description, argument: argument)
        }
    }

    /// The values an approximation argument stands for: a quantized or encoded tensor
    /// dequantized, else a tensor argument.
    static func approximationTensor(_ args: BuiltinArguments, _ index: Int) throws -> Tensor {
        if case .object(let object) = args[index] {
            if let quantized = object as? QuantizedTensor { return quantized.dequantized() }
            if let encoded = object as? EncodedTensor { return encoded.dequantized() }
        }
        return try tensor(args, index)
    }

    /// A tensor argument: a Tensor, or (nested) arrays of numbers.
    static func tensor(_ args: BuiltinArguments, _ index: Int) throws -> Tensor {
        if case .object(let object) = args[index], let tensor = object as? Tensor { return tensor }
        let (values, shape) = try args.numericArray(index)
        return try engine(argument: index) { () throws(QuantEngineError) in
            try Tensor(shape: shape, scalars: values.map { Float($0) })
        }
    }

    static func shape(_ args: BuiltinArguments, _ index: Int) throws -> [Int] {
        let shape = try args.ints(index)
        _ = try engine(argument: index) { () throws(QuantEngineError) in try Tensor.elementCount(of: shape) }
        return shape
    }

    static func bits(_ args: BuiltinArguments, _ index: Int) throws -> Int {
        let bits = try args.int(index)
        guard (2...16).contains(bits) else { throw args.error(index, QuantEngineError.invalidBits(bits).description) }
        return bits
    }

    static func scheme(_ args: BuiltinArguments, _ index: Int) throws -> QuantizationScheme {
        switch try args.option(index).name {
        case "asymmetric": return .asymmetric
        case "powerOfTwo": return .powerOfTwo
        default: return .symmetric
        }
    }

    /// A seed given with `seed:`, or the next one from the notebook's generator.
    static func seed(_ args: BuiltinArguments, _ index: Int, _ context: BuiltinContext) throws -> UInt64 {
        guard args.wasSupplied(index), args.optional(index) != nil else { return context.nextSeed() }
        let seed = try args.int(index)
        guard seed >= 0 else { throw args.error(index, "seed must not be negative, got \(seed)") }
        return UInt64(seed)
    }

    static func registerOptions(in library: inout BuiltinLibrary) {
        library.register(
            BuiltinOptionType(
                "Scheme", doc: "How a real range maps onto integer codes.",
                cases: [
                    .init("symmetric", doc: "Zero point 0, signed codes, scale = max|x| / (2^(b−1) − 1)."),
                    .init("asymmetric", doc: "Affine: unsigned codes with a zero point covering [min, max]."),
                    .init("powerOfTwo", doc: "Fixed point: scale 2^−n with the most fractional bits n that fit."),
                ]))
        library.register(
            BuiltinOptionType(
                "Granularity", doc: "Which elements share one scale and zero point.",
                cases: [
                    .init("perTensor", doc: "One for the whole tensor."),
                    .init(
                        "perChannel", [.labeled("axis", .int, default: .int(0))],
                        doc: "One per slice along the axis (axis 0: one per output channel of a weight)."),
                    .init(
                        "perGroup", [.labeled("size", .int)],
                        doc: "One per run of `size` consecutive elements along the last axis."),
                ]))
        library.register(
            BuiltinOptionType(
                "Rounding", doc: "How x / scale becomes an integer.",
                cases: [
                    .init("nearestEven", doc: "To nearest, ties to even (ONNX QuantizeLinear, the default)."),
                    .init("nearestAway", doc: "To nearest, ties away from zero (C roundf, ggml)."),
                    .init("towardZero", doc: "Truncation."),
                    .init("down", doc: "Floor."),
                    .init("up", doc: "Ceiling."),
                    .init(
                        "stochastic", [.labeled("seed", .int, default: .int(0))],
                        doc: "Up with probability equal to the fraction: unbiased on average."),
                ]))
        library.register(
            BuiltinOptionType(
                "Calibration", doc: "How the range to quantize is chosen from the data.",
                cases: [
                    .init("minMax", doc: "The exact minimum and maximum (max|x| for symmetric): nothing clipped."),
                    .init(
                        "percentile", [.unlabeled("p", .double)],
                        doc: "Clip at the p-th percentile of |x| (both tails for asymmetric), p in 50…100."),
                    .init("mse", doc: "The threshold that minimises the squared error (histogram search)."),
                    .init("entropy", doc: "The threshold that minimises the KL divergence (TensorRT)."),
                    .init(
                        "fixed", [.unlabeled("lo", .double), .unlabeled("hi", .double)],
                        doc: "A range given by hand."),
                ]))
        library.register(
            BuiltinOptionType(
                "Format", doc: "A storage format for quantized values.",
                cases: [
                    .init("int8", doc: "8-bit signed integers, symmetric."),
                    .init("uint8", doc: "8-bit unsigned integers with a zero point."),
                    .init("int4", doc: "4-bit signed integers, symmetric, two per byte."),
                    .init("uint4", doc: "4-bit unsigned integers with a zero point, two per byte."),
                    .init("fp8e4m3", doc: "FP8 E4M3FN (OCP): max 448, no infinities; per-tensor scale."),
                    .init("fp8e5m2", doc: "FP8 E5M2 (OCP): max 57344, with infinities; per-tensor scale."),
                    .init(
                        "nf4", [.labeled("blockSize", .int, default: .int(64))],
                        doc: "NormalFloat-4 (QLoRA): 16 levels at normal quantiles, absmax per block."),
                    .init("q8_0", doc: "llama.cpp Q8_0: blocks of 32, int8 codes, an fp16 scale."),
                    .init("q4_0", doc: "llama.cpp Q4_0: blocks of 32, 4-bit codes, an fp16 scale."),
                    .init("q4_1", doc: "llama.cpp Q4_1: blocks of 32, 4-bit codes, an fp16 scale and minimum."),
                ]))
        library.register(
            BuiltinOptionType(
                "ObserverKind", doc: "How an observer accumulates ranges over batches.",
                cases: [
                    .init("minMax", doc: "The running minimum and maximum."),
                    .init(
                        "movingAverage", [.unlabeled("c", .double, default: .double(0.01))],
                        doc: "new = old + c · (batch − old), PyTorch's default c = 0.01."),
                ]))
    }

    static func granularity(_ args: BuiltinArguments, _ index: Int) throws -> Granularity {
        let option = try args.option(index)
        switch option.name {
        case "perChannel": return .perChannel(axis: try option.argument("axis")?.asInt() ?? 0)
        case "perGroup": return .perGroup(size: try option.argument("size")?.asInt() ?? 0)
        default: return .perTensor
        }
    }

    static func rounding(_ args: BuiltinArguments, _ index: Int) throws -> Rounding {
        let option = try args.option(index)
        switch option.name {
        case "nearestAway": return .nearestAway
        case "towardZero": return .towardZero
        case "down": return .down
        case "up": return .up
        case "stochastic":
            let seed = try option.argument("seed")?.asInt() ?? 0
            guard seed >= 0 else { throw args.error(index, "seed must not be negative, got \(seed)") }
            return .stochastic(seed: UInt64(seed))
        default: return .nearestEven
        }
    }

    static func calibration(_ args: BuiltinArguments, _ index: Int) throws -> RangeMethod {
        if case .object(let object) = args[index], let observer = object as? RangeObserver {
            return try engine(argument: index) { () throws(QuantEngineError) in try observer.rangeMethod() }
        }
        let option = try args.option(index)
        switch option.name {
        case "percentile":
            let p = try option.argument(nil)?.asDouble() ?? 100
            guard p >= 50, p <= 100 else { throw args.error(index, "percentile must be between 50 and 100, got \(p)") }
            return .percentile(p)
        case "mse": return .mse
        case "entropy": return .entropy
        case "fixed":
            let values = option.arguments?.map(\.value) ?? []
            let lo = try values.first?.asDouble() ?? 0
            let hi = try values.dropFirst().first?.asDouble() ?? 0
            guard lo.isFinite, hi.isFinite, lo <= hi else {
                throw args.error(index, "fixed(lo, hi) needs finite lo ≤ hi, got \(lo) and \(hi)")
            }
            return .fixed(Float(lo), Float(hi))
        default: return .minMax
        }
    }

    /// The quantizer described by the common parameters at `first`…: bits, scheme, narrowRange,
    /// signed, granularity, rounding, range.
    static func quantizer(_ args: BuiltinArguments, from first: Int) throws -> Quantizer {
        let bits = try bits(args, first)
        let scheme = try scheme(args, first + 1)
        let (narrow, signed) = (try args.bool(first + 2), try args.bool(first + 3))
        let granularity = try granularity(args, first + 4)
        let rounding = try rounding(args, first + 5)
        let range = try calibration(args, first + 6)
        return try engine { () throws(QuantEngineError) in
            try Quantizer(
                bits: bits, scheme: scheme, range: range, rounding: rounding, granularity: granularity,
                narrowRange: narrow, signed: signed)
        }
    }

    static func registerConstructors(in library: inout BuiltinLibrary) {
        library.register(
            "tensor", [.unlabeled("values", .array(.any))], returns: tensorType,
            doc: "A tensor from numbers or nested arrays of numbers (the nesting gives the shape)."
        ) { args, _ in .object(try tensor(args, 0)) }
        library.register(
            "zeros", [.unlabeled("shape", .array(.int))], returns: tensorType, doc: "A tensor of zeros."
        ) { args, _ in
            let shape = try shape(args, 0)
            return .object(try engine { () throws(QuantEngineError) in try Tensor.zeros(shape) })
        }
        library.register(
            "linspace",
            [.unlabeled("start", .double), .unlabeled("end", .double), .labeled("count", .int)],
            returns: tensorType, doc: "`count` evenly spaced values from start to end inclusive (numpy's linspace)."
        ) { args, _ in
            let (lo, hi, count) = (try args.double(0), try args.double(1), try args.int(2))
            return .object(
                try engine(argument: 2) { () throws(QuantEngineError) in
                    try Tensor.linspace(lo, hi, count: count)
                })
        }
        library.register(
            "randn",
            [
                .unlabeled("shape", .array(.int)), .labeled("mean", .double, default: .double(0)),
                .labeled("std", .double, default: .double(1)), .labeled("seed", .optional(.int), default: .null),
            ],
            returns: tensorType,
            doc: "Normal samples; without `seed:` the notebook's generator (front matter `seed`) continues."
        ) { args, context in
            let shape = try shape(args, 0)
            let (mean, std) = (try args.double(1), try args.double(2))
            guard std >= 0 else { throw args.error(2, "std must not be negative, got \(std)") }
            let seed = try seed(args, 3, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Tensor.randn(shape, mean: mean, std: std, seed: seed)
                })
        }
        library.register(
            "rand",
            [
                .unlabeled("shape", .array(.int)), .labeled("in", .optional(.closedRange(.number)), default: .null),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: tensorType, doc: "Uniform samples in a range (default 0...1)."
        ) { args, context in
            let shape = try shape(args, 0)
            var (lo, hi) = (0.0, 1.0)
            if let range = args.optional(1) {
                switch range {
                case .range(.int(let lower, let upper, true)): (lo, hi) = (Double(lower), Double(upper))
                case .range(.double(let lower, let upper, true)): (lo, hi) = (lower, upper)
                default: throw args.error(1, "expected a closed range such as -1...1")
                }
            }
            guard lo <= hi, lo.isFinite, hi.isFinite else {
                throw args.error(1, "the range must be finite and not empty")
            }
            let seed = try seed(args, 2, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Tensor.rand(shape, in: lo...hi, seed: seed)
                })
        }
        library.register(
            "laplace",
            [
                .unlabeled("shape", .array(.int)), .labeled("scale", .double, default: .double(1)),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: tensorType, doc: "Laplace samples around 0 (heavy tails; std = scale · √2)."
        ) { args, context in
            let shape = try shape(args, 0)
            let scale = try args.double(1)
            guard scale > 0 else { throw args.error(1, "scale must be positive, got \(scale)") }
            let seed = try seed(args, 2, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Tensor.laplace(shape, loc: 0, scale: scale, seed: seed)
                })
        }
        library.register(
            "matmul", [.unlabeled("a", tensorType), .unlabeled("b", tensorType)], returns: tensorType,
            doc: "Matrix product (numpy's rules for 1-D operands)."
        ) { args, _ in
            let (a, b) = (try tensor(args, 0), try tensor(args, 1))
            return .object(try engine { () throws(QuantEngineError) in try QuantEngine.matmul(a, b) })
        }
        library.register(
            "relu", [.unlabeled("x", tensorType)], returns: tensorType, doc: "max(x, 0) element by element."
        ) { args, _ in
            let x = try tensor(args, 0)
            return .object(try engine { () throws(QuantEngineError) in try x.clamped(lower: 0) })
        }
        library.register(
            "Table", [.unlabeled("columns", .array(.string))], returns: .object("Table"),
            doc: "An empty table with these column names; add rows with `append`."
        ) { args, _ in .object(ScriptTable(columns: try args.strings(0))) }
    }

    static func registerQuantization(in library: inout BuiltinLibrary) {
        let options: [BuiltinParameter] = [
            .labeled("bits", .int, default: .int(8)),
            .labeled("scheme", .option("Scheme"), default: .case("symmetric")),
            .labeled("narrowRange", .bool, default: .bool(true)),
            .labeled("signed", .bool, default: .bool(false)),
            .labeled("granularity", .option("Granularity"), default: .case("perTensor")),
            .labeled("rounding", .option("Rounding"), default: .case("nearestEven")),
        ]
        let calibrated =
            [BuiltinParameter.unlabeled("x", tensorType)] + options + [
                .labeled("range", .option("Calibration"), default: .case("minMax"))
            ]
        let observed =
            [BuiltinParameter.unlabeled("x", tensorType)] + options + [
                .labeled("range", .object("Observer"))
            ]
        for parameters in [calibrated, observed] {
            library.register(
                "quantize", parameters, returns: .object("QuantizedTensor"),
                doc: "Quantization with parameters calibrated on the data (or an observer's range): "
                    + "scale and zero point per tensor, channel or group; ONNX QuantizeLinear rounding by default."
            ) { args, _ in
                let x = try tensor(args, 0)
                let quantizer = try quantizer(args, from: 1)
                return .object(try engine { () throws(QuantEngineError) in try quantizer.quantize(x) })
            }
            library.register(
                "fakeQuantize", parameters, returns: tensorType,
                doc: "dequantize(quantize(x, …)) with the same options, in one pass."
            ) { args, _ in
                let x = try tensor(args, 0)
                let quantizer = try quantizer(args, from: 1)
                return .object(try engine { () throws(QuantEngineError) in try quantizer.fakeQuantize(x) })
            }
        }
        library.register(
            "quantize",
            [
                .unlabeled("x", tensorType), .labeled("bits", .int, default: .int(8)),
                .labeled("fractionalBits", .int),
                .labeled("rounding", .option("Rounding"), default: .case("nearestEven")),
            ],
            returns: .object("QuantizedTensor"),
            doc: "Fixed point with n fractional bits: codes round(x · 2^n), saturated to the signed grid."
        ) { args, _ in
            let x = try tensor(args, 0)
            let (bits, rounding) = (try bits(args, 1), try rounding(args, 3))
            let n = try args.int(2)
            let parameters = try engine(argument: 2) { () throws(QuantEngineError) in
                try QuantizationParameters.powerOfTwo(fractionalBits: n, bits: bits)
            }
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Quantizer.quantize(x, parameters: parameters, rounding: rounding, scheme: .powerOfTwo)
                })
        }
        library.register(
            "quantize",
            [
                .unlabeled("x", tensorType), .labeled("format", .option("Format")),
                .labeled("scale", .optional(.double), default: .null),
                .labeled("saturate", .bool, default: .bool(true)),
                .labeled("granularity", .option("Granularity"), default: .case("perTensor")),
            ],
            returns: .any,
            doc: "Quantization to a storage format: integer presets give a QuantizedTensor, FP8, NF4 and "
                + "the ggml blocks an EncodedTensor (`dequantize` and `evaluate` take both)."
        ) { args, _ in
            let x = try tensor(args, 0)
            let option = try args.option(1)
            let scale = try args.optional(2).map { try $0.asDouble() }
            let integer: (bits: Int, scheme: QuantizationScheme)? =
                switch option.name {
                case "int8": (8, .symmetric)
                case "uint8": (8, .asymmetric)
                case "int4": (4, .symmetric)
                case "uint4": (4, .asymmetric)
                default: nil
                }
            let fp8 = option.name.hasPrefix("fp8")
            // Options that mean nothing for the chosen format are refused, not ignored.
            if integer != nil, args.wasSupplied(2) {
                throw args.error(2, "scale: applies to the FP8 formats; .\(option.name) calibrates its own scale")
            }
            if !fp8, args.wasSupplied(3) {
                throw args.error(3, "saturate: applies to the FP8 formats only, not .\(option.name)")
            }
            if integer == nil, args.wasSupplied(4) {
                throw args.error(
                    4,
                    ".\(option.name) has its own granularity (FP8: one scale; NF4 and ggml: blocks); "
                        + "granularity: applies to .int8, .uint8, .int4 and .uint4")
            }
            if let integer {
                let granularity = try granularity(args, 4)
                return .object(
                    try engine { () throws(QuantEngineError) in
                        try Quantizer(bits: integer.bits, scheme: integer.scheme, granularity: granularity).quantize(x)
                    })
            }
            let format: EncodedTensor.Format
            switch option.name {
            case "fp8e4m3": format = .fp8e4m3
            case "fp8e5m2": format = .fp8e5m2
            case "nf4": format = .nf4(blockSize: try option.argument("blockSize")?.asInt() ?? 64)
            case "q8_0": format = .q8_0
            case "q4_0": format = .q4_0
            default: format = .q4_1
            }
            let saturate = try args.bool(3)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try EncodedTensor.encode(x, as: format, scale: scale.map(Float.init), saturate: saturate)
                })
        }
        library.register(
            "dequantize", [.unlabeled("e", .object("EncodedTensor"))], returns: tensorType,
            doc: "The Float32 values an FP8, NF4 or ggml tensor stands for."
        ) { args, _ in .object(try args.object(0, as: EncodedTensor.self).dequantized()) }
        let quantizedType = ScriptType.object("QuantizedTensor")
        library.register(
            "matmul", [.unlabeled("a", quantizedType), .unlabeled("b", quantizedType)],
            returns: .object("Accumulators"),
            doc: "Integer matrix product of 8-bit codes: exact int32 sums of (qa − za)(qb − zb); "
                + "b may have one scale per output column (.perChannel(axis: 1))."
        ) { args, _ in
            let (a, b) = (try args.object(0, as: QuantizedTensor.self), try args.object(1, as: QuantizedTensor.self))
            return .object(try engine { () throws(QuantEngineError) in try QuantEngine.matmul(a, b) })
        }
        library.register(
            "dequantize", [.unlabeled("acc", .object("Accumulators"))], returns: tensorType,
            doc: "The real values of int32 accumulators: acc · input scale · weight scale."
        ) { args, _ in .object(try args.object(0, as: AccumulatorTensor.self).dequantized()) }
        library.register(
            "requantize",
            [
                .unlabeled("acc", .object("Accumulators")), .labeled("scale", .double),
                .labeled("zeroPoint", .int, default: .int(0)), .labeled("signed", .bool, default: .bool(true)),
            ],
            returns: quantizedType,
            doc: "int32 accumulators to 8-bit codes with a fixed-point multiplier M0 · 2^−n "
                + "(gemmlowp/TFLite rounding), plus the output zero point, saturated."
        ) { args, _ in
            let acc = try args.object(0, as: AccumulatorTensor.self)
            let (scale, zeroPoint, signed) = (try args.double(1), try args.int(2), try args.bool(3))
            return .object(
                try engine { () throws(QuantEngineError) in
                    try requantize(acc, outputScale: Float(scale), outputZeroPoint: zeroPoint, signed: signed)
                })
        }
        library.register(
            "fixedPointMultiplier", [.unlabeled("m", .double)],
            returns: .tuple([.int, .int], labels: ["m0", "shift"]),
            doc: "The (M0, shift) with m = M0 · 2^(shift − 31), M0 in [2^30, 2^31), as TFLite's QuantizeMultiplier."
        ) { args, _ in
            let m = try args.double(0)
            let multiplier = try engine(argument: 0) { () throws(QuantEngineError) in try FixedPointMultiplier(m) }
            return .tuple(
                ScriptTuple(
                    [.int(Int(multiplier.quantizedMultiplier)), .int(multiplier.shift)], labels: ["m0", "shift"]))
        }
        for (name, rank) in [("conv1d", 3), ("conv2d", 4)] {
            library.register(
                name,
                [
                    .unlabeled("x", quantizedType), .unlabeled("w", quantizedType),
                    .labeled("stride", .int, default: .int(1)), .labeled("padding", .int, default: .int(0)),
                ],
                returns: .object("Accumulators"),
                doc: "Integer \(rank - 2)-D convolution of 8-bit codes through the integer matmul (im2col); "
                    + "padding uses the input's zero point."
            ) { args, _ in
                let (x, w) = (
                    try args.object(0, as: QuantizedTensor.self), try args.object(1, as: QuantizedTensor.self)
                )
                let (stride, padding) = (try args.int(2), try args.int(3))
                return .object(
                    try engine { () throws(QuantEngineError) in
                        rank == 3
                            ? try conv1d(x, w, stride: stride, padding: padding)
                            : try conv2d(x, w, stride: stride, padding: padding)
                    })
            }
        }
        library.register(
            "observer", [.unlabeled("kind", .option("ObserverKind"), default: .case("minMax"))],
            returns: .object("Observer"),
            doc: "Accumulates the range of activations over batches: `obs.observe(x)`, then `quantize(x, range: obs)`."
        ) { args, _ in
            let option = try args.option(0)
            let kind: RangeObserver.Kind =
                option.name == "movingAverage" ? .movingAverage(try option.argument(nil)?.asDouble() ?? 0.01) : .minMax
            return .object(try engine(argument: 0) { () throws(QuantEngineError) in try RangeObserver(kind) })
        }
        library.register(
            "quantize",
            [
                .unlabeled("x", tensorType), .labeled("scale", .any), .labeled("zeroPoint", .any, default: .int(0)),
                .labeled("bits", .int, default: .int(8)), .labeled("signed", .bool, default: .bool(true)),
                .labeled("axis", .optional(.int), default: .null),
                .labeled("rounding", .option("Rounding"), default: .case("nearestEven")),
            ],
            returns: .object("QuantizedTensor"),
            doc: "Quantization with explicit parameters, ONNX QuantizeLinear: saturate(round(x / scale) + zeroPoint). "
                + "With `axis:`, scale and zeroPoint are arrays, one entry per slice along the axis."
        ) { args, _ in
            let x = try tensor(args, 0)
            let (bits, signed, rounding) = (try bits(args, 3), try args.bool(4), try rounding(args, 6))
            let axis = try args.optional(5).map { try $0.asInt() }
            let scales: [Double]
            let zeroPoints: [Int]
            if axis == nil {
                scales = [try args.double(1)]
                zeroPoints = [try args.int(2)]
            } else {
                scales = try (try? args.doubles(1)) ?? [args.double(1)]
                zeroPoints = try (try? args.ints(2)) ?? [args.int(2)]
            }
            let count = Swift.max(scales.count, zeroPoints.count)
            guard scales.count == count || scales.count == 1, zeroPoints.count == count || zeroPoints.count == 1 else {
                throw args.error(2, "\(scales.count) scales but \(zeroPoints.count) zero points; they must pair up")
            }
            var sets: [QuantizationParameters] = []
            for index in 0..<count {
                let scale = scales[scales.count == 1 ? 0 : index]
                let zeroPoint = zeroPoints[zeroPoints.count == 1 ? 0 : index]
                sets.append(
                    try engine(argument: scale.isFinite && scale > 0 ? 2 : 1) { () throws(QuantEngineError) in
                        try QuantizationParameters(
                            scale: Float(scale), zeroPoint: zeroPoint, bits: bits, signed: signed)
                    })
            }
            let granularity: Granularity = axis.map { .perChannel(axis: $0) } ?? .perTensor
            if let axis, (0..<x.shape.count).contains(axis), x.shape[axis] != sets.count, sets.count == 1 {
                sets = Array(repeating: sets[0], count: x.shape[axis])
            }
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Quantizer.quantize(x, parameters: sets, granularity: granularity, rounding: rounding)
                })
        }
        library.register(
            "dequantize", [.unlabeled("q", .object("QuantizedTensor"))], returns: tensorType,
            doc: "The reals the codes stand for: (q − zeroPoint) · scale (ONNX DequantizeLinear)."
        ) { args, _ in .object(dequantize(try args.object(0, as: QuantizedTensor.self))) }
        library.register(
            "evaluate",
            [.unlabeled("reference", tensorType), .unlabeled("approximation", .any), .labeled("axis", .int)],
            returns: .object("Table"),
            doc: "The error of every slice along `axis` (axis 0: one row per output channel)."
        ) { args, _ in
            let reference = try tensor(args, 0)
            let approximation = try approximationTensor(args, 1)
            let axis = try args.int(2)
            let rows = try engine { () throws(QuantEngineError) in
                try ErrorMetrics.perSlice(reference, approximation, axis: axis)
            }
            var table = ScriptTable(columns: ["channel", "MSE", "max error", "SQNR (dB)", "cosine"])
            for (index, metrics) in rows.enumerated() {
                table.rows.append([
                    .integer(index), .number(metrics.mse), .number(metrics.maxError), .number(metrics.sqnr),
                    .number(metrics.cosine),
                ])
            }
            return .object(table)
        }
        library.register(
            "evaluate", [.unlabeled("reference", tensorType), .unlabeled("approximation", .any)],
            returns: .object("ErrorMetrics"),
            doc: "Error of an approximation (a tensor or a quantized tensor): mse, rmse, mae, maxError, sqnr, cosine."
        ) { args, _ in
            let reference = try tensor(args, 0)
            if case .object(let object) = args[1], let quantized = object as? QuantizedTensor {
                return .object(
                    try engine { () throws(QuantEngineError) in try ErrorMetrics.compare(reference, quantized) })
            }
            let approximation = try approximationTensor(args, 1)
            return .object(
                try engine { () throws(QuantEngineError) in try ErrorMetrics.compare(reference, approximation) })
        }
    }
}
