/// An error raised while lowering or running a cell, before it is located in the notebook.
///
/// Builtins throw it with a message, optionally naming the argument at fault
/// (`ScriptError("bits must be between 2 and 16", argument: 1)`); the interpreter locates it at
/// that argument, or at the call, and turns it into a `Diagnostic`.
public struct ScriptError: Error, CustomStringConvertible {
    public var message: String
    /// The index (into the builtin's parameters) of the argument to blame, if any.
    public var argumentIndex: Int?
    /// For a variadic parameter, which of its arguments to blame.
    public var elementIndex: Int?
    var position: SourcePosition?
    var notes: [(message: String, position: SourcePosition?)] = []

    public init(_ message: String, argument: Int? = nil, element: Int? = nil) {
        self.message = message
        self.argumentIndex = argument
        self.elementIndex = element
    }

    init(_ message: String, at position: SourcePosition?) {
        self.message = message
        self.position = position
    }

    public var description: String { message }

    /// The error located at `position` unless it already has a location.
    func located(at position: SourcePosition) -> ScriptError {
        var copy = self
        if copy.position == nil { copy.position = position }
        return copy
    }

    func diagnostic(in origin: SourceOrigin) -> Diagnostic {
        Diagnostic.error(
            message,
            at: (position ?? .unknown).location(in: origin),
            notes: notes.map { Diagnostic.Note(message: $0.message, location: $0.position?.location(in: origin)) }
        )
    }
}
