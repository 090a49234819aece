/// Softmax cross-entropy over a batch of logits, the classification loss of every network here.
///
/// For a row `z` with label `y`: `loss = log Σ_k exp(z_k) − z_y`, computed as `m + log Σ exp(z_k − m)`
/// with `m = max z` in Double (sum over `k` in order) through `PortableMath`, so it is the same on
/// every machine. The gradient with respect to the logits is `(softmax(z) − onehot(y)) / batch`.
enum SoftmaxCrossEntropy {
    struct Result {
        /// Summed (not averaged) loss over the rows.
        var lossSum: Double
        /// Rows whose largest logit (first on ties) is the label.
        var correct: Int
        /// ∂(mean loss)/∂logits, when requested.
        var gradient: [Float]
    }

    /// `log Σ_k exp(z_k)` of one row.
    static func logSumExp(_ z: UnsafeBufferPointer<Float>) -> Double {
        var m = -Double.infinity
        for v in z where Double(v) > m { m = Double(v) }
        guard m.isFinite else { return m }
        var sum = 0.0
        for v in z { sum += PortableMath.exp(Double(v) - m) }
        return m + PortableMath.log(sum)
    }

    /// The loss of `logits` (`[rows, classes]`) against `labels` (each in `0..<classes`).
    static func evaluate(_ logits: [Float], labels: ArraySlice<Int>, classes: Int, gradient wantGradient: Bool)
        -> Result
    {
        let rows = labels.count
        var result = Result(
            lossSum: 0, correct: 0, gradient: wantGradient ? [Float](repeating: 0, count: logits.count) : [])
        let scale = 1 / Double(Swift.max(rows, 1))
        logits.withUnsafeBufferPointer { all in
            for (r, label) in labels.enumerated() {
                let z = UnsafeBufferPointer(rebasing: all[(r * classes)..<((r + 1) * classes)])
                let logNormalizer = logSumExp(z)
                result.lossSum += logNormalizer - Double(z[label])
                var best = 0
                for k in 1..<classes where z[k] > z[best] { best = k }
                if best == label { result.correct += 1 }
                if wantGradient {
                    for k in 0..<classes {
                        let p = PortableMath.exp(Double(z[k]) - logNormalizer)
                        result.gradient[r * classes + k] = Float((p - (k == label ? 1 : 0)) * scale)
                    }
                }
            }
        }
        return result
    }
}
