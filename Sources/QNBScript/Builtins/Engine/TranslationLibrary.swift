import QuantEngine

// The English→Chinese number corpus and translation metrics: `numberCorpus`, `englishNumber`,
// `chineseNumber`, `bleu`, `exactMatch`, `tokenAccuracy`.

extension EngineBindings {
    static let corpusType = ScriptType.object("Corpus")

    static func registerTranslation(in library: inout BuiltinLibrary) {
        registerCorpus(in: &library)
        registerTranslationMetrics(in: &library)
    }

    static func registerCorpus(in library: inout BuiltinLibrary) {
        library.register(
            "numberCorpus", [.labeled("upTo", .int, default: .int(9999))], returns: corpusType,
            doc: "Every number from 1 through `upTo` (at most 9999) in English words and in Chinese characters, "
                + "in increasing order: a parallel corpus for a small translation model."
        ) { args, _ in
            let limit = try args.int(0)
            return .object(
                try engine(argument: 0) { () throws(QuantEngineError) in try ParallelCorpus.numbers(upTo: limit) })
        }
        library.register(
            "englishNumber", [.unlabeled("n", .int)], returns: .string,
            doc: "n (1…9999) in British English words: 3042 is \"three thousand and forty two\"."
        ) { args, _ in
            let n = try args.int(0)
            let words = try engine(argument: 0) { () throws(QuantEngineError) in try NumberWords.english(n) }
            return .string(words.joined(separator: " "))
        }
        library.register(
            "chineseNumber", [.unlabeled("n", .int)], returns: .string,
            doc: "n (1…9999) in Chinese characters (mainland, simplified): 3042 is 三千零四十二, 2000 两千, 15 十五."
        ) { args, _ in
            let n = try args.int(0)
            let characters = try engine(argument: 0) { () throws(QuantEngineError) in try NumberWords.chinese(n) }
            return .string(characters.joined())
        }
        library.registerType(ParallelCorpus.self, doc: "Sentence pairs: an English source and its Chinese translation.")
        {
            t in
            t.property("count", .int, doc: "Number of pairs.") { .int($0.count) }
            t.property("name", .string, doc: "What the corpus is.") { .string($0.name) }
            t.property("sources", .array(.string), doc: "The English sentences, words separated by spaces.") {
                .strings($0.sourceTexts)
            }
            t.property("targets", .array(.string), doc: "The Chinese translations.") { .strings($0.targetTexts) }
            t.property("sourceVocabulary", .array(.string), doc: "The distinct English words, sorted.") {
                .strings($0.sourceVocabulary)
            }
            t.property("targetVocabulary", .array(.string), doc: "The distinct Chinese characters, sorted.") {
                .strings($0.targetVocabulary)
            }
            t.subscript(
                [.unlabeled("index", .int)], returns: .tuple([.string, .string], labels: ["source", "target"]),
                doc: "One pair as (source: …, target: …)."
            ) { corpus, args, _ in
                let index = try args.int(0)
                let pair = try engine(argument: 0) { () throws(QuantEngineError) in try corpus.pair(at: index) }
                return .tuple(
                    ScriptTuple([.string(pair.sourceText), .string(pair.targetText)], labels: ["source", "target"]))
            }
            t.method("prefix", [.unlabeled("count", .int)], returns: corpusType, doc: "The first `count` pairs.") {
                corpus, args, _ in
                let length = try args.int(0)
                return .object(try engine(argument: 0) { () throws(QuantEngineError) in try corpus.prefix(length) })
            }
            t.method(
                "split",
                [
                    .labeled("train", .double), .labeled("validation", .double, default: .double(0)),
                    .labeled("seed", .optional(.int), default: .null),
                ],
                returns: .object("CorpusSplit"),
                doc: "Seeded train/validation/test parts (the test part is the rest) that share no source sentence."
            ) { corpus, args, context in
                let (train, validation) = (try args.double(0), try args.double(1))
                let seed = try seed(args, 2, context)
                return .object(
                    try engine { () throws(QuantEngineError) in
                        try corpus.split(train: train, validation: validation, seed: seed)
                    })
            }
        }
        library.registerType(CorpusSplit.self, doc: "Train, validation and test parts of a corpus.") { t in
            t.property("train", corpusType, doc: "The training part.") { .object($0.train) }
            t.property("validation", corpusType, doc: "The validation part (settings, early stopping).") {
                .object($0.validation)
            }
            t.property("test", corpusType, doc: "The test part, for the final numbers only.") { .object($0.test) }
        }
    }

