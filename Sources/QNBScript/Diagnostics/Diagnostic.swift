/// A located message about a notebook: a syntax error, a runtime error, an unknown option or a
/// warning.
///
/// All of qnb's modules report problems a notebook or an input file can cause as `Diagnostic`s,
/// so the command line prints them one way (`path:line:col: error: message`, the source line and a
/// caret).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    /// Extra located context, e.g. "called from here" or "declared here".
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(message: String, location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]

    public init(
        _ severity: Severity = .error,
        _ message: String,
        at location: SourceLocation,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: location, notes: notes)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `path:line:col: error: message`, the compiler's one-line form.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
