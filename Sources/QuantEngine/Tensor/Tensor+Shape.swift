/// Shape manipulation: reshaping, transposing, flattening and indexing along the first axis.
/// None of these change element values; all validate their arguments and throw instead of trapping.
extension Tensor {
    /// The same elements in a new shape (row-major order is kept, as numpy's `reshape`).
    ///
    /// One dimension may be `-1`; it is inferred from the element count.
    /// - Throws: `QuantEngineError.invalidReshape` when the counts differ, more than one `-1` is
    ///   given or the inferred dimension is not a whole number; `.negativeDimension` for other
    ///   negative sizes.
    public func reshaped(_ newShape: [Int]) throws(QuantEngineError) -> Tensor {
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        guard inferred.count <= 1 else { throw .invalidReshape(from: shape, to: newShape) }
        var resolved = newShape
        if let axis = inferred.first {
            var known = newShape
            known[axis] = 1
            let partial = try Shape.elementCount(known, allocating: false)
            guard partial > 0, count % partial == 0 else {
                throw .invalidReshape(from: shape, to: newShape)
            }
            resolved[axis] = count / partial
        }
        guard try Shape.elementCount(resolved, allocating: false) == count else {
            throw .invalidReshape(from: shape, to: newShape)
        }
        return Tensor(validatedShape: resolved, scalars: scalars)
    }

    /// The elements as a one-dimensional tensor of shape `[count]`.
    public var flattened: Tensor { Tensor(validatedShape: [count], scalars: scalars) }

    /// The matrix transpose of a 2-D tensor.
    ///
    /// - Throws: `QuantEngineError.rankMismatch` for any other rank.
    public func transposed() throws(QuantEngineError) -> Tensor {
        guard rank == 2 else {
            throw .rankMismatch(operation: "transposed()", expected: "a 2-D tensor", shape: shape)
        }
        let rows = shape[0]
        let columns = shape[1]
        return withUnsafeBufferPointer { x in
            Tensor.build(shape: [columns, rows], count: count) { out in
                // Tiles of 32×32 keep both the reads and the writes within cache lines.
                let tile = 32
                for rowStart in stride(from: 0, to: rows, by: tile) {
                    for columnStart in stride(from: 0, to: columns, by: tile) {
                        for r in rowStart..<Swift.min(rowStart + tile, rows) {
                            for c in columnStart..<Swift.min(columnStart + tile, columns) {
                                out[c * rows + r] = x[r * columns + c]
                            }
                        }
                    }
                }
            }
        }
    }

    /// The sub-tensor at `index` along the first axis (rank one lower; a scalar for a vector).
    ///
    /// - Throws: `QuantEngineError.indexOutOfRange` unless `0 <= index < shape[0]`;
    ///   `.rankMismatch` for a scalar.
    public subscript(index: Int) -> Tensor {
        get throws(QuantEngineError) {
            guard let size = shape.first else {
                throw .rankMismatch(
                    operation: "subscript", expected: "a tensor of rank 1 or more", shape: shape)
            }
            guard index >= 0, index < size else {
                throw .indexOutOfRange(index: index, axis: 0, size: size)
            }
            let innerShape = Array(shape.dropFirst())
            let inner = size == 0 ? 0 : count / size
            let start = index * inner
            return Tensor(validatedShape: innerShape, scalars: Array(scalars[start..<(start + inner)]))
        }
    }
}
