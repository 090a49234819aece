import Foundation

/// The only place qnb writes to the terminal: standard output and standard error, with colour
/// when the stream is a terminal and `NO_COLOR` is unset.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: 1)
    static let standardError = Terminal(descriptor: 2)

    var usesColor: Bool {
        guard isatty(descriptor) == 1, ProcessInfo.processInfo.environment["NO_COLOR"] == nil else {
            return false
        }
        return ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func write(_ text: String) {
        let handle = descriptor == 2 ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(text.utf8))
    }

    /// `text` in an ANSI colour (an SGR colour number), bold by default, when colour is on.
    func styled(_ text: String, _ code: Int, bold: Bool = true) -> String {
        guard usesColor else { return text }
        return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }
}
