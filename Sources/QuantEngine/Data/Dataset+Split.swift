/// Stratified train/validation/test splits and mini-batches.
extension Dataset {
    /// A stratified split into train, validation and test parts, the test part taking what the
    /// other two leave (`1 − train − validation`).
    ///
    /// For each class in turn (0, 1, …), the class's sample indices (in data set order) are
    /// shuffled with the generator seeded with `seed`, and cut at the cumulative boundaries
    /// `b1 = round(train·n)` and `b2 = round((train + validation)·n)` (n the class size, rounding
    /// half to even; `b2 = n` when the test fraction is below 1e-9): train gets `b1` samples,
    /// validation `b2 − b1`, test `n − b2`. The counts add up to n exactly, and each is within one
    /// sample of its fraction of n. Then every part with a positive fraction that got no sample
    /// of the class takes one — when the class has at least as many samples as there are such
    /// parts — from the part with the most samples above its share; when only one part needs a
    /// sample, every count stays within one sample of its share. Finally each part is shuffled
    /// with the same generator (train, then validation, then test).
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when a fraction is outside [0, 1] (or NaN),
    ///   or `train + validation` exceeds 1.
    public func split(train: Double, validation: Double, seed: UInt64) throws(QuantEngineError) -> DatasetSplit {
        let fractions = try SplitFractions.checked(train: train, validation: validation)
        var generator = RandomGenerator(seed: seed)
        var byClass = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { byClass[label].append(index) }
        var parts: [[Int]] = [[], [], []]
        for var indices in byClass {
            generator.shuffle(&indices)
            let counts = Self.stratumCounts(indices.count, fractions: fractions)
            var start = 0
            for part in 0..<3 {
                parts[part].append(contentsOf: indices[start..<(start + counts[part])])
                start += counts[part]
            }
        }
        for part in 0..<3 { generator.shuffle(&parts[part]) }
        return DatasetSplit(
            validatedTrain: gathering(parts[0], name: "\(name) (train)"),
            validation: gathering(parts[1], name: "\(name) (validation)"),
            test: gathering(parts[2], name: "\(name) (test)"))
    }

    /// How many of `n` samples of one class go to each part (see `split`).
    static func stratumCounts(_ n: Int, fractions: [Double]) -> [Int] {
        let size = Double(n)
        let first = Int((fractions[0] * size).rounded(.toNearestOrEven))
        var second = Int(((fractions[0] + fractions[1]) * size).rounded(.toNearestOrEven))
        if fractions[2] == 0 { second = n }
        second = Swift.min(Swift.max(second, first), n)
        var counts = [first, second - first, n - second]
        let wanted = (0..<3).filter { fractions[$0] > 0 }
        guard n >= wanted.count else { return counts }
        for part in wanted where counts[part] == 0 {
            // The donor keeps at least one sample; one with two or more exists by pigeonhole.
            let donors = (0..<3).filter { counts[$0] >= 2 }
            guard
                let donor = donors.max(by: {
                    Double(counts[$0]) - fractions[$0] * size < Double(counts[$1]) - fractions[$1] * size
                })
            else { break }
            counts[donor] -= 1
            counts[part] += 1
        }
        return counts
    }

    /// The samples in consecutive batches of `size` (the last one smaller when `size` does not
    /// divide `count`), each sample in exactly one batch; in data set order, or in the order of
    /// a permutation drawn from a generator seeded with `shuffleSeed` (`RandomGenerator
    /// .permutation`). An empty data set gives no batch.
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when `size` is below 1.
    public func batches(size: Int, shuffleSeed: UInt64? = nil) throws(QuantEngineError) -> [Dataset] {
        guard size >= 1 else { throw .invalidArgument("batches: size must be at least 1, got \(size)") }
        var order = Array(0..<count)
        if let seed = shuffleSeed {
            var generator = RandomGenerator(seed: seed)
            generator.shuffle(&order)
        }
        return stride(from: 0, to: count, by: size).map { start in
            gathering(Array(order[start..<Swift.min(start + size, count)]), name: name)
        }
    }
}
