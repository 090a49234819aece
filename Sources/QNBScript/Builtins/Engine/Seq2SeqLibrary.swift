import QuantEngine

// Translation models: `seq2seq`, `train(&model, on: corpus)`, `evaluate(model, on: corpus)`,
// `quantize(model, embeddings:, recurrent:, output:, activations:)`, `qat(model, …)`.

/// A translation model's scores on a corpus.
public struct TranslationEvaluation: Sendable {
    public var exactMatch: Double
    public var tokenAccuracy: Double
    public var bleu: BLEUScore
    public var loss: Double
    public var sources: [String]
    public var references: [String]
    public var hypotheses: [String]
}

extension TranslationEvaluation: ScriptObject {
    public static let scriptTypeName = "TranslationEvaluation"

    public var scriptDescription: String {
        "TranslationEvaluation(exact match \(exactMatch), token accuracy \(tokenAccuracy), BLEU \(bleu.score))"
    }

    public var scriptDisplay: Display {
        .record(
            DisplayRecord(
                title: "Translation of \(sources.count) sentences",
                fields: [
                    .init("exact match", .number(exactMatch)), .init("token accuracy", .number(tokenAccuracy)),
                    .init("BLEU", .number(bleu.score)), .init("loss", .number(loss)),
                ]))
    }
}

extension Seq2SeqTrainingHistory: ScriptObject {
    public static let scriptTypeName = "TranslationLog"

    public var scriptDescription: String {
        "TranslationLog(\(losses.count) epochs, final loss \(losses.last ?? .nan))"
    }

    public var scriptDisplay: Display {
        .table(
            DisplayTable(
                columns: ["epoch", "loss"],
                rows: losses.enumerated().map { [.integer($0.offset + 1), .number($0.element)] }))
    }
}

extension Seq2Seq: ScriptObject {
    public static let scriptTypeName = "Seq2Seq"

    public var scriptDescription: String {
        "Seq2Seq(\(embeddingSize)-wide embeddings, \(hiddenSize)-wide GRUs, \(parameterCount) parameters, "
            + "\(bytes) bytes)"
    }

    /// One row per part: its parameters, how it is stored and its bytes.
    public var scriptDisplay: Display {
        var rows: [[DisplayScalar]] = Part.allCases.map { part in
            [
                .text(Self.partTitle(part)), .integer(parameterCount(part)),
                .text(quantization?[part]?.description ?? "float32"), .integer(bytes(part)),
            ]
        }
        let activations = quantization?.activations.map { "int\($0.quantizer.bits) inputs" } ?? "float32"
        rows.append([
            .text("biases, layer norm"), .integer(parameterCount - Part.allCases.reduce(0) { $0 + parameterCount($1) }),
            .text("float32"), .integer(otherBytes),
        ])
        rows.append([.text("activations"), .empty, .text(activations), .empty])
        rows.append([.text("total"), .integer(parameterCount), .empty, .integer(bytes)])
        return .table(DisplayTable(columns: ["part", "parameters", "storage", "bytes"], rows: rows))
    }

    static func partTitle(_ part: Part) -> String {
        switch part {
        case .embeddings: return "embeddings"
        case .recurrent: return "GRU weights"
        case .output: return "output projection"
        }
    }

    /// Whether the target side is written without spaces (every target token one character,
    /// as Chinese is here): outputs are then joined without a separator.
    var targetIsCharacters: Bool {
        targetVocabulary.tokens.dropFirst(4).allSatisfy { $0.count == 1 }
    }

    func text(_ tokens: [String]) -> String { tokens.joined(separator: targetIsCharacters ? "" : " ") }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}

extension EngineBindings {
    static let seq2seqType = ScriptType.object("Seq2Seq")

