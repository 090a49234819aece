import QNBScript

/// How a notebook is run: what the command line can override.
public struct RunOptions: Sendable {
    /// Run every cell even after one fails unexpectedly (the page shows all errors).
    public var allowErrors: Bool
    /// Values that replace the front matter's `params` defaults (`qnb run -p bits=4`).
    public var parameters: [String: NotebookParameter]
    /// Per-cell time limit in seconds that overrides the front matter's (a cell's own `timeout`
    /// option still wins).
    public var timeout: Double?
    /// Folders cells may load files from besides the notebook's own (`--allow-read`).
    public var readableDirectories: [String]
    /// The longest any cell may run, whatever its own option says (`SessionConfiguration.timeLimitCap`).
    public var timeLimitCap: Double?

    public init(
        allowErrors: Bool = false, parameters: [String: NotebookParameter] = [:], timeout: Double? = nil,
        readableDirectories: [String] = [], timeLimitCap: Double? = nil
    ) {
        self.timeLimitCap = timeLimitCap
        self.allowErrors = allowErrors
        self.parameters = parameters
        self.timeout = timeout
        self.readableDirectories = readableDirectories
    }
}

/// Problems with how a notebook was asked to run, found before any cell runs.
public enum RunnerError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownParameter(name: String, notebook: String, known: [String])
    /// An override of another kind than the parameter's default (`-p bits=four` for `bits: 8`).
    case parameterKind(name: String, notebook: String, defaultValue: NotebookParameter, given: NotebookParameter)

    public var description: String {
        switch self {
        case .unknownParameter(let name, let notebook, let known):
            let list = known.isEmpty ? "it declares none" : "it declares: " + known.joined(separator: ", ")
            return "'\(notebook)' has no parameter '\(name)' (\(list))"
        case .parameterKind(let name, let notebook, let defaultValue, let given):
            return "parameter '\(name)' of '\(notebook)' takes \(defaultValue.kindName) like its default "
                + "\(defaultValue), got \(given.kindName) (\(given))"
        }
    }
}

/// Executes a notebook's cells top to bottom in one shared `ScriptSession`, like a kernel, and
/// collects what each cell produced.
///
/// A cell that fails unexpectedly stops the run (the remaining cells are reported as not run)
/// unless `allowErrors` is set. A cell with the `error` option must fail — with a message
/// containing the given text, if one is given — and then counts as a success.
public struct NotebookRunner: Sendable {
    /// The default per-cell time limit in seconds.
    public static let defaultTimeout: Double = 60

    public var options: RunOptions

    public init(options: RunOptions = RunOptions()) {
        self.options = options
    }

    public func run(_ notebook: Notebook) throws(RunnerError) -> NotebookRun {
        try run(notebook, observe: nil)
    }

