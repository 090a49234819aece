import Foundation

/// Runs independent jobs on several threads and hands their results back on the calling
/// thread in job order, each as soon as it and every job before it are done. Output printed in
/// `deliver` is therefore never interleaved and reads the same at any `--jobs`.
enum JobQueue {
    static func run<Result: Sendable>(
        count: Int,
        workers: Int,
        work: @escaping @Sendable (Int) -> Result,
        deliver: (Int, Result) -> Void
    ) {
        guard count > 0 else { return }
        if workers <= 1 || count == 1 {
            for index in 0..<count { deliver(index, work(index)) }
            return
        }
        let state = SharedState<Result>(count: count)
        for _ in 0..<min(workers, count) {
            let thread = Thread {
                while let index = state.takeNext() {
                    state.finish(index, work(index))
                }
            }
            // Cells run on their own big-stack threads; the job threads only wait for them.
            thread.start()
        }
        for index in 0..<count {
            deliver(index, state.wait(for: index))
        }
    }

    /// The queue position and finished results, behind one condition lock.
    private final class SharedState<Result: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var next = 0
        private let count: Int
        private var results: [Result?]

        init(count: Int) {
            self.count = count
            self.results = Array(repeating: nil, count: count)
        }

        func takeNext() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func finish(_ index: Int, _ result: Result) {
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }

        func wait(for index: Int) -> Result {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result = results[index] {
                    results[index] = nil
                    return result
                }
                condition.wait()
            }
        }
    }
}
