import QNBFuzzing

#if QNB_FUZZ
    /// libFuzzer's entry point (`make fuzz` builds with `-sanitize=fuzzer,address -D QNB_FUZZ`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzHarness.files.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Replays inputs through the harness: `qnb-fuzz-files Fuzz/Corpus/files crash-…`.
    @main
    enum FuzzFiles {
        static func main() {
            Replay.main(.files)
        }
    }
#endif
