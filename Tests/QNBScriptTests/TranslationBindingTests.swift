import QNBScript
import QNBTestSupport
import QuantEngine
import Testing

/// The number corpus and the translation metrics as cells call them, checked against the engine
/// called directly and against values worked out by hand.
@Suite struct TranslationBindingTests {
    static func display(_ source: String) -> String? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        return result.displays.first?.plainText
    }

    @Test func numbersSpelledOut() {
        #expect(Self.display(#"englishNumber(3042)"#) == "three thousand and forty two")
        #expect(Self.display(#"chineseNumber(3042)"#) == "三千零四十二")
        #expect(
            Self.display(#"(chineseNumber(2000), chineseNumber(1010), chineseNumber(12))"#) == #"("两千", "一千零一十", "十二")"#
        )
        #expect(
            Self.display(#"englishNumber(1100) + " / " + englishNumber(110)"#)
                == "one thousand one hundred / one hundred and ten")
    }

    @Test func corpusMembersAreTheEngines() throws {
        let corpus = try ParallelCorpus.numbers()
        #expect(Self.display("numberCorpus().count") == "9999")
        #expect(Self.display("numberCorpus(upTo: 3).sources") == #"["one", "two", "three"]"#)
        #expect(Self.display("numberCorpus(upTo: 3).targets") == #"["一", "二", "三"]"#)
        #expect(Self.display("numberCorpus().targetVocabulary.count") == "\(corpus.targetVocabulary.count)")
        // 零 一…九 十 百 千 两: 14 characters; one…nineteen, twenty…ninety, hundred, thousand, and: 30 words.
        #expect(corpus.targetVocabulary.count == 14 && corpus.sourceVocabulary.count == 30)
        #expect(Self.display("numberCorpus().sourceVocabulary.count") == "30")
        #expect(Self.display("numberCorpus()[3041].target") == "三千零四十二")
        #expect(Self.display("numberCorpus()[3041].source") == "three thousand and forty two")
        #expect(Self.display("numberCorpus().prefix(2).sources") == #"["one", "two"]"#)
        #expect(Self.display("numberCorpus(upTo: 100).split(train: 0.8, seed: 1).test.name") == "numbers (test)")
    }

    @Test func splitInACellIsTheEngines() throws {
        let split = try ParallelCorpus.numbers().split(train: 0.8, validation: 0.1, seed: 5)
        let source = """
            let parts = numberCorpus().split(train: 0.8, validation: 0.1, seed: 5)
            (parts.train.count, parts.validation.count, parts.test.count, parts.test.targets.prefix(3))
            """
        let targets = split.test.targetTexts.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
        #expect(Self.display(source) == "(7999, 1000, 1000, [\(targets)])")
        #expect([split.train.count, split.validation.count, split.test.count] == [7999, 1000, 1000])
        // Without a seed the notebook's generator supplies one: the same in every fresh session.
        let unseeded = "numberCorpus().split(train: 0.5).train.sources.prefix(5)"
        #expect(Self.display(unseeded) == Self.display(unseeded))
    }

    @Test func displays() {
        #expect(
            Self.display("numberCorpus(upTo: 12)") == """
                Corpus numbers
                  pairs:             12
                  source vocabulary: 12
                  target vocabulary: 10
                  longest source:    1
                  longest target:    2
                #  source  target
                ─  ──────  ──────
                0  one     一
                1  two     二
                2  three   三
                3  four    四
                4  five    五
                …  7 more
                """)
        #expect(
            Self.display("numberCorpus(upTo: 100).split(train: 0.8, validation: 0.1, seed: 0)") == """
                part        pairs  share
                ──────────  ─────  ─────
                train          80    0.8
                validation     10    0.1
                test           10    0.1
                """)
        #expect(
            Self.display(#"bleu(hypotheses: ["一二三四五"], references: ["一二三五四"])"#)
                == "BLEU = 45.18 100.0/50.0/33.3/25.0 (BP = 1.000 ratio = 1.000 hyp_len = 5 ref_len = 5)")
        let printed = runCell(#"print(bleu(hypotheses: [""], references: ["一二"]))"#, library: .qnb).streamText
        #expect(printed == "BLEU = 0.00 0.0/0.0/0.0/0.0 (BP = 0.000 ratio = 0.000 hyp_len = 0 ref_len = 2)\n")
    }

    @Test func metricsOnCharacters() throws {
        // Hand-worked: 4-grams of 一二三四五 against 一二三五四 match none → 100 / (2 · 2); see
        // TranslationMetricsTests. Whitespace is dropped, as sacreBLEU's char tokenizer does.
        let engine = try TranslationMetrics.bleu([["一", "二", "三", "四", "五"]], [["一", "二", "三", "五", "四"]])
        #expect(
            Self.display(#"bleu(hypotheses: ["一二 三四五"], references: ["一二三五四"]).score"#) == "\(engine.score)")
        #expect(
            Self.display(#"bleu(hypotheses: ["一二三四五"], references: ["一二三五四"]).precisions.map { $0 * 3 }"#)
                == "\(engine.precisions.map { $0 * 3 })")
        #expect(Self.display(#"bleu(hypotheses: ["二二二二"], references: ["二十二"]).counts"#) == "[2, 0, 0, 0]")
        #expect(Self.display(#"bleu(hypotheses: ["二二二二"], references: ["二十二"]).totals"#) == "[4, 3, 2, 1]")
        #expect(
            Self.display(#"bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]).brevityPenalty"#)
                == "\(try TranslationMetrics.bleu([Array("三千零四十").map(String.init)], [Array("三千零四十二").map(String.init)]).brevityPenalty)"
        )
        #expect(
            Self.display(
                #"let b = bleu(hypotheses: ["三千零四十"], references: ["三千零四十二"]); (b.hypothesisLength, b.referenceLength, abs(b.ratio - 5.0 / 6) < 1e-15)"#
            )
                == "(5, 6, true)")
        // Perfect bigrams: exp((log 100 + log 100) / 2), 100 up to rounding.
        #expect(
            Self.display(#"abs(bleu(hypotheses: ["一二"], references: ["一二"], maxOrder: 2).score - 100) < 1e-12"#)
                == "true")
        #expect(Self.display(#"exactMatch(["一", "二十", "三 "], ["一", "二", "三"])"#) == "\(2.0 / 3)")
        #expect(Self.display(#"tokenAccuracy(["一千零一", "十二三", ""], ["一千一", "十二", "五"])"#) == "\(4.0 / 6)")
    }

    @Test func badArgumentsAreLocatedErrors() {
        expectCellError("englishNumber(1️⃣0)", "only the numbers 1…9999 can be spelled out, got 0", library: .qnb)
        expectCellError("chineseNumber(1️⃣10000)", "only the numbers 1…9999 can be spelled out, got 10000", library: .qnb)
        expectCellError(
            "chineseNumber(1️⃣Int.max)", "only the numbers 1…9999 can be spelled out, got \(Int.max)", library: .qnb)
        expectCellError(
            "numberCorpus(upTo: 1️⃣-1)", "numbers: upTo must be between 1 and 9999, got -1", library: .qnb)
        expectCellError(
            "numberCorpus(upTo: 1️⃣20000)", "numbers: upTo must be between 1 and 9999, got 20000", library: .qnb)
        expectCellError(
            "numberCorpus()[1️⃣9999]", "index 9999 is out of range for axis 0 of size 9999", library: .qnb)
        expectCellError(
            "numberCorpus().prefix(1️⃣-2)", "prefix: the length must not be negative, got -2", library: .qnb)
        expectCellError(
            "numberCorpus().1️⃣split(train: 0.9, validation: 0.2)",
            "split: train + validation must be at most 1 (the test part takes the rest), got 1.1", library: .qnb)
        expectCellError(
            "numberCorpus(upTo: 10).1️⃣split(train: 0.9, validation: 0.04)",
            "split: a validation fraction of 0.04 gives no sentence of the 10 distinct sources in numbers; "
                + "use a larger fraction or a fraction of 0", library: .qnb)
        expectCellError(
            "numberCorpus().split(train: 0.8, seed: 1️⃣-3)", "seed must not be negative, got -3", library: .qnb)
        expectCellError(
            #"bleu(hypotheses: ["一", "二"], references: 1️⃣["一"])"#,
            "bleu: needs one reference per hypothesis, got 2 hypotheses and 1 reference", library: .qnb)
        expectCellError(
            #"bleu(hypotheses: [], references: 1️⃣[])"#, "bleu: there are no sentences to score", library: .qnb)
        expectCellError(
            #"bleu(hypotheses: ["一"], references: ["一"], maxOrder: 1️⃣0)"#, "maxOrder must be 1…100, got 0",
            library: .qnb)
        expectCellError(
            #"exactMatch(["一"], 1️⃣["一", "二"])"#,
            "exactMatch: needs one reference per hypothesis, got 1 hypothesis and 2 references", library: .qnb)
        expectCellError(
            #"tokenAccuracy(["一"], 1️⃣[" "])"#,
            "tokenAccuracy: the references have no tokens, so no accuracy is defined", library: .qnb)
    }

    /// Arguments of the wrong type are the interpreter's located type errors, not crashes.
    @Test func wrongArgumentTypesAreRejected() {
        for source in [
            #"bleu(hypotheses: [1, 2], references: ["一", "二"])"#, #"exactMatch("一", ["一"])"#,
            #"englishNumber("3")"#, #"numberCorpus(upTo: 2.5)"#, #"numberCorpus()["a"]"#,
        ] {
            let result = runCell(source, library: .qnb)
            #expect(result.error != nil, "\(source) succeeded")
        }
    }
}
