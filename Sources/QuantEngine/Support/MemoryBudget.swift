import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory a run may use, checked before every allocation whose size comes from a notebook,
/// so that `zeros([100000, 100000])` is a located error instead of the kernel killing qnb.
///
/// The budget is for the whole process (all notebooks a `qnb run` executes at once share it): a
/// new buffer of `n` bytes is refused when `n` alone exceeds the budget, or when the process's
/// resident memory plus `n` would (resident memory is read from `/proc/self/statm` for buffers of
/// a megabyte or more; on systems without it only the first rule applies). No limit is set
/// until the command line sets one.
public enum MemoryBudget {
    private static let limitStorage = Atomic<Int>(0)

    /// The budget in bytes, `nil` for none.
    public static var limit: Int? {
        get {
            let value = limitStorage.load(ordering: .relaxed)
            return value > 0 ? value : nil
        }
        set { limitStorage.store(max(0, newValue ?? 0), ordering: .relaxed) }
    }

    /// Buffers smaller than this are not measured against resident memory (reading it costs a
    /// system call or two).
    static let measuredThreshold = 1 << 20

    /// Throws when a new buffer of `bytes` would break the budget.
    public static func reserve(bytes: Int) throws(QuantEngineError) {
        guard let limit else { return }
        if bytes > limit {
            throw .memoryBudgetExceeded(requested: bytes, limit: limit, resident: nil)
        }
        guard bytes >= measuredThreshold, let resident = residentBytes() else { return }
        if resident > limit - bytes {
            throw .memoryBudgetExceeded(requested: bytes, limit: limit, resident: resident)
        }
    }

    /// Whether the process's resident memory is over the budget: for work that grows memory in
    /// small steps (a loop appending to an array), checked now and then.
    public static func isExceeded() -> (resident: Int, limit: Int)? {
        guard let limit, let resident = residentBytes(), resident > limit else { return nil }
        return (resident, limit)
    }

    /// The process's resident set size in bytes, from `/proc/self/statm`; `nil` where there is
    /// no such file.
    public static func residentBytes() -> Int? {
        #if os(Linux)
            let descriptor = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 128)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            // "size resident shared text lib data dt", in pages.
            let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
            guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            return nil
        #endif
    }

    /// The memory qnb may count on: the physical memory, or the container's limit (cgroup v2
    /// `memory.max`, v1 `memory.limit_in_bytes`) when that is lower.
    public static func availableMemory() -> Int {
        var physical = 8 << 30
        #if os(Linux)
            let pages = sysconf(Int32(_SC_PHYS_PAGES))
            let size = sysconf(Int32(_SC_PAGESIZE))
            if pages > 0 && size > 0 { physical = pages.multipliedReportingOverflow(by: size).partialValue }
            for file in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
                if let text = readSmallFile(file),
                    let limit = Int(text.split(whereSeparator: \.isWhitespace).first ?? ""), limit > 0
                {
                    physical = min(physical, limit)
                }
            }
        #endif
        return physical
    }

    /// The default budget: half of `availableMemory()`, leaving the rest to the system, qnb's
    /// own code and the pages being written.
    public static func defaultLimit() -> Int { availableMemory() / 2 }

    #if os(Linux)
        private static func readSmallFile(_ path: String) -> String? {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 64)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            return String(decoding: buffer[0..<count], as: UTF8.self)
        }
    #endif

    /// `37.3 GiB`, `512 MiB`, `900 KiB`: sizes for messages.
    public static func describe(bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
