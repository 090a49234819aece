import QuantEngine
import Testing

@Suite("The number corpus and its splits")
struct ParallelCorpusTests {
    @Test func numbersInIncreasingOrder() throws {
        let corpus = try ParallelCorpus.numbers()
        #expect(corpus.count == 9999 && corpus.name == "numbers")
        #expect(corpus.pairs[0] == SentencePair(source: ["one"], target: ["一"]))
        #expect(corpus.pairs[3041].sourceText == "three thousand and forty two")
        #expect(corpus.pairs[3041].targetText == "三千零四十二")
        #expect(corpus.pairs[9998].targetText == "九千九百九十九")
        for (index, pair) in corpus.pairs.enumerated() {
            #expect(EnglishReader.value(pair.source) == index + 1 && ChineseReader.value(pair.target) == index + 1)
        }
        #expect(Set(corpus.sourceTexts).count == 9999 && Set(corpus.targetTexts).count == 9999)
        #expect(corpus.description == "numbers: 9999 pairs")

        let small = try ParallelCorpus.numbers(upTo: 12)
        #expect(small.targetTexts == ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"])
        #expect(try ParallelCorpus.numbers(upTo: 1).description == "numbers: 1 pair")
    }

    @Test(arguments: [0, -5, 10000, Int.max, Int.min])
    func numbersRefuseABadLimit(limit: Int) {
        #expect(throws: QuantEngineError.invalidArgument("numbers: upTo must be between 1 and 9999, got \(limit)")) {
            try ParallelCorpus.numbers(upTo: limit)
        }
    }

    @Test(arguments: [(0.8, 0.1), (0.7, 0.15), (0.5, 0.5), (1.0, 0.0), (0.0, 0.3), (0.9, 0.0)])
    func splitsAreDisjointCompleteAndSized(train: Double, validation: Double) throws {
        let corpus = try ParallelCorpus.numbers()
        let split = try corpus.split(train: train, validation: validation, seed: 11)
        let parts = [split.train, split.validation, split.test]
        // Every pair exactly once across the parts.
        let all = parts.flatMap(\.pairs)
        #expect(all.count == corpus.count)
        #expect(Set(all) == Set(corpus.pairs))
        // No source sentence (and so no pair) in two parts.
        let sources = parts.map { Set($0.pairs.map(\.source)) }
        #expect(sources[0].isDisjoint(with: sources[1]))
        #expect(sources[0].isDisjoint(with: sources[2]))
        #expect(sources[1].isDisjoint(with: sources[2]))
        #expect(Set(split.train.pairs).isDisjoint(with: split.test.pairs))
        // Sizes: round(train · n) and round((train + validation) · n), half to even.
        let first = Int((train * 9999).rounded(.toNearestOrEven))
        let second = 1 - train - validation > 1e-9 ? Int(((train + validation) * 9999).rounded(.toNearestOrEven)) : 9999
        #expect(
            [split.train.count, split.validation.count, split.test.count] == [first, second - first, 9999 - second])
        #expect(
            parts.map(\.name) == ["numbers (train)", "numbers (validation)", "numbers (test)"])
    }

    @Test func splitsAreSeededAndShuffled() throws {
        let corpus = try ParallelCorpus.numbers(upTo: 500)
        let split = try corpus.split(train: 0.8, validation: 0.1, seed: 3)
        #expect([split.train.count, split.validation.count, split.test.count] == [400, 50, 50])
        #expect(try corpus.split(train: 0.8, validation: 0.1, seed: 3) == split)
        #expect(try corpus.split(train: 0.8, validation: 0.1, seed: 4).train != split.train)
        // Shuffled: the training part is not in corpus order, and reaches both ends of the range.
        let numbers = split.train.pairs.compactMap { ChineseReader.value($0.target) }
        #expect(numbers != numbers.sorted())
        #expect(numbers.prefix(40).contains { $0 <= 250 } && numbers.prefix(40).contains { $0 > 250 })
    }

    /// The order is the engine's generator's permutation: shuffling the indices 0..<n with a
    /// generator of the same seed, then cutting, gives the same parts.
    @Test func splitOrderIsTheGeneratorsShuffle() throws {
        let corpus = try ParallelCorpus.numbers(upTo: 40)
        let split = try corpus.split(train: 0.5, validation: 0.25, seed: 99)
        var generator = RandomGenerator(seed: 99)
        let order = generator.permutation(40)
        #expect(split.train.pairs == order[0..<20].map { corpus.pairs[$0] })
        #expect(split.validation.pairs == order[20..<30].map { corpus.pairs[$0] })
        #expect(split.test.pairs == order[30..<40].map { corpus.pairs[$0] })
    }

    /// A source with several translations goes to one part with all of them, so no source
    /// sentence crosses parts even in a corpus that repeats sources.
    @Test func repeatedSourcesStayTogether() throws {
        var pairs: [SentencePair] = []
        for n in 1...30 {
            let target = try NumberWords.chinese(n)
            pairs.append(SentencePair(source: try NumberWords.english(n), target: target))
            if n % 3 == 0 { pairs.append(SentencePair(source: try NumberWords.english(n), target: target + ["整"])) }
        }
        let corpus = ParallelCorpus(name: "repeats", pairs: pairs)
        for seed in 0..<20 {
            let split = try corpus.split(train: 0.6, validation: 0.2, seed: UInt64(seed))
            let parts = [split.train, split.validation, split.test]
            #expect(parts.map(\.count).reduce(0, +) == pairs.count)
            let sources = parts.map { Set($0.pairs.map(\.source)) }
            #expect(sources[0].isDisjoint(with: sources[1]) && sources[0].isDisjoint(with: sources[2]))
            #expect(sources[1].isDisjoint(with: sources[2]))
            // 30 distinct sources: 18, 6 and 6 of them.
            #expect(sources.map(\.count) == [18, 6, 6])
        }
    }

    @Test func badFractionsThrowClearly() throws {
        let corpus = try ParallelCorpus.numbers(upTo: 100)
        #expect(throws: QuantEngineError.invalidArgument("split: the train fraction must be between 0 and 1, got 1.5"))
        {
            try corpus.split(train: 1.5, validation: 0, seed: 0)
        }
        #expect(
            throws: QuantEngineError.invalidArgument("split: the validation fraction must be between 0 and 1, got -0.1")
        ) {
            try corpus.split(train: 0.5, validation: -0.1, seed: 0)
        }
        #expect(throws: QuantEngineError.invalidArgument("split: the train fraction must be between 0 and 1, got nan"))
        {
            try corpus.split(train: .nan, validation: 0, seed: 0)
        }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "split: train + validation must be at most 1 (the test part takes the rest), got 1.2")
        ) {
            try corpus.split(train: 0.7, validation: 0.5, seed: 0)
        }
        // 0.004 of 100 sources rounds to none: refused rather than an empty part.
        #expect(
            throws: QuantEngineError.invalidArgument(
                "split: a validation fraction of 0.004 gives no sentence of the 100 distinct sources in numbers; "
                    + "use a larger fraction or a fraction of 0")
        ) {
            try corpus.split(train: 0.9, validation: 0.004, seed: 0)
        }
        #expect(throws: QuantEngineError.self) { try corpus.split(train: 0.996, validation: 0, seed: 0) }
        #expect(throws: QuantEngineError.self) {
            try ParallelCorpus(name: "empty", pairs: []).split(train: 0.8, validation: 0, seed: 0)
        }
        // A fraction of 0 may leave its part empty; one of 1 takes everything.
        let all = try corpus.split(train: 1, validation: 0, seed: 0)
        #expect(all.train.count == 100 && all.validation.count == 0 && all.test.count == 0)
    }

    @Test func prefixAndIndexedAccess() throws {
        let corpus = try ParallelCorpus.numbers(upTo: 30)
        #expect(try corpus.prefix(3).targetTexts == ["一", "二", "三"])
        #expect(try corpus.prefix(100).count == 30)
        #expect(try corpus.prefix(0).count == 0)
        #expect(throws: QuantEngineError.invalidArgument("prefix: the length must not be negative, got -1")) {
            try corpus.prefix(-1)
        }
        #expect(try corpus.pair(at: 19).sourceText == "twenty")
        #expect(throws: QuantEngineError.indexOutOfRange(index: 30, axis: 0, size: 30)) { try corpus.pair(at: 30) }
        #expect(throws: QuantEngineError.indexOutOfRange(index: -1, axis: 0, size: 30)) { try corpus.pair(at: -1) }
    }
}
