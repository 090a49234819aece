import CQuantKernels

/// The 8-bit integer GEMM behind `matmul(_:_:)` on quantized tensors and the integer
/// convolutions: `C[i, j] = Σ_k A[i, k] · B[k, j]` over the raw codes, accumulated in Int32.
///
/// Zero points are not applied here; callers subtract them afterwards from the row sums of A and
/// the column sums of B that packing records (see `IntegerMatMul.swift`), so the inner loop is a
/// plain dot product of codes.
///
/// Layout (as in gemmlowp and MLAS): both operands are widened to Int16 once, while packing, so
/// that the inner loop is the `pmaddwd` pattern — 16-bit products summed in pairs into 32-bit
/// lanes. A is packed in blocks of `rowBlock` rows, each storing for every pair of depths
/// `(2p, 2p + 1)` the rows' two codes side by side; B in panels of `panelWidth` columns, each
/// storing for every pair of depths the columns' two codes side by side. One pair of A codes
/// broadcast across a vector of B pairs then yields `panelWidth` column sums in one multiply-add
/// per vector. An odd depth and ragged edges are padded with zero codes, which add nothing.
///
/// Exactness: `pmaddwd` on 8-bit codes cannot overflow (|2 · 255 · 255| < 2³¹) and every
/// further addition is wrapping Int32 addition (`&+`), which is exact modulo 2³²; callers check
/// that the zero-point-corrected result fits in Int32, so every intermediate wrap cancels. As
/// integer addition is associative, the result is the same bits for any blocking and any number
/// of threads.
enum IntegerGEMM {
    /// Rows per packed block of A (the micro-kernels handle 3 or 6 rows).
    static let rowBlock = 6
    /// Columns per packed panel of B.
    static let panelWidth = 16
    /// Depth pairs per cache block: a B micro-panel of 256 pairs is 16 KiB (stays in L1 while the
    /// rows of a chunk stream past it); an A block of a chunk is 48 KiB (stays in L2).
    static let depthBlockPairs = 256
    /// Rows per unit of parallel work (a multiple of `rowBlock`); fixed, so the split depends
    /// only on the shape.
    static let rowChunk = 48

    // MARK: Packed operands

    /// Zero-filled, 64-byte aligned storage for packed codes.
    final class Buffer: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Int16>
        let count: Int

        init(count: Int) {
            self.count = Swift.max(count, 1)
            let raw = UnsafeMutableRawPointer.allocate(
                byteCount: self.count * MemoryLayout<Int16>.stride, alignment: 64)
            pointer = raw.bindMemory(to: Int16.self, capacity: self.count)
            pointer.initialize(repeating: 0, count: self.count)
        }

