import Synchronization

/// The time limit of the cell that called the engine, so that long kernels (matrix products,
/// convolutions) stop when it runs out instead of holding qnb past the limit.
///
/// Bound with `EngineDeadline.$current.withValue(deadline) { … }` around a cell's work (the
/// interpreter does this); kernels read it once on the calling thread and then check the clock
/// between blocks of work on every thread, and throw `QuantEngineError.interrupted` afterwards.
public enum EngineDeadline {
    @TaskLocal public static var current: ContinuousClock.Instant? = nil

    /// Tracks one kernel call: `expired()` is cheap to call between blocks from any thread and
    /// turns true for good once the deadline has passed.
    final class Watch: Sendable {
        private let deadline: ContinuousClock.Instant?
        private let stopped = Atomic<Bool>(false)

        init(_ deadline: ContinuousClock.Instant? = EngineDeadline.current) {
            self.deadline = deadline
        }

        /// Whether a kernel thread already saw the deadline pass: one atomic load, no clock.
        var isStopped: Bool { stopped.load(ordering: .relaxed) }

        /// Whether the deadline has passed (reads the clock unless already stopped).
        func expired() -> Bool {
            guard let deadline else { return false }
            if stopped.load(ordering: .relaxed) { return true }
            guard ContinuousClock.now > deadline else { return false }
            stopped.store(true, ordering: .relaxed)
            return true
        }

        /// Throws when the kernel was stopped by the deadline.
        func check(_ operation: String) throws(QuantEngineError) {
            if stopped.load(ordering: .relaxed) || expired() {
                throw .interrupted("cell exceeded its time limit (in \(operation))")
            }
        }
    }
}
