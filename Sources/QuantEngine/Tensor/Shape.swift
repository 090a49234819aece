/// Shape arithmetic shared by every tensor operation: validated element counts and row-major
/// strides. All multiplication here is overflow-checked, because shapes come from notebooks.
enum Shape {
    /// The number of elements of `shape`, or a thrown error for a negative dimension, an
    /// overflowing product, too many dimensions or more than `Tensor.maxElementCount` elements.
    /// Unless `allocating` is false (the caller only inspects a shape), a tensor of that shape is
    /// about to be made: its Float32 buffer must also fit the memory budget.
    static func elementCount(_ shape: [Int], allocating: Bool = true) throws(QuantEngineError) -> Int {
        guard shape.count <= Tensor.maxRank else { throw .shapeTooLarge(shape: shape) }
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { throw .negativeDimension(shape: shape) }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { throw .shapeTooLarge(shape: shape) }
            count = product
        }
        // Checked after the loop so that a zero dimension anywhere makes the shape valid.
        guard count <= Tensor.maxElementCount else { throw .shapeTooLarge(shape: shape) }
        if allocating { try MemoryBudget.reserve(bytes: count * MemoryLayout<Float>.stride) }
        return count
    }

    /// Row-major strides (in elements) of a shape whose element count is already validated.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride &*= Swift.max(shape[axis], 1)
        }
        return strides
    }

    /// The element count as words for error messages; never throws, saturates on overflow.
    static func describeCount(_ shape: [Int]) -> String {
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            if overflow || dimension < 0 { return "an impossible number of" }
            count = product
        }
        return String(count)
    }
}
