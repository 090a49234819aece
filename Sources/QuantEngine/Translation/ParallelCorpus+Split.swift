/// Seeded train/validation/test splits in which no source sentence crosses parts.
extension ParallelCorpus {
    /// A split into train, validation and test parts, the test part taking what the other two
    /// leave (`1 − train − validation`).
    ///
    /// The unit of the split is a source sentence with all its pairs (in the number corpus every
    /// source occurs once, so it is a pair): the n distinct sources, in order of first
    /// occurrence, are shuffled by a `RandomGenerator` seeded with `seed` (Fisher–Yates, as
    /// `Dataset.split`), and cut at `b1 = round(train · n)` and `b2 = round((train + validation)
    /// · n)` (rounding half to even; `b2 = n` when the test fraction is below 1e-9): train gets
    /// the first `b1` sources, validation the next `b2 − b1`, test the rest, each part in
    /// shuffled order with a source's pairs together in corpus order. So the parts share no
    /// source sentence — a test sentence is never one the model was trained on — every pair is in
    /// exactly one part, and the same corpus and seed give the same split everywhere. The parts
    /// are named "NAME (train)", "NAME (validation)" and "NAME (test)".
    ///
    /// - Throws: `QuantEngineError.invalidArgument` when a fraction is outside [0, 1] (or NaN),
    ///   `train + validation` exceeds 1, or a part with a positive fraction would get no pair
    ///   (too small a fraction of too small a corpus).
    public func split(train: Double, validation: Double, seed: UInt64) throws(QuantEngineError) -> CorpusSplit {
        let fractions = try SplitFractions.checked(train: train, validation: validation)
        let groups = sourceGroups()
        var order = Array(groups.indices)
        var generator = RandomGenerator(seed: seed)
        generator.shuffle(&order)
        let n = Double(groups.count)
        let first = Int((train * n).rounded(.toNearestOrEven))
        var second = Int(((train + validation) * n).rounded(.toNearestOrEven))
        if fractions[2] == 0 { second = groups.count }
        second = Swift.min(Swift.max(second, first), groups.count)
        let bounds = [0, first, second, groups.count]
        let names = ["train", "validation", "test"]
        var parts: [ParallelCorpus] = []
        for part in 0..<3 {
            let chosen = order[bounds[part]..<bounds[part + 1]]
            if chosen.isEmpty && fractions[part] > 0 {
                let share =
                    part == 2
                    ? "the test part (1 − train − validation = \(fractions[2]))"
                    : "a \(names[part]) fraction of \(fractions[part])"
                throw .invalidArgument(
                    "split: \(share) gives no sentence of the \(groups.count) distinct sources in \(name); "
                        + "use a larger fraction or a fraction of 0")
            }
            parts.append(
                ParallelCorpus(name: "\(name) (\(names[part]))", pairs: chosen.flatMap { groups[$0].map { pairs[$0] } })
            )
        }
        return CorpusSplit(train: parts[0], validation: parts[1], test: parts[2])
    }

    /// The indices of the pairs of each distinct source, sources in order of first occurrence.
    func sourceGroups() -> [[Int]] {
        var groupOfSource: [[String]: Int] = [:]
        var groups: [[Int]] = []
        for (index, pair) in pairs.enumerated() {
            if let group = groupOfSource[pair.source] {
                groups[group].append(index)
            } else {
                groupOfSource[pair.source] = groups.count
                groups.append([index])
            }
        }
        return groups
    }
}
