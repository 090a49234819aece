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

    private final class WorkBox {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// Starts the thread and joins it; false if no thread could be made.
    private static func start(_ argument: UnsafeMutableRawPointer, stackSize: Int) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
        #if canImport(Darwin)
            var thread: pthread_t?
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    Unmanaged<WorkBox>.fromOpaque(raw).takeRetainedValue().work()
                    return nil
                }, argument)
            guard status == 0, let thread else { return false }
        #else
            var thread = pthread_t()
            let status = pthread_create(
                &thread, &attributes,
                { raw in
                    if let raw { Unmanaged<WorkBox>.fromOpaque(raw).takeRetainedValue().work() }
                    return nil
                }, argument)
            guard status == 0 else { return false }
        #endif
        pthread_join(thread, nil)
        return true
    }
}
