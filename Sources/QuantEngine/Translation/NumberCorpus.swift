/// The English→Chinese number corpus: every whole number in a range, spelled out in both
/// languages by `NumberWords`.
extension ParallelCorpus {
    /// Every number from 1 through `limit` (at most 9999), in increasing order: pair k − 1 is
    /// `NumberWords.english(k)` → `NumberWords.chinese(k)`. Sources are unique, and so are
    /// targets. The corpus is named "numbers".
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `limit` is outside 1…9999.
    public static func numbers(upTo limit: Int = 9999) throws(QuantEngineError) -> ParallelCorpus {
        guard NumberWords.range.contains(limit) else {
            throw .invalidArgument("numbers: upTo must be between 1 and 9999, got \(limit)")
        }
        var pairs: [SentencePair] = []
        pairs.reserveCapacity(limit)
        for n in 1...limit {
            pairs.append(SentencePair(source: try NumberWords.english(n), target: try NumberWords.chinese(n)))
        }
        return ParallelCorpus(name: "numbers", pairs: pairs)
    }
}
