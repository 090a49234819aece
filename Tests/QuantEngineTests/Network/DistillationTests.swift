import Foundation
import Testing

@testable import QuantEngine

@Suite struct DistillationTests {
    /// Logits on a 1/64 grid in (−4, 4): exact in Float, and so is `z ± 2^-10`.
    static func gridLogits(_ count: Int, seed: UInt64) -> [Float] {
        var generator = RandomGenerator(seed: seed)
        return (0..<count).map { _ in Float(Int(generator.next() % 512) - 256) / 64 }
    }

    /// The loss of three rows of five classes: teacher rows 0…2 of the training set seen as
    /// samples 2, 0, 1 of a batch, so the lookup by sample index is exercised too.
    static let classes = 5
    static let labels = [4, 0, 2]
    static let samples: ArraySlice<Int> = [2, 0, 1]

    static func loss(temperature: Double, alpha: Double, teacher: [Float]) -> DistillationLoss {
        DistillationLoss(teacherLogits: teacher, classes: classes, temperature: temperature, alpha: alpha)
    }

    /// ∂(mean loss)/∂z against `(L(z + h) − L(z − h)) / 2h` with `h = 2^-10`: the truncation error
    /// is about h²/6 · L''' (below 1e-7 here) and the gradient is rounded to Float, so 1e-6
    /// absolute plus 1e-5 relative.
    @Test(arguments: [(1.0, 0.5), (4.0, 0.5), (2.5, 1.0), (4.0, 0.0), (0.5, 0.9)])
    func gradientMatchesFiniteDifferences(temperature: Double, alpha: Double) {
        let teacher = Self.gridLogits(15, seed: 1), student = Self.gridLogits(15, seed: 2)
        let loss = Self.loss(temperature: temperature, alpha: alpha, teacher: teacher)
        let analytic = loss.evaluate(student, labels: Self.labels, indices: Self.samples, gradient: true).gradient
        let h: Float = 1.0 / 1024
        for i in student.indices {
            var plus = student, minus = student
            plus[i] += h
            minus[i] -= h
            let up = loss.evaluate(plus, labels: Self.labels, indices: Self.samples, gradient: false).lossSum / 3
            let down = loss.evaluate(minus, labels: Self.labels, indices: Self.samples, gradient: false).lossSum / 3
            let numeric = (up - down) / (2 * Double(h))
            #expect(abs(Double(analytic[i]) - numeric) <= 1e-6 + 1e-5 * abs(numeric), "logit \(i): \(numeric)")
        }
    }

    /// α = 0 is softmax cross-entropy, whatever the teacher says.
    @Test func alphaZeroIsCrossEntropy() {
        let teacher = Self.gridLogits(15, seed: 3), student = Self.gridLogits(15, seed: 4)
        let distilled = Self.loss(temperature: 3, alpha: 0, teacher: teacher)
            .evaluate(student, labels: Self.labels, indices: Self.samples, gradient: true)
        let plain = SoftmaxCrossEntropy.evaluate(student, labels: Self.labels[...], classes: 5, gradient: true)
        #expect(abs(distilled.lossSum - plain.lossSum) <= 1e-12)
        #expect(distilled.correct == plain.correct)
        #expect(zip(distilled.gradient, plain.gradient).allSatisfy { abs($0 - $1) <= 1e-9 })
    }

    /// A student with the teacher's logits and α = 1 has nothing to learn: KL 0, gradient 0.
    @Test func selfDistillationHasZeroLoss() {
        let teacher = Self.gridLogits(15, seed: 5)
        let student = Self.samples.flatMap { teacher[($0 * 5)..<($0 * 5 + 5)] }
        let result = Self.loss(temperature: 4, alpha: 1, teacher: teacher)
            .evaluate(student, labels: Self.labels, indices: Self.samples, gradient: true)
        #expect(abs(result.lossSum) <= 1e-12)
        #expect(result.gradient.allSatisfy { abs($0) <= 1e-12 })
    }

    /// Two classes, one row, T = 2, α = 0.5, label 0; teacher logits (2, 0), student (0, 0).
    /// p = softmax((1, 0)) = (σ(1), σ(−1)) ≈ (0.731059, 0.268941), q = (0.5, 0.5).
    /// KL(p ‖ q) = Σ p log(p / q) ≈ 0.110944; T² · KL ≈ 0.443776 (PyTorch:
    /// `kl_div(log_softmax(s/2), softmax(t/2), reduction='batchmean') * 4`); CE = log 2 ≈ 0.693147;
    /// loss = 0.5 · 0.443776 + 0.5 · 0.693147 ≈ 0.568462.
    /// Gradient: α·T·(q − p) + (1 − α)·(softmax(s) − onehot) = (−0.481059, 0.481059).
    @Test func temperatureSquaredScaling() {
        let p1 = 1 / (1 + Foundation.exp(-1.0)), p2 = 1 - p1
        let kl = p1 * Foundation.log(p1 / 0.5) + p2 * Foundation.log(p2 / 0.5)
        #expect(abs(kl - 0.110944) <= 1e-6)
        let loss = DistillationLoss(teacherLogits: [2, 0], classes: 2, temperature: 2, alpha: 0.5)
        let result = loss.evaluate([0, 0], labels: [0], indices: [0], gradient: true)
        #expect(abs(result.lossSum - (0.5 * 4 * kl + 0.5 * Foundation.log(2.0))) <= 1e-12)
        #expect(abs(result.lossSum - 0.568462) <= 1e-6)
        #expect(abs(Double(result.gradient[0]) - (1 * (0.5 - p1) - 0.25)) <= 1e-7)
        #expect(abs(Double(result.gradient[1]) - (1 * (0.5 - p2) + 0.25)) <= 1e-7)
        let soft = DistillationLoss(teacherLogits: [2, 0], classes: 2, temperature: 2, alpha: 1)
        #expect(abs(soft.evaluate([0, 0], labels: [0], indices: [0], gradient: false).lossSum - 4 * kl) <= 1e-12)
        #expect(result.correct == 1)  // a tie goes to the first class
    }

