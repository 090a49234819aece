/// Settings of one notebook's session, from the front matter and the command line. (The memory
/// budget is the process's, `MemoryBudget` in QuantEngine: notebooks run at once share it.)
public struct SessionConfiguration: Sendable {
    /// The default seed of random generators (front matter `seed`).
    public var seed: UInt64
    /// The deepest nesting of calls allowed; deeper is a located "recursion too deep" error.
    /// Capped at 10,000 whatever is set, so the interpreter's own stack cannot overflow.
    public var maxCallDepth: Int
    /// Seconds each cell may take, parsing included; checked in loops, calls and long engine
    /// kernels. nil, or more than about 30 years (`ScriptSession.longestTimeLimit`): no limit.
    public var timeout: Double?
    /// The longest any cell may run whatever time limit it is given (a cell's own `timeout`
    /// option included); nil: none. The fuzzing harness sets it, so that a notebook's
    /// `timeout: 1e9` cannot stall it.
    public var timeLimitCap: Double?
    /// The notebook's folder: relative paths given to file builtins resolve against it.
    public var baseDirectory: String?
    /// Folders file builtins may read from besides `baseDirectory` (`--allow-read`).
    public var readableDirectories: [String]
    /// The folder `save` writes into.
    public var outputDirectory: String?
    /// Further settings for builtin libraries, by key.
    public var extensions: [String: any Sendable]

    public init(
        seed: UInt64 = 0, maxCallDepth: Int = 512, timeout: Double? = nil, timeLimitCap: Double? = nil,
        baseDirectory: String? = nil,
        readableDirectories: [String] = [], outputDirectory: String? = nil,
        extensions: [String: any Sendable] = [:]
    ) {
        self.seed = seed
        self.maxCallDepth = maxCallDepth
        self.timeout = timeout
        self.timeLimitCap = timeLimitCap
        self.baseDirectory = baseDirectory
        self.readableDirectories = readableDirectories
        self.outputDirectory = outputDirectory
        self.extensions = extensions
    }
}
