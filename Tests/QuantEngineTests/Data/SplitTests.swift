import QuantEngine
import Testing

@Suite("Splits, batches and standardisation")
struct SplitTests {
    /// A data set whose single feature is the sample's index, so parts can be traced back.
    private func indexed(classSizes: [Int]) throws -> Dataset {
        let labels = classSizes.enumerated().flatMap { repeatElement($0.offset, count: $0.element) }
        let features = try Tensor(shape: [labels.count, 1], scalars: labels.indices.map { Float($0) })
        return try Dataset(name: "indexed", features: features, labels: labels)
    }

    private func indices(_ part: Dataset) -> [Int] { part.features.scalars.map { Int($0) } }

    @Test(arguments: [(0.7, 0.15), (0.6, 0.2), (0.8, 0.0), (0.5, 0.5), (1.0, 0.0), (0.0, 0.3)])
    func stratifiedDisjointAndComplete(train: Double, validation: Double) throws {
        let sizes = [100, 37, 250, 11]
        let data = try indexed(classSizes: sizes)
        let split = try data.split(train: train, validation: validation, seed: 9)
        let parts = [split.train, split.validation, split.test]
        // Every index exactly once across the three parts, with its label.
        let all = parts.flatMap(indices)
        #expect(all.sorted() == Array(0..<data.count))
        for part in parts {
            #expect(zip(indices(part), part.labels).allSatisfy { data.labels[$0] == $1 })
        }
        // Each class within one sample of its share in each part.
        let fractions = [train, validation, max(0, 1 - train - validation)]
        for (part, fraction) in zip(parts, fractions) {
            for (label, size) in sizes.enumerated() {
                #expect(abs(Double(part.classCounts[label]) - fraction * Double(size)) <= 1)
            }
        }
        #expect(split.train.name == "indexed (train)" && split.test.name == "indexed (test)")
    }

    @Test func exactCountsAndShuffledParts() throws {
        let data = try indexed(classSizes: [100, 100])
        let split = try data.split(train: 0.7, validation: 0.2, seed: 1)
        #expect(split.train.classCounts == [70, 70])
        #expect(split.validation.classCounts == [20, 20])
        #expect(split.test.classCounts == [10, 10])
        // Each part is shuffled: not sorted by index, and the classes are mixed.
        #expect(indices(split.train) != indices(split.train).sorted())
        #expect(Set(split.train.labels.prefix(10)).count == 2)
        // Same seed, same split; another seed, another split.
        #expect(try data.split(train: 0.7, validation: 0.2, seed: 1) == split)
        #expect(try data.split(train: 0.7, validation: 0.2, seed: 2).train != split.train)
    }

    @Test func smallClassesAppearInEveryPart() throws {
        // 3 samples and 80/10/10: rounding alone gives 2/1/0; the test part takes one from train.
        let split = try indexed(classSizes: [3, 50]).split(train: 0.8, validation: 0.1, seed: 3)
        #expect(split.train.classCounts[0] == 1)
        #expect(split.validation.classCounts[0] == 1)
        #expect(split.test.classCounts[0] == 1)
        // Fewer samples than parts: rounding decides (nothing is invented).
        let tiny = try indexed(classSizes: [2, 10]).split(train: 0.8, validation: 0.1, seed: 3)
        #expect(tiny.train.classCounts[0] + tiny.validation.classCounts[0] + tiny.test.classCounts[0] == 2)
    }

