import QNBScript
import QNBTestSupport
import QuantEngine
import Testing

/// The translation model as cells call it, checked against the engine called directly.
@Suite struct Seq2SeqBindingTests {
    static func display(_ source: String) -> String? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        return result.displayText
    }

    static func error(_ source: String) -> String {
        runCell(source, library: .qnb).errorMessage ?? "(no error)"
    }

    static let setup = [
        "let data = numberCorpus(upTo: 400).split(train: 0.5, validation: 0.1, seed: 0)",
        "var model = seq2seq(data.train, embedding: 8, hidden: 12, seed: 1)",
        "let log = train(&model, on: data.train, epochs: 2, seed: 2)",
    ]

    /// The engine's model trained with the same seeds.
    static func engineModel() throws -> (Seq2Seq, CorpusSplit) {
        let split = try ParallelCorpus.numbers(upTo: 400).split(train: 0.5, validation: 0.1, seed: 0)
        let sources = split.train.pairs.map(\.source), targets = split.train.pairs.map(\.target)
        var model = try Seq2Seq(sources: sources, targets: targets, embeddingSize: 8, hiddenSize: 12, seed: 1)
        _ = try model.train(sources: sources, targets: targets, epochs: 2, seed: 2)
        return (model, split)
    }

    @Test func trainingAndEvaluationInACellAreTheEngines() throws {
        let (model, split) = try Self.engineModel()
        let sources = split.test.pairs.map(\.source), references = split.test.pairs.map(\.target)
        let hypotheses = try model.translate(sources).map(\.tokens)
        let bleu = try TranslationMetrics.bleu(hypotheses, references).score
        let exact = try TranslationMetrics.exactMatch(hypotheses, references)
        let loss = try model.loss(sources: sources, targets: references)
        let source =
            Self.setup.joined(separator: "\n")
            + "\nlet s = evaluate(model, on: data.test)\n(log.epochs, s.bleu.score, s.exactMatch, s.loss, model.parameterCount)"
        #expect(Self.display(source) == "(2, \(bleu), \(exact), \(loss), \(model.parameterCount))")
    }

    @Test func translateTakesTextAndArraysOfText() throws {
        let (model, _) = try Self.engineModel()
        let phrases = ["three hundred and forty two", "seven"]
        let expected = try model.translate(phrases.map { $0.split(separator: " ").map(String.init) }).map {
            $0.tokens.joined()
        }
        let source =
            Self.setup.joined(separator: "\n")
            + "\n(model.translate(\"three hundred  and forty two\"), model.translate([\"three hundred and forty two\", \"seven\"]))"
        #expect(Self.display(source) == "(\"\(expected[0])\", [\"\(expected[0])\", \"\(expected[1])\"])")
    }

    @Test func quantizationPartByPartIsTheEngines() throws {
        let (model, split) = try Self.engineModel()
        let int4 = WeightQuantization.uniform(
            try Quantizer(bits: 4, scheme: .symmetric, granularity: .perChannel(axis: 0)))
        let activations = try ActivationQuantization(quantizer: try Quantizer(bits: 8, scheme: .symmetric))
        let quantized = try model.quantized(
            Seq2SeqQuantization(recurrent: int4, output: .format(.nf4(blockSize: 64)), activations: activations),
            calibrationSources: split.validation.pairs.map(\.source),
            calibrationTargets: split.validation.pairs.map(\.target))
        let loss = try quantized.loss(
            sources: split.test.pairs.map(\.source), targets: split.test.pairs.map(\.target))
        let source =
            Self.setup.joined(separator: "\n") + """

                let q = quantize(model, recurrent: .int4, output: .nf4, activations: .int8, calibration: data.validation)
                (q.bytes, q.recurrentBytes, q.outputBytes, q.embeddingBytes == model.embeddingBytes, q.loss(on: data.test), q.quantization)
                """
        #expect(
            Self.display(source)
                == "(\(quantized.bytes), \(quantized.bytes(.recurrent)), \(quantized.bytes(.output)), true, \(loss), "
                + "\"\(quantized.quantization?.description ?? "")\")")
    }

    @Test func qatReturnsAQuantizedModelThatTrainedFurther() throws {
        let source =
            Self.setup.joined(separator: "\n") + """

                let ptq = quantize(model, embeddings: .int4, recurrent: .int4, output: .int4)
                let tuned = qat(model, embeddings: .int4, recurrent: .int4, output: .int4, on: data.train, epochs: 2, learningRate: 0.005, seed: 3)
                (tuned.bytes == ptq.bytes, tuned.loss(on: data.train) < ptq.loss(on: data.train))
                """
        #expect(Self.display(source) == "(true, true)")
    }

    @Test func attentionRowsAreDistributions() throws {
        let source =
            Self.setup.joined(separator: "\n") + """

                let t = model.attention("three hundred and forty two")
                t.columns
                """
        #expect(Self.display(source) == #"["output", "three", "hundred", "and", "forty", "two"]"#)
    }

    @Test func badArgumentsAreLocatedErrors() {
        let prefix = Self.setup.joined(separator: "\n") + "\n"
        #expect(Self.error(prefix + "quantize(model)").contains("say what to quantize"))
        #expect(Self.error(prefix + "quantize(model, recurrent: .uint8)").contains("symmetrically"))
        #expect(Self.error(prefix + "quantize(model, activations: .int8)").contains("calibration"))
        #expect(Self.error(prefix + "quantize(model, recurrent: .q4_0)").contains("encoder input weights"))
        #expect(
            Self.error(prefix + "quantize(model, activations: .nf4, calibration: data.validation)").contains(".int8"))
        #expect(Self.error("seq2seq(numberCorpus(upTo: 20), embedding: 0)").contains("between 1 and 1024"))
        #expect(Self.error(prefix + "train(&model, on: data.train, epochs: 0)").contains("epochs"))
        #expect(Self.error(prefix + "train(&model, on: data.train, learningRate: -1)").contains("learning rate"))
        #expect(Self.error(prefix + "model.translate(\"\")").contains("sources need 1"))
        #expect(Self.error(prefix + "model.translate(\"seven\", maxLength: 0)").contains("maxLength"))
    }
}
