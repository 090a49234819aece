import QuantEngine

/// The tree-walking interpreter: runs lowered cells against one session's state.
///
/// All state lives here (no globals): the running function's frame, the call depth, the cell's
/// outputs, the random generator and the deadline. One interpreter serves one session, on one
/// thread at a time.
final class Interpreter {
    /// The slots of the running function (or of a cell's top-level code).
    struct Frame {
        var values: [Value]
        var boxes: [Box?]
        var captures: [Box]
        /// The declared result type of the running function, checked by `return`.
        var returnType: ScriptType?
        var functionName: String

        static var empty: Frame { Frame(values: [], boxes: [], captures: [], returnType: nil, functionName: "") }
    }

    let library: ResolvedLibrary
    let configuration: SessionConfiguration
    let globals: GlobalScope
    @exclusivity(unchecked) var frame = Frame.empty
    @exclusivity(unchecked) var callDepth = 0
    /// What the running cell printed and displayed so far.
    var outputs: [CellOutput] = []
    let random: SessionRandom
    var deadline: ContinuousClock.Instant? {
        didSet { hasDeadline = deadline != nil }
    }
    @exclusivity(unchecked) private var hasDeadline = false
    var timeLimit: Double?
    @exclusivity(unchecked) var ticks = 0
    /// Storage builtins may use to keep per-session state.
    var userInfo: [String: Any] = [:]
    /// Where the running cell is in its notebook (for `BuiltinContext.location`).
    var origin: SourceOrigin?

    /// The call depth limit in force: the configured one, capped so that the worker thread's
    /// stack (1 GiB) cannot overflow even in a debug build (about 17 KiB of stack per call).
    let maxCallDepth: Int
    static let callDepthCap = 10_000

    init(library: ResolvedLibrary, configuration: SessionConfiguration, globals: GlobalScope) {
        self.library = library
        self.configuration = configuration
        self.maxCallDepth = max(1, min(configuration.maxCallDepth, Self.callDepthCap))
        self.globals = globals
        self.random = SessionRandom(seed: configuration.seed)
    }

    // MARK: Output

    /// The most text a cell may print (1 MiB); what follows is cut, with a note, so that a
    /// `print` in an endless loop cannot make the page huge.
    static let maximumOutputBytes = 1 << 20
    /// Text printed by the running cell so far, in UTF-8 bytes.
    var outputBytes = 0

    func write(_ text: String) {
        guard outputBytes <= Self.maximumOutputBytes else { return }
        var text = text
        let room = Self.maximumOutputBytes - outputBytes
        outputBytes += text.utf8.count
        if outputBytes > Self.maximumOutputBytes {
            // Cut at a character boundary at most `room` bytes in, then say so once.
            var end = text.utf8.index(text.utf8.startIndex, offsetBy: max(0, room))
            while end > text.startIndex && end.samePosition(in: text) == nil { end = text.utf8.index(before: end) }
            let kept = text[..<end]
            text = String(kept) + (kept.hasSuffix("\n") || kept.isEmpty ? "" : "\n")
            text +=
                "… output cut: the cell printed more than \(MemoryBudget.describe(bytes: Self.maximumOutputBytes))\n"
        }
        if case .stream(let previous)? = outputs.last {
            outputs[outputs.count - 1] = .stream(previous + text)
        } else {
            outputs.append(.stream(text))
        }
    }

    // MARK: Time limit

    /// Counts loop iterations and calls; every 1024th checks the clock, every 8192nd the
    /// process's memory against the budget (a loop that grows an array in small steps).
    @inline(__always)
    func tick(_ position: SourcePosition) throws {
        ticks &+= 1
        if ticks & 1023 == 0 { try checkLimits(position) }
    }

    @inline(never)
    func checkLimits(_ position: SourcePosition) throws {
        if hasDeadline { try checkDeadline(position) }
        if ticks & 0x1FFF == 0, let (resident, limit) = MemoryBudget.isExceeded() {
            throw ScriptError(
                "the run uses \(MemoryBudget.describe(bytes: resident)), more than its memory budget of "
                    + "\(MemoryBudget.describe(bytes: limit)) (qnb run --max-memory sets it)", at: position)
        }
    }

    @inline(never)
    func checkDeadline(_ position: SourcePosition) throws {
        if let deadline, ContinuousClock.now > deadline { throw timeLimitError(position) }
    }

