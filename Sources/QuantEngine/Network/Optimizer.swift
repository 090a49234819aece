/// How training turns gradients into weight updates: PyTorch's `SGD` and `Adam`, step for step.
public struct Optimizer: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case sgd, adam
    }

    public let kind: Kind
    /// SGD: the momentum μ (`v = μ·v + g`, `w −= lr·v`; PyTorch's form, no dampening).
    public let momentum: Double
    /// Adam: decay rates of the first and second moment estimates, and ε.
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double

    /// Stochastic gradient descent with momentum (0.9 by default).
    public static func sgd(momentum: Double = 0.9) throws(QuantEngineError) -> Optimizer {
        guard momentum.isFinite, (0..<1).contains(momentum) else {
            throw .invalidArgument("momentum must be in 0..<1, got \(momentum)")
        }
        return Optimizer(kind: .sgd, momentum: momentum, beta1: 0, beta2: 0, epsilon: 0)
    }

    /// Adam (Kingma & Ba 2015) with bias correction, PyTorch's defaults.
    public static func adam(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) throws(QuantEngineError)
        -> Optimizer
    {
        guard beta1.isFinite, beta2.isFinite, (0..<1).contains(beta1), (0..<1).contains(beta2) else {
            throw .invalidArgument("Adam's beta1 and beta2 must be in 0..<1, got \(beta1) and \(beta2)")
        }
        guard epsilon.isFinite, epsilon > 0 else {
            throw .invalidArgument("Adam's epsilon must be positive, got \(epsilon)")
        }
        return Optimizer(kind: .adam, momentum: 0, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    /// Adam with PyTorch's defaults.
    public static let defaultAdam = Optimizer(kind: .adam, momentum: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

    /// The learning rate used when none is given: 0.1 for SGD, 0.01 for Adam.
    public var defaultLearningRate: Double { kind == .sgd ? 0.1 : 0.01 }

    public var description: String {
        switch kind {
        case .sgd: return "SGD (momentum \(momentum))"
        case .adam: return "Adam (β1 \(beta1), β2 \(beta2))"
        }
    }
}

/// The optimizer's running state for one set of parameters.
struct OptimizerState {
    let optimizer: Optimizer
    let learningRate: Double
    let weightDecay: Double
    /// SGD: the momentum buffer; Adam: the first moment.
    var first: NetworkParameters
    /// Adam: the second moment.
    var second: NetworkParameters
    /// Steps taken (Adam's bias correction).
    var step = 0

    init(optimizer: Optimizer, learningRate: Double, weightDecay: Double, parameters: NetworkParameters) {
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        first = parameters.zeros()
        second = parameters.zeros()
    }

    /// One update of every parameter, in Float32 as PyTorch computes it (no fused multiply-add,
    /// the same operations in the same order everywhere). Weight decay is PyTorch's (L2,
    /// `g += λ·w`, on weights and biases alike; not on step sizes).
    mutating func update(_ parameters: inout NetworkParameters, gradients: NetworkParameters) {
        step += 1
        for (index, group) in NetworkParameters.groups.enumerated() {
            let decay = Float(index < 2 ? weightDecay : 0)
            for l in parameters[keyPath: group].indices where !parameters[keyPath: group][l].isEmpty {
                switch optimizer.kind {
                case .sgd:
                    Self.sgd(
                        &parameters[keyPath: group][l], gradients[keyPath: group][l], &first[keyPath: group][l],
                        learningRate: Float(learningRate), momentum: Float(optimizer.momentum), decay: decay)
                case .adam:
                    adam(
                        &parameters[keyPath: group][l], gradients[keyPath: group][l], &first[keyPath: group][l],
                        &second[keyPath: group][l], decay: decay)
                }
            }
        }
    }

    /// `v = μ·v + (g + λw)`, `w −= lr·v`.
    static func sgd(
        _ weights: inout [Float], _ gradients: [Float], _ velocity: inout [Float], learningRate: Float, momentum: Float,
        decay: Float
    ) {
        weights.withUnsafeMutableBufferPointer { w in
            velocity.withUnsafeMutableBufferPointer { v in
                gradients.withUnsafeBufferPointer { g in
                    for i in 0..<w.count {
                        let gradient = g[i] + decay * w[i]
                        v[i] = momentum * v[i] + gradient
                        w[i] -= learningRate * v[i]
                    }
                }
            }
        }
    }

    /// `m = β1·m + (1 − β1)·g`, `v = β2·v + (1 − β2)·g²`,
    /// `w −= (lr / (1 − β1^t)) · m / (√(v / (1 − β2^t)) + ε)` — PyTorch's `_single_tensor_adam`.
    func adam(
        _ weights: inout [Float], _ gradients: [Float], _ first: inout [Float], _ second: inout [Float], decay: Float
    ) {
        let b1 = Float(optimizer.beta1), b2 = Float(optimizer.beta2), eps = Float(optimizer.epsilon)
        let stepSize = Float(learningRate / (1 - power(optimizer.beta1, step)))
        let correction2 = Float((1 - power(optimizer.beta2, step)).squareRoot())
        weights.withUnsafeMutableBufferPointer { w in
            first.withUnsafeMutableBufferPointer { m in
                second.withUnsafeMutableBufferPointer { v in
                    gradients.withUnsafeBufferPointer { g in
                        for i in 0..<w.count {
                            let gradient = g[i] + decay * w[i]
                            m[i] = b1 * m[i] + (1 - b1) * gradient
                            v[i] = b2 * v[i] + (1 - b2) * gradient * gradient
                            let denominator = v[i].squareRoot() / correction2 + eps
                            w[i] -= stepSize * m[i] / denominator
                        }
                    }
                }
            }
        }
    }

    /// `base^exponent` by repeated squaring (exact operations only, so the same everywhere).
    private func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0, b = base, e = exponent
        while e > 0 {
            if e & 1 == 1 { result *= b }
            b *= b
            e >>= 1
        }
        return result
    }
}
