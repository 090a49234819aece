/// Sentence pairs for training and evaluating a translation model: a source sentence and its
/// reference translation each, as tokens.
///
/// Like `Dataset`, a corpus is a value with a name for summaries; `split` cuts it into train,
/// validation and test parts.
public struct ParallelCorpus: Sendable, Equatable, CustomStringConvertible {
    /// A short name for summaries ("numbers", "numbers (train)").
    public var name: String
    /// The pairs, in corpus order.
    public var pairs: [SentencePair]

    /// A corpus of `pairs` under `name`.
    public init(name: String, pairs: [SentencePair]) {
        self.name = name
        self.pairs = pairs
    }

    /// The number of pairs.
    public var count: Int { pairs.count }

    /// The source sentences as text, in corpus order (`SentencePair.sourceText`).
    public var sourceTexts: [String] { pairs.map(\.sourceText) }

    /// The target sentences as text, in corpus order (`SentencePair.targetText`).
    public var targetTexts: [String] { pairs.map(\.targetText) }

    /// The distinct source tokens, sorted: the input vocabulary a model needs.
    public var sourceVocabulary: [String] { Set(pairs.flatMap(\.source)).sorted() }

    /// The distinct target tokens, sorted: the output vocabulary a model needs.
    public var targetVocabulary: [String] { Set(pairs.flatMap(\.target)).sorted() }

    /// The first `length` pairs (all of them when the corpus is shorter), under the same name.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `length` is negative.
    public func prefix(_ length: Int) throws(QuantEngineError) -> ParallelCorpus {
        guard length >= 0 else {
            throw .invalidArgument("prefix: the length must not be negative, got \(length)")
        }
        return ParallelCorpus(name: name, pairs: Array(pairs.prefix(length)))
    }

    /// The pair at `index`.
    ///
    /// - Throws: `QuantEngineError.indexOutOfRange` for an index outside `0..<count`.
    public func pair(at index: Int) throws(QuantEngineError) -> SentencePair {
        guard pairs.indices.contains(index) else { throw .indexOutOfRange(index: index, axis: 0, size: count) }
        return pairs[index]
    }

    /// A one-line summary, e.g. `numbers: 9999 pairs`.
    public var description: String {
        "\(name): \(count == 1 ? "1 pair" : "\(count) pairs")"
    }
}
