import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that it is never seen half written: the bytes go to a temporary file in the
/// same folder, which is then renamed over the destination (an atomic replace on POSIX file
/// systems). On failure the temporary file is removed and the destination is left as it was.
///
/// Plain POSIX calls rather than `Data.write(to:options: .atomic)`, which costs about a
/// millisecond more per page (it also syncs the file to disk and resolves a temporary folder).
enum AtomicFile {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "cannot write '\(path)': \(reason)" }
    }

    static func save(_ text: String, to path: String) throws(Failure) {
        try save(Array(text.utf8), to: path)
    }

    static func save(_ bytes: [UInt8], to path: String) throws(Failure) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Unique per process and per write, so concurrent runs (and threads) never share one.
        let serial = temporarySerial.add(1, ordering: .relaxed).newValue
        let temporary = "\(folder).\(name).qnb-\(getpid())-\(serial).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: errorText()) }
        Interruption.track(temporary)
        defer { Interruption.untrack(temporary) }
        let written: Result<Void, Failure> = bytes.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return .success(()) }
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, start + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(Failure(path: path, reason: errorText()))
                }
                offset += count
            }
            return .success(())
        }
        let closed = close(descriptor) == 0 ? nil : errorText()
        do throws(Failure) {
            try written.get()
            if let closed { throw Failure(path: path, reason: closed) }
            guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: errorText()) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static let temporarySerial = Atomic<Int>(0)

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
