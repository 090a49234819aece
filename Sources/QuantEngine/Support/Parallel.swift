import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// `forEachChunk` for a body that reports success: returns whether every call returned true.
    static func allChunks(count: Int, _ body: (Range<Int>) -> Bool) -> Bool {
        let chunks = chunkCount(count)
        if count < threshold || chunks == 1 { return count == 0 || body(0..<count) }
        var flags = [Bool](repeating: true, count: chunks)
        flags.withUnsafeMutableBufferPointer { flags in
            forEachChunk(count: count) { range in flags[range.lowerBound / chunkSize] = body(range) }
        }
        return !flags.contains(false)
    }

    /// `DispatchQueue.concurrentPerform` for a non-`Sendable` body.
    ///
    /// Dispatch requires a `@Sendable` closure, but the engine's kernels capture raw buffer
    /// pointers. That is sound here because every caller gives each iteration a disjoint part of
    /// the output, reads only shared immutable input, and `concurrentPerform` returns only after
    /// all iterations have finished, so nothing escapes or races.
    ///
    /// With an `EngineThreads.limit` of 1 the iterations run in order on the calling thread; with
    /// a smaller limit than the number of cores, `limit` workers each take a contiguous share.
    static func concurrentPerform(iterations: Int, _ body: (Int) -> Void) {
        let workers = Swift.min(iterations, EngineThreads.limit ?? iterations)
        if workers <= 1 {
            for iteration in 0..<iterations { body(iteration) }
            return
        }
        withoutActuallyEscaping(body) { escapable in
            let box = UncheckedSendableBox(escapable)
            if workers == iterations || workers >= cores {
                DispatchQueue.concurrentPerform(iterations: iterations) { box.value($0) }
            } else {
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for iteration in (worker * iterations / workers)..<((worker + 1) * iterations / workers) {
                        box.value(iteration)
                    }
                }
            }
        }
    }

    /// The number of cores Dispatch spreads work over.
    private static let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
}

/// How many threads the engine's element-wise kernels, reductions and samplers may use.
///
/// Results never depend on it (work is cut into fixed chunks whatever the thread count); only
/// speed does. Bind it for a scope, e.g. to measure single-threaded speed:
///
///     EngineThreads.$limit.withValue(1) { try quantizer.quantize(x) }
public enum EngineThreads {
    /// The most threads to use at once, counting the calling thread; `nil` (the default) uses
    /// every core, 1 runs everything on the calling thread.
    @TaskLocal public static var limit: Int? = nil
}

/// Carries a value into a `@Sendable` closure when the caller guarantees, by construction, that
/// the concurrent uses do not race (see `Parallel.concurrentPerform`).
struct UncheckedSendableBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
