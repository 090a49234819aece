import QNBPlot
import QuantEngine

// Data sets, networks and training: `dataset`, `mlp`, `cnn`, `train`, `evaluate`, `compare`.

extension EngineBindings {
    static let networkType = ScriptType.object("Network")
    static let datasetType = ScriptType.object("Dataset")

    /// The training options shared by `train`, `qat` and `distill`, starting at `first`:
    /// epochs, learningRate, batchSize, optimizer, weightDecay, seed.
    static let trainingParameters: [BuiltinParameter] = [
        .labeled("epochs", .int, default: .int(10)),
        .labeled("learningRate", .optional(.double), default: .null),
        .labeled("batchSize", .int, default: .int(32)),
        .labeled("optimizer", .option("Optimizer"), default: .case("adam")),
        .labeled("weightDecay", .double, default: .double(0)),
        .labeled("seed", .optional(.int), default: .null),
    ]

    static func trainingOptions(_ args: BuiltinArguments, from first: Int, _ context: BuiltinContext) throws
        -> TrainingOptions
    {
        let epochs = try args.int(first)
        guard (1...10_000).contains(epochs) else { throw args.error(first, "epochs must be 1…10000, got \(epochs)") }
        let learningRate = try args.optional(first + 1).map { try $0.asDouble() }
        let batchSize = try args.int(first + 2)
        guard batchSize >= 1 else { throw args.error(first + 2, "batchSize must be at least 1, got \(batchSize)") }
        let option = try args.option(first + 3)
        let optimizer = try engine(argument: first + 3) { () throws(QuantEngineError) -> Optimizer in
            switch option.name {
            case "sgd": return try .sgd(momentum: (try? option.argument("momentum")?.asDouble()) ?? 0.9)
            default:
                return try .adam(
                    beta1: (try? option.argument("beta1")?.asDouble()) ?? 0.9,
                    beta2: (try? option.argument("beta2")?.asDouble()) ?? 0.999)
            }
        }
        let monitor = context.deadline.map { deadline in TrainingMonitor { ContinuousClock.now <= deadline } }
        let options = TrainingOptions(
            epochs: epochs, learningRate: learningRate, batchSize: batchSize, optimizer: optimizer,
            weightDecay: try args.double(first + 4), seed: try seed(args, first + 5, context), monitor: monitor)
        try engine(argument: first + 1) { () throws(QuantEngineError) in try options.validate() }
        return options
    }

    /// Runs an engine call that trains: an interruption by the cell's time limit becomes the
    /// interpreter's located time-limit error, any other engine error a script error.
    static func training<T>(_ context: BuiltinContext, _ body: () throws(QuantEngineError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            if case .interrupted = error { try context.checkTimeLimit() }
            throw ScriptError(error.description)
        }
    }

    static func optionalDataset(_ args: BuiltinArguments, _ index: Int) throws -> Dataset? {
        guard args.optional(index) != nil else { return nil }
        return try args.object(index, as: Dataset.self)
    }

    static func activation(_ args: BuiltinArguments, _ index: Int) throws -> Activation {
        Activation(rawValue: try args.option(index).name) ?? .relu
    }

    static func registerModels(in library: inout BuiltinLibrary) {
        registerModelOptions(in: &library)
        registerData(in: &library)
        registerNetworks(in: &library)
        registerTraining(in: &library)
        registerCompression(in: &library)
        registerTranslationModels(in: &library)
    }

