import QuantEngine
import Testing

@Suite("Tensor construction and shape")
struct TensorTests {
    @Test func initValidatesCount() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(t.shape == [2, 3])
        #expect(t.count == 6)
        #expect(t.rank == 2)
        #expect(throws: QuantEngineError.elementCountMismatch(shape: [2, 3], count: 5)) {
            try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5])
        }
    }

    @Test func scalarTensor() throws {
        let t = try Tensor(shape: [], scalars: [4.5])
        #expect(t.rank == 0)
        #expect(t.count == 1)
        #expect(t.scalarValue == 4.5)
        #expect(Tensor(scalar: 2).shape == [])
    }

    @Test(arguments: [
        ([-1, 3], QuantEngineError.negativeDimension(shape: [-1, 3])),
        ([Int.max, 2], QuantEngineError.shapeTooLarge(shape: [Int.max, 2])),
        ([1 << 20, 1 << 20], QuantEngineError.shapeTooLarge(shape: [1 << 20, 1 << 20])),
        (Array(repeating: 1, count: 65), QuantEngineError.shapeTooLarge(shape: Array(repeating: 1, count: 65))),
    ])
    func absurdShapesThrow(shape: [Int], expected: QuantEngineError) {
        #expect(throws: expected) { try Tensor.zeros(shape) }
        #expect(throws: expected) { try Tensor.elementCount(of: shape) }
    }

    @Test func zeroSizedDimensionIsEmpty() throws {
        let t = try Tensor.zeros([0, 5])
        #expect(t.count == 0)
        #expect(t.shape == [0, 5])
        // A zero dimension makes an otherwise overflowing shape valid, as in numpy.
        #expect(try Tensor.elementCount(of: [0, Int.max, Int.max]) == 0)
    }

    @Test func constantConstructors() throws {
        #expect(try Tensor.zeros([2, 2]).scalars == [0, 0, 0, 0])
        #expect(try Tensor.ones([3]).scalars == [1, 1, 1])
        #expect(try Tensor.full([2], value: -7.5).scalars == [-7.5, -7.5])
    }

    @Test func reshape() throws {
        let t = try Tensor.arange(12)
        #expect(try t.reshaped([3, 4]).shape == [3, 4])
        #expect(try t.reshaped([2, -1, 3]).shape == [2, 2, 3])
        #expect(try t.reshaped([-1]).shape == [12])
        #expect(try t.reshaped([3, 4]).scalars == t.scalars)
        #expect(throws: QuantEngineError.invalidReshape(from: [12], to: [5, -1])) {
            try t.reshaped([5, -1])
        }
        #expect(throws: QuantEngineError.invalidReshape(from: [12], to: [-1, -1])) {
            try t.reshaped([-1, -1])
        }
        #expect(throws: QuantEngineError.invalidReshape(from: [12], to: [5, 2])) {
            try t.reshaped([5, 2])
        }
        #expect(throws: QuantEngineError.negativeDimension(shape: [-2, -6])) {
            try t.reshaped([-2, -6])
        }
        #expect(try t.reshaped([3, 4]).flattened.shape == [12])
    }

    @Test func transpose() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let u = try t.transposed()
        #expect(u.shape == [3, 2])
        #expect(u.scalars == [1, 4, 2, 5, 3, 6])
        #expect(try u.transposed() == t)
        let big = try Tensor.arange(70 * 45).reshaped([70, 45])
        let bigT = try big.transposed()
        for (r, c) in [(0, 0), (69, 44), (33, 40), (5, 31)] {
            #expect(bigT.scalars[c * 70 + r] == big.scalars[r * 45 + c])
        }
        #expect(
            throws: QuantEngineError.rankMismatch(
                operation: "transposed()", expected: "a 2-D tensor", shape: [2, 2, 2])
        ) { try Tensor.zeros([2, 2, 2]).transposed() }
    }

    @Test func subscriptAlongFirstAxis() throws {
        let t = try Tensor.arange(24).reshaped([2, 3, 4])
        let first = try t[1]
        #expect(first.shape == [3, 4])
        #expect(first.scalars == (12..<24).map(Float.init))
        let row = try first[2]
        #expect(row.scalars == [20, 21, 22, 23])
        let element = try row[3]
        #expect(element.shape == [])
        #expect(element.scalarValue == 23)
    }

    @Test(arguments: [3, -1, 100, Int.min])
    func subscriptOutOfRangeThrows(index: Int) throws {
        let t = try Tensor.zeros([3, 2])
        #expect(throws: QuantEngineError.indexOutOfRange(index: index, axis: 0, size: 3)) {
            try t[index]
        }
    }

    @Test func subscriptOfScalarThrows() {
        #expect(throws: QuantEngineError.self) { try Tensor(scalar: 1)[0] }
    }

    @Test func linspaceMatchesNumpy() throws {
        for c in NumpyReference.shared.linspace {
            let t = try Tensor.linspace(c.lo, c.hi, count: c.count)
            #expect(t.scalars.map(\.bitPattern) == c.values, "linspace(\(c.lo), \(c.hi), \(c.count))")
        }
        let t = try Tensor.linspace(-4, 4, count: 101)
        #expect(t.scalars.last == 4)
        #expect(throws: QuantEngineError.self) { try Tensor.linspace(0, 1, count: -1) }
    }

    @Test func arangeMatchesNumpy() throws {
        for c in NumpyReference.shared.arange {
            let t = try Tensor.arange(c.start, c.stop, step: c.step)
            #expect(t.scalars.map(\.bitPattern) == c.values, "arange(\(c.start), \(c.stop), \(c.step))")
        }
        #expect(throws: QuantEngineError.invalidArgument("arange: step must not be zero")) {
            try Tensor.arange(0, 1, step: 0)
        }
    }

    @Test func valueSemantics() throws {
        let a = try Tensor.ones([4])
        var b = a
        b = b * 3
        #expect(a.scalars == [1, 1, 1, 1])
        #expect(b.scalars == [3, 3, 3, 3])
    }

    @Test func errorMessagesReadWell() {
        #expect(QuantEngineError.invalidBits(40).description == "bits must be between 2 and 16, got 40")
        #expect(
            QuantEngineError.broadcastMismatch([3, 4], [4, 3]).description
                == "shapes [3, 4] and [4, 3] cannot be broadcast")
        #expect(
            QuantEngineError.indexOutOfRange(index: 5, axis: 0, size: 3).description
                == "index 5 is out of range for axis 0 of size 3")
        #expect(
            QuantEngineError.nonFiniteValue(index: 17, kind: .nan).description
                == "input contains NaN at index 17")
        #expect(
            QuantEngineError.nonFiniteValue(index: 2, kind: .negativeInfinity).description
                == "input contains -inf at index 2")
        #expect(
            QuantEngineError.elementCountMismatch(shape: [2, 3], count: 5).description
                == "shape [2, 3] needs 6 values, got 5")
    }
}