    /// Chinese sentences as sacreBLEU's character tokenizer splits them: characters, whitespace dropped.
    static func characterSentences(_ args: BuiltinArguments, _ index: Int) throws -> [[String]] {
        try args.strings(index).map(TranslationMetrics.characterTokens)
    }

    static func registerTranslationMetrics(in library: inout BuiltinLibrary) {
        library.register(
            "bleu",
            [
                .labeled("hypotheses", .array(.string)), .labeled("references", .array(.string)),
                .labeled("maxOrder", .int, default: .int(4)),
            ],
            returns: .object("BLEU"),
            doc: "Corpus BLEU of translations against one reference each, on characters, exactly as sacreBLEU 2.4.3 "
                + "(corpus_bleu with tokenize='char', 'exp' smoothing)."
        ) { args, _ in
            let (hypotheses, references) = (try characterSentences(args, 0), try characterSentences(args, 1))
            let maxOrder = try args.int(2)
            guard (1...100).contains(maxOrder) else { throw args.error(2, "maxOrder must be 1…100, got \(maxOrder)") }
            return .object(
                try engine(argument: 1) { () throws(QuantEngineError) in
                    try TranslationMetrics.bleu(hypotheses, references, maxOrder: maxOrder)
                })
        }
        library.register(
            "exactMatch", [.unlabeled("hypotheses", .array(.string)), .unlabeled("references", .array(.string))],
            returns: .double,
            doc: "The fraction of translations equal to their reference (whitespace ignored)."
        ) { args, _ in
            let (hypotheses, references) = (try characterSentences(args, 0), try characterSentences(args, 1))
            return .double(
                try engine(argument: 1) { () throws(QuantEngineError) in
                    try TranslationMetrics.exactMatch(hypotheses, references)
                })
        }
        library.register(
            "tokenAccuracy", [.unlabeled("hypotheses", .array(.string)), .unlabeled("references", .array(.string))],
            returns: .double,
            doc: "Characters in the right place: matches at positions i < len(reference), summed, over the total "
                + "reference length (extra characters count for nothing, missing ones as wrong)."
        ) { args, _ in
            let (hypotheses, references) = (try characterSentences(args, 0), try characterSentences(args, 1))
            return .double(
                try engine(argument: 1) { () throws(QuantEngineError) in
                    try TranslationMetrics.tokenAccuracy(hypotheses, references)
                })
        }
        library.registerType(BLEUScore.self, doc: "A corpus BLEU score and its statistics, as sacreBLEU reports them.")
        {
            t in
            t.property("score", .double, doc: "BLEU, 0…100.") { .double($0.score) }
            t.property("precisions", .array(.double), doc: "Smoothed n-gram precision per order, in percent.") {
                .doubles($0.precisions)
            }
            t.property("counts", .array(.int), doc: "Matched (clipped) hypothesis n-grams per order.") {
                .ints($0.counts)
            }
            t.property("totals", .array(.int), doc: "Hypothesis n-grams per order.") { .ints($0.totals) }
            t.property("brevityPenalty", .double, doc: "exp(1 − reference/hypothesis length) if shorter, else 1.") {
                .double($0.brevityPenalty)
            }
            t.property("ratio", .double, doc: "Hypothesis length over reference length.") { .double($0.ratio) }
            t.property("hypothesisLength", .int, doc: "Characters in all hypotheses.") { .int($0.hypothesisLength) }
            t.property("referenceLength", .int, doc: "Characters in all references.") { .int($0.referenceLength) }
        }
    }
}