        deinit { pointer.deallocate() }
    }

    /// A (`rows × depth`) packed in blocks of `rowBlock` rows, with the sum of each row's codes.
    struct PackedLHS: @unchecked Sendable {
        let rows: Int
        let depth: Int
        let pairs: Int
        let blocks: Int
        let buffer: Buffer
        let rowSums: [Int32]

        /// Packs the `rows × depth` matrix whose row `i` starts at `source[i · rowStride]`, on
        /// at most `threads` threads (`nil`: all cores).
        init<Code: FixedWidthInteger>(
            _ source: UnsafeBufferPointer<Code>, rows: Int, depth: Int, rowStride: Int, threads: Int? = nil
        ) {
            self.rows = rows
            self.depth = depth
            let pairs = (depth + 1) / 2
            let blocks = (rows + rowBlock - 1) / rowBlock
            self.pairs = pairs
            self.blocks = blocks
            let buffer = Buffer(count: blocks * pairs * rowBlock * 2)
            var sums = [Int32](repeating: 0, count: rows)
            sums.withUnsafeMutableBufferPointer { sums in
                // Block b holds, for every depth pair p, the word (two codes) of row r at p·6 + r.
                let grain = Swift.max(1, (1 << 16) / Swift.max(depth * rowBlock, 1))
                forEachRange(count: blocks, grain: grain, threads: threads) { range in
                    for i in (range.lowerBound * rowBlock)..<Swift.min(range.upperBound * rowBlock, rows) {
                        let words = UnsafeMutableRawPointer(
                            buffer.pointer + (i / rowBlock) * pairs * rowBlock * 2 + (i % rowBlock) * 2)
                        sums[i] = packPairs(
                            UnsafeBufferPointer(rebasing: source[(i * rowStride)..<(i * rowStride + depth)]),
                            into: words, stride: rowBlock * 4)
                    }
                }
            }
            self.buffer = buffer
            rowSums = sums
        }
    }

    /// B (`depth × columns`) packed in panels of `panelWidth` columns, with the sum of each
    /// column's codes.
    struct PackedRHS: @unchecked Sendable {
        let depth: Int
        let columns: Int
        let pairs: Int
        let panels: Int
        let buffer: Buffer
        let columnSums: [Int32]

        /// Packs the `depth × columns` matrix whose rows `fill(k, row)` writes into a scratch row
        /// of `columns` codes (a plain copy for a matrix, an im2col gather for a convolution).
        /// `fill` may be called concurrently (on at most `threads` threads, `nil`: all cores) for
        /// different rows, each with its own scratch row.
        init<Code: FixedWidthInteger>(
            depth: Int, columns: Int, of _: Code.Type, threads: Int? = nil,
            fill: (Int, UnsafeMutableBufferPointer<Code>) -> Void
        ) {
            self.depth = depth
            self.columns = columns
            let pairs = (depth + 1) / 2
            let panels = (columns + panelWidth - 1) / panelWidth
            self.pairs = pairs
            self.panels = panels
            let buffer = Buffer(count: panels * pairs * panelWidth * 2)
            // Pairs are packed in fixed ranges (concurrently when large), each range summing its
            // columns apart; the partial sums are then added (exact, in any order).
            let grain = Swift.max(1, (1 << 16) / Swift.max(2 * columns, 1))
            let ranges = (pairs + grain - 1) / grain
            var partials = [Int32](repeating: 0, count: ranges * columns)
            partials.withUnsafeMutableBufferPointer { partials in
                forEachRange(count: pairs, grain: grain, threads: threads) { range in
                    let scratch = UnsafeMutableBufferPointer<Code>.allocate(capacity: 2 * Swift.max(columns, 1))
                    defer { scratch.deallocate() }
                    scratch.initialize(repeating: 0)
                    let even = UnsafeMutableBufferPointer(rebasing: scratch[0..<columns])
                    let odd = UnsafeMutableBufferPointer(rebasing: scratch[columns..<(2 * columns)])
                    let sums = UnsafeMutableBufferPointer(
                        rebasing: partials[
                            (range.lowerBound / grain * columns)..<(range.lowerBound / grain * columns + columns)])
                    for p in range {
                        fill(2 * p, even)
                        if 2 * p + 1 < depth {
                            fill(2 * p + 1, odd)
                        } else {
                            odd.update(repeating: 0)  // an odd depth: the last pair's second code is 0
                        }
                        for panel in 0..<panels {
                            let j0 = panel * panelWidth
                            let words = UnsafeMutableRawPointer(buffer.pointer + (panel * pairs + p) * panelWidth * 2)
                            if columns - j0 >= panelWidth {
                                // A full panel: a fixed trip count, which LLVM vectorises.
                                interleave(even, odd, from: j0, count: panelWidth, into: words, sums: sums)
                            } else {
                                interleave(even, odd, from: j0, count: columns - j0, into: words, sums: sums)
                            }
                        }
                    }
                }
            }
            var sums = [Int32](repeating: 0, count: columns)
            for r in 0..<ranges {
                for j in 0..<columns { sums[j] &+= partials[r * columns + j] }
            }
            self.buffer = buffer
            columnSums = sums
        }

        /// Packs the row-major `depth × columns` matrix in `source`.
        init<Code: FixedWidthInteger>(
            _ source: UnsafeBufferPointer<Code>, depth: Int, columns: Int, threads: Int? = nil
        ) {
            self.init(depth: depth, columns: columns, of: Code.self, threads: threads) { k, row in
                _ = row.update(fromContentsOf: source[(k * columns)..<(k * columns + columns)])
            }
        }
    }

    /// Writes `count` pair words `(even[j], odd[j])` for `j = from ..< from + count` to `words` and
    /// adds both codes to `sums[j]`.
    @inline(__always)
    static func interleave<Code: FixedWidthInteger>(
        _ even: UnsafeMutableBufferPointer<Code>, _ odd: UnsafeMutableBufferPointer<Code>, from j0: Int, count: Int,
        into words: UnsafeMutableRawPointer, sums: UnsafeMutableBufferPointer<Int32>
    ) {
        for jj in 0..<count {
            let (lo, hi) = (Int32(truncatingIfNeeded: even[j0 + jj]), Int32(truncatingIfNeeded: odd[j0 + jj]))
            words.storeBytes(of: pairWord(lo, hi), toByteOffset: jj * 4, as: UInt32.self)
            sums[j0 + jj] &+= lo &+ hi
        }
    }

    /// Two codes as one little-endian 32-bit word: `lo` in the low half, `hi` in the high half.
    @inline(__always)
    static func pairWord(_ lo: Int32, _ hi: Int32) -> UInt32 {
        UInt32(UInt16(truncatingIfNeeded: lo)) | UInt32(UInt16(truncatingIfNeeded: hi)) << 16
    }

    /// Writes the codes of `row` as pair words, one every `stride` bytes from `words`, and
    /// returns their sum (a final odd code is paired with 0).
    @inline(__always)
    static func packPairs<Code: FixedWidthInteger>(
        _ row: UnsafeBufferPointer<Code>, into words: UnsafeMutableRawPointer, stride: Int
    ) -> Int32 {
        var sum: Int32 = 0
        let full = row.count / 2
        for p in 0..<full {
            let (lo, hi) = (Int32(truncatingIfNeeded: row[2 * p]), Int32(truncatingIfNeeded: row[2 * p + 1]))
            words.storeBytes(of: pairWord(lo, hi), toByteOffset: p * stride, as: UInt32.self)
            sum &+= lo &+ hi
        }
        if row.count % 2 == 1 {
            let lo = Int32(truncatingIfNeeded: row[row.count - 1])
            words.storeBytes(of: pairWord(lo, 0), toByteOffset: full * stride, as: UInt32.self)
            sum &+= lo
        }
        return sum
    }

    /// Calls `body` on consecutive ranges of `grain` items covering `0..<count`, on at most
    /// `threads` threads (`nil`: all cores). The ranges depend only on `count` and `grain`.
    static func forEachRange(count: Int, grain: Int, threads: Int?, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let ranges = (count + grain - 1) / grain
        parallelFor(ranges, threads: threads) { r in body((r * grain)..<Swift.min((r + 1) * grain, count)) }
    }

    /// Calls `body(0)`, …, `body(iterations − 1)` on at most `threads` threads (`nil`: as many as
    /// the system offers); inline when there is one iteration or one thread.
    static func parallelFor(_ iterations: Int, threads: Int?, _ body: (Int) -> Void) {
        let limit = threads ?? Int.max
        if iterations <= 1 || limit <= 1 {
            for i in 0..<iterations { body(i) }
        } else if limit >= iterations {
            Parallel.concurrentPerform(iterations: iterations, body)
        } else {
            // Thread t takes iterations t, t + limit, …; the work of each iteration is the same
            // whatever the thread count.
            Parallel.concurrentPerform(iterations: limit) { thread in
                for i in stride(from: thread, to: iterations, by: limit) { body(i) }
            }
        }
    }

    // MARK: Driver

    /// `c[i · ldc + j] = Σ_k A[i, k] · B[k, j]` (wrapping Int32) for the whole product, using at
    /// most `threads` threads (`nil`: as many as the system offers).
    /// Chunks are skipped once `watch` reports the cell's deadline passed; the caller checks it.
    static func multiply(
        _ a: PackedLHS, _ b: PackedRHS, into c: UnsafeMutablePointer<Int32>, rowStride ldc: Int,
        threads: Int? = nil, kernel: Kernel = .best, zeroPoints: ZeroPoints? = nil,
        watch: EngineDeadline.Watch? = nil
    ) {
        precondition(a.depth == b.depth, "packed operands of different depth")
        let rows = a.rows
        let columns = b.columns
        guard rows > 0, columns > 0 else { return }
        let correction = zeroPoints.flatMap { $0.matter ? $0 : nil }
        let chunks = (rows + rowChunk - 1) / rowChunk
        // Small products are not worth waking threads for.
        let work = Double(rows) * Double(columns) * Double(a.depth)
        parallelFor(chunks, threads: work < 0x1p21 ? 1 : threads) { chunk in
            if let watch, watch.expired() { return }
            multiplyChunk(chunk, a, b, c, ldc, kernel, correction)
        }
    }

    /// Rows `chunk · rowChunk ..< (chunk + 1) · rowChunk` of the product, blocked over depth, then
    /// corrected for zero points while they are still in cache.
    private static func multiplyChunk(
        _ chunk: Int, _ a: PackedLHS, _ b: PackedRHS, _ c: UnsafeMutablePointer<Int32>, _ ldc: Int,
        _ kernel: Kernel, _ zeroPoints: ZeroPoints?
    ) {
        let firstBlock = chunk * (rowChunk / rowBlock)
        let lastBlock = Swift.min(firstBlock + rowChunk / rowBlock, a.blocks)
        let rows = (chunk * rowChunk)..<Swift.min((chunk + 1) * rowChunk, a.rows)
        if a.pairs == 0 {
            for i in rows { (c + i * ldc).update(repeating: 0, count: b.columns) }
        }
        defer {
            if let zeroPoints { subtractZeroPoints(zeroPoints, rows: rows, a, b, c, ldc) }
        }
        var tile = [Int32](repeating: 0, count: rowBlock * panelWidth)
        tile.withUnsafeMutableBufferPointer { tile in
            guard let tile = tile.baseAddress else { return }
            var p0 = 0
            while p0 < a.pairs {
                let depthPairs = Swift.min(depthBlockPairs, a.pairs - p0)
                let accumulate = p0 > 0
                for panel in 0..<b.panels {
                    let bPanel = UnsafePointer(b.buffer.pointer + (panel * b.pairs + p0) * panelWidth * 2)
                    let j0 = panel * panelWidth
                    let width = Swift.min(panelWidth, b.columns - j0)
                    for block in firstBlock..<lastBlock {
                        let aBlock = UnsafePointer(a.buffer.pointer + (block * a.pairs + p0) * rowBlock * 2)
                        let i0 = block * rowBlock
                        let height = Swift.min(rowBlock, a.rows - i0)
                        if height == rowBlock && width == panelWidth {
                            kernel(aBlock, bPanel, depthPairs, c + i0 * ldc + j0, ldc, accumulate)
                        } else {
                            // A ragged edge: compute the full tile aside, keep the valid part.
                            if accumulate {
                                for r in 0..<height {
                                    for j in 0..<width { tile[r * panelWidth + j] = c[(i0 + r) * ldc + j0 + j] }
                                }
                            }
                            kernel(aBlock, bPanel, depthPairs, tile, panelWidth, accumulate)
                            for r in 0..<height {
                                for j in 0..<width { c[(i0 + r) * ldc + j0 + j] = tile[r * panelWidth + j] }
                            }
                        }
                    }
                }
                p0 += depthPairs
            }
        }
    }

}