    static func registerTranslationModels(in library: inout BuiltinLibrary) {
        library.register(
            "seq2seq",
            [
                .unlabeled("corpus", corpusType), .labeled("embedding", .int, default: .int(16)),
                .labeled("hidden", .int, default: .int(32)), .labeled("seed", .optional(.int), default: .null),
            ],
            returns: seq2seqType,
            doc: "A translation model for the corpus's language pair (its vocabularies built from the corpus): "
                + "embeddings, a GRU encoder and decoder with scaled dot-product attention, layer norm and an output "
                + "projection, initialised from the seed as PyTorch does."
        ) { args, context in
            let corpus = try args.object(0, as: ParallelCorpus.self)
            let (embedding, hidden) = (try args.int(1), try args.int(2))
            let seed = try seed(args, 3, context)
            return .object(
                try engine { () throws(QuantEngineError) in
                    try Seq2Seq(
                        sources: corpus.pairs.map(\.source), targets: corpus.pairs.map(\.target),
                        embeddingSize: embedding, hiddenSize: hidden, seed: seed)
                })
        }
        library.register(
            "train",
            [
                .inout("model", seq2seqType), .labeled("on", corpusType), .labeled("epochs", .int, default: .int(10)),
                .labeled("learningRate", .double, default: .double(0.005)),
                .labeled("batchSize", .int, default: .int(32)), .labeled("clip", .double, default: .double(1)),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: .object("TranslationLog"),
            doc: "Trains a translation model in place: teacher forcing, cross-entropy per target token, Adam, the "
                + "gradient norm clipped to `clip`, batches of one source length reshuffled each epoch. A quantized "
                + "model trains quantization-aware (the straight-through estimator) and stays quantized."
        ) { args, context in
            let corpus = try args.object(1, as: ParallelCorpus.self)
            let (epochs, learningRate) = (try args.int(2), try args.double(3))
            let (batchSize, clip) = (try args.int(4), try args.double(5))
            let seed = try seed(args, 6, context)
            return try args.modifyObject(0, as: Seq2Seq.self) { model in
                .object(
                    try training(context) { () throws(QuantEngineError) in
                        try model.train(
                            sources: corpus.pairs.map(\.source), targets: corpus.pairs.map(\.target), epochs: epochs,
                            batchSize: batchSize, learningRate: learningRate, clip: clip, seed: seed)
                    })
            }
        }
        library.register(
            "evaluate",
            [
                .unlabeled("model", seq2seqType), .labeled("on", corpusType),
                .labeled("maxLength", .int, default: .int(32)),
            ],
            returns: .object("TranslationEvaluation"),
            doc: "Greedy translations of the corpus's sources scored against its targets: exact match, token "
                + "accuracy, corpus BLEU (character-level for Chinese, as sacreBLEU) and the teacher-forced loss."
        ) { args, context in
            let model = try args.object(0, as: Seq2Seq.self)
            let corpus = try args.object(1, as: ParallelCorpus.self)
            let maxLength = try args.int(2)
            return .object(
                try training(context) { () throws(QuantEngineError) in try evaluation(model, corpus, maxLength) })
        }
        registerTranslationCompression(in: &library)
        registerSeq2SeqType(in: &library)
    }

    static func evaluation(_ model: Seq2Seq, _ corpus: ParallelCorpus, _ maxLength: Int) throws(QuantEngineError)
        -> TranslationEvaluation
    {
        let sources = corpus.pairs.map(\.source), references = corpus.pairs.map(\.target)
        let hypotheses = try model.translate(sources, maxLength: maxLength).map(\.tokens)
        return TranslationEvaluation(
            exactMatch: try TranslationMetrics.exactMatch(hypotheses, references),
            tokenAccuracy: try TranslationMetrics.tokenAccuracy(hypotheses, references),
            bleu: try TranslationMetrics.bleu(hypotheses, references),
            loss: try model.loss(sources: sources, targets: references),
            sources: corpus.pairs.map(\.sourceText), references: corpus.pairs.map(\.targetText),
            hypotheses: hypotheses.map(model.text))
    }

    /// The parameters shared by `quantize(model, …)` and `qat(model, …)` from `first`:
    /// embeddings, recurrent, output, activations, granularity, range.
    static let partParameters: [BuiltinParameter] = [
        .labeled("embeddings", .optional(.option("Format")), default: .null),
        .labeled("recurrent", .optional(.option("Format")), default: .null),
        .labeled("output", .optional(.option("Format")), default: .null),
        .labeled("activations", .optional(.option("Format")), default: .null),
        .labeled("granularity", .option("Granularity"), default: .case("perChannel")),
        .labeled("range", .option("Calibration"), default: .case("minMax")),
    ]

    static func partQuantization(_ args: BuiltinArguments, from first: Int) throws -> Seq2SeqQuantization {
        let granularity = try granularity(args, first + 4)
        func part(_ index: Int) throws -> WeightQuantization? {
            guard args.optional(index) != nil else { return nil }
            let name = try args.option(index).name
            if ["uint8", "uint4"].contains(name) {
                throw args.error(index, "translation model weights are quantized symmetrically: use .int8 or .int4")
            }
            if let bits = ["int8": 8, "int4": 4][name] {
                return .uniform(
                    try engine(argument: first + 4) { () throws(QuantEngineError) in
                        try Quantizer(bits: bits, scheme: .symmetric, granularity: granularity)
                    })
            }
            return .format(try encodedFormat(args, index))
        }
        let configuration = Seq2SeqQuantization(
            embeddings: try part(first), recurrent: try part(first + 1), output: try part(first + 2),
            activations: try activationQuantization(args, format: first + 3, range: first + 5, observer: nil))
        guard
            configuration.embeddings != nil || configuration.recurrent != nil || configuration.output != nil
                || configuration.activations != nil
        else {
            throw ScriptError("say what to quantize: embeddings:, recurrent:, output: (formats) or activations:")
        }
        return configuration
    }

    static func registerTranslationCompression(in library: inout BuiltinLibrary) {
        library.register(
            "quantize",
            [.unlabeled("model", seq2seqType)] + partParameters + [
                .labeled("calibration", .optional(corpusType), default: .null)
            ],
            returns: seq2seqType,
            doc: "Post-training quantization of a translation model part by part: `embeddings:`, `recurrent:` (the GRU "
                + "weight matrices) and `output:` (the projection onto the vocabulary) each to a format (.int8, .int4 "
                + "symmetric per row by default, .nf4, .fp8e4m3 …); `activations:` (.int8, .int4) fake-quantizes every "
                + "weight matrix's input with ranges calibrated on `calibration`. Parts not named stay Float32."
        ) { args, _ in
            let model = try args.object(0, as: Seq2Seq.self)
            let configuration = try partQuantization(args, from: 1)
            let calibration = try args.optional(7).map { _ in try args.object(7, as: ParallelCorpus.self) }
            if configuration.activations != nil, calibration == nil {
                throw args.error(4, "quantizing activations needs calibration: sentence pairs (e.g. data.validation)")
            }
            return .object(
                try engine { () throws(QuantEngineError) in
                    try model.quantized(
                        configuration, calibrationSources: calibration?.pairs.map(\.source) ?? [],
                        calibrationTargets: calibration?.pairs.map(\.target) ?? [])
                })
        }
        library.register(
            "qat",
            [.unlabeled("model", seq2seqType)] + partParameters + [
                .labeled("on", corpusType), .labeled("calibration", .optional(corpusType), default: .null),
                .labeled("epochs", .int, default: .int(3)), .labeled("learningRate", .double, default: .double(0.001)),
                .labeled("seed", .optional(.int), default: .null),
            ],
            returns: seq2seqType,
            doc: "Quantization-aware training of a translation model: quantizes it as `quantize` does (activation "
                + "ranges calibrated on `calibration`, else on the training pairs), then trains `epochs` more with the "
                + "quantized weights in the forward pass and the straight-through estimator in the backward pass."
        ) { args, context in
            let model = try args.object(0, as: Seq2Seq.self)
            let configuration = try partQuantization(args, from: 1)
            let data = try args.object(7, as: ParallelCorpus.self)
            let calibration = try args.optional(8).map { _ in try args.object(8, as: ParallelCorpus.self) } ?? data
            let (epochs, learningRate) = (try args.int(9), try args.double(10))
            let seed = try seed(args, 11, context)
            return .object(
                try training(context) { () throws(QuantEngineError) in
                    var quantized = try model.quantized(
                        configuration, calibrationSources: calibration.pairs.map(\.source),
                        calibrationTargets: calibration.pairs.map(\.target))
                    _ = try quantized.train(
                        sources: data.pairs.map(\.source), targets: data.pairs.map(\.target), epochs: epochs,
                        learningRate: learningRate, seed: seed)
                    return quantized
                })
        }
    }

    static func registerSeq2SeqType(in library: inout BuiltinLibrary) {
        library.registerType(
            Seq2Seq.self, doc: "A GRU encoder–decoder translation model with attention (see `seq2seq`)."
        ) { t in
            t.property("parameterCount", .int, doc: "Weights and biases.") { .int($0.parameterCount) }
            t.property("bytes", .int, doc: "Parameter storage as stored (quantized parts at their width).") {
                .int($0.bytes)
            }
            t.property("embeddingBytes", .int, doc: "Bytes of the source and target embeddings.") {
                .int($0.bytes(.embeddings))
            }
            t.property("recurrentBytes", .int, doc: "Bytes of the GRU weight matrices.") { .int($0.bytes(.recurrent)) }
            t.property("outputBytes", .int, doc: "Bytes of the output projection.") { .int($0.bytes(.output)) }
            t.property("sourceVocabulary", .array(.string), doc: "Source tokens by id (four special ones first).") {
                .array($0.sourceVocabulary.tokens.map { .string($0) })
            }
            t.property("targetVocabulary", .array(.string), doc: "Target tokens by id (four special ones first).") {
                .array($0.targetVocabulary.tokens.map { .string($0) })
            }
            t.property("quantization", .string, doc: "How the parts are stored: Float32 or the formats.") {
                .string($0.quantization?.description ?? "Float32")
            }
            t.method(
                "translate", [.unlabeled("text", .any), .labeled("maxLength", .int, default: .int(32))], returns: .any,
                doc: "Greedy translation of a sentence (words separated by spaces), or of an array of them."
            ) { model, args, context in
                let maxLength = try args.int(1)
                if case .string(let text) = args[0] {
                    let result = try training(context) { () throws(QuantEngineError) in
                        try model.translate([Seq2Seq.words(text)], maxLength: maxLength)
                    }
                    return .string(result.first.map { model.text($0.tokens) } ?? "")
                }
                let texts = try args[0].asArray().map { try $0.asString() }
                let results = try training(context) { () throws(QuantEngineError) in
                    try model.translate(texts.map(Seq2Seq.words), maxLength: maxLength)
                }
                return .array(results.map { .string(model.text($0.tokens)) })
            }
            t.method(
                "attention", [.unlabeled("text", .string), .labeled("maxLength", .int, default: .int(32))],
                returns: .object("Table"),
                doc: "What the decoder looked at: one row per output token (and </s>), one column per source word, "
                    + "the attention weights in percent."
            ) { model, args, context in
                let text = try args.string(0)
                let maxLength = try args.int(1)
                let words = Seq2Seq.words(text)
                let result = try training(context) { () throws(QuantEngineError) in
                    try model.translate([words], maxLength: maxLength)
                }
                guard let translation = result.first else { throw args.error(0, "nothing to translate") }
                let outputs = translation.tokens + (translation.finished ? [Vocabulary.end] : [])
                let rows: [[DisplayScalar]] = zip(outputs, translation.attention).map { token, weights in
                    [.text(token)] + weights.map { .number(($0 * 1000).rounded() / 10) }
                }
                return .object(ScriptTable(columns: ["output"] + words, rows: rows))
            }
            t.method(
                "loss", [.labeled("on", corpusType)], returns: .double,
                doc: "Mean teacher-forced cross-entropy per target token (natural log) on a corpus."
            ) { model, args, context in
                let corpus = try args.object(0, as: ParallelCorpus.self)
                return .double(
                    try training(context) { () throws(QuantEngineError) in
                        try model.loss(sources: corpus.pairs.map(\.source), targets: corpus.pairs.map(\.target))
                    })
            }
        }
        library.registerType(
            TranslationEvaluation.self, doc: "A translation model's scores on a corpus (see `evaluate`)."
        ) { t in
            t.property("exactMatch", .double, doc: "Fraction of sentences translated exactly.") {
                .double($0.exactMatch)
            }
            t.property("tokenAccuracy", .double, doc: "Fraction of reference tokens matched at their position.") {
                .double($0.tokenAccuracy)
            }
            t.property("bleu", .object("BLEU"), doc: "Corpus BLEU-4 (sacreBLEU's definition).") { .object($0.bleu) }
            t.property("loss", .double, doc: "Teacher-forced cross-entropy per target token.") { .double($0.loss) }
            t.property("hypotheses", .array(.string), doc: "The model's translations.") {
                .array($0.hypotheses.map { .string($0) })
            }
            t.property("references", .array(.string), doc: "The corpus's translations.") {
                .array($0.references.map { .string($0) })
            }
            t.property("sources", .array(.string), doc: "The sentences translated.") {
                .array($0.sources.map { .string($0) })
            }
        }
        library.registerType(Seq2SeqTrainingHistory.self, doc: "The loss of each epoch of `train(&model, …)`.") { t in
            t.property("loss", .array(.double), doc: "Mean training loss per target token, per epoch.") {
                .doubles($0.losses)
            }
            t.property("epochs", .int, doc: "Number of epochs.") { .int($0.losses.count) }
        }
    }
}
