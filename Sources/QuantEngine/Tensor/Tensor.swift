/// An n-dimensional array of `Float` (IEEE binary32) in contiguous row-major order.
///
/// `Tensor` is a value type: copies share storage until one of them is mutated (Array's
/// copy-on-write), so passing tensors around in the cell language is cheap and never aliases.
/// A tensor with `shape == []` is a scalar holding one element; a dimension of size 0 gives an
/// empty tensor. Every initialiser validates its shape and throws `QuantEngineError` instead of
/// trapping, because shapes come from notebooks.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    /// The most elements a tensor may have (2^34, 64 GiB of Float32): a guard against absurd
    /// shapes, far above any memory budget the runner allows. The runner enforces the real budget.
    public static let maxElementCount = 1 << 34
    /// The most dimensions a tensor may have (numpy's limit).
    public static let maxRank = 64

    /// The size of each dimension, outermost first. `[]` for a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major (C) order; `scalars.count == shape.reduce(1, *)`.
    public private(set) var scalars: [Float]

    /// A tensor of the given shape holding `scalars` in row-major order.
    ///
    /// - Throws: `QuantEngineError` when a dimension is negative, the shape is too large or the
    ///   number of values is not the product of the shape.
    public init(shape: [Int], scalars: [Float]) throws(QuantEngineError) {
        // The values exist already: only the shape is checked, not the memory budget.
        let count = try Shape.elementCount(shape, allocating: false)
        guard count == scalars.count else {
            throw .elementCountMismatch(shape: shape, count: scalars.count)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A one-dimensional tensor of the given values (shape `[values.count]`).
    public init(_ scalars: [Float]) {
        self.shape = [scalars.count]
        self.scalars = scalars
    }

    /// A rank-0 tensor (shape `[]`) holding one value.
    public init(scalar: Float) {
        self.shape = []
        self.scalars = [scalar]
    }

    /// Internal initialiser for results whose shape and count are correct by construction.
    init(validatedShape shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, &*) == scalars.count, "tensor shape/count invariant broken")
        self.shape = shape
        self.scalars = scalars
    }

    /// The validated element count of `shape`, without allocating anything: lets callers check a
    /// memory budget before building a tensor.
    public static func elementCount(of shape: [Int]) throws(QuantEngineError) -> Int {
        try Shape.elementCount(shape)
    }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The numpy-like `preview()` of the elements.
    public var description: String { preview() }

    /// The number of dimensions (0 for a scalar).
    public var rank: Int { shape.count }

    /// The single value of a tensor with exactly one element (any rank), else `nil`.
    public var scalarValue: Float? { scalars.count == 1 ? scalars[0] : nil }

    /// Calls `body` with the elements in row-major order, without copying.
    public func withUnsafeBufferPointer<R>(
        _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try scalars.withUnsafeBufferPointer(body)
    }

    /// Builds a tensor of a validated shape by letting `body` initialise every element in place,
    /// without first zero-filling the storage.
    static func build(
        shape: [Int],
        count: Int,
        _ body: (UnsafeMutableBufferPointer<Float>) -> Void
    ) -> Tensor {
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            Memory.adviseHugePages(
                UnsafeMutableRawPointer(buffer.baseAddress), byteCount: count * MemoryLayout<Float>.stride)
            body(buffer)
            initialized = count
        }
        return Tensor(validatedShape: shape, scalars: scalars)
    }
}
