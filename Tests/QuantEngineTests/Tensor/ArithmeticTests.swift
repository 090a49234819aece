import QuantEngine
import Testing

@Suite("Element-wise arithmetic, broadcasting and matmul")
struct ArithmeticTests {
    let a: Tensor

    init() throws {
        a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    }

    @Test func sameShape() throws {
        let b = try Tensor(shape: [2, 3], scalars: [6, 5, 4, 3, 2, 1])
        #expect(try (a + b).scalars == [7, 7, 7, 7, 7, 7])
        #expect(try (a - b).scalars == [-5, -3, -1, 1, 3, 5])
        #expect(try (a * b).scalars == [6, 10, 12, 12, 10, 6])
        // Each quotient is one correctly rounded Float32 division.
        let quotients: [Float] = [Float(1) / 6, Float(2) / 5, Float(3) / 4, Float(4) / 3, Float(5) / 2, 6]
        #expect(try (a / b).scalars == quotients)
    }

    @Test func scalarsOnEitherSide() {
        #expect((a + 1).scalars == [2, 3, 4, 5, 6, 7])
        #expect((10 - a).scalars == [9, 8, 7, 6, 5, 4])
        #expect((a * 0.5).scalars == [0.5, 1, 1.5, 2, 2.5, 3])
        #expect((6 / a).scalars == [6, 3, 2, 1.5, 1.2, 1])
        #expect((-a).scalars == [-1, -2, -3, -4, -5, -6])
        #expect((a - 3).abs().scalars == [2, 1, 0, 1, 2, 3])
    }

    @Test func divisionByZeroFollowsIEEE() throws {
        let r = try Tensor([1, -1, 0]) / Tensor([0, 0, 0])
        #expect(r.scalars[0] == .infinity)
        #expect(r.scalars[1] == -.infinity)
        #expect(r.scalars[2].isNaN)
    }

    /// Expected results computed by hand with numpy's rules.
    @Test func broadcasting() throws {
        let row = Tensor([10, 20, 30])  // [3]
        #expect(try (a + row).scalars == [11, 22, 33, 14, 25, 36])
        let column = try Tensor(shape: [2, 1], scalars: [100, 200])
        #expect(try (a + column).scalars == [101, 102, 103, 204, 205, 206])
        // [2,1] with [3] → [2,3]
        let outer = try column * row
        #expect(outer.shape == [2, 3])
        #expect(outer.scalars == [1000, 2000, 3000, 2000, 4000, 6000])
        // scalar tensor with anything
        #expect(try (Tensor(scalar: 2) * a).scalars == [2, 4, 6, 8, 10, 12])
        // [2,1,3] with [4,1] → [2,4,3]
        let x = try Tensor.arange(6).reshaped([2, 1, 3])
        let y = try Tensor.arange(4).reshaped([4, 1])
        let z = try x - y
        #expect(z.shape == [2, 4, 3])
        for i in 0..<2 {
            for j in 0..<4 {
                for k in 0..<3 {
                    #expect(z.scalars[(i * 4 + j) * 3 + k] == Float(i * 3 + k) - Float(j))
                }
            }
        }
        // Subtraction order is kept when the left side broadcasts.
        #expect(try (row - a).scalars == [9, 18, 27, 6, 15, 24])
    }

    @Test(arguments: [
        ([3, 4], [4, 3]),
        ([2, 3], [2]),
        ([5], [4]),
    ])
    func broadcastMismatchNamesBothShapes(lhs: [Int], rhs: [Int]) throws {
        let x = try Tensor.zeros(lhs)
        let y = try Tensor.zeros(rhs)
        #expect(throws: QuantEngineError.broadcastMismatch(lhs, rhs)) { try x + y }
        #expect(
            QuantEngineError.broadcastMismatch(lhs, rhs).description
                == "shapes \(lhs) and \(rhs) cannot be broadcast")
    }

    @Test func largeElementwiseIsParallelAndExact() throws {
        let n = 1 << 19  // above the parallel threshold
        let x = try Tensor.randn([n], seed: 3)
        let y = try Tensor.randn([n], seed: 4)
        let sum = try x + y
        for i in stride(from: 0, to: n, by: 997) {
            #expect(sum.scalars[i] == x.scalars[i] + y.scalars[i])
        }
    }

    @Test func matmul2D() throws {
        let b = try Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        let c = try QuantEngine.matmul(a, b)
        #expect(c.shape == [2, 2])
        #expect(c.scalars == [58, 64, 139, 154])
    }

    @Test func matmulVectorCases() throws {
        let v = Tensor([1, 0, -1])
        let w = Tensor([2, 1])
        #expect(try QuantEngine.matmul(a, v).shape == [2])
        #expect(try QuantEngine.matmul(a, v).scalars == [-2, -2])
        #expect(try QuantEngine.matmul(w, a).shape == [3])
        #expect(try QuantEngine.matmul(w, a).scalars == [6, 9, 12])
        let dot = try QuantEngine.matmul(v, Tensor([4, 5, 6]))
        #expect(dot.shape == [])
        #expect(dot.scalarValue == -2)
    }

    @Test func matmulErrors() throws {
        #expect(throws: QuantEngineError.matmulMismatch([2, 3], [2, 3])) {
            try QuantEngine.matmul(a, a)
        }
        #expect(throws: QuantEngineError.self) {
            try QuantEngine.matmul(Tensor.zeros([2, 2, 2]), a)
        }
    }

    /// The documented order: Float32 accumulation in increasing k, checked against a naive loop.
    @Test func matmulSummationOrder() throws {
        let x = try Tensor.randn([37, 53], seed: 11)
        let y = try Tensor.randn([53, 29], seed: 12)
        let c = try QuantEngine.matmul(x, y)
        for i in [0, 17, 36] {
            for j in [0, 13, 28] {
                var sum: Float = 0
                for k in 0..<53 { sum += x.scalars[i * 53 + k] * y.scalars[k * 29 + j] }
                #expect(c.scalars[i * 29 + j].bitPattern == sum.bitPattern)
            }
        }
    }

    @Test func preview() throws {
        #expect(try Tensor.arange(4).reshaped([2, 2]).preview() == "[[0, 1],\n [2, 3]]")
        #expect(Tensor([0.012345, -0.0045, 1e-5, 123456]).preview() == "[0.01235, -0.0045, 1e-05, 1.235e+05]")
        #expect(Tensor(scalar: 2.5).preview() == "2.5")
        #expect(try Tensor.arange(10).preview(maxItems: 5, edgeItems: 2) == "[0, 1, …, 8, 9]")
        let cube = try Tensor.arange(8).reshaped([2, 2, 2])
        #expect(cube.preview() == "[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]")
        let big = try Tensor.arange(100).reshaped([10, 10])
        #expect(
            big.preview(maxItems: 20, edgeItems: 1)
                == "[[0, …, 9],\n …,\n [90, …, 99]]")
        #expect(Tensor([.nan, .infinity, -.infinity]).preview() == "[nan, inf, -inf]")
        #expect(Tensor([1, 2]).preview { "<\($0)>" } == "[<1.0>, <2.0>]")
    }
}
