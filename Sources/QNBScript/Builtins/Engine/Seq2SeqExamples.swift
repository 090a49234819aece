extension BuiltinExampleCatalog {
    /// Examples of the translation model: building, training, translating, scoring and
    /// quantizing a small `seq2seq` on the first few hundred numbers, so the reference stays quick.
    static let seq2seq = BuiltinExampleCatalog(sections: [seq2seqFunctions, seq2seqTypes])

    /// A trained model on the numbers up to 300, shared by the examples below.
    private static let setup = """
        let data = numberCorpus(upTo: 300).split(train: 0.6, validation: 0.1, seed: 0)
        var model = seq2seq(data.train, embedding: 8, hidden: 16, seed: 0)
        train(&model, on: data.train, epochs: 6, seed: 1)
        """

    private static func trained(_ code: String) -> String { setup + "\n" + code }

    private static let seq2seqFunctions = BuiltinExampleSection(
        "Translation models",
        [
            .function("seq2seq", #"seq2seq(numberCorpus(), embedding: 8, hidden: 16, seed: 0)"#)
        ])

    private static let seq2seqTypes = BuiltinExampleSection(
        "Translation model types",
        [
            .type("Seq2Seq", trained("quantize(model, recurrent: .int4, output: .nf4)")),
            .member(
                "Seq2Seq", "parameterCount",
                #"seq2seq(numberCorpus(), embedding: 8, hidden: 16, seed: 0).parameterCount"#),
            .member("Seq2Seq", "bytes", trained("(model.bytes, quantize(model, recurrent: .int8).bytes)")),
            .member(
                "Seq2Seq", "embeddingBytes",
                trained("(model.embeddingBytes, quantize(model, embeddings: .nf4).embeddingBytes)")),
            .member(
                "Seq2Seq", "recurrentBytes",
                trained("(model.recurrentBytes, quantize(model, recurrent: .int4).recurrentBytes)")),
            .member(
                "Seq2Seq", "outputBytes", trained("(model.outputBytes, quantize(model, output: .fp8e4m3).outputBytes)")),
            .member("Seq2Seq", "sourceVocabulary", #"seq2seq(numberCorpus(upTo: 20), seed: 0).sourceVocabulary"#),
            .member("Seq2Seq", "targetVocabulary", #"seq2seq(numberCorpus(upTo: 20), seed: 0).targetVocabulary"#),
            .member(
                "Seq2Seq", "quantization",
                trained(
                    "quantize(model, embeddings: .int8, activations: .int8, calibration: data.validation).quantization")
            ),
            .member(
                "Seq2Seq", "translate",
                trained(
                    #"(model.translate("two hundred and forty two"), model.translate(["ninety", "one hundred and one"]))"#
                )),
            .member("Seq2Seq", "attention", trained(#"model.attention("two hundred and forty two")"#)),
            .member("Seq2Seq", "loss", trained("(model.loss(on: data.train), model.loss(on: data.test))")),
            .type("TranslationEvaluation", trained("evaluate(model, on: data.test)")),
            .member("TranslationEvaluation", "exactMatch", trained("evaluate(model, on: data.test).exactMatch")),
            .member("TranslationEvaluation", "tokenAccuracy", trained("evaluate(model, on: data.test).tokenAccuracy")),
            .member("TranslationEvaluation", "bleu", trained("evaluate(model, on: data.test).bleu")),
            .member("TranslationEvaluation", "loss", trained("evaluate(model, on: data.test).loss")),
            .member(
                "TranslationEvaluation", "hypotheses", trained("evaluate(model, on: data.test).hypotheses.prefix(4)")),
            .member(
                "TranslationEvaluation", "references", trained("evaluate(model, on: data.test).references.prefix(4)")),
            .member("TranslationEvaluation", "sources", trained("evaluate(model, on: data.test).sources.prefix(4)")),
            .type(
                "TranslationLog",
                #"""
                let data = numberCorpus(upTo: 300).split(train: 0.6, validation: 0.1, seed: 0)
                var model = seq2seq(data.train, embedding: 8, hidden: 16, seed: 0)
                train(&model, on: data.train, epochs: 4, seed: 1)
                """#),
            .member(
                "TranslationLog", "loss",
                #"""
                var model = seq2seq(numberCorpus(upTo: 200), embedding: 8, hidden: 16, seed: 0)
                train(&model, on: numberCorpus(upTo: 200), epochs: 3, seed: 1).loss
                """#),
            .member(
                "TranslationLog", "epochs",
                #"""
                var model = seq2seq(numberCorpus(upTo: 200), embedding: 8, hidden: 16, seed: 0)
                train(&model, on: numberCorpus(upTo: 200), epochs: 3, seed: 1).epochs
                """#),
        ])
}
