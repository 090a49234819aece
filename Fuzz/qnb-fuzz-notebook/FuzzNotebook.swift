import QNBFuzzing

#if QNB_FUZZ
    /// libFuzzer's entry point (`make fuzz` builds with `-sanitize=fuzzer,address -D QNB_FUZZ`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        FuzzHarness.notebook.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Replays inputs through the harness: `qnb-fuzz-notebook Fuzz/Corpus/notebook crash-…`.
    @main
    enum FuzzNotebook {
        static func main() {
            Replay.main(.notebook)
        }
    }
#endif
