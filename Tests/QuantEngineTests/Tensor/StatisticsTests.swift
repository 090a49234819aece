import QuantEngine
import Testing

@Suite("Statistics")
struct StatisticsTests {
    /// Naive references: one Double accumulator, in index order.
    static func naiveSum(_ x: [Float]) -> Double { x.reduce(0.0) { $0 + Double($1) } }
    static func naiveStd(_ x: [Float]) -> Double {
        let mean = naiveSum(x) / Double(x.count)
        let squares = x.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
        return (squares / Double(x.count)).squareRoot()
    }

    @Test(arguments: [1, 7, 8, 4095, 4096, 4097, 100_003, 1 << 19])
    func statisticsMatchNaiveLoops(count: Int) throws {
        let t = try Tensor.randn([count], mean: 0.25, std: 2, seed: UInt64(count))
        let x = t.scalars
        #expect(isClose(t.sum(), Self.naiveSum(x), relative: 1e-11))
        #expect(isClose(try t.mean(), Self.naiveSum(x) / Double(count), relative: 1e-11))
        #expect(isClose(try t.std(), Self.naiveStd(x), relative: 1e-11))
        #expect(try t.min() == x.min())
        #expect(try t.max() == x.max())
        #expect(try t.absMax() == x.map(Swift.abs).max())
    }

    @Test func statisticsMatchNumpy() throws {
        let reference = NumpyReference.shared
        for c in reference.statistics {
            let t = reference.dataset(c.data)
            #expect(isClose(t.sum(), c.sum, relative: 1e-12), "\(c.data)")
            #expect(isClose(try t.mean(), c.mean, relative: 1e-12), "\(c.data)")
            #expect(isClose(try t.std(), c.std, relative: 1e-12), "\(c.data)")
            #expect(try t.min().bitPattern == c.min)
            #expect(try t.max().bitPattern == c.max)
            #expect(try t.absMax().bitPattern == c.absMax)
        }
    }

    @Test func handValues() throws {
        let t = Tensor([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(t.sum() == 40)
        #expect(try t.mean() == 5)
        #expect(try t.std() == 2)  // the textbook example: population std exactly 2
        #expect(try t.min() == 2)
        #expect(try Tensor([-3, 1, 2]).absMax() == 3)
    }

    /// Sorted data: [−4, −1.25, 0.5, 2, 2, 3.5, 7, 11.75]; virtual index (n − 1)·p/100 = 7p/100.
    @Test(arguments: [
        (0.0, Float(-4)),
        (12.5, -1.59375),  // index 0.875: −1.25 − 2.75 · 0.125
        (37.5, 1.4375),  // index 2.625: 2 − 1.5 · 0.375
        (50.0, 2),  // index 3.5 between 2 and 2
        (87.5, 7.59375),  // index 6.125: 7 + 4.75 · 0.125
        (100.0, 11.75),
    ])
    func percentileHandValues(p: Double, expected: Float) throws {
        let t = Tensor([3.5, -1.25, 7, 0.5, 2, 2, -4, 11.75])
        #expect(try t.percentile(p) == expected)
    }

    @Test func percentileMatchesNumpyBitForBit() throws {
        let reference = NumpyReference.shared
        for c in reference.percentiles {
            let values: [Float] =
                c.data == "small"
                ? floats(reference.smallPercentileData)
                : Array(reference.dataset(c.data).scalars.prefix(c.count))
            let result = try Tensor(values).percentile(c.p)
            #expect(result.bitPattern == c.value, "\(c.data) p=\(c.p): \(result) vs \(Float(bitPattern: c.value))")
        }
    }

    @Test func percentileOnLargeTensorMatchesSorting() throws {
        let t = try Tensor.laplace([50_001], scale: 1, seed: 9)
        let sorted = t.scalars.sorted()
        for p in [0.0, 0.01, 1, 50, 99, 99.9, 100] {
            let index = Double(sorted.count - 1) * (p / 100)
            let lower = Int(index.rounded(.down))
            let gamma = index - Double(lower)
            let expected: Float
            if lower >= sorted.count - 1 {
                expected = sorted[sorted.count - 1]
            } else {
                let d = sorted[lower + 1] - sorted[lower]
                expected = gamma >= 0.5 ? sorted[lower + 1] - d * Float(1 - gamma) : sorted[lower] + d * Float(gamma)
            }
            #expect(try t.percentile(p) == expected, "p = \(p)")
        }
    }

    @Test(arguments: [-0.1, 100.5, Double.nan])
    func percentileRejectsOutOfRange(p: Double) throws {
        #expect(throws: QuantEngineError.self) { try Tensor([1, 2]).percentile(p) }
    }

    @Test func emptyTensorStatisticsThrow() throws {
        let empty = Tensor([])
        #expect(empty.sum() == 0)
        #expect(throws: QuantEngineError.emptyTensor(operation: "min()")) { try empty.min() }
        #expect(throws: QuantEngineError.emptyTensor(operation: "mean()")) { try empty.mean() }
        #expect(throws: QuantEngineError.emptyTensor(operation: "std()")) { try empty.std() }
        #expect(throws: QuantEngineError.emptyTensor(operation: "percentile()")) { try empty.percentile(50) }
    }

    @Test func nanPropagates() throws {
        let t = Tensor([1, .nan, -3])
        #expect(try t.min().isNaN)
        #expect(try t.max().isNaN)
        #expect(try t.percentile(50).isNaN)
        #expect(t.firstNonFiniteIndex() == 1)
    }

    /// The summation order is fixed by the element count alone: the parallel path (≥ 2^18
    /// elements) and a serial recomputation of the documented order agree to the bit.
    @Test func sumOrderIsTheDocumentedOne() throws {
        let n = (1 << 19) + 12_345
        let t = try Tensor.randn([n], seed: 77)
        let x = t.scalars
        var blocks = [Double]()
        for start in stride(from: 0, to: n, by: 4096) {
            var lanes = [Double](repeating: 0, count: 8)
            for i in start..<min(start + 4096, n) { lanes[(i - start) % 8] += Double(x[i]) }
            blocks.append(
                ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7])))
        }
        func pairwise(_ slice: ArraySlice<Double>) -> Double {
            if slice.count == 1 { return slice.first! }
            let middle = slice.startIndex + slice.count / 2
            return pairwise(slice[..<middle]) + pairwise(slice[middle...])
        }
        #expect(t.sum().bitPattern == pairwise(blocks[...]).bitPattern)
    }
}
