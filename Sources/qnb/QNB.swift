import ArgumentParser
import Foundation
import QNBNotebook

@main
struct QNB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qnb",
        abstract: "Run Markdown notebooks about quantization and render them as self-contained HTML pages.",
        discussion: """
            A notebook is a CommonMark file whose ```swift fences are cells written in a small \
            subset of Swift that drives qnb's quantization engine. `qnb run` executes the cells \
            top to bottom in one shared environment and writes one HTML page per notebook, with             a snapshot of its outputs that `qnb check` compares later runs with.

            Exit status: 0 success, 1 a cell failed (or, for check, differs), 2 bad usage or             unreadable input, 3 (check) a snapshot is missing.
            """,
        version: QNBVersion.current,
        subcommands: [Run.self, Check.self, Builtins.self]
    )

    /// Parses the command line and runs it, mapping argument-parser failures to exit status 2
    /// (bad usage) instead of its default 64, as the documented exit codes promise.
    static func main() {
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.standardError.write(message + "\n") }
            Foundation.exit(ExitStatus.badInput)
        }
    }
}

/// The exit statuses qnb documents.
enum ExitStatus {
    static let success: Int32 = 0
    static let cellFailed: Int32 = 1
    static let badInput: Int32 = 2
    static let missingSnapshot: Int32 = 3
}
