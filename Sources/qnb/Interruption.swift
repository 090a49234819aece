import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What qnb does on Ctrl-C (SIGINT) or SIGTERM: removes the temporary files of the writes in
/// flight, so the previous page, snapshot and exports stay exactly as they were (each file is
/// replaced by an atomic rename or not at all), says so, and exits with 128 + the signal number,
/// as shells expect.
///
/// The signals are handled by dispatch sources, on a queue of their own, not in a signal
/// handler: the cleanup may take a lock and call `unlink` safely.
enum Interruption {
    private static let temporaryFiles = Mutex<Set<String>>([])
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Starts handling SIGINT and SIGTERM; call once, before any work.
    static func install() {
        let queue = DispatchQueue(label: "qnb.signals")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    /// A temporary file being written; removed if the run is interrupted before it is renamed.
    static func track(_ path: String) {
        _ = temporaryFiles.withLock { $0.insert(path) }
    }

    static func untrack(_ path: String) {
        _ = temporaryFiles.withLock { $0.remove(path) }
    }

    private static func interrupted(by signalNumber: Int32) {
        temporaryFiles.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
            let name = signalNumber == SIGINT ? "interrupted" : "terminated"
            let message = "qnb: \(name); pages and snapshots already written are complete, the others untouched\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            // Exit while holding the lock, so no new temporary file can appear meanwhile.
            _exit(128 + signalNumber)
        }
    }
}