    @Test func badSettingsAreErrors() throws {
        let train = try TrainingTests.clusters(count: 16, seed: 1)
        let teacher = try Network.mlp([2, 8, 4], seed: 1)
        var student = try Network.mlp([2, 4, 4], seed: 2)
        for temperature in [0, -1, .infinity, .nan] {
            #expect(throws: QuantEngineError.self) {
                try Network.distill(teacher: teacher, student: &student, on: train, temperature: temperature)
            }
        }
        for alpha in [-0.1, 1.1, .nan] {
            #expect(throws: QuantEngineError.self) {
                try Network.distill(teacher: teacher, student: &student, on: train, alpha: alpha)
            }
        }
        var threeClasses = try Network.mlp([2, 4, 3], seed: 2)
        #expect(throws: QuantEngineError.self) {
            try Network.distill(teacher: teacher, student: &threeClasses, on: train)
        }
        let wideTeacher = try Network.mlp([3, 8, 4], seed: 1)
        #expect(throws: QuantEngineError.self) {
            try Network.distill(teacher: wideTeacher, student: &student, on: train)
        }
        #expect(student == (try Network.mlp([2, 4, 4], seed: 2)))
    }

    /// Distilling a network into a copy of itself with α = 1: the loss is 0 in every epoch and the
    /// weights do not move (a zero gradient is a zero Adam step).
    @Test func selfDistilledNetworkStaysPut() throws {
        let train = try TrainingTests.clusters(count: 100, seed: 7)
        var teacher = try Network.mlp([2, 16, 4], seed: 8)
        try teacher.train(on: train, options: TrainingOptions(epochs: 3))
        var student = teacher
        let log = try Network.distill(
            teacher: teacher, student: &student, on: train, alpha: 1, options: TrainingOptions(epochs: 2))
        #expect(log.epochs.allSatisfy { abs($0.loss) <= 1e-12 })
        #expect(student == teacher)
        #expect(log.summary.hasSuffix("distilled at temperature 4.0, alpha 1.0"))
    }

    /// A 64-unit teacher (test accuracy 1.0) and a 4-unit student on the four clusters, 10 epochs
    /// each way from the same initialisation and shuffle: trained alone the student reaches 0.9925,
    /// distilled (T = 4, α = 0.5) 0.995. The test asks for the plain student's accuracy minus 0.02.
    /// Distilling twice gives the same network.
    @Test func distilledStudentKeepsUp() throws {
        let train = try TrainingTests.clusters(count: 400, seed: 31)
        let test = try TrainingTests.clusters(count: 400, seed: 32)
        var teacher = try Network.mlp([2, 64, 4], seed: 33)
        try teacher.train(on: train, options: TrainingOptions(epochs: 20, batchSize: 32))
        let options = TrainingOptions(epochs: 10, batchSize: 32, seed: 5)
        var alone = try Network.mlp([2, 4, 4], seed: 34)
        try alone.train(on: train, options: options)
        var student = try Network.mlp([2, 4, 4], seed: 34)
        let log = try Network.distill(
            teacher: teacher, student: &student, on: train, validation: test, options: options)
        var again = try Network.mlp([2, 4, 4], seed: 34)
        let logAgain = try Network.distill(
            teacher: teacher, student: &again, on: train, validation: test, options: options)
        let teacherAccuracy = try teacher.evaluate(on: test).accuracy
        let aloneAccuracy = try alone.evaluate(on: test).accuracy
        let studentAccuracy = try student.evaluate(on: test).accuracy
        #expect(teacherAccuracy >= 0.98, "teacher \(teacherAccuracy)")
        #expect(aloneAccuracy >= 0.95, "alone \(aloneAccuracy)")
        #expect(studentAccuracy >= aloneAccuracy - 0.02, "distilled \(studentAccuracy), alone \(aloneAccuracy)")
        #expect(log.epochs.last?.validationAccuracy == studentAccuracy)
        #expect(student == again && log == logAgain)
    }
}