    /// Runs `notebook`, calling `observe` after each executed cell with the cell, its run and
    /// how long it took (`qnb run --timings`). Timings never enter the returned run, so pages
    /// and snapshots stay identical run to run.
    public func run(
        _ notebook: Notebook,
        observe: ((Cell, CellRun, Duration) -> Void)?
    ) throws(RunnerError) -> NotebookRun {
        let declared = notebook.frontMatter.params
        for name in options.parameters.keys.sorted() where declared[name] == nil {
            throw .unknownParameter(name: name, notebook: notebook.path, known: declared.keys.sorted())
        }
        let session = ScriptSession(
            configuration: SessionConfiguration(
                seed: UInt64(max(0, notebook.frontMatter.seed ?? 0)), timeLimitCap: options.timeLimitCap,
                baseDirectory: notebook.folder,
                readableDirectories: options.readableDirectories),
            library: .qnb
        )
        // Overrides take the kind of their default (checked before anything runs).
        var parameters = declared
        for name in options.parameters.keys.sorted() {
            guard let given = options.parameters[name], let defaultValue = declared[name] else { continue }
            guard let value = given.conformed(to: defaultValue) else {
                throw .parameterKind(name: name, notebook: notebook.path, defaultValue: defaultValue, given: given)
            }
            parameters[name] = value
        }
        for name in parameters.keys.sorted() {
            if let value = parameters[name] { session.define(name, value.scriptValue) }
        }

        var runs: [CellRun] = []
        var values: [InlineValueRun] = []
        var stopped = false
        let defaultTimeout = options.timeout ?? notebook.frontMatter.timeout ?? Self.defaultTimeout
        /// Evaluates the inline expressions that come before cell `cellCount` of the notebook.
        func evaluateProse(before cellCount: Int) {
            while values.count < notebook.inlineExpressions.count,
                notebook.inlineExpressions[values.count].cellsBefore <= cellCount
            {
                let expression = notebook.inlineExpressions[values.count]
                values.append(
                    stopped
                        ? InlineValueRun(index: expression.index, status: .notRun)
                        : Self.evaluate(expression, in: session, file: notebook.path, timeout: defaultTimeout))
            }
        }
        for cell in notebook.cells {
            evaluateProse(before: cell.index)
            guard cell.runs else {
                runs.append(CellRun(cellIndex: cell.index, status: .skipped))
                continue
            }
            guard !stopped else {
                runs.append(CellRun(cellIndex: cell.index, status: .notRun))
                continue
            }
            let timeout = cell.options.timeout ?? defaultTimeout
            let clock = ContinuousClock()
            let start = clock.now
            let result = session.run(cell.source, origin: cell.origin, timeout: timeout)
            let run = judge(result, of: cell, in: notebook)
            observe?(cell, run, clock.now - start)
            if run.status == CellStatus.failed && !options.allowErrors { stopped = true }
            runs.append(run)
        }
        evaluateProse(before: notebook.cells.count)
        return NotebookRun(notebook: notebook, cells: runs, inlineValues: values, parameters: parameters)
    }

    /// Evaluates one inline expression and formats its value for a sentence; an error (in the
    /// expression, or a value with no one-line form) is located at the expression.
    static func evaluate(
        _ expression: InlineExpression, in session: ScriptSession, file: String, timeout: Double
    ) -> InlineValueRun {
        let origin = expression.origin(file: file)
        let at = origin.location(line: 1, column: 1)
        guard !expression.expression.allSatisfy(\.isWhitespace) else {
            return InlineValueRun(
                index: expression.index, status: .failed,
                error: .error("an inline value needs an expression inside \\( and ), e.g. `\\(mse)`", at: at))
        }
        switch session.evaluate(expression.expression, origin: origin, timeout: timeout) {
        case .failure(let error):
            return InlineValueRun(index: expression.index, status: .failed, error: error)
        case .success(let value):
            do {
                let (text, number) = try ProseFormatting.text(of: value)
                return InlineValueRun(index: expression.index, status: .succeeded, text: text, number: number)
            } catch {
                return InlineValueRun(index: expression.index, status: .failed, error: .error(error.message, at: at))
            }
        }
    }

    /// Decides a cell's status from its result and its `error` option.
    func judge(_ result: CellResult, of cell: Cell, in notebook: Notebook) -> CellRun {
        var run = CellRun(
            cellIndex: cell.index, status: .succeeded, outputs: result.outputs, error: result.error,
            warnings: result.warnings)
        let fence = SourceLocation(file: notebook.path, line: cell.fenceLine, column: 1)
        switch (cell.options.error, result.error) {
        case (.none, .none):
            run.status = .succeeded
        case (.none, .some):
            run.status = .failed
        case (.some, .none):
            run.status = .failed
            run.error = .error("cell was expected to fail (it has the 'error' option) but it succeeded", at: fence)
        case (.some(let expectation), .some(let error)):
            if let text = expectation.expectedMessage, !error.message.contains(text) {
                run.status = .failed
                run.error = .error(
                    "cell failed, but not with the expected error (a message containing \"\(text)\")",
                    at: error.location,
                    notes: [.init(message: "the error was: \(error.message)", location: error.location)]
                )
            } else {
                run.status = .expectedFailure
            }
        }
        return run
    }
}

extension NotebookParameter {
    /// The same value as the cell language sees it.
    var scriptValue: ParameterValue {
        switch self {
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .bool(let value): return .bool(value)
        case .array(let values): return .array(values.map(\.scriptValue))
        }
    }
}
