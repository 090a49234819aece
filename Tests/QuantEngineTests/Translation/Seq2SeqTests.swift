import Foundation
import Testing

@testable import QuantEngine

/// The sequence-to-sequence model: its forward pass against an independent Double-precision
/// implementation of the documented equations, its gradient against finite differences, greedy
/// decoding against the teacher-forced pass, training, and part-wise quantization.
@Suite struct Seq2SeqTests {
    static let sources = [["a", "b", "c"], ["c", "a", "a"], ["b", "b", "c"], ["d", "a"], ["a", "d"]]
    static let targets = [["x", "y"], ["y", "y", "z", "x"], ["z"], ["x", "z", "y"], []]

    static func tiny(seed: UInt64 = 3) throws -> Seq2Seq {
        try Seq2Seq(sources: sources, targets: targets, embeddingSize: 3, hiddenSize: 4, seed: seed)
    }

    /// The batches of the tiny corpus (one per source length).
    static func batches(_ model: Seq2Seq) throws -> [Seq2SeqBatch] {
        let data = try model.encoded(sources: sources, targets: targets)
        var none: RandomGenerator? = nil
        return Seq2Seq.batches(sources: data.sources, targets: data.targets, size: 8, using: &none)
    }

    // MARK: - Reference implementation

    /// Mean cross-entropy per target token of one pair, written from the equations in the
    /// documentation with Double arithmetic and Foundation's `exp`/`tanh`, one sentence at a time.
    static func referenceLoss(_ model: Seq2Seq, source: [String], target: [String]) -> (sum: Double, tokens: Int) {
        let p = model.parameters.map(Double.init)
        let layout = model.layout
        let e = model.embeddingSize, h = model.hiddenSize
        func block(_ b: Seq2Seq.Block) -> ArraySlice<Double> { p[layout.range(b)] }
        func matrixVector(_ m: ArraySlice<Double>, rows: Int, columns: Int, _ v: [Double]) -> [Double] {
            let start = m.startIndex
            return (0..<rows).map { i in (0..<columns).reduce(0.0) { $0 + m[start + i * columns + $1] * v[$1] } }
        }
        func sigmoid(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
        func gru(_ x: [Double], _ state: [Double], encoder: Bool) -> [Double] {
            let wi = block(encoder ? .encoderInput : .decoderInput)
            let wh = block(encoder ? .encoderRecurrent : .decoderRecurrent)
            let bi = Array(block(encoder ? .encoderInputBias : .decoderInputBias))
            let bh = Array(block(encoder ? .encoderRecurrentBias : .decoderRecurrentBias))
            let gi = matrixVector(wi, rows: 3 * h, columns: e, x)
            let gh = matrixVector(wh, rows: 3 * h, columns: h, state)
            return (0..<h).map { j in
                let r = sigmoid(gi[j] + bi[j] + gh[j] + bh[j])
                let z = sigmoid(gi[h + j] + bi[h + j] + gh[h + j] + bh[h + j])
                let n = Foundation.tanh(gi[2 * h + j] + bi[2 * h + j] + r * (gh[2 * h + j] + bh[2 * h + j]))
                return (1 - z) * n + z * state[j]
            }
        }
        func embedding(_ b: Seq2Seq.Block, _ id: Int) -> [Double] {
            let table = block(b)
            return (0..<e).map { table[table.startIndex + id * e + $0] }
        }
        var state = [Double](repeating: 0, count: h)
        var encoderStates: [[Double]] = []
        for token in model.sourceVocabulary.encode(source) {
            state = gru(embedding(.sourceEmbedding, token), state, encoder: true)
            encoderStates.append(state)
        }
        let ids = model.targetVocabulary.encode(target)
        let inputs = [Vocabulary.startID] + ids
        let labels = ids + [Vocabulary.endID]
        var sum = 0.0
        for (input, label) in zip(inputs, labels) {
            state = gru(embedding(.targetEmbedding, input), state, encoder: false)
            let scores = encoderStates.map { key in
                zip(state, key).reduce(0.0) { $0 + $1.0 * $1.1 } / Double(h).squareRoot()
            }
            let largest = scores.max() ?? 0
            let weights = scores.map { Foundation.exp($0 - largest) }
            let total = weights.reduce(0, +)
            var context = [Double](repeating: 0, count: h)
            for (weight, key) in zip(weights, encoderStates) {
                for k in 0..<h { context[k] += weight / total * key[k] }
            }
            let joined = state + context
            let mean = joined.reduce(0, +) / Double(2 * h)
            let variance = joined.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(2 * h)
            let gain = Array(block(.normGain)), bias = Array(block(.normBias))
            let normalized = joined.indices.map {
                (joined[$0] - mean) / (variance + Double(Seq2Seq.normEpsilon)).squareRoot() * gain[$0] + bias[$0]
            }
            let outputBias = Array(block(.outputBias))
            let logits = matrixVector(
                block(.output), rows: model.targetVocabulary.count, columns: 2 * h, normalized
            ).enumerated().map { $0.element + outputBias[$0.offset] }
            let top = logits.max() ?? 0
            let logSum = top + Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp($1 - top) })
            sum += logSum - logits[label]
        }
        return (sum, labels.count)
    }

    @Test func forwardPassMatchesAnIndependentImplementationOfTheEquations() throws {
        let model = try Self.tiny()
        var referenceSum = 0.0, tokens = 0
        for (source, target) in zip(Self.sources, Self.targets) {
            let (sum, count) = Self.referenceLoss(model, source: source, target: target)
            referenceSum += sum
            tokens += count
        }
        let loss = try model.loss(sources: Self.sources, targets: Self.targets)
        #expect(tokens == 2 + 4 + 1 + 3 + 0 + 5)
        #expect(abs(loss - referenceSum / Double(tokens)) < 1e-5 * abs(loss))
        // An untrained model is close to uniform over the target vocabulary.
        #expect(abs(loss - Foundation.log(Double(model.targetVocabulary.count))) < 1)
    }

    // MARK: - Gradient

    /// Mean loss of all batches with parameters `values`, in Double.
    static func loss(_ model: Seq2Seq, _ values: [Float], _ batches: [Seq2SeqBatch]) -> Double {
        let weights = Seq2SeqWeights(values, layout: model.layout)
        return batches.reduce(0.0) { $0 + model.forward($1, weights: weights).lossSum / Double($1.tokenCount) }
    }

    @Test func gradientMatchesCentralFiniteDifferencesForEveryParameter() throws {
        var model = try Self.tiny()
        // Larger embeddings and states than at initialisation, so every gate is exercised away
        // from its linear region.
        model.parameters = model.parameters.map { $0 * 1.5 }
        let batches = try Self.batches(model)
        #expect(batches.count == 2)  // sources of lengths 2 and 3
        let weights = Seq2SeqWeights(model.parameters, layout: model.layout)
        var analytic = [Float](repeating: 0, count: model.parameterCount)
        for batch in batches {
            let trace = model.forward(batch, weights: weights).trace
            for (i, g) in model.backward(batch, trace: trace, weights: weights).enumerated() { analytic[i] += g }
        }
        let h: Float = 1e-2
        var checked = 0, agreeing = 0, worst = (index: 0, error: 0.0)
        var touched = Set<Seq2Seq.Block>()
        for block in Seq2Seq.Block.allCases {
            for index in model.layout.range(block) {
                var plus = model.parameters, minus = model.parameters
                plus[index] += h
                minus[index] -= h
                let numeric = (Self.loss(model, plus, batches) - Self.loss(model, minus, batches)) / Double(2 * h)
                let error = abs(numeric - Double(analytic[index]))
                checked += 1
                if error <= 2e-4 + 0.02 * abs(numeric) {
                    agreeing += 1
                } else if error > worst.error {
                    worst = (index, error)
                }
                if analytic[index] != 0 { touched.insert(block) }
            }
        }
        #expect(checked == model.parameterCount)
        #expect(agreeing == checked, "worst disagreement \(worst.error) at parameter \(worst.index)")
        // Every block receives gradient (the padding embedding rows do not, which is right).
        #expect(touched == Set(Seq2Seq.Block.allCases))
    }

    @Test func paddedPositionsAndUnusedTokensGetNoGradient() throws {
        let model = try Self.tiny()
        let weights = Seq2SeqWeights(model.parameters, layout: model.layout)
        for batch in try Self.batches(model) {
            let gradient = model.backward(batch, trace: model.forward(batch, weights: weights).trace, weights: weights)
            let padding = model.layout.offset(.targetEmbedding) + Vocabulary.paddingID * model.embeddingSize
            #expect(gradient[padding..<(padding + model.embeddingSize)].allSatisfy { $0 == 0 })
            let unknown = model.layout.offset(.sourceEmbedding) + Vocabulary.unknownID * model.embeddingSize
            #expect(gradient[unknown..<(unknown + model.embeddingSize)].allSatisfy { $0 == 0 })
        }
    }

    // MARK: - Decoding and training

    @Test func greedyDecodingPicksTheArgmaxOfTheTeacherForcedPassOnItsOwnOutput() throws {
        var model = try Self.tiny(seed: 9)
        model.parameters = model.parameters.map { $0 * 2 }
        let translations = try model.translate(Self.sources, maxLength: 6)
        #expect(translations.map(\.source) == Self.sources)
        for translation in translations {
            let ids = model.targetVocabulary.encode(translation.tokens)
            let batch = Seq2SeqBatch(
                sources: [model.sourceVocabulary.encode(translation.source)], targets: [ids])
            let weights = Seq2SeqWeights(model.parameters, layout: model.layout)
            let trace = model.forward(batch, weights: weights).trace
            let v = model.targetVocabulary.count
            let steps = translation.finished ? ids.count + 1 : ids.count
            #expect(translation.attention.count == steps)
            for step in 0..<steps {
                let row = Array(trace.logits[(step * v)..<((step + 1) * v)])
                let best = row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? -1
                #expect(best == (step < ids.count ? ids[step] : Vocabulary.endID))
                let attention = translation.attention[step]
                #expect(abs(attention.reduce(0, +) - 1) < 1e-5)
                #expect(attention.count == translation.source.count)
            }
            if !translation.finished { #expect(translation.tokens.count == 6) }
        }
    }

    @Test func trainingLearnsAToyTranslationAndIsDeterministic() throws {
        // Reverse a sequence of digits and spell it: "1 2 3" → "three two one".
        let words = ["zero", "one", "two", "three", "four"]
        var generator = RandomGenerator(seed: 5)
        var sources: [[String]] = [], targets: [[String]] = []
        for _ in 0..<300 {
            let length = 1 + Int(generator.next() % 3)
            let digits = (0..<length).map { _ in Int(generator.next() % 5) }
            sources.append(digits.map(String.init))
            targets.append(digits.reversed().map { words[$0] })
        }
        var model = try Seq2Seq(sources: sources, targets: targets, embeddingSize: 8, hiddenSize: 16, seed: 1)
        let before = try model.loss(sources: sources, targets: targets)
        var twin = model
        let history = try model.train(sources: sources, targets: targets, epochs: 30, learningRate: 0.01, seed: 2)
        _ = try twin.train(sources: sources, targets: targets, epochs: 30, learningRate: 0.01, seed: 2)
        #expect(model == twin)
        #expect(history.losses.count == 30)
        #expect(history.losses.last ?? 9 < history.losses.first ?? 0)
        let after = try model.loss(sources: sources, targets: targets)
        #expect(after < before / 10)
        let translations = try model.translate(sources)
        let exact = zip(translations, targets).filter { $0.0.tokens == $0.1 }.count
        #expect(exact >= 290)
    }

    // MARK: - Quantization

    @Test func partsAreQuantizedSeparatelyWithTheirStorage() throws {
        let model = try Self.tiny()
        let int8 = try Quantizer(bits: 8, scheme: .symmetric, granularity: .perChannel(axis: 0))
        let quantized = try model.quantized(Seq2SeqQuantization(recurrent: .uniform(int8)))
        let layout = model.layout
        for block in Seq2Seq.Block.allCases {
            let original = Array(model.parameters[layout.range(block)])
            let now = Array(quantized.parameters[layout.range(block)])
            if block.part == .recurrent {
                // Each row within half a step of the original: step = max|row| / 127.
                let columns = layout.shape(block)[1]
                for row in 0..<layout.shape(block)[0] {
                    let values = original[(row * columns)..<((row + 1) * columns)]
                    let step = (values.map(abs).max() ?? 0) / 127
                    for j in values.indices { #expect(abs(now[j] - original[j]) <= step / 2 * 1.0001) }
                }
                #expect(now != original)
                // Codes, plus a Float32 scale and a zero point per row.
                let rows = layout.shape(block)[0]
                #expect(quantized.bytes(of: block) == layout.count(block) + 8 * rows)
            } else {
                #expect(now == original)
                #expect(quantized.bytes(of: block) == 4 * layout.count(block))
            }
        }
        #expect(quantized.bytes(.embeddings) == model.bytes(.embeddings))
        #expect(quantized.bytes < model.bytes)
        #expect(quantized.bytes == Seq2Seq.Part.allCases.reduce(0) { $0 + quantized.bytes($1) } + quantized.otherBytes)
        // Quantizing again starts from the Float32 weights, not from the quantized ones.
        let nf4 = try quantized.quantized(Seq2SeqQuantization(output: .format(.nf4(blockSize: 64))))
        let direct = try model.quantized(Seq2SeqQuantization(output: .format(.nf4(blockSize: 64))))
        #expect(nf4.parameters == direct.parameters)
        #expect(
            Array(nf4.parameters[layout.range(.encoderRecurrent)])
                == Array(model.parameters[layout.range(.encoderRecurrent)]))
    }

    @Test func activationQuantizationIsCalibratedAndApplied() throws {
        let model = try Self.tiny()
        let int4 = try ActivationQuantization(quantizer: try Quantizer(bits: 4, scheme: .symmetric))
        let configuration = Seq2SeqQuantization(activations: int4)
        #expect(throws: QuantEngineError.self) { try model.quantized(configuration) }
        let quantized = try model.quantized(
            configuration, calibrationSources: Self.sources, calibrationTargets: Self.targets)
        #expect(quantized.activationParameters.count == Seq2Seq.ActivationSite.allCases.count)
        // Each site's scale is its largest magnitude over 7 (symmetric 4-bit, narrow range).
        var largest = [Float](repeating: 0, count: Seq2Seq.ActivationSite.allCases.count)
        let weights = Seq2SeqWeights(model.parameters, layout: model.layout)
        for batch in try Self.batches(model) {
            _ = model.forward(batch, weights: weights) { site, values in
                largest[site.rawValue] = max(largest[site.rawValue], values.map(abs).max() ?? 0)
            }
        }
        for (parameters, maximum) in zip(quantized.activationParameters, largest) {
            #expect(abs(parameters.scale - maximum / 7) <= 1e-6 * maximum)
        }
        // The weights are untouched; the loss changes only through the activations.
        #expect(quantized.parameters == model.parameters)
        let float = try model.loss(sources: Self.sources, targets: Self.targets)
        let coarse = try quantized.loss(sources: Self.sources, targets: Self.targets)
        #expect(float != coarse)
    }

    @Test func quantizationAwareTrainingKeepsQuantizedWeights() throws {
        let model = try Self.tiny()
        let int4 = try Quantizer(bits: 4, scheme: .symmetric, granularity: .perChannel(axis: 0))
        var quantized = try model.quantized(Seq2SeqQuantization(embeddings: .uniform(int4), recurrent: .uniform(int4)))
        let before = try quantized.loss(sources: Self.sources, targets: Self.targets)
        _ = try quantized.train(sources: Self.sources, targets: Self.targets, epochs: 20, learningRate: 0.01, seed: 1)
        #expect(try quantized.loss(sources: Self.sources, targets: Self.targets) < before)
        // The weights computed with are the 4-bit grid of the latent Float32 weights.
        let latent = try #require(quantized.floatParameters)
        let regrid = try Seq2Seq.quantizedWeights(latent, layout: model.layout, try #require(quantized.quantization))
        #expect(regrid.values == quantized.parameters)
        let layout = model.layout
        let rows = layout.shape(.encoderRecurrent)[0], columns = layout.shape(.encoderRecurrent)[1]
        let values = Array(quantized.parameters[layout.range(.encoderRecurrent)])
        for row in 0..<rows {
            #expect(Set(values[(row * columns)..<((row + 1) * columns)]).count <= 15)
        }
    }

    // MARK: - Errors

    @Test func badArgumentsAreErrorsNotTraps() throws {
        #expect(throws: QuantEngineError.self) {
            try Seq2Seq(sources: [], targets: [], seed: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try Seq2Seq(sources: Self.sources, targets: Self.targets, embeddingSize: 0, seed: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try Seq2Seq(sources: Self.sources, targets: Self.targets, embeddingSize: 2000, hiddenSize: 8, seed: 0)
        }
        var model = try Self.tiny()
        #expect(throws: QuantEngineError.self) {
            try model.train(sources: Self.sources, targets: [], epochs: 1, seed: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try model.train(sources: [[]], targets: [["x"]], epochs: 1, seed: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try model.train(sources: Self.sources, targets: Self.targets, epochs: 1, learningRate: .nan, seed: 0)
        }
        #expect(throws: QuantEngineError.self) { try model.translate([["a"]], maxLength: 0) }
        #expect(throws: QuantEngineError.self) { try model.translate([[]]) }
        // A ggml block format on rows that are not a multiple of 32 names the block.
        do {
            _ = try model.quantized(Seq2SeqQuantization(recurrent: .format(.q4_0)))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("encoder input weights"))
        }
        // Unknown source tokens read as <unk>.
        let translation = try model.translate([["never", "seen"]], maxLength: 3)
        #expect(translation.count == 1)
        // A learning rate that makes the loss overflow is an error, not NaN weights.
        #expect(throws: QuantEngineError.self) {
            try model.train(sources: Self.sources, targets: Self.targets, epochs: 3, learningRate: 1e30, seed: 0)
        }
    }
}
