/// How close a translation model's outputs (hypotheses) are to the reference translations, each
/// sentence a sequence of tokens (for Chinese, characters: `characterTokens`).
///
/// Every metric takes one reference per hypothesis, in the same order, and throws
/// `QuantEngineError.invalidArgument` when the counts differ or there is no sentence.
public enum TranslationMetrics {
    /// The fraction of hypotheses equal to their reference token for token, in 0…1.
    public static func exactMatch(_ hypotheses: [[String]], _ references: [[String]]) throws(QuantEngineError)
        -> Double
    {
        try validate(hypotheses, references, "exactMatch")
        let matches = zip(hypotheses, references).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(matches) / Double(hypotheses.count)
    }

    /// Token accuracy, in 0…1: the number of positions `i < len(reference)` at which
    /// `hypothesis[i] == reference[i]`, summed over all sentences, divided by the total length of
    /// the references, `Σ len(reference)`.
    ///
    /// Positions are compared as they stand, without alignment: a hypothesis that drops or adds
    /// a token early scores only the positions before it. Hypothesis tokens beyond the end of the
    /// reference count for nothing (neither right nor wrong), and missing ones are wrong; use
    /// `exactMatch` or `bleu` to penalise extra output.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` also when the references have no token at all.
    public static func tokenAccuracy(_ hypotheses: [[String]], _ references: [[String]]) throws(QuantEngineError)
        -> Double
    {
        try validate(hypotheses, references, "tokenAccuracy")
        var correct = 0
        var total = 0
        for (hypothesis, reference) in zip(hypotheses, references) {
            total += reference.count
            correct += zip(hypothesis, reference).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        }
        guard total > 0 else {
            throw .invalidArgument("tokenAccuracy: the references have no tokens, so no accuracy is defined")
        }
        return Double(correct) / Double(total)
    }

    /// Corpus BLEU exactly as sacreBLEU 2.4.3 computes `corpus_bleu(hypotheses, [references])`
    /// with one reference per sentence, default 'exp' smoothing and no effective order, on
    /// tokens already split (for Chinese, `characterTokens`, sacreBLEU's `tokenize='char'`).
    ///
    /// For each order n in 1…`maxOrder`, `totals[n]` counts the hypothesis n-grams of all
    /// sentences and `counts[n]` the matched ones, each n-gram's matches clipped per sentence to
    /// its count in the reference. `hypothesisLength` and `referenceLength` are the total token
    /// counts. See `BLEUScore.init(counts:totals:hypothesisLength:referenceLength:)` for how the
    /// score follows from these statistics.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when the counts of hypotheses and references
    ///   differ, there is no sentence, or `maxOrder` is outside 1…100.
    public static func bleu(_ hypotheses: [[String]], _ references: [[String]], maxOrder: Int = 4)
        throws(QuantEngineError) -> BLEUScore
    {
        try validate(hypotheses, references, "bleu")
        guard (1...100).contains(maxOrder) else {
            throw .invalidArgument("bleu: maxOrder must be between 1 and 100, got \(maxOrder)")
        }
        var counts = [Int](repeating: 0, count: maxOrder)
        var totals = [Int](repeating: 0, count: maxOrder)
        var hypothesisLength = 0
        var referenceLength = 0
        for (hypothesis, reference) in zip(hypotheses, references) {
            hypothesisLength += hypothesis.count
            referenceLength += reference.count
            for order in 1...maxOrder where hypothesis.count >= order {
                let available = ngramCounts(reference, order: order)
                for (ngram, count) in ngramCounts(hypothesis, order: order) {
                    totals[order - 1] += count
                    counts[order - 1] += Swift.min(count, available[ngram] ?? 0)
                }
            }
        }
        return BLEUScore(
            validatedCounts: counts, totals: totals, hypothesisLength: hypothesisLength,
            referenceLength: referenceLength)
    }

    /// The tokens of sacreBLEU's character tokenizer (`tokenize='char'`): the text's Unicode
    /// scalars (code points, as Python strings count characters), each as a string, with
    /// whitespace dropped — the characters that Python's `str.split()` splits at, which are
    /// Unicode's White_Space characters and the separators U+001C…U+001F.
    ///
    /// `characterTokens("三千 零四十二")` is `["三", "千", "零", "四", "十", "二"]`.
    public static func characterTokens(_ text: String) -> [String] {
        text.unicodeScalars.filter { !isPythonWhitespace($0) }.map { String($0) }
    }

    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// How often each n-gram of the given order occurs in `tokens`.
    static func ngramCounts(_ tokens: [String], order: Int) -> [ArraySlice<String>: Int] {
        var counts: [ArraySlice<String>: Int] = [:]
        guard tokens.count >= order else { return counts }
        for start in 0...(tokens.count - order) {
            counts[tokens[start..<(start + order)], default: 0] += 1
        }
        return counts
    }

    private static func validate(_ hypotheses: [[String]], _ references: [[String]], _ operation: String)
        throws(QuantEngineError)
    {
        guard hypotheses.count == references.count else {
            let hypothesisCount = hypotheses.count == 1 ? "1 hypothesis" : "\(hypotheses.count) hypotheses"
            let referenceCount = references.count == 1 ? "1 reference" : "\(references.count) references"
            throw .invalidArgument(
                "\(operation): needs one reference per hypothesis, got \(hypothesisCount) and \(referenceCount)")
        }
        guard !hypotheses.isEmpty else {
            throw .invalidArgument("\(operation): there are no sentences to score")
        }
    }
}
