/// Deterministic reductions: the same bits on every machine, whatever the number of cores.
///
/// Summation order (documented because snapshots depend on it):
/// 1. The input is cut into blocks of `blockSize` (4096) consecutive elements; the last block may
///    be shorter.
/// 2. Inside a block, element `i` (its flat index) is added, in index order, to lane `i % 8` of
///    eight `Double` accumulators; the lanes are then combined as
///    `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`.
/// 3. The block partials are combined by pairwise summation in block order: the list is split at
///    `n / 2` and the two halves' sums are added, recursively.
///
/// Blocks are computed concurrently for large inputs, but the tree of additions is fixed by the
/// element count alone. With Double accumulation the relative error of a sum of n Float32 terms
/// is about `(n/4096/8 + 12) · 2^-53`, far below Float32 resolution.
enum Reduction {
    /// Elements per block; a divisor of `Parallel.chunkSize`.
    static let blockSize = 4096

    /// Reduces `0..<count` by computing `block(range)` for every block and combining the partials
    /// pairwise in block order (see the type's documentation). Returns `identity` for `count == 0`.
    static func reduce<Partial>(
        count: Int,
        identity: Partial,
        block: (Range<Int>) -> Partial,
        combine: (Partial, Partial) -> Partial
    ) -> Partial {
        guard count > 0 else { return identity }
        let blocks = (count + blockSize - 1) / blockSize
        if blocks == 1 { return block(0..<count) }
        var partials = [Partial](repeating: identity, count: blocks)
        partials.withUnsafeMutableBufferPointer { output in
            let blocksPerChunk = Parallel.chunkSize / blockSize
            let chunks = (blocks + blocksPerChunk - 1) / blocksPerChunk
            func fill(_ chunk: Int) {
                let first = chunk * blocksPerChunk
                for index in first..<Swift.min(first + blocksPerChunk, blocks) {
                    let start = index * blockSize
                    output[index] = block(start..<Swift.min(start + blockSize, count))
                }
            }
            if count < Parallel.threshold || chunks == 1 {
                for chunk in 0..<chunks { fill(chunk) }
            } else {
                Parallel.concurrentPerform(iterations: chunks, fill)
            }
        }
        return partials.withUnsafeBufferPointer { pairwise($0, 0..<blocks, combine) }
    }

    /// Pairwise (cascade) combination of `partials[range]`, split at the midpoint.
    private static func pairwise<Partial>(
        _ partials: UnsafeBufferPointer<Partial>,
        _ range: Range<Int>,
        _ combine: (Partial, Partial) -> Partial
    ) -> Partial {
        if range.count == 1 { return partials[range.lowerBound] }
        let middle = range.lowerBound + range.count / 2
        return combine(
            pairwise(partials, range.lowerBound..<middle, combine),
            pairwise(partials, middle..<range.upperBound, combine))
    }

    /// Σ terms over `range` with eight lane accumulators: element `i` goes to lane `i % 8`
    /// (ranges start at multiples of 8), lanes combined as documented on the type. The eight
    /// lanes are one `SIMD8<Double>`; each lane's additions are plain IEEE additions, so the
    /// result is exactly that of eight scalar accumulators.
    @inline(__always)
    static func laneSum<Terms: LaneTerms>(_ terms: Terms, _ range: Range<Int>) -> Double {
        var lanes = SIMD8<Double>()
        var i = range.lowerBound
        let end = range.upperBound
        while i + 8 <= end {
            lanes += terms.lanes(i)
            i += 8
        }
        var lane = 0
        while i < end {
            lanes[lane] += terms.term(i)
            i += 1
            lane += 1
        }
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
            + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
    }

    /// The deterministic Double sum of `terms` over `0..<count`.
    static func sum<Terms: LaneTerms>(count: Int, _ terms: Terms) -> Double {
        reduce(count: count, identity: 0.0, block: { laneSum(terms, $0) }, combine: +)
    }

    /// Eight consecutive Float32 elements starting at `i` (which must leave 8 in bounds).
    @inline(__always)
    static func load8(_ x: UnsafeBufferPointer<Float>, _ i: Int) -> SIMD8<Float> {
        UnsafeRawPointer(x.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: SIMD8<Float>.self)
    }
}

/// The terms of a deterministic sum, eight at a time (`lanes(i)` = terms `i ..< i + 8`) and one
/// at a time for the tail. A protocol rather than a closure so each sum specialises into a
/// vectorised loop.
protocol LaneTerms {
    func lanes(_ i: Int) -> SIMD8<Double>
    func term(_ i: Int) -> Double
}
