import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// Runs work on a fresh thread with a large stack and waits for it.
///
/// A tree-walking interpreter recurses for every nested call and expression; a cell's depth
/// limit (`SessionConfiguration.maxCallDepth`) must be reached long before the stack runs out,
/// whatever thread the caller is on (secondary threads get only 512 KiB by default). The
/// stack is reserved address space, committed only as far as it is used.
enum BigStackThread {
    /// 1 GiB of address space.
    static let defaultStackSize = 1 << 30

    static func run<T>(stackSize: Int = defaultStackSize, _ body: () -> T) -> T {
        var result: T?
        withoutActuallyEscaping({ result = body() }) { work in
            let box = Unmanaged.passRetained(WorkBox(work))
            if !start(box.toOpaque(), stackSize: stackSize) {
                box.release()
                work()
            }
        }
        guard let result else { preconditionFailure("the worker thread did not run") }
        return result
    }

    fileprivate final class WorkBox {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Starts the thread and joins it; false if no thread could be made.
    private static func start(_ argument: UnsafeMutableRawPointer, stackSize: Int) -> Bool {
        guard let thread = create(argument, stackSize: stackSize, detached: false) else { return false }
        pthread_join(thread, nil)
        return true
    }

    /// Starts a thread nobody joins; false if no thread could be made.
    fileprivate static func startDetached(_ argument: UnsafeMutableRawPointer, stackSize: Int) -> Bool {
        create(argument, stackSize: stackSize, detached: true) != nil
    }

    /// A new thread running the `WorkBox` passed retained as `argument`; nil if none could be made.
    private static func create(_ argument: UnsafeMutableRawPointer, stackSize: Int, detached: Bool) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0,
            !detached || pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) == 0
        else { return nil }
        #if canImport(Darwin)
            var thread: pthread_t?
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    Unmanaged<WorkBox>.fromOpaque(raw).takeRetainedValue().work()
                    return nil
                }, argument)
            return status == 0 ? thread : nil
        #else
            var thread = pthread_t()
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    if let raw { Unmanaged<WorkBox>.fromOpaque(raw).takeRetainedValue().work() }
                    return nil
                }, argument)
            return status == 0 ? thread : nil
        #endif
    }
}

extension BigStackThread {
    /// Runs work on a big-stack thread and waits for it until `deadline`, nil if it did not
    /// finish by then. Work that cannot be interrupted (swift-syntax's parser) is bounded this
    /// way: the thread is abandoned, not stopped — it runs on to its end and its result is
    /// dropped. ``abandonedCount`` says how many still run.
    static func run<T>(
        until deadline: ContinuousClock.Instant, stackSize: Int = defaultStackSize,
        _ body: @escaping @Sendable () -> T
    ) -> T? {
        let handoff = Handoff<T>()
        let box = Unmanaged.passRetained(
            WorkBox {
                let result = body()
                handoff.finish(result)
            })
        guard startDetached(box.toOpaque(), stackSize: stackSize) else {
            box.release()
            return body()
        }
        return handoff.wait(until: deadline)
    }

    /// Work given up on by ``run(until:stackSize:_:)`` that has not ended yet.
    static var abandonedCount: Int { abandoned.load(ordering: .acquiring) }

    private static let abandoned = Atomic<Int>(0)

    /// The result of detached work, handed over once: to the waiter if it still waits, else dropped.
    private final class Handoff<T>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written by the worker before it sets `finished`, read by the waiter after it saw it set.
        private var result: T?
        private let state = Mutex<(finished: Bool, abandoned: Bool)>((false, false))

        func finish(_ result: T) {
            self.result = result
            let wasAbandoned = state.withLock { state in
                state.finished = true
                return state.abandoned
            }
            if wasAbandoned { BigStackThread.abandoned.subtract(1, ordering: .releasing) }
            done.signal()
        }

        func wait(until deadline: ContinuousClock.Instant) -> T? {
            let remaining = max(ContinuousClock.now.duration(to: deadline), .zero)
            let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18
            // Past a year is as good as never (and keeps the nanoseconds within Int).
            let timeout: DispatchTime =
                seconds > 31_536_000 ? .distantFuture : .now() + .nanoseconds(Int(seconds * 1e9))
            _ = done.wait(timeout: timeout)
            let finished = state.withLock { state in
                if !state.finished {
                    state.abandoned = true
                    BigStackThread.abandoned.add(1, ordering: .releasing)
                }
                return state.finished
            }
            return finished ? result : nil
        }
    }
}
