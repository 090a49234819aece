/// What a builtin implementation may use besides its arguments: where it was called from, the
/// session's configuration and random generator, the cell's text output, and a way to call
/// function values (closures) it received.
///
/// A context is valid only during the call it was given to: do not store it.
public struct BuiltinContext {
    unowned(unsafe) let interpreter: Interpreter
    let position: SourcePosition

    init(interpreter: Interpreter, position: SourcePosition) {
        self.interpreter = interpreter
        self.position = position
    }

    public var configuration: SessionConfiguration { interpreter.configuration }

    /// The notebook's default seed (front matter `seed`).
    public var seed: UInt64 { interpreter.configuration.seed }

    /// The session's generator: deterministic for a given seed and sequence of draws.
    public var random: SessionRandom { interpreter.random }

    /// A fresh seed drawn from the session's generator, for a builtin with a generator of its own
    /// when the cell gives no `seed:`.
    public func nextSeed() -> UInt64 { interpreter.random.next() }

    /// Appends text to the cell's output stream, as `print` does.
    public func write(_ text: String) { interpreter.write(text) }

    /// Adds a file to the cell's outputs, for the command line to write (`save`).
    public func save(_ file: SavedFile) { interpreter.outputs.append(.file(file)) }

    /// Calls a function value (a closure, function or builtin) with positional arguments.
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try interpreter.callValue(function, arguments, at: position)
    }

    /// Throws the located time-limit error if the cell has run out of time; long-running
    /// builtins should call it now and then.
    public func checkTimeLimit() throws {
        try interpreter.checkDeadline(position)
    }

    /// When the cell's time runs out (nil without a limit), for engine loops that check it
    /// themselves between steps.
    public var deadline: ContinuousClock.Instant? { interpreter.deadline }

    /// Per-session storage for builtins (e.g. loaded files), kept across cells.
    public func state<T>(_ key: String, as type: T.Type = T.self) -> T? {
        interpreter.userInfo[key] as? T
    }

    public func setState(_ key: String, _ value: Any?) {
        interpreter.userInfo[key] = value
    }

    /// The notebook location of the call.
    public var location: SourceLocation? {
        interpreter.origin.map { position.location(in: $0) }
    }

    /// The library the session runs with (e.g. to look up an option type).
    public var library: BuiltinLibrary { interpreter.library.library }
}