    static func registerModelOptions(in library: inout BuiltinLibrary) {
        library.register(
            BuiltinOptionType(
                "DatasetKind", doc: "A data set to classify.",
                cases: [
                    .init("moons", doc: "Two interleaving half circles (scikit-learn's make_moons)."),
                    .init(
                        "circles", [.labeled("factor", .double, default: .double(0.5))],
                        doc: "A circle inside a circle of radius 1 (make_circles)."),
                    .init(
                        "spirals", [.labeled("arms", .int, default: .int(2))],
                        doc: "Interleaved spiral arms, one class each."),
                    .init(
                        "blobs", [.labeled("centers", .int, default: .int(3))],
                        doc: "Gaussian clusters around random centres (make_blobs)."),
                    .init("gaussians", doc: "Three overlapping 2-D Gaussian classes."),
                    .init(
                        "digits",
                        doc:
                            "1,797 8×8 handwritten digits, pixels 0…16 (UCI Optical Recognition of Handwritten Digits, CC BY 4.0)."
                    ),
                ]))
        library.register(
            BuiltinOptionType(
                "Activation", doc: "The nonlinearity between layers.",
                cases: [
                    .init("relu", doc: "max(0, x)."), .init("gelu", doc: "x · Φ(x), the exact (erf) form."),
                    .init("tanh", doc: "tanh(x)."),
                ]))
        library.register(
            BuiltinOptionType(
                "Optimizer", doc: "How gradients become weight updates (PyTorch's rules).",
                cases: [
                    .init(
                        "sgd", [.labeled("momentum", .double, default: .double(0.9))],
                        doc: "SGD with momentum; default learning rate 0.1."),
                    .init(
                        "adam",
                        [
                            .labeled("beta1", .double, default: .double(0.9)),
                            .labeled("beta2", .double, default: .double(0.999)),
                        ],
                        doc: "Adam with bias correction; default learning rate 0.01."),
                ]))
        library.register(
            BuiltinOptionType(
                "Pruning", doc: "Which weights magnitude pruning removes.",
                cases: [
                    .init("unstructured", doc: "The smallest |w| of each layer."),
                    .init("rows", doc: "Whole output rows (channels) with the smallest L2 norm."),
                    .init(
                        "nm", [.unlabeled("n", .int), .unlabeled("m", .int)],
                        doc: "N:M: the n largest of every m consecutive weights are kept (2:4 is 50%)."),
                ]))
    }

