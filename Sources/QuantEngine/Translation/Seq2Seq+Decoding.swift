/// One greedy translation with what the decoder attended to.
public struct Seq2SeqTranslation: Sendable, Equatable {
    public var source: [String]
    /// The output tokens, without `</s>`.
    public var tokens: [String]
    /// `attention[i][j]`: the weight output token `i` (then `</s>`, when it was produced) gave
    /// source token `j`.
    public var attention: [[Double]]
    /// Whether decoding stopped at `</s>` rather than at the maximum length.
    public var finished: Bool
}

extension Seq2Seq {
    /// Greedy decoding: from `<s>`, feed back the most likely token (the first on ties) until
    /// `</s>` or `maxLength` tokens. Sources are decoded in batches of one length; the result
    /// is in the order of `sources`. Unknown source tokens read as `<unk>`.
    public func translate(_ sources: [[String]], maxLength: Int = 32) throws(QuantEngineError)
        -> [Seq2SeqTranslation]
    {
        guard (1...Self.maximumLength).contains(maxLength) else {
            throw .invalidArgument("maxLength must be between 1 and \(Self.maximumLength), got \(maxLength)")
        }
        if let index = sources.firstIndex(where: { $0.isEmpty || $0.count > Self.maximumLength }) {
            throw .invalidArgument(
                "source \(index + 1) has \(sources[index].count) tokens; sources need 1 to \(Self.maximumLength)")
        }
        let ids = sources.map(sourceVocabulary.encode)
        try reservePass(
            batch: Swift.min(256, ids.count), sourceLength: ids.map(\.count).max() ?? 0, targetLength: maxLength)
        var byLength: [Int: [Int]] = [:]
        for (index, source) in ids.enumerated() { byLength[source.count, default: []].append(index) }
        var results = [Seq2SeqTranslation?](repeating: nil, count: sources.count)
        let weights = Seq2SeqWeights(parameters, layout: layout)
        let watch = EngineDeadline.Watch()
        for length in byLength.keys.sorted() {
            let indices = byLength[length] ?? []
            var start = 0
            while start < indices.count {
                try watch.check("seq2seq translation")
                let chunk = Array(indices[start..<Swift.min(start + 256, indices.count)])
                let decoded = decode(chunk.map { ids[$0] }, maxLength: maxLength, weights: weights)
                for (position, index) in chunk.enumerated() {
                    results[index] = Seq2SeqTranslation(
                        source: sources[index], tokens: decoded[position].tokens,
                        attention: decoded[position].attention, finished: decoded[position].finished)
                }
                start += 256
            }
        }
        return results.compactMap { $0 }
    }

    /// Greedy decoding of a batch of sources of one length.
    func decode(_ sources: [[Int]], maxLength: Int, weights: Seq2SeqWeights) -> [(
        tokens: [String], attention: [[Double]], finished: Bool
    )] {
        let b = sources.count, s = sources.first?.count ?? 0, h = hiddenSize, v = targetVocabulary.count
        var timeMajor = [Int](repeating: 0, count: s * b)
        for (row, source) in sources.enumerated() {
            for (j, id) in source.enumerated() { timeMajor[j * b + row] = id }
        }
        let encoder = runGRU(
            tokens: timeMajor, length: s, batch: b, initial: [Float](repeating: 0, count: b * h)[...],
            embedding: .sourceEmbedding, input: .encoderInput, recurrent: .encoderRecurrent,
            inputBias: .encoderInputBias, recurrentBias: .encoderRecurrentBias, weights: weights,
            inputT: weights.encoderInputT, recurrentT: weights.encoderRecurrentT, inputSite: .encoderInput,
            stateSite: .encoderState, observe: nil)
        var state = Array(encoder.states[(s * b * h)..<((s + 1) * b * h)])
        var current = [Int](repeating: Vocabulary.startID, count: b)
        var outputs = [[Int]](repeating: [], count: b)
        var attention = [[[Double]]](repeating: [], count: b)
        var finished = [Bool](repeating: false, count: b)
        for _ in 0..<maxLength where finished.contains(false) {
            let decoder = runGRU(
                tokens: current, length: 1, batch: b, initial: state[...], embedding: .targetEmbedding,
                input: .decoderInput, recurrent: .decoderRecurrent, inputBias: .decoderInputBias,
                recurrentBias: .decoderRecurrentBias, weights: weights, inputT: weights.decoderInputT,
                recurrentT: weights.decoderRecurrentT, inputSite: .decoderInput, stateSite: .decoderState,
                observe: nil)
            let step = readout(
                decoderStates: decoder.states, encoderStates: encoder.states, steps: 1, batch: b, sourceLength: s,
                weights: weights, observe: nil)
            for row in 0..<b where !finished[row] {
                var best = 0
                for j in 1..<v where step.logits[row * v + j] > step.logits[row * v + best] { best = j }
                attention[row].append((0..<s).map { Double(step.attention[row * s + $0]) })
                if best == Vocabulary.endID {
                    finished[row] = true
                } else {
                    outputs[row].append(best)
                }
                current[row] = best
            }
            state = Array(decoder.states[(b * h)..<(2 * b * h)])
        }
        return (0..<b).map { row in
            (outputs[row].map { targetVocabulary.tokens[$0] }, attention[row], finished[row])
        }
    }
}
