/// The loss of knowledge distillation (Hinton, Vinyals & Dean 2015) for one training set: a
/// student's logits `s` against a fixed teacher's logits `t` and the hard labels `y`.
///
/// With `p = softmax(t / T)` and `q = softmax(s / T)`, per row
///
///     loss = α · T² · KL(p ‖ q) + (1 − α) · CE(softmax(s), y)
///     KL(p ‖ q) = Σ_k p_k (log p_k − log q_k)
///
/// averaged over the batch: in PyTorch, `α · T² · KLDivLoss(reduction='batchmean')(log_softmax(s/T),
/// softmax(t/T)) + (1 − α) · cross_entropy(s, y)`.
/// The T² keeps the soft term's gradient on the scale of the hard term's as T grows.
///
/// Gradient. `log q_j = s_j/T − log Σ_i exp(s_i/T)`, so `∂ log q_j / ∂s_k = (δ_jk − q_k) / T` and,
/// as `Σ_j p_j = 1`, `∂KL/∂s_k = −Σ_j p_j (δ_jk − q_k) / T = (q_k − p_k) / T`. With the softmax
/// cross-entropy's `softmax(s)_k − onehot(y)_k`, the gradient of the batch mean is
///
///     ∂loss/∂s_k = (α · T · (q_k − p_k) + (1 − α) · (softmax(s)_k − onehot(y)_k)) / B.
///
/// Everything is in Double with the maximum subtracted before `exp`, through ``PortableMath``,
/// summing over classes in order; the hard term is computed exactly as ``SoftmaxCrossEntropy``
/// does, so α = 0 gives its result.
struct DistillationLoss {
    let temperature: Double
    let alpha: Double
    let classes: Int
    /// `log softmax(t / T)` of every training sample, `[samples, classes]`, computed once.
    let teacherLogProbabilities: [Double]

    init(teacherLogits: [Float], classes: Int, temperature: Double, alpha: Double) {
        self.temperature = temperature
        self.alpha = alpha
        self.classes = classes
        var logProbabilities = [Double](repeating: 0, count: teacherLogits.count)
        teacherLogits.withUnsafeBufferPointer { all in
            for start in stride(from: 0, to: all.count, by: Swift.max(classes, 1)) {
                let row = UnsafeBufferPointer(rebasing: all[start..<(start + classes)])
                for (k, value) in Self.logSoftmax(row, temperature: temperature).enumerated() {
                    logProbabilities[start + k] = value
                }
            }
        }
        teacherLogProbabilities = logProbabilities
    }

    /// `log softmax(z / T)`: `u = z / T`, `u_k − (m + log Σ_i exp(u_i − m))` with `m = max u`.
    static func logSoftmax(_ z: UnsafeBufferPointer<Float>, temperature: Double) -> [Double] {
        let u = z.map { Double($0) / temperature }
        let m = u.max() ?? 0
        var sum = 0.0
        for v in u { sum += PortableMath.exp(v - m) }
        let normalizer = m + PortableMath.log(sum)
        return u.map { $0 - normalizer }
    }

    /// The loss of a batch: student `logits` (`[rows, classes]`), their `labels` and the indices of
    /// the rows' samples in the training set (to find the teacher's row). `correct` counts the
    /// student's hard-label hits (largest logit, first on ties).
    func evaluate(_ logits: [Float], labels: [Int], indices: ArraySlice<Int>, gradient wantGradient: Bool)
        -> SoftmaxCrossEntropy.Result
    {
        let rows = labels.count
        var result = SoftmaxCrossEntropy.Result(
            lossSum: 0, correct: 0, gradient: wantGradient ? [Float](repeating: 0, count: logits.count) : [])
        let scale = 1 / Double(Swift.max(rows, 1))
        let soft = alpha * temperature * temperature, hard = 1 - alpha
        logits.withUnsafeBufferPointer { all in
            for (r, (label, sample)) in zip(labels, indices).enumerated() {
                let z = UnsafeBufferPointer(rebasing: all[(r * classes)..<((r + 1) * classes)])
                let student = Self.logSoftmax(z, temperature: temperature)
                let teacherBase = sample * classes
                var divergence = 0.0
                for k in 0..<classes {
                    let logP = teacherLogProbabilities[teacherBase + k]
                    divergence += PortableMath.exp(logP) * (logP - student[k])
                }
                let logNormalizer = SoftmaxCrossEntropy.logSumExp(z)
                result.lossSum += soft * divergence + hard * (logNormalizer - Double(z[label]))
                var best = 0
                for k in 1..<classes where z[k] > z[best] { best = k }
                if best == label { result.correct += 1 }
                guard wantGradient else { continue }
                for k in 0..<classes {
                    let p = PortableMath.exp(teacherLogProbabilities[teacherBase + k])
                    let q = PortableMath.exp(student[k])
                    let s = PortableMath.exp(Double(z[k]) - logNormalizer)
                    let g = alpha * temperature * (q - p) + hard * (s - (k == label ? 1 : 0))
                    result.gradient[r * classes + k] = Float(g * scale)
                }
            }
        }
        return result
    }
}

extension Network {
    /// Trains `student` to match `teacher` (knowledge distillation, Hinton et al. 2015): the
    /// loss mixes the KL divergence between the teacher's and the student's softmax at
    /// `temperature`, scaled by T², with weight `alpha`, and the ordinary cross-entropy on the
    /// labels with weight `1 − alpha` (see ``DistillationLoss``'s formula). The teacher is fixed:
    /// its logits are computed once for every training sample before the first step.
    ///
    /// Everything else is ``train(on:validation:options:)``: the same options, shuffling and
    /// determinism, a pruned student keeps its masks, and validation loss and accuracy in the log
    /// are the student's plain cross-entropy and accuracy.
    ///
    /// - Throws: when the two networks have different numbers of classes, either does not accept
    ///   the samples, the teacher's logits are not finite, `temperature` is not positive and
    ///   finite, or `alpha` is outside `0...1`; and for everything `train` throws.
    @discardableResult
    public static func distill(
        teacher: Network, student: inout Network, on samples: Dataset, validation: Dataset? = nil,
        temperature: Double = 4, alpha: Double = 0.5, options: TrainingOptions = TrainingOptions()
    ) throws(QuantEngineError) -> TrainingLog {
        guard temperature.isFinite, temperature > 0 else {
            throw .invalidArgument("distillation temperature must be positive and finite, got \(temperature)")
        }
        guard alpha.isFinite, (0...1).contains(alpha) else {
            throw .invalidArgument("distillation alpha must be in 0...1, got \(alpha)")
        }
        guard teacher.outputCount == student.outputCount else {
            throw .invalidArgument(
                "distill: the teacher has \(teacher.outputCount) classes but the student \(student.outputCount)")
        }
        try teacher.validate(samples, operation: "distill (teacher)")
        try student.validate(samples, operation: "distill (student)")
        let teacherLogits = try teacher.logits(samples.features).scalars
        guard !teacherLogits.contains(where: { !$0.isFinite }) else {
            throw .invalidArgument("distill: the teacher's logits are not finite")
        }
        let loss = DistillationLoss(
            teacherLogits: teacherLogits, classes: teacher.outputCount, temperature: temperature, alpha: alpha)
        var hooks = TrainingHooks()
        hooks.loss = { logits, labels, indices in
            loss.evaluate(logits, labels: labels, indices: indices, gradient: true)
        }
        let log = try student.train(on: samples, validation: validation, options: options, hooks: hooks)
        return TrainingLog(
            epochs: log.epochs, summary: log.summary + ", distilled at temperature \(temperature), alpha \(alpha)")
    }
}