extension IntegerGEMM {
    /// The 6 × 16 micro-kernels. All compute the same wrapping Int32 sums, so results never
    /// depend on the processor.
    enum Kernel: Sendable, CaseIterable {
        /// Portable Swift (SSE2 `pmaddwd` on x86-64).
        case portable
        /// `CQuantKernels`' AVX2 kernel (`vpmaddwd` on 256-bit vectors).
        case avx2

        /// The fastest kernel this processor runs (checked once).
        static let best: Kernel = qnb_cpu_has_avx2() != 0 ? .avx2 : .portable

        /// The kernels this processor runs.
        static var available: [Kernel] { best == .avx2 ? [.portable, .avx2] : [.portable] }

        @inline(__always)
        func callAsFunction(
            _ a: UnsafePointer<Int16>, _ b: UnsafePointer<Int16>, _ pairs: Int, _ c: UnsafeMutablePointer<Int32>,
            _ ldc: Int, _ accumulate: Bool
        ) {
            switch self {
            case .portable: kernel6x16(a, b, pairs, c, ldc, accumulate)
            case .avx2: qnb_gemm_kernel_6x16_avx2(a, b, pairs, c, ldc, accumulate ? 1 : 0)
            }
        }
    }

    /// Eight 16-bit products summed in adjacent pairs into four 32-bit lanes — the exact
    /// pattern LLVM turns into one SSE2 `pmaddwd`.
    @inline(__always)
    static func multiplyAddPairs(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        // Spelled out lane by lane: the generic `SIMD8<Int32>(truncatingIfNeeded:)` is not always
        // inlined, and then no `pmaddwd` is formed.
        let x = SIMD8<Int32>(
            Int32(a[0]), Int32(a[1]), Int32(a[2]), Int32(a[3]), Int32(a[4]), Int32(a[5]), Int32(a[6]), Int32(a[7]))
        let y = SIMD8<Int32>(
            Int32(b[0]), Int32(b[1]), Int32(b[2]), Int32(b[3]), Int32(b[4]), Int32(b[5]), Int32(b[6]), Int32(b[7]))
        let p = x &* y
        return SIMD4(p[0], p[2], p[4], p[6]) &+ SIMD4(p[1], p[3], p[5], p[7])
    }