    @Test func invalidFractionsThrow() throws {
        let data = try indexed(classSizes: [10, 10])
        #expect(throws: QuantEngineError.invalidArgument("split: the train fraction must be between 0 and 1, got 1.5"))
        {
            try data.split(train: 1.5, validation: 0, seed: 1)
        }
        #expect(
            throws: QuantEngineError.invalidArgument("split: the validation fraction must be between 0 and 1, got -0.1")
        ) {
            try data.split(train: 0.5, validation: -0.1, seed: 1)
        }
        #expect(throws: QuantEngineError.self) { try data.split(train: .nan, validation: 0, seed: 1) }
        #expect(
            throws: QuantEngineError.invalidArgument(
                "split: train + validation must be at most 1 (the test part takes the rest), got 1.2")
        ) { try data.split(train: 0.7, validation: 0.5, seed: 1) }
    }

    @Test func batchesCoverTheDataOnce() throws {
        let data = try indexed(classSizes: [30, 23])
        let ordered = try data.batches(size: 10)
        #expect(ordered.map(\.count) == [10, 10, 10, 10, 10, 3])
        #expect(ordered.flatMap(indices) == Array(0..<53))
        let shuffled = try data.batches(size: 10, shuffleSeed: 7)
        let seen = shuffled.flatMap(indices)
        #expect(seen.sorted() == Array(0..<53) && seen != Array(0..<53))
        #expect(shuffled.allSatisfy { zip(indices($0), $0.labels).allSatisfy { data.labels[$0] == $1 } })
        #expect(try data.batches(size: 10, shuffleSeed: 7) == shuffled)
        #expect(try data.batches(size: 100).map(\.count) == [53])
        #expect(throws: QuantEngineError.invalidArgument("batches: size must be at least 1, got 0")) {
            try data.batches(size: 0)
        }
        #expect(throws: QuantEngineError.self) { try data.batches(size: -3, shuffleSeed: 1) }
    }

    @Test func standardizerUsesTrainingStatisticsOnly() throws {
        let data = try Dataset.synthetic(.blobs(centers: 3), count: 600, noise: 1.5, seed: 11)
        let split = try data.split(train: 0.6, validation: 0.2, seed: 12)
        let scaled = try split.standardized()
        let fitted = try #require(scaled.standardizer)
        #expect(fitted == (try Standardizer.fit(split.train)))
        #expect(fitted != (try Standardizer.fit(data)))
        // On the training part: per-feature mean 0 and population std 1, up to Float32 rounding
        // of the outputs (relative 6e−8 per value); tolerance 1e−5.
        for feature in 0..<2 {
            let column = stride(from: feature, to: scaled.train.features.count, by: 2).map {
                Double(scaled.train.features.scalars[$0])
            }
            let mean = column.reduce(0, +) / Double(column.count)
            let std = (column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)).squareRoot()
            #expect(abs(mean) < 1e-5)
            #expect(abs(std - 1) < 1e-5)
            // The test part is transformed with the training statistics, so its mean is not 0.
            let test = stride(from: feature, to: scaled.test.features.count, by: 2).map {
                Double(scaled.test.features.scalars[$0])
            }
            #expect(abs(test.reduce(0, +) / Double(test.count)) > 1e-4)
            let raw = Double(split.test.features.scalars[feature])
            let expected = Float((raw - fitted.mean[feature]) / fitted.std[feature])
            #expect(scaled.test.features.scalars[feature] == expected)
        }
        #expect(scaled.train.labels == split.train.labels)
    }

    @Test func standardizerEdgeCases() throws {
        // A constant pixel is only centred (std 0 → divide by 1), per pixel of the images.
        let digits = try Dataset.digits.subset(Array(0..<100))
        let standardizer = try Standardizer.fit(digits)
        #expect(standardizer.sampleShape == [1, 8, 8])
        #expect(standardizer.mean.count == 64)
        #expect(standardizer.mean[0] == 0 && standardizer.std[0] == 1)
        #expect(try standardizer.apply(digits).features.scalars[0] == 0)
        let empty = try digits.subset([])
        #expect(throws: QuantEngineError.self) { try Standardizer.fit(empty) }
        let points = try Dataset.synthetic(.moons, count: 10, noise: 0, seed: 1)
        #expect(throws: QuantEngineError.self) { try standardizer.apply(points) }
        let noTrain = try points.split(train: 0, validation: 0.5, seed: 1)
        #expect(throws: QuantEngineError.self) { try noTrain.standardized() }
    }
}
