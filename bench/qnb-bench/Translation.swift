// qnb-bench translation: the model of notebooks/translation.md trained as the notebook trains it
// (30 % of the 9,999 number pairs, 8-wide embeddings, 16-wide GRUs, 8 epochs of batches of 32), on
// one thread — the model's products are too small for the engine to split them — then greedy
// translation of the test part. Prints seconds, sentence pairs and target tokens per second, and
// the exact match reached, so a speed change that changes the result shows.

import Foundation
import QuantEngine

func benchmarkTranslation() throws {
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
    let data = try ParallelCorpus.numbers().split(train: 0.3, validation: 0.1, seed: 0)
    let sources = data.train.pairs.map(\.source), targets = data.train.pairs.map(\.target)
    var model = try Seq2Seq(sources: sources, targets: targets, embeddingSize: 8, hiddenSize: 16, seed: 0)
    let epochs = 8
    var history: Seq2SeqTrainingHistory?
    let training = try clock.measure {
        history = try model.train(sources: sources, targets: targets, epochs: epochs, seed: 1)
    }
    let tokens = targets.reduce(0) { $0 + $1.count + 1 } * epochs
    let test = data.test.pairs
    var translations: [Seq2SeqTranslation] = []
    let decoding = try clock.measure { translations = try model.translate(test.map(\.source)) }
    let exact = zip(translations, test).filter { $0.0.tokens == $0.1.target }.count
    print("qnb-bench translation: Seq2Seq \(model.parameterCount) parameters, \(sources.count) training pairs")
    print(
        "train \(epochs) epochs: \(fixed(seconds(training), 2)) s, "
            + "\(fixed(Double(sources.count * epochs) / seconds(training), 0)) pairs/s, "
            + "\(fixed(Double(tokens) / seconds(training), 0)) target tokens/s; "
            + "final loss \(fixed(history?.losses.last ?? .nan, 4))")
    print(
        "translate \(test.count) test pairs: \(fixed(seconds(decoding), 3)) s, "
            + "\(fixed(Double(test.count) / seconds(decoding), 0)) sentences/s; exact match "
            + fixed(Double(exact) / Double(test.count), 4))
}
