import QNBFuzzing

#if QNB_FUZZ
    /// libFuzzer's entry point (`make fuzz` builds with `-sanitize=fuzzer,address -D QNB_FUZZ`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        ScriptHarness.limitMemory()
        FuzzHarness.script.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Replays inputs through the harness: `qnb-fuzz-script Fuzz/Corpus/script crash-…`.
    @main
    enum FuzzScript {
        static func main() {
            ScriptHarness.limitMemory()
            Replay.main(.script)
        }
    }
#endif
