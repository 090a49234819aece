/// The exact integer matrix product of two quantized matrices (ONNX `MatMulInteger`, gemmlowp):
/// `acc[i, j] = Σ_k (a[i, k] − z_a) · (b[k, j] − z_b[j])`, accumulated in Int32 without rounding.
///
/// - `a` (`[M, K]`, activations): 8-bit (or narrower) codes, signed or unsigned, quantized per
///   tensor with any zero point.
/// - `b` (`[K, N]`, weights): 8-bit (or narrower) codes, per tensor or per output channel
///   (`.perChannel(axis: 1)`, one scale per column); usually symmetric int8 (zero point 0), but
///   any zero points are handled.
///
/// Zero points are subtracted by the standard decomposition (Jacob et al. 2018, eq. 7):
///
///     acc[i, j] = Σ_k a·b − z_b[j] · Σ_k a[i, k] − z_a · Σ_k b[k, j] + K · z_a · z_b[j]
///
/// so the inner loop is a plain dot product of codes; the row and column sums come from packing.
///
/// Overflow bound: every product `(a − z_a)(b − z_b)` is at most `r_a · r_b` in magnitude, where
/// `r = max(z − qmin, qmax − z)` is the largest distance of a code from its zero point, so the
/// sum is exact whenever `K · r_a · r_b ≤ 2³¹ − 1`. For uint8 (or int8) activations with any zero
/// point (`r_a ≤ 255`) and symmetric int8 weights (`r_b ≤ 128`) that is `K · 255 · 128 ≤ 2³¹ − 1`,
/// i.e. `K ≤ 65 793`. Longer products are refused rather than wrapped.
///
/// The result is the same bits for any number of threads (`threads`, default all cores) and on
/// every processor: integer sums are exact, whatever their order.
///
/// - Throws: `rankMismatch` unless both are 2-D; `matmulMismatch` when the inner dimensions
///   differ; `unsupported` for codes wider than 8 bits, activations not quantized per tensor,
///   weights quantized per channel along axis 0 (the input axis) or per group;
///   `accumulatorOverflow` when `K` exceeds the bound above; `invalidArgument` for `threads < 1`.
public func matmul(
    _ a: QuantizedTensor, _ b: QuantizedTensor, threads: Int? = nil
) throws(QuantEngineError) -> AccumulatorTensor {
    let operation = "integer matmul"
    guard a.shape.count == 2 else {
        throw .rankMismatch(operation: operation, expected: "a 2-D [M, K] left operand", shape: a.shape)
    }
    guard b.shape.count == 2 else {
        throw .rankMismatch(operation: operation, expected: "a 2-D [K, N] right operand", shape: b.shape)
    }
    let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
    guard b.shape[0] == k else { throw .matmulMismatch(a.shape, b.shape) }
    try IntegerOperands.checkThreads(threads)
    let lhs = try IntegerOperands.activations(a, operation: operation)
    let rhs = try IntegerOperands.weights(b, channelAxis: 1, operation: operation)
    try IntegerOperands.checkDepth(k, lhs: a, rhs: b, operation: operation)
    _ = try Shape.elementCount([m, n])  // before packing anything

    let packedA = IntegerOperands.packRows(a.codes, rows: m, depth: k, threads: threads)
    let packedB = IntegerOperands.packColumns(b.codes, depth: k, columns: n, threads: threads)
    let values = try IntegerOperands.product(
        packedA, packedB, lhsZeroPoints: [Int32](repeating: lhs.zeroPoint, count: m),
        rhsZeroPoints: rhs.columnZeroPoints(columns: n), threads: threads, shape: [m, n])
    return AccumulatorTensor(
        shape: [m, n], values: values, inputScale: a.scale, weightScales: rhs.scales, channelAxis: 1)
}

/// Validation and plumbing shared by the integer matrix product and the convolutions.
enum IntegerOperands {
    /// The per-tensor parameters of the activations.
    struct Activations {
        let zeroPoint: Int32
    }

    /// The weights' scales and zero points: one, or one per output channel.
    struct Weights {
        let scales: [Float]
        let zeroPoints: [Int32]

        /// One zero point per output column (repeating a per-tensor one).
        func columnZeroPoints(columns: Int) -> [Int32] {
            zeroPoints.count == 1 ? [Int32](repeating: zeroPoints[0], count: columns) : zeroPoints
        }
    }

    static func checkThreads(_ threads: Int?) throws(QuantEngineError) {
        if let threads, threads < 1 {
            throw .invalidArgument("threads must be at least 1, got \(threads)")
        }
    }

    static func checkCodes(_ q: QuantizedTensor, role: String, operation: String) throws(QuantEngineError) {
        guard q.bits <= 8 else {
            throw .unsupported(
                "\(operation) needs 8-bit codes (int8 or uint8), but the \(role) have \(q.bits)-bit codes")
        }
    }

    static func activations(_ a: QuantizedTensor, operation: String) throws(QuantEngineError) -> Activations {
        try checkCodes(a, role: "activations", operation: operation)
        guard a.granularity == .perTensor, a.parameters.count == 1 else {
            throw .unsupported(
                "\(operation) needs activations quantized per tensor, got \(a.granularity) quantization")
        }
        return Activations(zeroPoint: Int32(a.zeroPoint))
    }

    /// - Parameter channelAxis: the weights' output axis (1 for `[K, N]`, 0 for `[Cout, Cin, …]`).
    static func weights(
        _ b: QuantizedTensor, channelAxis: Int, operation: String
    ) throws(QuantEngineError) -> Weights {
        try checkCodes(b, role: "weights", operation: operation)
        switch b.granularity {
        case .perTensor:
            break
        case .perChannel(let axis) where axis == channelAxis:
            break
        case .perChannel(let axis):
            throw .unsupported(
                "\(operation) needs per-channel weights along their output axis \(channelAxis) "
                    + "(shape \(b.shape)), got axis \(axis)")
        case .perGroup:
            throw .unsupported(
                "\(operation) needs weights quantized per tensor or per output channel, got \(b.granularity)")
        }
        return Weights(scales: b.scales, zeroPoints: b.zeroPoints.map { Int32($0) })
    }

