import Foundation
import QuantEngine
import Testing

@Suite("Translation metrics: exact match, token accuracy, BLEU")
struct TranslationMetricsTests {
    /// Characters of each string, as the metrics take them.
    func tokens(_ texts: [String]) -> [[String]] { texts.map(TranslationMetrics.characterTokens) }

    func bleu(_ hypotheses: [String], _ references: [String]) throws -> BLEUScore {
        try TranslationMetrics.bleu(tokens(hypotheses), tokens(references))
    }

    func expectClose(_ actual: Double, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            abs(actual - expected) <= 1e-12 * max(1, abs(expected)), "\(actual) ≠ \(expected)",
            sourceLocation: sourceLocation)
    }

    @Test func exactMatchCountsWholeSentences() throws {
        // 一 = 一, 二十 ≠ 二, 三 = 三: 2 of 3.
        expectClose(try TranslationMetrics.exactMatch(tokens(["一", "二十", "三"]), tokens(["一", "二", "三"])), 2.0 / 3)
        expectClose(try TranslationMetrics.exactMatch(tokens(["一"]), tokens(["一"])), 1)
        expectClose(try TranslationMetrics.exactMatch([[]], [["一"]]), 0)
    }

    @Test func tokenAccuracyComparesPositionsOfTheReference() throws {
        // 一千零一 against 一千一: 一 ✓ 千 ✓ 零≠一 ✗ → 2 of 3.
        // 十二三 against 十二: 十 ✓ 二 ✓, the extra 三 counts for nothing → 2 of 2.
        // nothing against 五: 0 of 1. Total (2 + 2 + 0) / (3 + 2 + 1).
        let accuracy = try TranslationMetrics.tokenAccuracy(
            tokens(["一千零一", "十二三", ""]), tokens(["一千一", "十二", "五"]))
        expectClose(accuracy, 4.0 / 6)
        // A shifted hypothesis scores only the positions before the shift: 二十一 against 十一.
        expectClose(try TranslationMetrics.tokenAccuracy(tokens(["二十一"]), tokens(["十一"])), 0)
    }

    @Test func metricsRefuseMismatchedOrMissingSentences() {
        let mismatch = "needs one reference per hypothesis, got 2 hypotheses and 1 reference"
        #expect(throws: QuantEngineError.invalidArgument("bleu: \(mismatch)")) {
            try TranslationMetrics.bleu([["一"], ["二"]], [["一"]])
        }
        #expect(throws: QuantEngineError.invalidArgument("exactMatch: \(mismatch)")) {
            try TranslationMetrics.exactMatch([["一"], ["二"]], [["一"]])
        }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "tokenAccuracy: needs one reference per hypothesis, got 1 hypothesis and 0 references")
        ) {
            try TranslationMetrics.tokenAccuracy([["一"]], [])
        }
        #expect(throws: QuantEngineError.invalidArgument("bleu: there are no sentences to score")) {
            try TranslationMetrics.bleu([], [])
        }
        #expect(throws: QuantEngineError.invalidArgument("exactMatch: there are no sentences to score")) {
            try TranslationMetrics.exactMatch([], [])
        }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "tokenAccuracy: the references have no tokens, so no accuracy is defined")
        ) {
            try TranslationMetrics.tokenAccuracy([["一"]], [[]])
        }
        #expect(throws: QuantEngineError.invalidArgument("bleu: maxOrder must be between 1 and 100, got 0")) {
            try TranslationMetrics.bleu([["一"]], [["一"]], maxOrder: 0)
        }
        #expect(throws: QuantEngineError.self) { try TranslationMetrics.bleu([["一"]], [["一"]], maxOrder: .max) }
    }

    /// sacreBLEU's character tokenizer: code points, whitespace dropped.
    @Test func characterTokensDropWhitespace() {
        #expect(TranslationMetrics.characterTokens("三千 零四十二") == ["三", "千", "零", "四", "十", "二"])
        #expect(TranslationMetrics.characterTokens(" \t一\u{3000}二\n\u{1F}\u{A0}") == ["一", "二"])
        #expect(TranslationMetrics.characterTokens("") == [])
        // A decomposed é is two code points, as in Python.
        #expect(TranslationMetrics.characterTokens("e\u{301}") == ["e", "\u{301}"])
    }

    @Test func perfectMatchIsOneHundred() throws {
        // 6, 5, 4 and 3 n-grams of orders 1…4, all matched: every precision 100, BP 1.
        let score = try bleu(["三千零四十二"], ["三千零四十二"])
        #expect(score.counts == [6, 5, 4, 3] && score.totals == [6, 5, 4, 3])
        expectClose(score.score, 100)
        #expect(score.precisions.allSatisfy { abs($0 - 100) < 1e-12 })
        #expect(
            score.description
                == "BLEU = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)")
    }

    @Test func anOrderWithoutMatchesIsSmoothed() throws {
        // 一二三四五 against 一二三五四:
        //   unigrams 5 of 5; bigrams 一二 二三 (of 一二 二三 三四 四五) 2 of 4;
        //   trigrams 一二三 (of 一二三 二三四 三四五) 1 of 3; 4-grams none of 2 →
        //   the first unmatched order: 100 / (2 · 2) = 25.
        let score = try bleu(["一二三四五"], ["一二三五四"])
        #expect(score.counts == [5, 2, 1, 0] && score.totals == [5, 4, 3, 2])
        let expected = [100, 50, 100.0 / 3, 25]
        for (actual, wanted) in zip(score.precisions, expected) { expectClose(actual, wanted) }
        // (100 · 50 · 33.3… · 25)^(1/4) = 45.180…
        expectClose(score.score, pow(100 * 50 * (100.0 / 3) * 25, 0.25))
        #expect(
            score.description == "BLEU = 45.18 100.0/50.0/33.3/25.0 (BP = 1.000 ratio = 1.000 hyp_len = 5 ref_len = 5)")

        // 一二三四 against 一二四三: unigrams 4 of 4, bigrams 一二 1 of 3, trigrams 0 of 2 →
        // 100 / (2 · 2) = 25, 4-grams 0 of 1 → the second unmatched order, 100 / (4 · 1) = 25.
        let twice = try bleu(["一二三四"], ["一二四三"])
        #expect(twice.counts == [4, 1, 0, 0] && twice.totals == [4, 3, 2, 1])
        for (actual, wanted) in zip(twice.precisions, [100, 100.0 / 3, 25, 25]) { expectClose(actual, wanted) }
        expectClose(twice.score, pow(100 * (100.0 / 3) * 25 * 25, 0.25))  // 37.99…
    }

    @Test func repeatedNgramsAreClipped() throws {
        // 二二二二 against 二十二 (which has 二 twice): unigrams min(4, 2) = 2 of 4; bigram 二二 (×3) is
        // not in the reference: 0 of 3 → 100 / (2 · 3); trigrams 0 of 2 → 100 / (4 · 2);
        // 4-gram 0 of 1 → 100 / (8 · 1). Longer than the reference: BP 1, ratio 4/3.
        let score = try bleu(["二二二二"], ["二十二"])
        #expect(score.counts == [2, 0, 0, 0] && score.totals == [4, 3, 2, 1])
        for (actual, wanted) in zip(score.precisions, [50, 100.0 / 6, 12.5, 12.5]) { expectClose(actual, wanted) }
        #expect(score.brevityPenalty == 1)
        expectClose(score.ratio, 4.0 / 3)
        expectClose(score.score, pow(50 * (100.0 / 6) * 12.5 * 12.5, 0.25))  // 18.99…
    }

    @Test func shortHypothesesArePenalised() throws {
        // 三千零四十 against 三千零四十二: every n-gram of the hypothesis matches (5, 4, 3, 2 of them),
        // so the score is the brevity penalty alone: 100 · exp(1 − 6/5).
        let score = try bleu(["三千零四十"], ["三千零四十二"])
        expectClose(score.brevityPenalty, exp(1 - 6.0 / 5))
        expectClose(score.score, 100 * exp(-0.2))  // 81.87…
        #expect(
            score.description
                == "BLEU = 81.87 100.0/100.0/100.0/100.0 (BP = 0.819 ratio = 0.833 hyp_len = 5 ref_len = 6)")

        // 三千 has no trigram: precision stops after order 2 (totals 0), log 0 is −9999999999,
        // and the score is 0 even though both of its orders match fully. BP = exp(1 − 6/2).
        let short = try bleu(["三千"], ["三千零四十二"])
        #expect(short.totals == [2, 1, 0, 0])
        for (actual, wanted) in zip(short.precisions, [100.0, 100, 0, 0]) { expectClose(actual, wanted) }
        expectClose(short.score, 0)  // exp(−2.5 · 10⁹) underflows to 0
        expectClose(short.brevityPenalty, exp(-2))
    }

    @Test func emptyHypothesesScoreZero() throws {
        // No n-gram at all: sacreBLEU stops early with the constants score 0, every precision 0,
        // and BP 0.
        let score = try bleu([""], ["一二"])
        #expect(score.score == 0 && score.precisions == [0, 0, 0, 0] && score.brevityPenalty == 0)
        #expect(score.description == "BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 2)")
        // Hypotheses and references all empty: BP 1, ratio 0 (no reference tokens).
        let nothing = try bleu(["", ""], ["", ""])
        #expect(nothing.score == 0 && nothing.brevityPenalty == 1 && nothing.ratio == 0)
    }

    /// Statistics add up over sentences before the score is taken (corpus BLEU, not an average).
    @Test func corpusStatisticsAreSummed() throws {
        // 一二三 / 一二三: 3, 2, 1, 0 matched of 3, 2, 1, 0. 四五 / 四六: 1, 0 of 2, 1.
        // Totals: counts [4, 2, 1, 0] of [5, 3, 1, 0]; the 4-gram total is 0, so the loop stops
        // there and the score is 0.
        let score = try bleu(["一二三", "四五"], ["一二三", "四六"])
        #expect(score.counts == [4, 2, 1, 0] && score.totals == [5, 3, 1, 0])
        #expect(score.hypothesisLength == 5 && score.referenceLength == 5)
        expectClose(score.score, 0)
        // With maxOrder 3 every order has n-grams: (80 · 66.6… · 100)^(1/3).
        let three = try TranslationMetrics.bleu(tokens(["一二三", "四五"]), tokens(["一二三", "四六"]), maxOrder: 3)
        expectClose(three.score, pow(80 * (200.0 / 3) * 100, 1.0 / 3))
    }

    /// sacreBLEU's own example format, from statistics: precisions 8/11, 5/10, 3/9, 2/8.
    @Test func scoresFromStatistics() throws {
        let score = try BLEUScore(
            counts: [8, 5, 3, 2], totals: [11, 10, 9, 8], hypothesisLength: 11, referenceLength: 10)
        // (72.72… · 50 · 33.3… · 25)^(1/4) = (10^8 / 33)^(1/4) = 41.72…
        expectClose(score.score, pow(1e8 / 33, 0.25))
        #expect(
            score.description == "BLEU = 41.72 72.7/50.0/33.3/25.0 (BP = 1.000 ratio = 1.100 hyp_len = 11 ref_len = 10)"
        )
        #expect(score.maxOrder == 4)
        #expect(throws: QuantEngineError.self) {
            try BLEUScore(counts: [3], totals: [2], hypothesisLength: 2, referenceLength: 2)
        }
        #expect(throws: QuantEngineError.self) {
            try BLEUScore(counts: [1, 1], totals: [2], hypothesisLength: 2, referenceLength: 2)
        }
        #expect(throws: QuantEngineError.self) {
            try BLEUScore(counts: [], totals: [], hypothesisLength: 0, referenceLength: 0)
        }
        #expect(throws: QuantEngineError.self) {
            try BLEUScore(counts: [1], totals: [2], hypothesisLength: -1, referenceLength: 2)
        }
    }
}
