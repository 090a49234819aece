/// Matrix products with numpy's `matmul` shape rules for 1-D and 2-D operands.
///
/// Summation order (fixed, so results are identical on every machine): each output element
/// `c[i, j] = Σ_k a[i, k] · b[k, j]` is accumulated in Float32, starting from `+0`, adding the
/// products in increasing `k`, each product rounded to Float32 before the addition (no fused
/// multiply-add). Rows of the output are computed concurrently for large products, which does not
/// change any element's order of operations.
public func matmul(_ a: Tensor, _ b: Tensor) throws(QuantEngineError) -> Tensor {
    guard (1...2).contains(a.rank), (1...2).contains(b.rank) else {
        let offending = (1...2).contains(a.rank) ? b.shape : a.shape
        throw .rankMismatch(operation: "matmul", expected: "1-D or 2-D tensors", shape: offending)
    }
    // numpy: a 1-D left operand is a row vector, a 1-D right operand a column vector, and the
    // added dimension is removed from the result.
    let m = a.rank == 2 ? a.shape[0] : 1
    let k = a.shape[a.rank - 1]
    let kB = b.shape[0]
    let n = b.rank == 2 ? b.shape[1] : 1
    guard k == kB else { throw .matmulMismatch(a.shape, b.shape) }
    var resultShape = [Int]()
    if a.rank == 2 { resultShape.append(m) }
    if b.rank == 2 { resultShape.append(n) }
    let count = try Shape.elementCount([m, n])
    let watch = EngineDeadline.Watch()
    let product = a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
            Tensor.build(shape: resultShape, count: count) { out in
                // Rows worth reading the clock for each (a clock read costs about 20 ns).
                let heavyRows = k * n >= 4096
                func row(_ i: Int) {
                    let c = UnsafeMutableBufferPointer(rebasing: out[(i * n)..<(i * n + n)])
                    for j in 0..<n { c[j] = 0 }
                    // A long product stops early when the cell's time runs out (the result is
                    // then thrown away).
                    if watch.isStopped || ((heavyRows || i & 63 == 0) && watch.expired()) { return }
                    // i-k-j order: for fixed (i, j) the products are still added in increasing k.
                    for p in 0..<k {
                        let scalar = x[i * k + p]
                        let bRow = p * n
                        for j in 0..<n { c[j] += scalar * y[bRow + j] }
                    }
                }
                let work = Double(m) * Double(k) * Double(n)
                if work >= Double(Parallel.threshold * 16) && m > 1 {
                    Parallel.concurrentPerform(iterations: m, row)
                } else {
                    for i in 0..<m { row(i) }
                }
            }
        }
    }
    try watch.check("matmul")
    return product
}
