import Testing

@testable import QuantEngine

@Suite struct PruningTests {
    /// The indices of `keys` ascending, lower index first on ties: the order the tests expect
    /// pruning to remove things in.
    static func ascending(_ keys: [Double]) -> [Int] {
        keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    static func zeroIndices(_ values: [Float]) -> Set<Int> { Set(values.indices.filter { values[$0] == 0 }) }

    /// Weight layers of `mlp([8, 12, 4])`: 96 and 48 weights. The expected zero counts are
    /// `round(sparsity · count)` worked by hand (0.29 · 96 = 27.84 → 28, 0.9 · 48 = 43.2 → 43).
    @Test(arguments: [(0.0, [0, 0]), (0.25, [24, 12]), (0.29, [28, 14]), (0.5, [48, 24]), (0.9, [86, 43])])
    func unstructuredRemovesTheSmallestMagnitudes(sparsity: Double, zeros: [Int]) throws {
        let network = try Network.mlp([8, 12, 4], seed: 3)
        let pruned = try network.pruned(sparsity: sparsity)
        for (n, l) in network.parameterLayerIndices.enumerated() {
            let original = try #require(network.layers[l].weight).scalars
            let weight = try #require(pruned.layers[l].weight).scalars
            let mask = try #require(pruned.layers[l].mask)
            let expected = Set(Self.ascending(original.map { Double(abs($0)) }).prefix(zeros[n]))
            #expect(Self.zeroIndices(weight) == expected)
            #expect(Set(mask.indices.filter { !mask[$0] }) == expected)
            #expect(weight.indices.allSatisfy { expected.contains($0) || weight[$0] == original[$0] })
            #expect(pruned.layers[l].bias == network.layers[l].bias)
            #expect(abs(pruned.layers[l].sparsity - Double(zeros[n]) / Double(original.count)) <= 1e-12)
        }
        #expect(abs(pruned.sparsity - Double(zeros[0] + zeros[1]) / 144) <= 1e-12)
        #expect(pruned.nonzeroParameterCount == 144 - zeros[0] - zeros[1])  // biases start at zero
        #expect(pruned.bytes == network.bytes)
    }

    /// `mlp([4, 8, 2])` has 32 and 16 weights; 5/32 · 16 = 2.5 rounds (half to even) to 2 and
    /// 7/32 · 16 = 3.5 to 4.
    @Test func prunedCountsRoundHalfToEven() throws {
        let network = try Network.mlp([4, 8, 2], seed: 1)
        let a = try network.pruned(sparsity: 5.0 / 32)
        #expect(a.layers.compactMap { $0.weight.map { Self.zeroIndices($0.scalars).count } } == [5, 2])
        let b = try network.pruned(sparsity: 7.0 / 32)
        #expect(b.layers.compactMap { $0.weight.map { Self.zeroIndices($0.scalars).count } } == [7, 4])
    }

    /// Dense rows and convolution output channels with the smallest L2 norms go whole; the bias
    /// stays (as PyTorch's `ln_structured`).
    @Test func rowsRemoveTheSmallestNorms() throws {
        let networks = [
            try Network.mlp([8, 12, 4], seed: 5),
            try Network.cnn(input: [2, 8, 8], channels: [6], classes: 4, seed: 5),
        ]
        for network in networks {
            var biased = network
            for l in biased.parameterLayerIndices {
                let count = try #require(biased.layers[l].bias).count
                biased.layers[l].bias = Tensor((0..<count).map { Float($0 + 1) / 8 })
            }
            let pruned = try biased.pruned(sparsity: 0.5, structure: .rows)
            for l in biased.parameterLayerIndices {
                let weight = try #require(biased.layers[l].weight)
                let rows = weight.shape[0], length = weight.count / rows
                let norms = (0..<rows).map { r in
                    weight.scalars[(r * length)..<((r + 1) * length)].reduce(0.0) { $0 + Double($1) * Double($1) }
                }
                let removed = Set(Self.ascending(norms).prefix(rows / 2))
                let after = try #require(pruned.layers[l].weight).scalars
                for r in 0..<rows {
                    let row = after[(r * length)..<((r + 1) * length)]
                    if removed.contains(r) {
                        #expect(row.allSatisfy { $0 == 0 }, "\(pruned.layers[l].name) row \(r)")
                    } else {
                        #expect(Array(row) == Array(weight.scalars[(r * length)..<((r + 1) * length)]))
                    }
                }
                #expect(pruned.layers[l].bias == biased.layers[l].bias)
            }
        }
    }

    /// 2:4 (and 1:4, 3:4) along the input axis of dense and convolution weights (a 4-channel 3×3
    /// convolution has rows of 36).
    @Test(arguments: [(2, 4), (1, 4), (3, 4), (1, 2)])
    func nmKeepsTheLargestInEveryGroup(n: Int, m: Int) throws {
        let networks = [
            try Network.mlp([8, 12, 4], seed: 7),
            try Network.cnn(input: [4, 8, 8], channels: [4], classes: 4, seed: 7),
        ]
        for network in networks {
            let sparsity = 1 - Double(n) / Double(m)
            let pruned = try network.pruned(sparsity: sparsity, structure: .nm(n, m))
            #expect(abs(pruned.sparsity - sparsity) <= 1e-12)
            for l in network.parameterLayerIndices {
                let original = try #require(network.layers[l].weight).scalars
                let after = try #require(pruned.layers[l].weight).scalars
                for start in stride(from: 0, to: original.count, by: m) {
                    let group = Array(original[start..<(start + m)])
                    let removed = Set(Self.ascending(group.map { Double(abs($0)) }).prefix(m - n).map { $0 + start })
                    #expect(Set(Self.zeroIndices(Array(after[start..<(start + m)])).map { $0 + start }) == removed)
                    let kept = (start..<(start + m)).filter { !removed.contains($0) }
                    #expect(kept.allSatisfy { after[$0] == original[$0] })
                    let smallestKept = kept.map { abs(original[$0]) }.min() ?? 0
                    #expect(removed.allSatisfy { abs(original[$0]) <= smallestKept })
                }
            }
        }
    }

    @Test func badSettingsAreErrors() throws {
        let network = try Network.mlp([8, 12, 4], seed: 1)
        for sparsity in [1, -0.1, .nan, .infinity] {
            #expect(throws: QuantEngineError.self) { try network.pruned(sparsity: sparsity) }
            #expect(throws: QuantEngineError.self) { try network.pruned(sparsity: sparsity, structure: .rows) }
        }
        // a row of length 4 does not split into groups of 3
        #expect(throws: QuantEngineError.self) {
            try Network.mlp([4, 3], seed: 1).pruned(sparsity: 1.0 / 3, structure: .nm(2, 3))
        }
        for (n, m) in [(4, 4), (5, 4), (0, 4), (1, 1), (1, 2048)] {
            #expect(throws: QuantEngineError.self) {
                try network.pruned(sparsity: max(0, 1 - Double(n) / Double(m)), structure: .nm(n, m))
            }
        }
        // N:M fixes the sparsity: 2:4 is 0.5, nothing else
        #expect(throws: QuantEngineError.self) { try network.pruned(sparsity: 0.3, structure: .nm(2, 4)) }
        var quantized = network
        quantized.layers[0].weightStorage = WeightStorage(format: "int8", bits: 8, bytes: 96)
        #expect(throws: QuantEngineError.unsupported("prune before quantizing: dense1 stores its weight as int8")) {
            try quantized.pruned(sparsity: 0.5)
        }
        var broken = network
        var scalars = try #require(broken.layers[2].weight).scalars
        scalars[5] = .nan
        broken.layers[2].weight = Tensor(validatedShape: [4, 12], scalars: scalars)
        #expect(throws: QuantEngineError.nonFiniteValue(index: 5, kind: .nan)) { try broken.pruned(sparsity: 0.5) }
    }

    /// Pruning again keeps what was removed: a lower sparsity changes nothing, a higher one removes
    /// a superset; unstructured after 2:4 still leaves at least two zeros in every group of four.
    @Test func repruningKeepsEarlierMasks() throws {
        let half = try Network.mlp([8, 12, 4], seed: 2).pruned(sparsity: 0.5)
        #expect(try half.pruned(sparsity: 0.25) == half)
        let more = try half.pruned(sparsity: 0.75)
        #expect(abs(more.sparsity - 0.75) <= 1e-12)
        for l in half.parameterLayerIndices {
            let before = try #require(half.layers[l].mask), after = try #require(more.layers[l].mask)
            #expect(zip(before, after).allSatisfy { $0 || !$1 })
        }
        let nm = try Network.mlp([8, 12, 4], seed: 2).pruned(sparsity: 0.5, structure: .nm(2, 4))
        let both = try nm.pruned(sparsity: 0.6)
        let weight = try #require(both.layers[0].weight).scalars
        #expect(
            stride(from: 0, to: weight.count, by: 4).allSatisfy { weight[$0..<($0 + 4)].filter { $0 == 0 }.count >= 2 })
        #expect(try nm.pruned(sparsity: 0.5, structure: .nm(2, 4)) == nm)
    }

    /// Train on the four clusters (test accuracy 0.995), prune 80% of the weights (51 of 64 and
    /// 102 of 128: accuracy falls to 0.5), fine-tune for 10 epochs (0.73; a 13-weight first layer
    /// does not get back to 0.995). Removed weights stay exactly +0 through Adam, and through SGD
    /// with momentum and weight decay, with `fineTune` and with plain `train`.
    @Test func fineTuningKeepsZerosAndRecoversAccuracy() throws {
        let train = try TrainingTests.clusters(count: 400, seed: 11)
        let test = try TrainingTests.clusters(count: 200, seed: 12)
        var network = try Network.mlp([2, 32, 4], seed: 13)
        try network.train(on: train, options: TrainingOptions(epochs: 15, batchSize: 32))
        let pruned = try network.pruned(sparsity: 0.8)
        var tuned = pruned
        let log = try tuned.fineTune(on: train, options: TrainingOptions(epochs: 10, batchSize: 32, seed: 1))
        var sgd = pruned
        try sgd.train(
            on: train, options: TrainingOptions(epochs: 3, optimizer: try .sgd(momentum: 0.9), weightDecay: 1e-3))
        for candidate in [tuned, sgd] {
            for l in pruned.parameterLayerIndices {
                let mask = try #require(candidate.layers[l].mask)
                let weight = try #require(candidate.layers[l].weight).scalars
                #expect(mask == pruned.layers[l].mask)
                #expect(mask.indices.allSatisfy { mask[$0] || weight[$0].bitPattern == 0 })
                #expect(mask.indices.allSatisfy { !mask[$0] || weight[$0] != 0 })
            }
            #expect(abs(candidate.sparsity - 153.0 / 192) <= 1e-12)
        }
        let dense = try network.evaluate(on: test).accuracy
        let prunedAccuracy = try pruned.evaluate(on: test).accuracy
        let tunedAccuracy = try tuned.evaluate(on: test).accuracy
        #expect(dense >= 0.98, "dense \(dense)")
        #expect(prunedAccuracy <= 0.6, "pruned \(prunedAccuracy)")
        #expect(tunedAccuracy >= 0.7 && tunedAccuracy >= prunedAccuracy + 0.15, "fine-tuned \(tunedAccuracy)")
        #expect(log.summary.hasSuffix("fine-tuned at 79.7% sparsity"))
    }

    /// Naming layers prunes only those: row pruning of the hidden layer keeps the classifier whole.
    @Test func namedLayersOnly() throws {
        let network = try Network.mlp([8, 12, 4], seed: 9)
        let pruned = try network.pruned(sparsity: 0.5, structure: .rows, layers: ["dense1"])
        #expect(abs(try #require(pruned.layers.first).sparsity - 0.5) <= 1e-12)
        #expect(pruned.layers[2] == network.layers[2] && pruned.layers[2].mask == nil)
        #expect(abs(pruned.sparsity - 48.0 / 144) <= 1e-12)
        #expect(throws: QuantEngineError.self) { try network.pruned(sparsity: 0.5, layers: ["relu1"]) }
        #expect(throws: QuantEngineError.self) { try network.pruned(sparsity: 0.5, layers: ["dense3"]) }
    }

    @Test func pruningAndFineTuningAreDeterministic() throws {
        let train = try TrainingTests.clusters(count: 96, seed: 21)
        let network = try Network.mlp([2, 8, 4], activation: .gelu, seed: 22)
        for structure in [PruningStructure.unstructured, .rows, .nm(1, 2)] {
            var a = try network.pruned(sparsity: 0.5, structure: structure)
            var b = try network.pruned(sparsity: 0.5, structure: structure)
            #expect(a == b)
            let options = TrainingOptions(epochs: 2, batchSize: 16, seed: 3)
            let logA = try a.fineTune(on: train, options: options)
            let logB = try b.fineTune(on: train, options: options)
            #expect(a == b && logA == logB)
        }
    }
}
