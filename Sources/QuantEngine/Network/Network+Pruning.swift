extension Layer {
    /// The fraction of the weight's elements that are exactly zero (`-0.0` included); 0 for a
    /// layer without a weight. Biases do not count.
    public var sparsity: Double {
        guard let weight, weight.count > 0 else { return 0 }
        return Double(weight.scalars.lazy.filter { $0 == 0 }.count) / Double(weight.count)
    }

    /// Weights and biases that are not exactly zero. ``bytes`` still counts every parameter:
    /// storage stays dense after pruning.
    public var nonzeroParameterCount: Int {
        (weight?.scalars.lazy.filter { $0 != 0 }.count ?? 0) + (bias?.scalars.lazy.filter { $0 != 0 }.count ?? 0)
    }
}

extension Network {
    /// The fraction of all weights (biases excluded) that are exactly zero.
    public var sparsity: Double {
        let total = layers.reduce(0) { $0 + ($1.weight?.count ?? 0) }
        guard total > 0 else { return 0 }
        let zeros = layers.reduce(0) { $0 + ($1.weight?.scalars.lazy.filter { $0 == 0 }.count ?? 0) }
        return Double(zeros) / Double(total)
    }

    /// Weights and biases that are not exactly zero, over all layers.
    public var nonzeroParameterCount: Int { layers.reduce(0) { $0 + $1.nonzeroParameterCount } }

    /// A copy with the smallest weights of every weight layer set to zero (magnitude pruning, Han
    /// et al. 2015) and each layer's ``Layer/mask`` recording which were removed; biases are
    /// untouched. ``PruningStructure`` says which weights go and how ties are broken.
    ///
    /// Pruning a pruned network keeps the old masks: removed weights stay removed and count first
    /// towards the new sparsity. ``train(on:validation:options:)`` and
    /// ``fineTune(on:validation:options:)`` keep removed weights at zero.
    ///
    /// - Parameters:
    ///   - sparsity: the fraction of each layer's weights (or rows) to remove, in `0..<1`. For
    ///     `.nm(n, m)` it must be `1 − n/m` (0.5 for 2:4).
    ///   - names: the weight layers to prune (`["dense1"]`); `nil` prunes all of them. Row pruning
    ///     of the last layer removes whole classes, so it is usually left out there.
    /// - Throws: for a sparsity outside `0..<1` or inconsistent with N:M, an invalid N:M pattern, a
    ///   row length that is not a multiple of M, a name that is not a weight layer, non-finite
    ///   weights, or a quantized weight (prune before quantizing: the stored codes would no longer
    ///   match).
    public func pruned(
        sparsity: Double, structure: PruningStructure = .unstructured, layers names: [String]? = nil
    ) throws(QuantEngineError) -> Network {
        try structure.validate(sparsity: sparsity)
        var selected = parameterLayerIndices
        if let names {
            let weightNames = selected.map { layers[$0].name }
            if let unknown = names.first(where: { !weightNames.contains($0) }) {
                throw .invalidArgument("pruning: \"\(unknown)\" is not a weight layer; they are \(weightNames)")
            }
            selected = selected.filter { names.contains(layers[$0].name) }
        }
        var result = self
        for l in selected {
            let layer = layers[l]
            guard let weight = layer.weight, weight.count > 0 else { continue }
            if let storage = layer.weightStorage {
                throw .unsupported("prune before quantizing: \(layer.name) stores its weight as \(storage)")
            }
            if weight.scalars.contains(where: { !$0.isFinite }) { throw weight.nonFiniteError() }
            let rows = weight.shape.first ?? 1
            let mask: [Bool]
            switch structure {
            case .unstructured:
                mask = PruningMask.unstructured(weight.scalars, previous: layer.mask, sparsity: sparsity)
            case .rows:
                mask = PruningMask.rows(weight.scalars, rows: rows, previous: layer.mask, sparsity: sparsity)
            case .nm(let n, let m):
                let length = weight.count / Swift.max(rows, 1)
                guard length % m == 0 else {
                    throw .invalidArgument(
                        "\(n):\(m) pruning needs rows whose length is a multiple of \(m); \(layer.name) has rows of "
                            + "\(length) weights (weight shape \(weight.shape))")
                }
                mask = PruningMask.nm(weight.scalars, n: n, m: m, previous: layer.mask)
            }
            result.layers[l].mask = mask
            result.layers[l].weight = Tensor(validatedShape: weight.shape, scalars: Self.masked(weight.scalars, mask))
        }
        return result
    }

    /// Training after pruning: the same loop as ``train(on:validation:options:)``, which keeps every
    /// weight a ``Layer/mask`` removed at exactly zero by re-applying the masks after each
    /// optimizer step (and once before the first). Momentum and Adam moments still accumulate for
    /// removed weights, but that state never reaches the network: the weight is re-zeroed every
    /// step. Weight decay of a zero weight is zero.
    @discardableResult
    public mutating func fineTune(
        on samples: Dataset, validation: Dataset? = nil, options: TrainingOptions = TrainingOptions()
    ) throws(QuantEngineError) -> TrainingLog {
        let log = try train(on: samples, validation: validation, options: options, hooks: TrainingHooks())
        let percent = (sparsity * 1000).rounded(.toNearestOrEven) / 10
        return TrainingLog(epochs: log.epochs, summary: log.summary + ", fine-tuned at \(percent)% sparsity")
    }

    /// `afterStep` followed by zeroing every masked weight, or `afterStep` alone when no layer has
    /// a mask. The training loop runs this so that every kind of training keeps pruned weights.
    func keepingPrunedWeights(after afterStep: ((inout NetworkParameters) -> Void)?)
        -> ((inout NetworkParameters) -> Void)?
    {
        let masks = layers.map(\.mask)
        guard masks.contains(where: { $0 != nil }) else { return afterStep }
        return { parameters in
            afterStep?(&parameters)
            for (l, mask) in masks.enumerated() {
                guard let mask, l < parameters.weights.count, parameters.weights[l].count == mask.count else {
                    continue
                }
                for i in mask.indices where !mask[i] { parameters.weights[l][i] = 0 }
            }
        }
    }

    /// `weights` with the removed ones (`mask[i] == false`) set to +0.
    static func masked(_ weights: [Float], _ mask: [Bool]) -> [Float] {
        zip(weights, mask).map { $1 ? $0 : 0 }
    }
}
