/// numpy broadcasting of two shapes: align them at the right; two dimensions are compatible when
/// they are equal or one of them is 1; the result takes the larger.
struct Broadcast {
    /// The broadcast result shape.
    let shape: [Int]
    /// Element count of `shape`.
    let count: Int
    /// Per result axis, the element stride into each operand (0 along broadcast axes).
    let lhsStrides: [Int]
    let rhsStrides: [Int]

    init(_ lhs: [Int], _ rhs: [Int]) throws(QuantEngineError) {
        let rank = Swift.max(lhs.count, rhs.count)
        let lhsPadded = [Int](repeating: 1, count: rank - lhs.count) + lhs
        let rhsPadded = [Int](repeating: 1, count: rank - rhs.count) + rhs
        var shape = [Int]()
        shape.reserveCapacity(rank)
        for axis in 0..<rank {
            let a = lhsPadded[axis]
            let b = rhsPadded[axis]
            guard a == b || a == 1 || b == 1 else { throw .broadcastMismatch(lhs, rhs) }
            shape.append(a == 1 ? b : a)
        }
        self.shape = shape
        self.count = try Shape.elementCount(shape)
        func strides(_ padded: [Int]) -> [Int] {
            let dense = Shape.strides(padded)
            return padded.indices.map { padded[$0] == 1 ? 0 : dense[$0] }
        }
        self.lhsStrides = strides(lhsPadded)
        self.rhsStrides = strides(rhsPadded)
    }

    /// Calls `body(lhsOffset, rhsOffset, outputOffset, length, lhsStep, rhsStep)` for each run
    /// along the innermost axis, in row-major order of the result.
    func forEachRow(_ body: (Int, Int, Int, Int, Int, Int) -> Void) {
        guard count > 0 else { return }
        let rank = shape.count
        if rank == 0 {
            body(0, 0, 0, 1, 0, 0)
            return
        }
        let inner = shape[rank - 1]
        let lhsStep = lhsStrides[rank - 1]
        let rhsStep = rhsStrides[rank - 1]
        var index = [Int](repeating: 0, count: rank)
        var lhsOffset = 0
        var rhsOffset = 0
        var output = 0
        while output < count {
            body(lhsOffset, rhsOffset, output, inner, lhsStep, rhsStep)
            output += inner
            // Odometer increment over the outer axes.
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                lhsOffset += lhsStrides[axis]
                rhsOffset += rhsStrides[axis]
                if index[axis] < shape[axis] { break }
                lhsOffset -= lhsStrides[axis] * shape[axis]
                rhsOffset -= rhsStrides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }
}