    /// The largest distance of a code from a zero point on the grid: `max(z − qmin, qmax − z)`.
    static func reach(_ q: QuantizedTensor) -> Int {
        q.parameters.map { Swift.max($0.zeroPoint - $0.qmin, $0.qmax - $0.zeroPoint) }.max() ?? 0
    }

    /// Refuses reductions longer than `(2³¹ − 1) / (r_a · r_b)` (see `matmul(_:_:threads:)`).
    static func checkDepth(
        _ depth: Int, lhs: QuantizedTensor, rhs: QuantizedTensor, operation: String
    ) throws(QuantEngineError) {
        let perProduct = Swift.max(reach(lhs) * reach(rhs), 1)  // ≤ 255 · 255
        let limit = Int(Int32.max) / perProduct
        guard depth <= limit else { throw .accumulatorOverflow(operation: operation, depth: depth, limit: limit) }
    }

    /// Packs the `rows × depth` row-major codes as the left operand.
    static func packRows(
        _ codes: QuantizedCodes, rows: Int, depth: Int, threads: Int? = nil
    ) -> IntegerGEMM.PackedLHS {
        func pack<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) -> IntegerGEMM.PackedLHS {
            IntegerGEMM.PackedLHS(codes, rows: rows, depth: depth, rowStride: depth, threads: threads)
        }
        switch codes {
        case .int8(let values): return values.withUnsafeBufferPointer(pack)
        case .uint8(let values): return values.withUnsafeBufferPointer(pack)
        case .int16, .uint16: preconditionFailure("8-bit codes were checked")
        }
    }

    /// Packs the `depth × columns` row-major codes as the right operand.
    static func packColumns(
        _ codes: QuantizedCodes, depth: Int, columns: Int, threads: Int? = nil
    ) -> IntegerGEMM.PackedRHS {
        func pack<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>) -> IntegerGEMM.PackedRHS {
            IntegerGEMM.PackedRHS(codes, depth: depth, columns: columns, threads: threads)
        }
        switch codes {
        case .int8(let values): return values.withUnsafeBufferPointer(pack)
        case .uint8(let values): return values.withUnsafeBufferPointer(pack)
        case .int16, .uint16: preconditionFailure("8-bit codes were checked")
        }
    }

    /// The zero-point-corrected product of two packed operands, as a new array.
    static func product(
        _ a: IntegerGEMM.PackedLHS, _ b: IntegerGEMM.PackedRHS, lhsZeroPoints: [Int32], rhsZeroPoints: [Int32],
        threads: Int?, shape: [Int]
    ) throws(QuantEngineError) -> [Int32] {
        let count = try Shape.elementCount(shape)
        let watch = EngineDeadline.Watch()
        let values = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            if let base = out.baseAddress {
                Memory.adviseHugePages(UnsafeMutableRawPointer(base), byteCount: count * 4)
                product(
                    a, b, lhsZeroPoints: lhsZeroPoints, rhsZeroPoints: rhsZeroPoints, threads: threads, into: base,
                    rowStride: b.columns, watch: watch)
            }
            initialized = count
        }
        try watch.check("integer matmul")
        return values
    }

    /// Writes the zero-point-corrected `a.rows × b.columns` product at `c`, rows `rowStride`
    /// elements apart.
    static func product(
        _ a: IntegerGEMM.PackedLHS, _ b: IntegerGEMM.PackedRHS, lhsZeroPoints: [Int32], rhsZeroPoints: [Int32],
        threads: Int?, into c: UnsafeMutablePointer<Int32>, rowStride: Int, watch: EngineDeadline.Watch? = nil
    ) {
        let zeroPoints = IntegerGEMM.ZeroPoints(lhs: lhsZeroPoints, rhs: rhsZeroPoints)
        IntegerGEMM.multiply(
            a, b, into: c, rowStride: rowStride, threads: threads, zeroPoints: zeroPoints, watch: watch)
    }
}

extension IntegerGEMM {
    /// The zero points to subtract from a product: one per row of A and one per column of B.
    struct ZeroPoints {
        let lhs: [Int32]
        let rhs: [Int32]

        /// Whether any is non-zero (otherwise the raw product is already the answer).
        var matter: Bool { lhs.contains { $0 != 0 } || rhs.contains { $0 != 0 } }
    }

    /// Turns raw code products of `rows` into zero-point-corrected ones, in place:
    /// `c[i, j] += depth · z_a[i] · z_b[j] − z_b[j] · rowSums[i] − z_a[i] · columnSums[j]`, all in
    /// wrapping Int32 (exact, as the corrected value fits; see the type's notes).
    static func subtractZeroPoints(
        _ zeroPoints: ZeroPoints, rows: Range<Int>, _ a: PackedLHS, _ b: PackedRHS,
        _ c: UnsafeMutablePointer<Int32>, _ ldc: Int
    ) {
        let k = Int32(truncatingIfNeeded: a.depth)
        zeroPoints.rhs.withUnsafeBufferPointer { zb in
            b.columnSums.withUnsafeBufferPointer { columnSums in
                for i in rows {
                    let za = zeroPoints.lhs[i]
                    let rowTerm = k &* za &- a.rowSums[i]
                    let row = c + i * ldc
                    for j in 0..<b.columns {
                        row[j] = row[j] &+ rowTerm &* zb[j] &- za &* columnSums[j]
                    }
                }
            }
        }
    }
}
