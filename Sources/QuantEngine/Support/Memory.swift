#if canImport(Glibc)
    import Glibc
#endif

/// Allocation hints for large tensors.
enum Memory {
    /// Buffers at least this large (4 MiB) are worth backing with huge pages.
    static let hugePageThreshold = 4 << 20

    /// Asks Linux to back the 2 MiB-aligned interior of a fresh buffer with transparent huge
    /// pages (as numpy does for large arrays). Writing a new 64 MiB tensor otherwise costs
    /// 16384 page faults; with huge pages it costs 32. A hint only: no effect on values, and a
    /// no-op on other systems or when the kernel declines.
    static func adviseHugePages(_ pointer: UnsafeMutableRawPointer?, byteCount: Int) {
        #if os(Linux)
            guard let pointer, byteCount >= hugePageThreshold else { return }
            let hugePage = 2 << 20
            let address = Int(bitPattern: pointer)
            let start = (address + hugePage - 1) & ~(hugePage - 1)
            let end = (address + byteCount) & ~(hugePage - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, Int32(MADV_HUGEPAGE))
        #endif
    }
}