    /// One 32-bit word (two Int16 codes) repeated across a vector.
    @inline(__always)
    static func broadcastPair(_ word: Int32) -> SIMD8<Int16> {
        unsafeBitCast(SIMD4<Int32>(repeating: word), to: SIMD8<Int16>.self)
    }

    /// The portable kernel: SSE2-width vectors (`pmaddwd` on x86-64), run as two 3 × 16 halves so
    /// that its twelve accumulators and the B vectors fit in sixteen registers.
    /// Multiplies one packed A block (6 rows) by one packed B panel (16 columns) over `pairs`
    /// depth pairs and stores (or, with `accumulate`, adds) the 6 × 16 tile at `c` (row stride
    /// `ldc`).
    static func kernel6x16(
        _ a: UnsafePointer<Int16>, _ b: UnsafePointer<Int16>, _ pairs: Int, _ c: UnsafeMutablePointer<Int32>,
        _ ldc: Int, _ accumulate: Bool
    ) {
        kernel3x16(a, b, pairs, c, ldc, accumulate, rowOffset: 0)
        kernel3x16(a, b, pairs, c + 3 * ldc, ldc, accumulate, rowOffset: 3)
    }

    @inline(__always)
    private static func kernel3x16(
        _ a: UnsafePointer<Int16>, _ b: UnsafePointer<Int16>, _ pairs: Int, _ c: UnsafeMutablePointer<Int32>,
        _ ldc: Int, _ accumulate: Bool, rowOffset: Int
    ) {
        var c00 = SIMD4<Int32>(), c01 = SIMD4<Int32>(), c02 = SIMD4<Int32>(), c03 = SIMD4<Int32>()
        var c10 = SIMD4<Int32>(), c11 = SIMD4<Int32>(), c12 = SIMD4<Int32>(), c13 = SIMD4<Int32>()
        var c20 = SIMD4<Int32>(), c21 = SIMD4<Int32>(), c22 = SIMD4<Int32>(), c23 = SIMD4<Int32>()
        var pa = UnsafeRawPointer(a + rowOffset * 2)
        var pb = UnsafeRawPointer(b)
        for _ in 0..<pairs {
            let b0 = pb.load(as: SIMD8<Int16>.self)
            let b1 = pb.load(fromByteOffset: 16, as: SIMD8<Int16>.self)
            let b2 = pb.load(fromByteOffset: 32, as: SIMD8<Int16>.self)
            let b3 = pb.load(fromByteOffset: 48, as: SIMD8<Int16>.self)
            let a0 = broadcastPair(pa.load(as: Int32.self))
            c00 &+= multiplyAddPairs(a0, b0)
            c01 &+= multiplyAddPairs(a0, b1)
            c02 &+= multiplyAddPairs(a0, b2)
            c03 &+= multiplyAddPairs(a0, b3)
            let a1 = broadcastPair(pa.load(fromByteOffset: 4, as: Int32.self))
            c10 &+= multiplyAddPairs(a1, b0)
            c11 &+= multiplyAddPairs(a1, b1)
            c12 &+= multiplyAddPairs(a1, b2)
            c13 &+= multiplyAddPairs(a1, b3)
            let a2 = broadcastPair(pa.load(fromByteOffset: 8, as: Int32.self))
            c20 &+= multiplyAddPairs(a2, b0)
            c21 &+= multiplyAddPairs(a2, b1)
            c22 &+= multiplyAddPairs(a2, b2)
            c23 &+= multiplyAddPairs(a2, b3)
            pa += rowBlock * 4
            pb += panelWidth * 4
        }
        store(c00, c01, c02, c03, to: c, accumulate)
        store(c10, c11, c12, c13, to: c + ldc, accumulate)
        store(c20, c21, c22, c23, to: c + 2 * ldc, accumulate)
    }

