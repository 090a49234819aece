/// An invalid argument to a quantizer or dequantizer (wrong length, bad block size, ...).
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, in words.
    public let message: String

    /// Creates an error with the given description.
    public init(_ message: String) {
        self.message = message
    }

    /// Same as ``message``.
    public var description: String { message }
}
