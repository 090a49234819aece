import QuantEngine

extension BuiltinLibrary {
    /// Everything cells can call: the language's standard library plus the quantization engine.
    public static let qnb: BuiltinLibrary = BuiltinLibrary.standard.merging(.engine).merging(.plotting)

    /// The builtins that bind QuantEngine.
    public static let engine: BuiltinLibrary = {
        var library = BuiltinLibrary()
        EngineBindings.registerOptions(in: &library)
        EngineBindings.registerConstructors(in: &library)
        EngineBindings.registerQuantization(in: &library)
        EngineBindings.registerTypes(in: &library)
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
                ]))
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
            "Table", [.unlabeled("columns", .array(.string))], returns: .object("Table"),
            doc: "An empty table with these column names; add rows with `append`."
        ) { args, _ in .object(ScriptTable(columns: try args.strings(0))) }
    }

    static func registerQuantization(in library: inout BuiltinLibrary) {
        let common: [BuiltinParameter] = [
            .unlabeled("x", tensorType), .labeled("bits", .int, default: .int(8)),
            .labeled("scheme", .option("Scheme"), default: .case("symmetric")),
            .labeled("narrowRange", .bool, default: .bool(true)),
        ]
        library.register(
            "quantize", common, returns: .object("QuantizedTensor"),
            doc: "Per-tensor quantization with a scale (and zero point) calibrated on min/max, ONNX rounding."
        ) { args, _ in
            let x = try tensor(args, 0)
            let (bits, scheme, narrow) = (try bits(args, 1), try scheme(args, 2), try args.bool(3))
            return .object(
                try engine { () throws(QuantEngineError) in
                    try quantize(x, bits: bits, scheme: scheme, narrowRange: narrow)
                })
        }
        library.register(
            "quantize",
            [
                .unlabeled("x", tensorType), .labeled("scale", .double), .labeled("zeroPoint", .int, default: .int(0)),
                .labeled("bits", .int, default: .int(8)), .labeled("signed", .bool, default: .bool(true)),
            ],
            returns: .object("QuantizedTensor"),
            doc: "Quantization with explicit parameters, ONNX QuantizeLinear: saturate(round(x / scale) + zeroPoint)."
        ) { args, _ in
            let x = try tensor(args, 0)
            let (scale, zeroPoint, bits, signed) = (
                try args.double(1), try args.int(2), try bits(args, 3), try args.bool(4)
            )
            let parameters = try engine(argument: 1) { () throws(QuantEngineError) in
                try QuantizationParameters(scale: Float(scale), zeroPoint: zeroPoint, bits: bits, signed: signed)
            }
            return .object(try engine { () throws(QuantEngineError) in try quantize(x, parameters: parameters) })
        }
        library.register(
            "dequantize", [.unlabeled("q", .object("QuantizedTensor"))], returns: tensorType,
            doc: "The reals the codes stand for: (q − zeroPoint) · scale (ONNX DequantizeLinear)."
        ) { args, _ in .object(dequantize(try args.object(0, as: QuantizedTensor.self))) }
        library.register(
            "fakeQuantize", common, returns: tensorType,
            doc: "dequantize(quantize(x, …)) with the same options, in one pass."
        ) { args, _ in
            let x = try tensor(args, 0)
            let (bits, scheme, narrow) = (try bits(args, 1), try scheme(args, 2), try args.bool(3))
            return .object(
                try engine { () throws(QuantEngineError) in
                    try fakeQuantize(x, bits: bits, scheme: scheme, narrowRange: narrow)
                })
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
            let approximation = try tensor(args, 1)
            return .object(
                try engine { () throws(QuantEngineError) in try ErrorMetrics.compare(reference, approximation) })
        }
    }
}
