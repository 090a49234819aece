import QuantEngine
import Testing

@Suite("Range observers")
struct RangeObserverTests {
    @Test func minMaxKeepsTheExtremes() throws {
        var observer = try RangeObserver(.minMax)
        try observer.observe(Tensor([-1, 2]))
        try observer.observe(Tensor([-0.5, 5]))
        try observer.observe(Tensor([-3, 1]))
        #expect(observer.min == -3 && observer.max == 5 && observer.batches == 3)
        #expect(try observer.rangeMethod() == .fixed(-3, 5))
    }

    /// PyTorch's MovingAverageMinMaxObserver with c = 0.5: min 0 → 0 + 0.5 · (−4 − 0) = −2,
    /// max 2 → 2 + 0.5 · (6 − 2) = 4; then −2 + 0.5 · (−2 − (−2)) = −2, 4 + 0.5 · (0 − 4) = 2.
    @Test func movingAverageFollowsPyTorchsUpdate() throws {
        var observer = try RangeObserver(.movingAverage(0.5))
        try observer.observe(Tensor([0, 2]))
        try observer.observe(Tensor([-4, 6]))
        #expect(observer.min == -2 && observer.max == 4)
        try observer.observe(Tensor([-2, 0]))
        #expect(observer.min == -2 && observer.max == 2)
        // c = 0.01 in Float32, as torch computes it: 1 + 0.01 · (2 − 1).
        var slow = try RangeObserver(.movingAverage(0.01))
        try slow.observe(Tensor([0, 1]))
        try slow.observe(Tensor([0, 2]))
        #expect(slow.max == Float(1) + Float(0.01) * (Float(2) - Float(1)))
    }

    @Test func misuseIsAnError() throws {
        #expect(throws: QuantEngineError.invalidArgument("the averaging constant must be in (0, 1], got 0.0")) {
            try RangeObserver(.movingAverage(0))
        }
        let fresh = try RangeObserver(.minMax)
        #expect(
            throws: QuantEngineError.invalidArgument("the observer has not seen any data yet; call observe(x) first")
        ) {
            try fresh.rangeMethod()
        }
        var observer = try RangeObserver(.minMax)
        #expect(throws: QuantEngineError.emptyTensor(operation: "observe")) { try observer.observe(Tensor([])) }
        #expect(throws: QuantEngineError.nonFiniteValue(index: 1, kind: .nan)) {
            try observer.observe(Tensor([1, .nan]))
        }
        #expect(observer.batches == 0)
    }
}
