import QuantEngine

// Compressing networks: `quantize(net, …)`, `qat`, `prune`, `distill`.

extension EngineBindings {
    /// The weight quantization a `Format` (int presets: symmetric for int, affine for uint) or a
    /// bit width (symmetric) describes, per output channel unless `granularity` says otherwise.
    static func weightQuantization(
        _ args: BuiltinArguments, format index: Int, bits bitsIndex: Int, granularity granularityIndex: Int
    ) throws -> WeightQuantization? {
        let granularity = try granularity(args, granularityIndex)
        if args.optional(index) != nil {
            guard args.optional(bitsIndex) == nil else {
                throw args.error(
                    bitsIndex, "give the weights either a format (weights:) or a bit width (bits:), not both")
            }
            let name = try args.option(index).name
            let integer: [String: (Int, QuantizationScheme)] = [
                "int8": (8, .symmetric), "uint8": (8, .asymmetric), "int4": (4, .symmetric), "uint4": (4, .asymmetric),
            ]
            if let (bits, scheme) = integer[name] {
                return .uniform(
                    try engine(argument: granularityIndex) { () throws(QuantEngineError) in
                        try Quantizer(bits: bits, scheme: scheme, granularity: granularity)
                    })
            }
            if args.wasSupplied(granularityIndex) {
                throw args.error(granularityIndex, "granularity applies to integer weights, not to \(name)")
            }
            return .format(try encodedFormat(args, index))
        }
        guard args.optional(bitsIndex) != nil else { return nil }
        let bits = try bits(args, bitsIndex)
        return .uniform(
            try engine(argument: bitsIndex) { () throws(QuantEngineError) in
                try Quantizer(bits: bits, scheme: .symmetric, granularity: granularity)
            })
    }

    static func encodedFormat(_ args: BuiltinArguments, _ index: Int) throws -> EncodedTensor.Format {
        let option = try args.option(index)
        switch option.name {
        case "fp8e4m3": return .fp8e4m3
        case "fp8e5m2": return .fp8e5m2
        case "nf4": return .nf4(blockSize: try option.argument("blockSize")?.asInt() ?? 64)
        case "q8_0": return .q8_0
        case "q4_0": return .q4_0
        case "q4_1": return .q4_1
        default: throw args.error(index, "\(option.name) is not a weight format")
        }
    }

    /// Activation quantization from an integer `Format` (int8: symmetric, uint8: affine) with a
    /// range method or an observer.
    static func activationQuantization(
        _ args: BuiltinArguments, format index: Int, range rangeIndex: Int?, observer observerIndex: Int?
    ) throws -> ActivationQuantization? {
        guard args.optional(index) != nil else { return nil }
        let name = try args.option(index).name
        let integer: [String: (Int, QuantizationScheme)] = [
            "int8": (8, .symmetric), "uint8": (8, .asymmetric), "int4": (4, .symmetric), "uint4": (4, .asymmetric),
        ]
        guard let (bits, scheme) = integer[name] else {
            throw args.error(index, "activations are quantized to .int8, .uint8, .int4 or .uint4, not \(name)")
        }
        let range = try rangeIndex.map { try calibration(args, $0) } ?? .minMax
        var observer: RangeObserver.Kind?
        if let observerIndex, args.optional(observerIndex) != nil {
            let option = try args.option(observerIndex)
            observer =
                option.name == "movingAverage" ? .movingAverage(try option.argument(nil)?.asDouble() ?? 0.01) : .minMax
        }
        return try engine { () throws(QuantEngineError) in
            try ActivationQuantization(
                quantizer: try Quantizer(bits: bits, scheme: scheme, range: range), observer: observer)
        }
    }

