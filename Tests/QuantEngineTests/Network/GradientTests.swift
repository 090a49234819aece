import Foundation
import Testing

@testable import QuantEngine

/// Backpropagation against central finite differences of the loss, for every layer kind.
@Suite struct GradientTests {
    /// Mean softmax cross-entropy of `network` with `parameters` on a batch, in Double.
    static func loss(_ network: Network, _ parameters: NetworkParameters, _ x: [Float], _ labels: [Int]) -> Double {
        let pass = x.withUnsafeBufferPointer {
            network.forward($0, batch: labels.count, parameters: parameters, record: false)
        }
        let result = SoftmaxCrossEntropy.evaluate(
            pass.output, labels: labels[...], classes: network.outputCount, gradient: false)
        return result.lossSum / Double(labels.count)
    }

    /// Compares every analytic gradient with `(L(θ + h) − L(θ − h)) / 2h`. Float32 forward passes
    /// limit the agreement: the test allows 2% relative error plus 2e-4 absolute, and requires
    /// at least 97% of the parameters to agree (a ReLU kink or max-pool tie crossed by ±h
    /// breaks the finite difference, not the gradient).
    static func check(_ network: Network, x: [Float], labels: [Int], h: Float = 1e-2) -> (checked: Int, agreeing: Int) {
        let parameters = NetworkParameters(network)
        let pass = x.withUnsafeBufferPointer {
            network.forward($0, batch: labels.count, parameters: parameters, record: true)
        }
        let result = SoftmaxCrossEntropy.evaluate(
            pass.output, labels: labels[...], classes: network.outputCount, gradient: true)
        let gradients = network.backward(
            pass, outputGradient: result.gradient, batch: labels.count, parameters: parameters)
        var checked = 0, agreeing = 0
        for l in network.layers.indices where network.layers[l].hasParameters {
            for isBias in [false, true] {
                let count = isBias ? parameters.biases[l].count : parameters.weights[l].count
                for i in 0..<count {
                    var plus = parameters, minus = parameters
                    if isBias {
                        plus.biases[l][i] += h
                        minus.biases[l][i] -= h
                    } else {
                        plus.weights[l][i] += h
                        minus.weights[l][i] -= h
                    }
                    let numeric = (loss(network, plus, x, labels) - loss(network, minus, x, labels)) / Double(2 * h)
                    let analytic = Double(isBias ? gradients.biases[l][i] : gradients.weights[l][i])
                    checked += 1
                    if abs(numeric - analytic) <= 0.02 * max(abs(numeric), abs(analytic)) + 2e-4 { agreeing += 1 }
                }
            }
        }
        return (checked, agreeing)
    }

    static func batch(_ count: Int, features: Int, classes: Int, seed: UInt64) throws -> ([Float], [Int]) {
        var generator = RandomGenerator(seed: seed)
        let x = try Tensor.randn([count, features], using: &generator).scalars
        let labels = (0..<count).map { _ in Int(generator.next() % UInt64(classes)) }
        return (x, labels)
    }

    @Test(arguments: Activation.allCases)
    func mlpGradientsMatchFiniteDifferences(activation: Activation) throws {
        let network = try Network.mlp([5, 7, 6, 3], activation: activation, seed: 3)
        let (x, labels) = try Self.batch(4, features: 5, classes: 3, seed: 11)
        let (checked, agreeing) = Self.check(network, x: x, labels: labels)
        #expect(checked == network.parameterCount)
        #expect(Double(agreeing) >= 0.97 * Double(checked), "\(agreeing) of \(checked) agree")
    }

    @Test(arguments: [Activation.tanh, .relu])
    func cnnGradientsMatchFiniteDifferences(activation: Activation) throws {
        let network = try Network.cnn(input: [2, 6, 6], channels: [3, 4], classes: 3, activation: activation, seed: 5)
        let (x, labels) = try Self.batch(3, features: 72, classes: 3, seed: 12)
        let (checked, agreeing) = Self.check(network, x: x, labels: labels)
        #expect(checked == network.parameterCount)
        #expect(Double(agreeing) >= 0.97 * Double(checked), "\(agreeing) of \(checked) agree")
    }

    /// One dense layer is multinomial logistic regression, whose gradient has a closed form:
    /// `∂W = (softmax(xWᵀ + b) − onehot) ᵀ · x / batch`, computed here independently in Double.
    @Test func logisticRegressionGradientHasTheClosedForm() throws {
        let network = try Network.mlp([4, 3], seed: 9)
        let (x, labels) = try Self.batch(6, features: 4, classes: 3, seed: 13)
        let parameters = NetworkParameters(network)
        let pass = x.withUnsafeBufferPointer { network.forward($0, batch: 6, parameters: parameters, record: true) }
        let loss = SoftmaxCrossEntropy.evaluate(pass.output, labels: labels[...], classes: 3, gradient: true)
        let gradients = network.backward(pass, outputGradient: loss.gradient, batch: 6, parameters: parameters)
        let w = parameters.weights[0].map(Double.init)
        var expected = [Double](repeating: 0, count: 12)
        var expectedBias = [Double](repeating: 0, count: 3)
        for b in 0..<6 {
            let z = (0..<3).map { o in (0..<4).reduce(0.0) { $0 + w[o * 4 + $1] * Double(x[b * 4 + $1]) } }
            let m = z.max() ?? 0
            let e = z.map { Foundation.exp($0 - m) }
            let total = e.reduce(0, +)
            for o in 0..<3 {
                let delta = (e[o] / total - (o == labels[b] ? 1 : 0)) / 6
                expectedBias[o] += delta
                for i in 0..<4 { expected[o * 4 + i] += delta * Double(x[b * 4 + i]) }
            }
        }
        for i in 0..<12 { #expect(abs(Double(gradients.weights[0][i]) - expected[i]) <= 1e-6, "weight \(i)") }
        for o in 0..<3 { #expect(abs(Double(gradients.biases[0][o]) - expectedBias[o]) <= 1e-6, "bias \(o)") }
    }
}
