/// Which weights magnitude pruning removes (``Network/pruned(sparsity:structure:layers:)``). Each
/// weight layer is pruned on its own, so each reaches the requested sparsity; biases never are.
///
/// Ties are broken deterministically: weights (or rows) already removed by an earlier pruning go
/// first, then the smaller magnitude, then the lower index. So the same network and settings
/// give the same mask on every machine.
public enum PruningStructure: Sendable, Equatable, CustomStringConvertible {
    /// Individual weights: in every weight layer the `round(sparsity · count)` weights of smallest
    /// `|w|` (rounding half to even, as PyTorch's `l1_unstructured` with a fractional amount).
    case unstructured
    /// Whole output rows (axis 0 of the weight: a dense layer's output, a convolution's output
    /// channel) with the smallest L2 norm, `round(sparsity · rows)` of them per layer (PyTorch's
    /// `ln_structured` with `n=2, dim=0`). As there, only the weight is zeroed: the row's bias
    /// stays, so the output becomes a constant rather than disappearing.
    case rows
    /// N:M semi-structured sparsity (N:M, e.g. 2:4 as in NVIDIA's sparse tensor cores): in every
    /// group of M consecutive weights along the input axis (the last axis of the weight flattened
    /// to `[out, in…]`, for a convolution the `C·k·k` window), the N largest `|w|` are kept and
    /// the other M − N zeroed. The sparsity is fixed at `1 − N/M`; each row's length must be a
    /// multiple of M, `1 ≤ N < M` and `2 ≤ M ≤ 1024`.
    case nm(Int, Int)

    public var description: String {
        switch self {
        case .unstructured: return "unstructured"
        case .rows: return "rows"
        case .nm(let n, let m): return "\(n):\(m)"
        }
    }

    /// Checks `sparsity` against this structure. N:M takes no free sparsity: the value passed must
    /// be `1 − N/M` (within 1e-9), so that a notebook cannot believe it pruned something else.
    func validate(sparsity: Double) throws(QuantEngineError) {
        guard sparsity.isFinite, sparsity >= 0, sparsity < 1 else {
            throw .invalidArgument("pruning sparsity must be in 0..<1, got \(sparsity)")
        }
        guard case .nm(let n, let m) = self else { return }
        guard (2...1024).contains(m), (1..<m).contains(n) else {
            throw .invalidArgument("N:M pruning needs 1 ≤ N < M and 2 ≤ M ≤ 1024, got \(n):\(m)")
        }
        let implied = 1 - Double(n) / Double(m)
        guard abs(sparsity - implied) <= 1e-9 else {
            throw .invalidArgument(
                "\(n):\(m) pruning removes \(implied) of the weights; pass sparsity: \(implied), got \(sparsity)")
        }
    }
}

/// The masks of magnitude pruning, computed from one layer's weights (`true` = kept).
enum PruningMask {
    /// How many of `count` items a sparsity removes: `round(sparsity · count)`, half to even.
    static func prunedCount(sparsity: Double, of count: Int) -> Int {
        Swift.min(count, Int((sparsity * Double(count)).rounded(.toNearestOrEven)))
    }

    /// The indices of `keys` in pruning order: earlier-pruned items (`kept[i] == false`) first,
    /// then by key ascending, then by index.
    static func order(keys: [Double], kept: [Bool]) -> [Int] {
        keys.indices.sorted { a, b in
            if kept[a] != kept[b] { return !kept[a] }
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return a < b
        }
    }

    /// Unstructured: the `round(sparsity · count)` smallest `|w|` are removed; weights removed by
    /// `previous` stay removed.
    static func unstructured(_ weights: [Float], previous: [Bool]?, sparsity: Double) -> [Bool] {
        let kept = previous ?? Array(repeating: true, count: weights.count)
        var mask = kept
        let order = order(keys: weights.map { Double($0.magnitude) }, kept: kept)
        for i in order.prefix(prunedCount(sparsity: sparsity, of: weights.count)) { mask[i] = false }
        return mask
    }

    /// Rows: the `round(sparsity · rows)` rows of smallest L2 norm (the sum of squares in Double,
    /// in index order) are removed; a row counts as earlier-pruned when all its weights were.
    static func rows(_ weights: [Float], rows: Int, previous: [Bool]?, sparsity: Double) -> [Bool] {
        let kept = previous ?? Array(repeating: true, count: weights.count)
        var mask = kept
        let length = weights.count / Swift.max(rows, 1)
        var norms = [Double](repeating: 0, count: rows)
        var rowKept = [Bool](repeating: false, count: rows)
        for r in 0..<rows {
            for i in (r * length)..<((r + 1) * length) {
                norms[r] += Double(weights[i]) * Double(weights[i])
                if kept[i] { rowKept[r] = true }
            }
        }
        for r in order(keys: norms, kept: rowKept).prefix(prunedCount(sparsity: sparsity, of: rows)) {
            for i in (r * length)..<((r + 1) * length) { mask[i] = false }
        }
        return mask
    }

    /// N:M: in every group of `m` consecutive weights, the `m − n` first in pruning order are
    /// removed. `weights.count` must be a multiple of `m` (rows are, when their length is).
    static func nm(_ weights: [Float], n: Int, m: Int, previous: [Bool]?) -> [Bool] {
        let kept = previous ?? Array(repeating: true, count: weights.count)
        var mask = kept
        for start in stride(from: 0, to: weights.count, by: m) {
            let group = start..<(start + m)
            let order = order(keys: weights[group].map { Double($0.magnitude) }, kept: Array(kept[group]))
            for i in order.prefix(m - n) { mask[start + i] = false }
        }
        return mask
    }
}
