import Dispatch

/// Splits element-wise work over the cores in fixed-size chunks.
///
/// Chunk boundaries depend only on the element count — never on the number of cores — so any
/// computation whose per-chunk result is combined in chunk order gives the same bits on every
/// machine. Small inputs run inline on the calling thread.
enum Parallel {
    /// Inputs below this many elements are processed on the calling thread: spreading them over
    /// threads costs more than it saves.
    static let threshold = 1 << 18
    /// Elements per chunk of element-wise work (a multiple of `Reduction.blockSize`).
    static let chunkSize = 1 << 16

    /// The number of `chunkSize` chunks covering `count` elements.
    static func chunkCount(_ count: Int) -> Int {
        (count + chunkSize - 1) / chunkSize
    }

    /// Calls `body(range)` for consecutive ranges of at most `chunkSize` elements covering
    /// `0..<count`, concurrently when `count >= threshold`. `body` must only touch its range.
    static func forEachChunk(count: Int, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let chunks = chunkCount(count)
        if count < threshold || chunks == 1 {
            body(0..<count)
            return
        }
        concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * chunkSize
            body(start..<Swift.min(start + chunkSize, count))
        }
    }

    /// `DispatchQueue.concurrentPerform` for a non-`Sendable` body.
    ///
    /// Dispatch requires a `@Sendable` closure, but the engine's kernels capture raw buffer
    /// pointers. That is sound here because every caller gives each iteration a disjoint part of
    /// the output, reads only shared immutable input, and `concurrentPerform` returns only after
    /// all iterations have finished, so nothing escapes or races.
    static func concurrentPerform(iterations: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendableBox(escapable)
            DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
        }
    }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees, by construction, that
/// the concurrent uses do not race (see `Parallel.concurrentPerform`).
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