    private func timeLimitError(_ position: SourcePosition) -> ScriptError {
        ScriptError(Self.timeLimitMessage(timeLimit), at: position)
    }

    /// "cell exceeded its time limit of 60 s", for a cell whose limit was `seconds`.
    static func timeLimitMessage(_ seconds: Double?) -> String {
        "cell exceeded its time limit of \(seconds.map { NumberFormatting.format($0) } ?? "?") s"
    }

    // MARK: Variables

    @inline(__always)
    func read(_ reference: VariableReference, at position: SourcePosition) throws -> Value {
        switch reference {
        case .local(let slot):
            if slot.isBoxed {
                guard let box = frame.boxes[slot.index], box.isInitialized else {
                    throw uninitialized(slot.name, position)
                }
                return box.value
            }
            return frame.values[slot.index]
        case .captured(let index, let slot):
            let box = frame.captures[index]
            guard box.isInitialized else { throw uninitialized(slot.name, position) }
            return box.value
        case .global(let global):
            guard global.isInitialized else { throw uninitialized(global.name, position) }
            return global.value
        }
    }

    func uninitialized(_ name: String, _ position: SourcePosition) -> ScriptError {
        ScriptError("variable '\(name)' used before being initialized", at: position)
    }

    /// Stores into a variable that is already declared (an assignment).
    @inline(__always)
    func store(_ value: Value, into reference: VariableReference) {
        switch reference {
        case .local(let slot):
            if slot.isBoxed {
                if let box = frame.boxes[slot.index] {
                    box.value = value
                    box.isInitialized = true
                } else {
                    frame.boxes[slot.index] = Box(value)
                }
            } else {
                frame.values[slot.index] = value
            }
        case .captured(let index, _):
            frame.captures[index].value = value
            frame.captures[index].isInitialized = true
        case .global(let global):
            global.value = value
            global.isInitialized = true
        }
    }

    /// Runs a declaration: a fresh box for a captured local, publication for a global.
    @inline(__always)
    func declare(_ target: VariableTarget, _ value: Value) {
        switch target {
        case .local(let slot):
            if slot.isBoxed {
                frame.boxes[slot.index] = Box(value)
            } else {
                frame.values[slot.index] = value
            }
        case .global(let global):
            global.value = value
            global.isInitialized = true
            globals.publish(global)
        }
    }

    /// Declares a variable whose value comes later (`let x: Int` then `x = 1`).
    func declareUninitialized(_ target: VariableTarget) {
        switch target {
        case .local(let slot):
            frame.boxes[slot.index] = Box()
        case .global(let global):
            global.isInitialized = false
            globals.publish(global)
        }
    }

    /// Lends the value stored in a variable to `body` for in-place mutation. The variable is
    /// emptied meanwhile, so the value's storage is uniquely referenced and does not get copied.
    func modifyVariable<R>(
        _ reference: VariableReference, at position: SourcePosition, _ body: (inout Value) throws -> R
    ) throws -> R {
        switch reference {
        case .local(let slot):
            if slot.isBoxed {
                guard let box = frame.boxes[slot.index], box.isInitialized else {
                    throw uninitialized(slot.name, position)
                }
                return try modifyBox(box, body)
            }
            let index = slot.index
            var value = frame.values[index]
            frame.values[index] = .void
            defer { frame.values[index] = value }
            return try body(&value)
        case .captured(let index, let slot):
            let box = frame.captures[index]
            guard box.isInitialized else { throw uninitialized(slot.name, position) }
            return try modifyBox(box, body)
        case .global(let global):
            guard global.isInitialized else { throw uninitialized(global.name, position) }
            var value = global.value
            global.value = .void
            defer { global.value = value }
            return try body(&value)
        }
    }

    private func modifyBox<R>(_ box: Box, _ body: (inout Value) throws -> R) throws -> R {
        var value = box.value
        box.value = .void
        defer { box.value = value }
        return try body(&value)
    }
}

/// The published top-level variables and functions of a session, by name.
final class GlobalScope {
    private(set) var variables: [String: GlobalVariable] = [:]

    func publish(_ global: GlobalVariable) {
        variables[global.name] = global
    }

    func lookup(_ name: String) -> GlobalVariable? {
        variables[name]
    }

    /// Drops every value (when the session ends).
    func releaseValues() {
        for global in variables.values { global.value = .void }
        variables.removeAll()
    }
}