    static func registerCompression(in library: inout BuiltinLibrary) {
        library.register(
            "quantize",
            [
                .unlabeled("net", networkType), .labeled("weights", .optional(.option("Format")), default: .null),
                .labeled("bits", .optional(.int), default: .null),
                .labeled("granularity", .option("Granularity"), default: .case("perChannel")),
                .labeled("activations", .optional(.option("Format")), default: .null),
                .labeled("calibration", .optional(datasetType), default: .null),
                .labeled("range", .option("Calibration"), default: .case("minMax")),
                .labeled("observer", .optional(.option("ObserverKind")), default: .null),
                .labeled("biasCorrection", .bool, default: .bool(false)),
                .labeled("layers", .optional(.array(.string)), default: .null),
            ],
            returns: networkType,
            doc: "Post-training quantization: weights to a format (.int8, .int4, .fp8e4m3, .nf4, .q4_0 …) or `bits:` "
                + "(symmetric, per output channel by default); activations (.uint8/.int8) calibrated on `calibration` "
                + "with `range:` or an `observer:`; `biasCorrection: true` removes the mean output shift; `layers:` "
                + "quantizes only the named layers' weights (mixed precision: quantize again with other names)."
        ) { args, _ in
            let network = try args.object(0, as: Network.self)
            let weights = try weightQuantization(args, format: 1, bits: 2, granularity: 3)
            let activations = try activationQuantization(args, format: 4, range: 6, observer: 7)
            let calibration = try optionalDataset(args, 5)
            let biasCorrection = try args.bool(8)
            let names = try args.optional(9).map { try $0.asArray().map { try $0.asString() } }
            guard weights != nil || activations != nil else {
                throw ScriptError("say what to quantize: weights: (a format), bits:, or activations:")
            }
            if (activations != nil || biasCorrection) && calibration == nil {
                throw args.error(
                    5, "quantizing activations or correcting biases needs calibration: samples (e.g. data.validation)")
            }
            return .object(
                try engine { () throws(QuantEngineError) in
                    try network.quantized(
                        weights: weights, activations: activations, calibration: calibration?.features,
                        biasCorrection: biasCorrection, layers: names)
                })
        }
        library.register(
            "qat",
            [
                .unlabeled("net", networkType), .labeled("bits", .int), .labeled("on", datasetType),
                .labeled("granularity", .option("Granularity"), default: .case("perChannel")),
                .labeled("activations", .optional(.option("Format")), default: .case("uint8")),
                .labeled("range", .option("Calibration"), default: .case("minMax")),
                .labeled("learnedStepSizes", .bool, default: .bool(false)),
                .labeled("validation", .optional(datasetType), default: .null),
                .labeled("epochs", .int, default: .int(5)),
                .labeled("learningRate", .optional(.double), default: .double(0.001)),
            ] + trainingParameters.dropFirst(2),
            returns: networkType,
            doc: "Quantization-aware training: fine-tunes a copy with `bits`-bit symmetric weights (and 8-bit "
                + "activations, their ranges first calibrated on the training samples with `range:`) fake-quantized in "
                + "the forward pass and a straight-through estimator in the backward pass; `learnedStepSizes: true` "
                + "learns the scales (LSQ). Returns the quantized network."
        ) { args, context in
            let network = try args.object(0, as: Network.self)
            let bits = try bits(args, 1)
            let data = try args.object(2, as: Dataset.self)
            let granularity = try granularity(args, 3)
            let activations = try activationQuantization(args, format: 4, range: 5, observer: nil)
            let learned = try args.bool(6)
            let validation = try optionalDataset(args, 7)
            let options = try trainingOptions(args, from: 8, context)
            let method = try engine { () throws(QuantEngineError) in
                try QuantizationAwareTraining(
                    weights: try Quantizer(bits: bits, scheme: .symmetric, granularity: granularity),
                    activations: activations, learnedStepSizes: learned)
            }
            return .object(
                try training(context) { () throws(QuantEngineError) in
                    try network.quantizationAwareTrained(method, on: data, validation: validation, options: options)
                        .network
                })
        }
        library.register(
            "prune",
            [
                .unlabeled("net", networkType), .labeled("sparsity", .optional(.double), default: .null),
                .labeled("structure", .option("Pruning"), default: .case("unstructured")),
                .labeled("layers", .optional(.array(.string)), default: .null),
                .labeled("fineTuneOn", .optional(datasetType), default: .null),
                .labeled("epochs", .int, default: .int(3)),
                .labeled("learningRate", .optional(.double), default: .double(0.001)),
            ] + trainingParameters.dropFirst(2),
            returns: networkType,
            doc: "Magnitude pruning: zeroes the smallest weights of each layer (`.unstructured`), whole rows (`.rows`) "
                + "or all but n of every m (`.nm(2, 4)`); with `fineTuneOn:` it then trains `epochs` more with the "
                + "pruned weights held at zero."
        ) { args, context in
            let network = try args.object(0, as: Network.self)
            let option = try args.option(2)
            let structure: PruningStructure
            var sparsity = try args.optional(1).map { try $0.asDouble() }
            switch option.name {
            case "rows": structure = .rows
            case "nm":
                let values = option.arguments?.map(\.value) ?? []
                let n = try values.first?.asInt() ?? 2
                let m = try values.dropFirst().first?.asInt() ?? 4
                structure = .nm(n, m)
                if sparsity == nil { sparsity = m > 0 ? 1 - Double(n) / Double(m) : 0 }
            default: structure = .unstructured
            }
            guard let sparsity else {
                throw args.error(1, "say how much to prune: sparsity: 0.5 removes half the weights")
            }
            let layers = try args.optional(3).map { try $0.asArray().map { try $0.asString() } }
            var pruned = try engine(argument: 1) { () throws(QuantEngineError) in
                try network.pruned(sparsity: sparsity, structure: structure, layers: layers)
            }
            if let data = try optionalDataset(args, 4) {
                let options = try trainingOptions(args, from: 5, context)
                try training(context) { () throws(QuantEngineError) in
                    _ = try pruned.fineTune(on: data, options: options)
                }
            }
            return .object(pruned)
        }
        library.register(
            "distill",
            [
                .labeled("teacher", networkType), .labeled("student", networkType), .labeled("on", datasetType),
                .labeled("temperature", .double, default: .double(4)),
                .labeled("alpha", .double, default: .double(0.5)),
                .labeled("validation", .optional(datasetType), default: .null),
            ] + trainingParameters,
            returns: networkType,
            doc: "Knowledge distillation (Hinton et al. 2015): trains the student on α · T² · KL(teacher ‖ student) at "
                + "temperature T plus (1 − α) · cross-entropy with the labels; returns the trained student."
        ) { args, context in
            let teacher = try args.object(0, as: Network.self)
            var student = try args.object(1, as: Network.self)
            let data = try args.object(2, as: Dataset.self)
            let (temperature, alpha) = (try args.double(3), try args.double(4))
            let validation = try optionalDataset(args, 5)
            let options = try trainingOptions(args, from: 6, context)
            try training(context) { () throws(QuantEngineError) in
                _ = try Network.distill(
                    teacher: teacher, student: &student, on: data, validation: validation, temperature: temperature,
                    alpha: alpha, options: options)
            }
            return .object(student)
        }
    }
}