    static func registerData(in library: inout BuiltinLibrary) {
        library.register(
            "dataset",
            [
                .unlabeled("kind", .option("DatasetKind")), .labeled("count", .int, default: .int(1000)),
                .labeled("noise", .double, default: .double(0.1)), .labeled("seed", .optional(.int), default: .null),
            ],
            returns: datasetType,
            doc: "A labelled data set: a synthetic one of `count` points with Gaussian `noise`, or `.digits` (stored, "
                + "count and noise do not apply)."
        ) { args, context in
            let option = try args.option(0)
            if option.name == "digits" {
                for index in 1...2 where args.wasSupplied(index) {
                    throw args.error(index, "the digits data set is fixed: 1,797 images; count and noise do not apply")
                }
                return .object(Dataset.digits)
            }
            let kind: SyntheticKind
            switch option.name {
            case "circles": kind = .circles(factor: try option.argument("factor")?.asDouble() ?? 0.5)
            case "spirals": kind = .spirals(arms: try option.argument("arms")?.asInt() ?? 2)
            case "blobs": kind = .blobs(centers: try option.argument("centers")?.asInt() ?? 3)
            case "gaussians": kind = .gaussians
            default: kind = .moons
            }
            let (count, noise) = (try args.int(1), try args.double(2))
            guard (1...1_000_000).contains(count) else { throw args.error(1, "count must be 1…1000000, got \(count)") }
            let seed = try seed(args, 3, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Dataset.synthetic(kind, count: count, noise: noise, seed: seed)
                })
        }
        library.register(
            "dataset",
            [
                .labeled("features", .any), .labeled("labels", .array(.int)),
                .labeled("classes", .optional(.int), default: .null),
                .labeled("name", .string, default: .string("data")),
            ],
            returns: datasetType,
            doc: "Your own labelled samples: features [count, …] (a tensor, e.g. from `load`, or nested arrays) and "
                + "one class index per sample, 0…classes−1 (classes defaults to the largest label + 1)."
        ) { args, _ in
            let features = try tensor(args, 0)
            let labels = try args.ints(1)
            let classes = try args.optional(2).map { try $0.asInt() }
            let name = try args.string(3)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Dataset(name: name, features: features, labels: labels, classCount: classes)
                })
        }
        library.register(
            "scatter",
            [
                .unlabeled("data", datasetType),
                .labeled("predictions", .optional(.array(.int)), default: .null),
            ],
            returns: .object("Figure"),
            doc: "The samples of a 2-D data set, one colour per class (per predicted class with `predictions:`)."
        ) { args, _ in
            let data = try args.object(0, as: Dataset.self)
            guard data.sampleShape == [2] else {
                throw args.error(0, "scatter draws data sets of 2-D points; this one's samples are \(data.sampleShape)")
            }
            let classes = try args.optional(1).map { try $0.asArray().map { try $0.asInt() } } ?? data.labels
            guard classes.count == data.count else {
                throw args.error(1, "\(classes.count) predictions for \(data.count) samples")
            }
            let x = data.features.scalars
            var series: [Series] = []
            for label in 0..<data.classCount {
                let members = classes.indices.filter { classes[$0] == label }
                series.append(
                    .scatter(
                        XYSeries(
                            x: members.map { Double(x[2 * $0]) }, y: members.map { Double(x[2 * $0 + 1]) },
                            label: "class \(data.className(label))")))
            }
            return .object(ScriptFigure(Figure(series: series, xLabel: "x₁", yLabel: "x₂")))
        }
        library.registerType(Dataset.self, doc: "Labelled samples: features [count, …] and one class per sample.") {
            t in
            t.property("count", .int, doc: "Number of samples.") { .int($0.count) }
            t.property("features", tensorType, doc: "The samples, [count] + sampleShape.") { .object($0.features) }
            t.property("labels", .array(.int), doc: "The class of every sample.") { .ints($0.labels) }
            t.property("classes", .int, doc: "Number of classes.") { .int($0.classCount) }
            t.property("classCounts", .array(.int), doc: "Samples per class.") { .ints($0.classCounts) }
            t.property("sampleShape", .array(.int), doc: "The shape of one sample.") { .ints($0.sampleShape) }
            t.property("name", .string, doc: "What the data set is.") { .string($0.name) }
            t.method(
                "split",
                [
                    .labeled("train", .double), .labeled("validation", .double, default: .double(0)),
                    .labeled("seed", .optional(.int), default: .null),
                ],
                returns: .object("DatasetSplit"),
                doc: "Stratified, seeded train/validation/test parts (the test part is the rest)."
            ) { data, args, context in
                let (train, validation) = (try args.double(0), try args.double(1))
                let seed = try seed(args, 2, context)
                return .object(
                    try engine { () throws(QuantEngineError) in
                        try data.split(train: train, validation: validation, seed: seed)
                    })
            }
            t.method(
                "batches", [.labeled("size", .int), .labeled("seed", .optional(.int), default: .null)],
                returns: .array(datasetType),
                doc: "Consecutive batches of `size` samples (shuffled if a seed is given)."
            ) { data, args, _ in
                let size = try args.int(0)
                let seed = try args.optional(1).map { value -> UInt64 in
                    let seed = try value.asInt()
                    guard seed >= 0 else { throw args.error(1, "seed must not be negative, got \(seed)") }
                    return UInt64(seed)
                }
                let batches = try engine(argument: 0) { () throws(QuantEngineError) in
                    try data.batches(size: size, shuffleSeed: seed)
                }
                return .array(batches.map { .object($0) })
            }
        }
        library.registerType(DatasetSplit.self, doc: "Train, validation and test parts of a data set.") { t in
            t.property("train", datasetType, doc: "The training part.") { .object($0.train) }
            t.property("validation", datasetType, doc: "The validation part (calibration, model selection).") {
                .object($0.validation)
            }
            t.property("test", datasetType, doc: "The test part, for the final numbers only.") { .object($0.test) }
            t.method(
                "standardized", returns: .object("DatasetSplit"),
                doc: "All parts shifted and scaled with the training part's per-feature mean and std."
            ) { split, _, _ in
                .object(try engine { () throws(QuantEngineError) in try split.standardized() })
            }
        }
    }

    static func registerNetworks(in library: inout BuiltinLibrary) {
        library.register(
            "mlp",
            [
                .unlabeled("sizes", .array(.int)),
                .labeled("activation", .option("Activation"), default: .case("relu")),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: networkType,
            doc: "A multilayer perceptron sizes[0] → … → sizes.last with He/Glorot initialisation from the seed."
        ) { args, context in
            let sizes = try args.ints(0)
            let activation = try activation(args, 1)
            let seed = try seed(args, 2, context)
            return .object(
                try engine(argument: 0) { () throws(QuantEngineError) in
                    try Network.mlp(sizes, activation: activation, seed: seed)
                })
        }
        library.register(
            "cnn",
            [
                .labeled("input", .array(.int)), .labeled("channels", .array(.int)), .labeled("classes", .int),
                .labeled("kernel", .int, default: .int(3)),
                .labeled("activation", .option("Activation"), default: .case("relu")),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: networkType,
            doc: "A small convolutional net for [channels, height, width] images: per entry of `channels` a "
                + "convolution, the activation and 2×2 max pooling, then one dense layer."
        ) { args, context in
            let (input, channels, classes, kernel) = (
                try args.ints(0), try args.ints(1), try args.int(2), try args.int(3)
            )
            let activation = try activation(args, 4)
            let seed = try seed(args, 5, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Network.cnn(
                        input: input, channels: channels, classes: classes, kernel: kernel, activation: activation,
                        seed: seed)
                })
        }
        library.registerType(Network.self, doc: "A feed-forward classifier: layers from a sample to class logits.") {
            t in
            t.property("layers", .array(.object("Layer")), doc: "The layers, input first.") {
                .array($0.layers.map { .object($0) })
            }
            t.property("parameterCount", .int, doc: "Weights and biases.") { .int($0.parameterCount) }
            t.property("bytes", .int, doc: "Parameter storage as stored (quantized weights at their width).") {
                .int($0.bytes)
            }
            t.property("sparsity", .double, doc: "Fraction of weights that are exactly zero.") { .double($0.sparsity) }
            t.property("nonzeroParameterCount", .int, doc: "Weights and biases that are not zero (after pruning).") {
                .int($0.nonzeroParameterCount)
            }
            t.property("inputShape", .array(.int), doc: "The shape of one input sample.") { .ints($0.inputShape) }
            t.property("classes", .int, doc: "Logits per sample.") { .int($0.outputCount) }
            t.method("logits", [.unlabeled("x", tensorType)], returns: tensorType, doc: "Logits [batch, classes].") {
                network, args, _ in
                let x = try tensor(args, 0)
                return .object(try engine(argument: 0) { () throws(QuantEngineError) in try network.logits(x) })
            }
            t.method(
                "predict", [.unlabeled("x", .any)], returns: .array(.int), doc: "The predicted class of every sample."
            ) { network, args, _ in
                let x = try samples(args, 0)
                return .ints(try engine(argument: 0) { () throws(QuantEngineError) in try network.predict(x) })
            }
            t.method(
                "integerPredict", [.unlabeled("x", .any)], returns: .array(.int),
                doc:
                    "Predictions computed in integers only (int8 codes, int32 accumulators, fixed-point requantization)."
            ) { network, args, _ in
                let x = try samples(args, 0)
                return .ints(try engine(argument: 0) { () throws(QuantEngineError) in try network.integerPredict(x) })
            }
        }
        library.registerType(Layer.self, doc: "One layer of a network.") { t in
            t.property("name", .string, doc: "Its name, e.g. dense1.") { .string($0.name) }
            t.property("kind", .string, doc: "What it computes.") { .string($0.kind.description) }
            t.property("weight", .optional(tensorType), doc: "The weight ([out, in] or [out, in, k, k]), or nil.") {
                $0.weight.map { .optional(.object($0)) } ?? .null
            }
            t.property("bias", .optional(tensorType), doc: "The bias, or nil.") {
                $0.bias.map { .optional(.object($0)) } ?? .null
            }
            t.property("parameterCount", .int, doc: "Weights and biases.") { .int($0.parameterCount) }
            t.property("bytes", .int, doc: "Parameter storage as stored.") { .int($0.bytes) }
            t.property("sparsity", .double, doc: "Fraction of zero weights.") { .double($0.sparsity) }
            t.property("outputShape", .array(.int), doc: "The shape of one output sample.") { .ints($0.outputShape) }
        }
    }

    /// Samples to classify: a Dataset's features or a tensor.
    static func samples(_ args: BuiltinArguments, _ index: Int) throws -> Tensor {
        if case .object(let object) = args[index], let data = object as? Dataset { return data.features }
        return try tensor(args, index)
    }

    static func registerTraining(in library: inout BuiltinLibrary) {
        library.register(
            "train",
            [
                .inout("net", networkType), .labeled("on", datasetType),
                .labeled("validation", .optional(datasetType), default: .null),
            ] + trainingParameters,
            returns: .object("TrainingLog"),
            doc: "Trains the network in place with softmax cross-entropy, mini-batch by mini-batch; returns the log "
                + "(loss and accuracy per epoch). Deterministic: the same seed gives the same weights everywhere."
        ) { args, context in
            let data = try args.object(1, as: Dataset.self)
            let validation = try optionalDataset(args, 2)
            let options = try trainingOptions(args, from: 3, context)
            let network = try args.object(0, as: Network.self)
            try engine(argument: 1) { () throws(QuantEngineError) in try network.validate(data, operation: "train") }
            if let validation {
                try engine(argument: 2) { () throws(QuantEngineError) in
                    try network.validate(validation, operation: "train (validation)")
                }
            }
            return try args.modifyObject(0, as: Network.self) { network in
                .object(
                    try training(context) { () throws(QuantEngineError) in
                        try network.train(on: data, validation: validation, options: options)
                    })
            }
        }
        library.register(
            "evaluate", [.unlabeled("net", networkType), .labeled("on", datasetType)],
            returns: .object("Evaluation"), doc: "Accuracy, loss and the confusion matrix on a data set."
        ) { args, _ in
            let network = try args.object(0, as: Network.self)
            let data = try args.object(1, as: Dataset.self)
            return .object(try engine { () throws(QuantEngineError) in try network.evaluate(on: data) })
        }
        library.registerType(NetworkEvaluation.self, doc: "Accuracy, loss and confusion matrix.") { t in
            t.property("accuracy", .double, doc: "Fraction classified correctly.") { .double($0.accuracy) }
            t.property("loss", .double, doc: "Mean cross-entropy.") { .double($0.loss) }
            t.property("confusion", .array(.array(.int)), doc: "confusion[label][predicted].") {
                .array($0.confusion.map { .ints($0) })
            }
            t.property("predictions", .array(.int), doc: "The predicted classes.") { .ints($0.predictions) }
        }
        library.register(
            "compare",
            [
                .unlabeled("reference", networkType), .unlabeled("candidate", networkType), .labeled("on", datasetType),
                .labeled("integer", .bool, default: .bool(false)),
            ],
            returns: .object("Comparison"),
            doc: "Accuracy and size of two networks on the same data and how often they agree; `integer: true` "
                + "runs the candidate in integer arithmetic only."
        ) { args, _ in
            let (reference, candidate) = (try args.object(0, as: Network.self), try args.object(1, as: Network.self))
            let data = try args.object(2, as: Dataset.self)
            let integer = try args.bool(3)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try reference.compare(with: candidate, on: data, integerOnly: integer)
                })
        }
        library.registerType(NetworkComparison.self, doc: "Two networks on the same samples.") { t in
            t.property("agreement", .double, doc: "Fraction of samples with the same prediction.") {
                .double($0.agreement)
            }
            t.property("referenceAccuracy", .double, doc: "The reference's accuracy.") {
                .double($0.reference.accuracy)
            }
            t.property("candidateAccuracy", .double, doc: "The candidate's accuracy.") {
                .double($0.candidate.accuracy)
            }
            t.property("referenceBytes", .int, doc: "The reference's parameter bytes.") { .int($0.referenceBytes) }
            t.property("candidateBytes", .int, doc: "The candidate's parameter bytes.") { .int($0.candidateBytes) }
        }
        library.registerType(TrainingLog.self, doc: "Loss and accuracy per epoch of a training run.") { t in
            t.property("loss", .array(.double), doc: "Training loss per epoch.") { .doubles($0.epochs.map(\.loss)) }
            t.property("accuracy", .array(.double), doc: "Training accuracy per epoch.") {
                .doubles($0.epochs.map(\.accuracy))
            }
            t.property("validationAccuracy", .array(.double), doc: "Validation accuracy per epoch (if validated).") {
                .doubles($0.epochs.compactMap(\.validationAccuracy))
            }
            t.property("validationLoss", .array(.double), doc: "Validation loss per epoch (if validated).") {
                .doubles($0.epochs.compactMap(\.validationLoss))
            }
            t.property("epochs", .int, doc: "Number of epochs.") { .int($0.epochs.count) }
        }
    }
}
