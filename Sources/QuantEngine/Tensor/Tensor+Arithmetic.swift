/// Element-wise arithmetic in Float32 (IEEE binary32, round to nearest even on every operation,
/// as numpy's float32 ufuncs). Tensor–tensor operators follow numpy's broadcasting rules and
/// throw on incompatible shapes; division by zero gives ±infinity or NaN, as in numpy.
extension Tensor {
    public static func + (lhs: Tensor, rhs: Tensor) throws(QuantEngineError) -> Tensor {
        try binary(lhs, rhs, Add.self)
    }

    public static func - (lhs: Tensor, rhs: Tensor) throws(QuantEngineError) -> Tensor {
        try binary(lhs, rhs, Subtract.self)
    }

    public static func * (lhs: Tensor, rhs: Tensor) throws(QuantEngineError) -> Tensor {
        try binary(lhs, rhs, Multiply.self)
    }

    public static func / (lhs: Tensor, rhs: Tensor) throws(QuantEngineError) -> Tensor {
        try binary(lhs, rhs, Divide.self)
    }

    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.applying(Add.self, right: rhs) }
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.applying(Subtract.self, right: rhs) }
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.applying(Multiply.self, right: rhs) }
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.applying(Divide.self, right: rhs) }
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { rhs.applying(Add.self, left: lhs) }
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { rhs.applying(Subtract.self, left: lhs) }
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.applying(Multiply.self, left: lhs) }
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { rhs.applying(Divide.self, left: lhs) }

    /// Negation of every element (exact: flips the sign bit, so `-0` and NaN signs follow IEEE).
    public static prefix func - (operand: Tensor) -> Tensor {
        operand.applying(Subtract.self, left: -0.0)  // −0 − x == −x for every x, including ±0
    }

    /// The magnitude of every element.
    public func abs() -> Tensor {
        elementwise { x, out, range in
            for i in range { out[i] = Swift.abs(x[i]) }
        }
    }

    /// Every element limited to `[lower, upper]` (NaN stays NaN); `relu` is `clamped(lower: 0)`.
    ///
    /// - Throws: `invalidArgument` when `lower > upper` or a bound is NaN.
    public func clamped(lower: Float = -.infinity, upper: Float = .infinity) throws(QuantEngineError) -> Tensor {
        guard !lower.isNaN, !upper.isNaN, lower <= upper else {
            throw .invalidArgument("clamped needs lower ≤ upper, got \(lower) and \(upper)")
        }
        return elementwise { x, out, range in
            for i in range {
                let v = x[i]
                out[i] = v < lower ? lower : (v > upper ? upper : v)
            }
        }
    }

    /// `Op(x, scalar)` for every element.
    private func applying<Op: ElementwiseOperator>(_: Op.Type, right scalar: Float) -> Tensor {
        elementwise { x, out, range in
            for i in range { out[i] = Op.apply(x[i], scalar) }
        }
    }

    /// `Op(scalar, x)` for every element.
    private func applying<Op: ElementwiseOperator>(_: Op.Type, left scalar: Float) -> Tensor {
        elementwise { x, out, range in
            for i in range { out[i] = Op.apply(scalar, x[i]) }
        }
    }

    /// A tensor of the same shape whose elements `kernel` writes, chunk by chunk (in parallel
    /// for large tensors), from this tensor's elements.
    @inline(__always)
    private func elementwise(
        _ kernel: (UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>, Range<Int>) -> Void
    ) -> Tensor {
        withUnsafeBufferPointer { x in
            Tensor.build(shape: shape, count: count) { out in
                Parallel.forEachChunk(count: x.count) { range in kernel(x, out, range) }
            }
        }
    }

    /// A tensor of the same shape with `transform` applied to every element.
    ///
    /// Runs concurrently on large tensors, so `transform` must be a pure function of its argument.
    public func map(_ transform: (Float) -> Float) -> Tensor {
        withUnsafeBufferPointer { x in
            Tensor.build(shape: shape, count: count) { out in
                Parallel.forEachChunk(count: x.count) { range in
                    for i in range { out[i] = transform(x[i]) }
                }
            }
        }
    }

    /// Applies `Op` element-wise with numpy broadcasting.
    private static func binary<Op: ElementwiseOperator>(
        _ lhs: Tensor, _ rhs: Tensor, _: Op.Type
    ) throws(QuantEngineError) -> Tensor {
        if lhs.shape == rhs.shape {
            return lhs.withUnsafeBufferPointer { a in
                rhs.withUnsafeBufferPointer { b in
                    Tensor.build(shape: lhs.shape, count: lhs.count) { out in
                        Parallel.forEachChunk(count: out.count) { range in
                            for i in range { out[i] = Op.apply(a[i], b[i]) }
                        }
                    }
                }
            }
        }
        let broadcast = try Broadcast(lhs.shape, rhs.shape)
        return lhs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in
                Tensor.build(shape: broadcast.shape, count: broadcast.count) { out in
                    broadcast.forEachRow { aOffset, bOffset, outOffset, length, aStep, bStep in
                        switch (aStep, bStep) {
                        case (1, 1):
                            for j in 0..<length {
                                out[outOffset + j] = Op.apply(a[aOffset + j], b[bOffset + j])
                            }
                        case (1, _):
                            let y = b[bOffset]
                            for j in 0..<length { out[outOffset + j] = Op.apply(a[aOffset + j], y) }
                        case (_, 1):
                            let x = a[aOffset]
                            for j in 0..<length { out[outOffset + j] = Op.apply(x, b[bOffset + j]) }
                        default:
                            let value = Op.apply(a[aOffset], b[bOffset])
                            for j in 0..<length { out[outOffset + j] = value }
                        }
                    }
                }
            }
        }
    }
}

/// A binary Float32 operation, as a type so that the broadcasting loops specialise per operation.
protocol ElementwiseOperator {
    static func apply(_ a: Float, _ b: Float) -> Float
}

enum Add: ElementwiseOperator {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
}

enum Subtract: ElementwiseOperator {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
}

enum Multiply: ElementwiseOperator {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
}

enum Divide: ElementwiseOperator {
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
}
