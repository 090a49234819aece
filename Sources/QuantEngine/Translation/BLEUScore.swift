/// A corpus BLEU score and the statistics it comes from, as sacreBLEU 2.4.3 reports them.
///
/// From the clipped n-gram matches `counts[n]` and hypothesis n-grams `totals[n]` of each order
/// n = 1…N and the total lengths (sacreBLEU's `BLEU.compute_bleu` with `smooth_method='exp'`,
/// `effective_order=False`):
///
/// - brevity penalty `BP = exp(1 − referenceLength / hypothesisLength)` when the hypotheses are
///   shorter than the references (0 when they are empty), else 1;
/// - if no n-gram of any order matches, the score and every precision are 0;
/// - else, for n = 1, 2, … in turn, stopping at the first order with `totals[n] = 0` (that order
///   and all above keep precision 0): `precisions[n] = 100 · counts[n] / totals[n]` when
///   `counts[n] > 0`, and for an order with no match the 'exp' smoothing `100 / (2^k ·
///   totals[n])`, k = 1 for the first such order, 2 for the second, …;
/// - `score = BP · exp((Σ_n log p_n) / N)` over all N orders in order, with `log 0` taken as
///   −9999999999 (sacreBLEU's `my_log`), so any order left at precision 0 makes the score 0.
///
/// Precisions and the score are percentages, 0…100. Logarithms and exponentials are
/// `PortableMath`'s, so the score has the same bits on every platform (within an ulp or two of
/// sacreBLEU's, which uses the C library).
public struct BLEUScore: Sendable, Equatable, CustomStringConvertible {
    /// BLEU in 0…100.
    public let score: Double
    /// The (smoothed) n-gram precision of each order in percent, unigrams first.
    public let precisions: [Double]
    /// Matched hypothesis n-grams of each order, clipped to their count in the reference.
    public let counts: [Int]
    /// Hypothesis n-grams of each order.
    public let totals: [Int]
    public let brevityPenalty: Double
    /// `hypothesisLength / referenceLength`, or 0 when the references are empty.
    public let ratio: Double
    /// Tokens in all hypotheses.
    public let hypothesisLength: Int
    /// Tokens in all references.
    public let referenceLength: Int

    /// The highest n-gram order, N.
    public var maxOrder: Int { precisions.count }

    /// The score of given statistics (see the type's documentation), e.g. to combine the
    /// statistics of several batches.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` unless `counts` and `totals` have the same
    ///   length, 1…100, every count is in `0...totals[n]`, and the lengths are not negative.
    public init(counts: [Int], totals: [Int], hypothesisLength: Int, referenceLength: Int) throws(QuantEngineError) {
        guard counts.count == totals.count, (1...100).contains(counts.count) else {
            throw .invalidArgument(
                "BLEUScore: counts and totals need one entry per order (1…100 orders), got \(counts.count) and "
                    + "\(totals.count)")
        }
        if let order = counts.indices.first(where: { counts[$0] < 0 || counts[$0] > totals[$0] }) {
            throw .invalidArgument(
                "BLEUScore: the count of order \(order + 1) must be between 0 and its total \(totals[order]), "
                    + "got \(counts[order])")
        }
        guard hypothesisLength >= 0, referenceLength >= 0 else {
            throw .invalidArgument(
                "BLEUScore: lengths must not be negative, got \(hypothesisLength) and \(referenceLength)")
        }
        self.init(
            validatedCounts: counts, totals: totals, hypothesisLength: hypothesisLength,
            referenceLength: referenceLength)
    }

    init(validatedCounts counts: [Int], totals: [Int], hypothesisLength: Int, referenceLength: Int) {
        self.counts = counts
        self.totals = totals
        self.hypothesisLength = hypothesisLength
        self.referenceLength = referenceLength
        let (hypothesis, reference) = (Double(hypothesisLength), Double(referenceLength))
        ratio = referenceLength > 0 ? hypothesis / reference : 0
        if hypothesisLength < referenceLength {
            brevityPenalty = hypothesisLength > 0 ? PortableMath.exp(1 - reference / hypothesis) : 0
        } else {
            brevityPenalty = 1
        }
        var precisions = [Double](repeating: 0, count: counts.count)
        guard counts.contains(where: { $0 > 0 }) else {
            self.precisions = precisions
            score = 0
            return
        }
        var smoothing = 1.0
        for order in counts.indices {
            guard totals[order] > 0 else { break }
            if counts[order] == 0 {
                smoothing *= 2
                precisions[order] = 100 / (smoothing * Double(totals[order]))
            } else {
                precisions[order] = 100 * Double(counts[order]) / Double(totals[order])
            }
        }
        self.precisions = precisions
        let logSum = precisions.reduce(0.0) { $0 + ($1 == 0 ? -9_999_999_999 : PortableMath.log($1)) }
        score = brevityPenalty * PortableMath.exp(logSum / Double(precisions.count))
    }

    /// sacreBLEU's `str(score)` without a signature:
    /// `BLEU = 34.53 72.7/50.0/33.3/25.0 (BP = 1.000 ratio = 1.100 hyp_len = 11 ref_len = 10)` —
    /// score to 2 decimals, precisions to 1, BP and ratio to 3, each rounded from the exact
    /// binary value half to even as Python's format does.
    public var description: String {
        let precisionText = precisions.map { DecimalFormatting.fixed($0, fractionDigits: 1) }.joined(separator: "/")
        return "BLEU = \(DecimalFormatting.fixed(score, fractionDigits: 2)) \(precisionText) "
            + "(BP = \(DecimalFormatting.fixed(brevityPenalty, fractionDigits: 3)) "
            + "ratio = \(DecimalFormatting.fixed(ratio, fractionDigits: 3)) hyp_len = \(hypothesisLength) "
            + "ref_len = \(referenceLength))"
    }
}
