import Foundation
import QNBScript

/// The fuzzed areas of qnb, each a function from arbitrary bytes to nothing that must not crash,
/// hang or leak whatever the bytes are.
///
/// The same functions serve the libFuzzer binaries (`make fuzz`), the replay executables and the
/// regression test that runs every committed seed and past finding.
public enum FuzzHarness: String, CaseIterable, Sendable {
    /// Notebook files: UTF-8 decoding, Markdown, front matter, cell options, then the HTML page.
    case notebook
    /// The cell language: parse, lower and run cells in one session, with small limits.
    case script
    /// The `.npy`, `.safetensors` and CSV readers.
    case files

    /// Runs one input through the harness.
    public func run(_ input: UnsafeRawBufferPointer) {
        switch self {
        case .notebook: NotebookHarness.run(input)
        case .script: ScriptHarness.run(input)
        case .files: FileHarness.run(input)
        }
        // A parse given up on at its time limit runs on: wait for it, so that a slow parse is
        // still found as a hang (libFuzzer's -timeout) and its time is charged to its input.
        while ScriptSession.abandonedParseCount > 0 { Thread.sleep(forTimeInterval: 0.001) }
    }

    /// Runs one input given as an array of bytes.
    public func run(_ input: [UInt8]) {
        input.withUnsafeBytes { run($0) }
    }
}
