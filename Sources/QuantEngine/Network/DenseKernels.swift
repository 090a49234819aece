/// The dense loops of the neural-network code: matrix products in one fixed order, the
/// `im2row` unfolding of a convolution and its adjoint.
///
/// Every product accumulates `c[i, j] += a[i, p] · b[p, j]` in Float32 for increasing `p`, each
/// product rounded before the addition (no fused multiply-add), so results are identical on
/// every machine. The inner loop runs over a contiguous row of `b` and `c` (the i-p-j order),
/// which the compiler vectorises without reassociating any sum. Rows may run concurrently;
/// that changes no element's order of operations.
enum DenseKernels {
    /// `c[m×n] = a[m×k] · b[k×n]` (or `c += a · b` when `accumulate`), all row-major.
    static func multiply(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int, accumulate: Bool = false
    ) {
        product(a, rowStride: k, depthStride: 1, b, into: c, m: m, k: k, n: n, accumulate: accumulate)
    }

    /// `c[m×n] = aᵀ · b` for `a` stored `[k×m]` and `b` stored `[k×n]` (or `c += …`): the
    /// gradient of a weight from a batch.
    static func multiplyTransposedLeft(
        _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
        m: Int, k: Int, n: Int, accumulate: Bool = false
    ) {
        product(a, rowStride: 1, depthStride: m, b, into: c, m: m, k: k, n: n, accumulate: accumulate)
    }

    /// The one product loop: `c[i, j] (+)= Σ_p a(i, p) · b[p, j]` with `a(i, p)` at
    /// `a[i · rowStride + p · depthStride]`, `p` in increasing order.
    @inline(__always)
    private static func product(
        _ a: UnsafePointer<Float>, rowStride: Int, depthStride: Int, _ b: UnsafePointer<Float>,
        into c: UnsafeMutablePointer<Float>, m: Int, k: Int, n: Int, accumulate: Bool
    ) {
        func row(_ i: Int) {
            let ci = c + i * n
            if !accumulate { ci.update(repeating: 0, count: n) }
            let ai = a + i * rowStride
            for p in 0..<k {
                let s = ai[p * depthStride]
                if s == 0 { continue }  // adds +0 · b: leaves c unchanged unless b holds inf/NaN
                let bp = b + p * n
                for j in 0..<n { ci[j] += s * bp[j] }
            }
        }
        if m > 1 && m * k * n >= 1 << 21 {
            Parallel.concurrentPerform(iterations: m, row)
        } else {
            for i in 0..<m { row(i) }
        }
    }

    /// `t[n×m] = aᵀ` for `a[m×n]`.
    static func transpose(_ a: UnsafePointer<Float>, into t: UnsafeMutablePointer<Float>, m: Int, n: Int) {
        for i in 0..<m {
            for j in 0..<n { t[j * m + i] = a[i * n + j] }
        }
    }

    /// The geometry of a 2-D convolution over one `[channels, height, width]` sample.
    struct ConvGeometry: Equatable, Sendable {
        let channels: Int
        let height: Int
        let width: Int
        let kernel: Int
        let stride: Int
        let padding: Int

        var outputHeight: Int { (height + 2 * padding - kernel) / stride + 1 }
        var outputWidth: Int { (width + 2 * padding - kernel) / stride + 1 }
        /// Output positions per channel.
        var positions: Int { outputHeight * outputWidth }
        /// Values under one kernel window: `channels · kernel²`.
        var windowSize: Int { channels * kernel * kernel }
    }

    /// `rows[P × C·k·k]`: row `p` holds the window under output position `p` (row-major over the
    /// output), ordered channel, kernel row, kernel column, as a `[O, C, k, k]` weight is; zero
    /// padding outside the image.
    static func im2row(_ x: UnsafePointer<Float>, _ g: ConvGeometry, into rows: UnsafeMutablePointer<Float>) {
        let window = g.windowSize
        for oy in 0..<g.outputHeight {
            for ox in 0..<g.outputWidth {
                let row = rows + (oy * g.outputWidth + ox) * window
                var w = 0
                for c in 0..<g.channels {
                    for ky in 0..<g.kernel {
                        let y = oy * g.stride + ky - g.padding
                        for kx in 0..<g.kernel {
                            let xx = ox * g.stride + kx - g.padding
                            row[w] =
                                (y >= 0 && y < g.height && xx >= 0 && xx < g.width)
                                ? x[(c * g.height + y) * g.width + xx] : 0
                            w += 1
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of `im2row`: adds every window value of `rows` back into `dx` (which the
    /// caller zeroes), positions in increasing order.
    static func row2im(_ rows: UnsafePointer<Float>, _ g: ConvGeometry, into dx: UnsafeMutablePointer<Float>) {
        let window = g.windowSize
        for oy in 0..<g.outputHeight {
            for ox in 0..<g.outputWidth {
                let row = rows + (oy * g.outputWidth + ox) * window
                var w = 0
                for c in 0..<g.channels {
                    for ky in 0..<g.kernel {
                        let y = oy * g.stride + ky - g.padding
                        for kx in 0..<g.kernel {
                            let xx = ox * g.stride + kx - g.padding
                            if y >= 0 && y < g.height && xx >= 0 && xx < g.width {
                                dx[(c * g.height + y) * g.width + xx] += row[w]
                            }
                            w += 1
                        }
                    }
                }
            }
        }
    }
}
