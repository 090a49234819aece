import QuantEngine

/// One notebook's kernel: the environment its cells share, top to bottom.
///
/// `run` executes a cell and never throws or traps: syntax errors (swift-syntax's own
/// messages), unsupported constructs and runtime errors come back located at notebook
/// line and column in `CellResult.error`, with the outputs made before the error. Each cell
/// runs on a worker thread with a large stack, so deep (but bounded) recursion is safe.
public final class ScriptSession {
    public let configuration: SessionConfiguration
    public let library: BuiltinLibrary
    private let resolved: ResolvedLibrary
    private let globals = GlobalScope()
    private let interpreter: Interpreter

    public init(configuration: SessionConfiguration = .init(), library: BuiltinLibrary = .standard) {
        self.configuration = configuration
        self.library = library
        self.resolved = ResolvedLibrary(library)
        self.interpreter = Interpreter(library: resolved, configuration: configuration, globals: globals)
    }

    deinit {
        // Deeply nested values are released recursively: do it on a large stack too.
        let globals = self.globals
        BigStackThread.run { globals.releaseValues() }
    }

    /// Defines a notebook parameter as a constant (`let`), before the first cell.
    public func define(_ name: String, _ value: ParameterValue) {
        define(name, value: value.value)
    }

    /// Defines a constant holding any value (e.g. one a builtin library made).
    public func define(_ name: String, value: Value) {
        let global = GlobalVariable(name: name, isMutable: false, declaredType: nil)
        global.value = value
        global.isInitialized = true
        globals.publish(global)
    }

    /// The value of a top-level variable, if defined and initialized.
    public func value(of name: String) -> Value? {
        guard let global = globals.lookup(name), global.isInitialized else { return nil }
        return global.value
    }

    /// Runs one cell with the session's time limit.
    public func run(_ source: String, origin: SourceOrigin) -> CellResult {
        run(source, origin: origin, timeout: configuration.timeout)
    }

    /// Runs one cell with its own time limit (a cell's `//| timeout:` option).
    public func run(_ source: String, origin: SourceOrigin, timeout: Double?) -> CellResult {
        BigStackThread.run { runHere(source, origin: origin, timeout: timeout) }
    }

    /// Parses and lowers a cell without running it: syntax errors and unsupported constructs.
    /// Names are not resolved (they may come from cells that have not run).
    public func check(_ source: String, origin: SourceOrigin) -> [Diagnostic] {
        BigStackThread.run {
            do {
                let (timeout, deadline) = timeLimit(configuration.timeout)
                let parsed = try Self.parse(source, until: deadline, timeout: timeout)
                let lowerer = Lowerer(converter: parsed.converter, library: resolved, globals: globals, mode: .check)
                _ = try lowerer.lowerCell(parsed.tree)
                return []
            } catch let error as ScriptError {
                return [error.diagnostic(in: origin)]
            } catch {
                return [Diagnostic.error("\(error)", at: origin.location(line: 1, column: 1))]
            }
        }
    }

    /// Evaluates an inline expression from prose (`` `\(expr)` ``) against the cells run so far,
    /// with the session's time limit.
    public func evaluate(_ expression: String, origin: SourceOrigin) -> Result<Value, Diagnostic> {
        evaluate(expression, origin: origin, timeout: configuration.timeout)
    }

    /// Evaluates an inline expression with its own time limit. What it prints is dropped; a
    /// statement that is not an expression is an error.
    public func evaluate(_ expression: String, origin: SourceOrigin, timeout: Double?) -> Result<Value, Diagnostic> {
        let result = BigStackThread.run { () -> Result<Value, Diagnostic> in
            let cell = runHere(expression, origin: origin, timeout: timeout, keepValue: true)
            if let error = cell.result.error { return .failure(error) }
            guard let value = cell.value else {
                return .failure(
                    Diagnostic.error("an inline value must be an expression", at: origin.location(line: 1, column: 1)))
            }
            return .success(value)
        }
        return result
    }

    // MARK: Running

    private func runHere(_ source: String, origin: SourceOrigin, timeout: Double?) -> CellResult {
        runHere(source, origin: origin, timeout: timeout, keepValue: false).result
    }