    /// Writes (or adds) sixteen consecutive Int32 values.
    @inline(__always)
    private static func store(
        _ v0: SIMD4<Int32>, _ v1: SIMD4<Int32>, _ v2: SIMD4<Int32>, _ v3: SIMD4<Int32>,
        to c: UnsafeMutablePointer<Int32>, _ accumulate: Bool
    ) {
        let raw = UnsafeMutableRawPointer(c)
        if accumulate {
            raw.storeBytes(of: raw.loadUnaligned(as: SIMD4<Int32>.self) &+ v0, as: SIMD4<Int32>.self)
            raw.storeBytes(
                of: raw.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int32>.self) &+ v1, toByteOffset: 16,
                as: SIMD4<Int32>.self)
            raw.storeBytes(
                of: raw.loadUnaligned(fromByteOffset: 32, as: SIMD4<Int32>.self) &+ v2, toByteOffset: 32,
                as: SIMD4<Int32>.self)
            raw.storeBytes(
                of: raw.loadUnaligned(fromByteOffset: 48, as: SIMD4<Int32>.self) &+ v3, toByteOffset: 48,
                as: SIMD4<Int32>.self)
        } else {
            raw.storeBytes(of: v0, as: SIMD4<Int32>.self)
            raw.storeBytes(of: v1, toByteOffset: 16, as: SIMD4<Int32>.self)
            raw.storeBytes(of: v2, toByteOffset: 32, as: SIMD4<Int32>.self)
            raw.storeBytes(of: v3, toByteOffset: 48, as: SIMD4<Int32>.self)
        }
    }
}
