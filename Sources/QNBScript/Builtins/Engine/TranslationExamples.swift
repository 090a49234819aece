extension BuiltinExampleCatalog {
    /// Examples of the translation builtins: the English→Chinese number corpus, its splits and
    /// the metrics that score a model's translations.
    static let translation = BuiltinExampleCatalog(sections: [translationFunctions, translationTypes])

    private static let translationFunctions = BuiltinExampleSection(
        "Translation",
        [
            .function("numberCorpus", #"numberCorpus()"#),
            .function(
                "englishNumber",
                #"""
                for n in [15, 110, 342, 1100, 3042, 3402] { print(n, englishNumber(n)) }
                englishNumber(2000)
                """#),
            .function(
                "chineseNumber",
                #"""
                for n in [10, 15, 110, 1010, 2000, 2222, 3042, 9090] { print(n, chineseNumber(n)) }
                chineseNumber(1100)
                """#),
            .function(
                "bleu",
                #"""
                let references = ["三千零四十二", "两百五十", "十五"]
                let hypotheses = ["三千零四十二", "两百五", "十六"]
                bleu(hypotheses: hypotheses, references: references)
                """#),
            .function(
                "exactMatch",
                #"exactMatch(["三千零四十二", "两百五", "十五"], ["三千零四十二", "两百五十", "十五"])   // 2 of 3"#),
            .function(
                "tokenAccuracy",
                #"tokenAccuracy(["三千零四十二", "两百五", "十六"], ["三千零四十二", "两百五十", "十五"])   // (6 + 3 + 1) / 12"#
            ),
        ])

    private static let translationTypes = BuiltinExampleSection(
        "Translation types",
        [
            .type("Corpus", #"numberCorpus(upTo: 120)"#),
            .member("Corpus", "count", #"numberCorpus().count"#),
            .member("Corpus", "name", #"numberCorpus().split(train: 0.8, seed: 0).test.name"#),
            .member("Corpus", "sources", #"numberCorpus(upTo: 30).sources.suffix(3)"#),
            .member("Corpus", "targets", #"numberCorpus(upTo: 30).targets.suffix(3)"#),
            .member(
                "Corpus", "sourceVocabulary",
                #"""
                let words = numberCorpus().sourceVocabulary
                print(words.count, words.prefix(6))
                """#),
            .member("Corpus", "targetVocabulary", #"numberCorpus().targetVocabulary"#),
            .member(
                "Corpus", "subscript",
                #"""
                let pair = numberCorpus()[3041]
                print(pair.source, "→", pair.target)
                """#),
            .member("Corpus", "prefix", #"numberCorpus().prefix(3).targets"#),
            .member(
                "Corpus", "split",
                #"""
                let parts = numberCorpus().split(train: 0.8, validation: 0.1, seed: 0)
                print(parts.train.count, parts.validation.count, parts.test.count)
                parts.test.prefix(3).sources   // shuffled, never seen in training
                """#),
            .type("CorpusSplit", #"numberCorpus().split(train: 0.8, validation: 0.1, seed: 0)"#),
            .member("CorpusSplit", "train", #"numberCorpus().split(train: 0.8, seed: 0).train.count"#),
            .member(
                "CorpusSplit", "validation",
                #"numberCorpus().split(train: 0.8, validation: 0.1, seed: 0).validation.count"#
            ),
            .member(
                "CorpusSplit", "test", #"numberCorpus().split(train: 0.8, validation: 0.1, seed: 0).test.prefix(2)"#),
            .type("BLEU", #"bleu(hypotheses: ["两千零五"], references: ["两千零五十"])"#),
            .member(
                "BLEU", "score",
                #"""
                let perfect = bleu(hypotheses: ["三千零四十二"], references: ["三千零四十二"])
                print(perfect.score, bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]).score)
                """#),
            .member(
                "BLEU", "precisions",
                #"bleu(hypotheses: ["一二三四五"], references: ["一二三五四"]).precisions   // 4-grams: none match, 100/(2·2)"#
            ),
            .member("BLEU", "counts", #"bleu(hypotheses: ["二二二二"], references: ["二十二"]).counts   // clipped"#),
            .member("BLEU", "totals", #"bleu(hypotheses: ["二二二二"], references: ["二十二"]).totals"#),
            .member(
                "BLEU", "brevityPenalty",
                #"bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]).brevityPenalty   // exp(1 − 6/5)"#),
            .member("BLEU", "ratio", #"bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]).ratio"#),
            .member(
                "BLEU", "hypothesisLength", #"bleu(hypotheses: ["三千 零四十"], references: ["三千零四十二"]).hypothesisLength"#
            ),
            .member(
                "BLEU", "referenceLength", #"bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]).referenceLength"#),
        ])
}