    private func runHere(
        _ source: String, origin: SourceOrigin, timeout: Double?, keepValue: Bool
    ) -> (result: CellResult, value: Value?) {
        // The time limit covers parsing too.
        let (timeout, deadline) = timeLimit(timeout)
        let cell: Lowerer.Cell
        do {
            let parsed = try Self.parse(source, until: deadline, timeout: timeout)
            let lowerer = Lowerer(converter: parsed.converter, library: resolved, globals: globals, mode: .run)
            cell = try lowerer.lowerCell(parsed.tree)
        } catch let error as ScriptError {
            return (CellResult(error: error.diagnostic(in: origin)), nil)
        } catch {
            return (CellResult(error: Diagnostic.error("\(error)", at: origin.location(line: 1, column: 1))), nil)
        }

        interpreter.outputs = []
        interpreter.outputBytes = 0
        interpreter.origin = origin
        interpreter.timeLimit = timeout
        interpreter.deadline = deadline
        interpreter.callDepth = 0
        interpreter.frame = Interpreter.Frame(
            values: Array(repeating: .void, count: cell.slotCount),
            boxes: cell.hasBoxedSlots ? Array(repeating: nil, count: cell.slotCount) : [],
            captures: [], returnType: nil, functionName: "cell")
        defer {
            interpreter.frame = .empty
            interpreter.outputs = []
        }

        var failure: Diagnostic?
        var shown: Value?
        do {
            var statements = cell.body.statements
            var last: Expr?
            if cell.displaysLastExpression || keepValue, case .expression(let expr)? = statements.last {
                last = expr
                statements.removeLast()
            }
            // Long engine kernels read the cell's deadline too.
            try EngineDeadline.$current.withValue(interpreter.deadline) {
                _ = try interpreter.execute(Block(statements: statements, functions: cell.body.functions))
                if let last {
                    let value = try interpreter.evaluate(last)
                    shown = value
                    if !value.isVoid && !keepValue { interpreter.outputs.append(.display(value.display)) }
                }
            }
        } catch let scriptError as ScriptError {
            failure = scriptError.diagnostic(in: origin)
        } catch {
            failure = Diagnostic.error("internal error: \(error)", at: origin.location(line: 1, column: 1))
        }
        return (CellResult(outputs: interpreter.outputs, error: failure), shown)
    }

    // MARK: Time limits

    /// Parses given up on at a time limit that are still running (the fuzzing harnesses wait
    /// for them, so that a slow parse is still found as a hang).
    public static var abandonedParseCount: Int { BigStackThread.abandonedCount }

    /// Time limits longer than this (about 30 years) are no limit: `Duration` cannot hold
    /// any `Double` number of seconds.
    static let longestTimeLimit = 1e9

    /// When a cell started now with `timeout` seconds must end; nil for no limit.
    static func deadline(after timeout: Double?) -> ContinuousClock.Instant? {
        guard let timeout, timeout.isFinite, timeout <= longestTimeLimit else { return nil }
        return ContinuousClock.now.advanced(by: .seconds(max(timeout, 0)))
    }

    /// The time limit of a cell started now with `timeout` seconds, and its deadline: the
    /// session's `timeLimitCap` when that ends sooner.
    private func timeLimit(_ timeout: Double?) -> (seconds: Double?, deadline: ContinuousClock.Instant?) {
        let deadline = Self.deadline(after: timeout)
        if let cap = configuration.timeLimitCap, let capped = Self.deadline(after: cap),
            deadline.map({ capped < $0 }) ?? true
        {
            return (cap, capped)
        }
        return (timeout, deadline)
    }

    /// Parses a cell, giving up at the deadline: swift-syntax's parser cannot be interrupted, so
    /// it runs on a thread of its own that is abandoned (left to finish, its tree dropped) when
    /// the cell's time is up. The known slow inputs are refused before parsing
    /// (`Frontend.refusal(of:)`); this bounds any other.
    static func parse(
        _ source: String, until deadline: ContinuousClock.Instant?, timeout: Double?
    ) throws -> Frontend.Parsed {
        guard let deadline else { return try Frontend.parse(source) }
        let outcome = BigStackThread.run(until: deadline) { Result { try Frontend.parse(source) } }
        guard let outcome else {
            throw ScriptError(
                Interpreter.timeLimitMessage(timeout) + " while being parsed", at: SourcePosition(line: 1, column: 1))
        }
        return try outcome.get()
    }
}
