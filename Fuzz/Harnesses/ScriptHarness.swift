import Foundation
import QNBPlot
import QNBScript
import QuantEngine

/// Runs the input as the cells of one notebook session with the full qnb library, a short time
/// limit and a small memory budget, then formats what the cells produced.
///
/// Lines that are exactly `// %%` split the input into cells, so that one input can define
/// something in a cell and use it in the next. The last line is also evaluated as an inline
/// prose value, and the whole input is checked (parsed and lowered without running).
public enum ScriptHarness {
    /// Seconds each cell may run.
    static let timeLimit = 0.2
    /// The process's memory budget (`MemoryBudget`, resident memory included): below libFuzzer's
    /// 2 GiB limit, so a cell that asks for too much fails with the budget's error instead.
    static let memoryBudget = 1 << 30
    static let cellSeparator = "// %%"
    static let file = "fuzz.md"

    static func run(_ input: UnsafeRawBufferPointer) {
        let source = String(decoding: input, as: UTF8.self)
        let session = ScriptSession(configuration: configuration, library: .qnb)
        var line = 1
        for cell in cells(of: source) {
            let result = session.run(cell.source, origin: SourceOrigin(file: file, line: cell.line))
            result.outputs.forEach(format)
            _ = result.error?.description
            line = cell.line
        }
        if let last = source.split(separator: "\n", omittingEmptySubsequences: false).last {
            switch session.evaluate(String(last), origin: SourceOrigin(file: file, line: line)) {
            case .success(let value): _ = value.display.plainText
            case .failure(let error): _ = error.description
            }
        }
        _ = ScriptSession(configuration: configuration, library: .qnb)
            .check(source, origin: SourceOrigin(file: file, line: 1))
            .map(\.description)
    }

    /// The cells of `source` with the line each starts on.
    static func cells(of source: String) -> [(source: String, line: Int)] {
        var cells: [(source: String, line: Int)] = []
        var current: [Substring] = []
        var start = 1
        for (index, text) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if text == cellSeparator {
                cells.append((current.joined(separator: "\n"), start))
                current = []
                start = index + 2
            } else {
                current.append(text)
            }
        }
        cells.append((current.joined(separator: "\n"), start))
        return cells
    }

    /// Formats an output as the page and the text transcript would.
    static func format(_ output: CellOutput) {
        switch output {
        case .stream(let text): _ = text.count
        case .display(let display): format(display)
        case .file(let saved): _ = saved.bytes.count
        }
    }

    static func format(_ display: Display) {
        _ = display.plainText
        switch display {
        case .figure(let graphic):
            _ = SVGRenderer.render(graphic)
            _ = ASCIIRenderer.render(graphic)
        case .stack(let displays):
            displays.forEach(format)
        case .text, .table, .record:
            break
        }
    }

    static var configuration: SessionConfiguration {
        SessionConfiguration(timeout: timeLimit, baseDirectory: FixtureFolder.path)
    }

    /// Sets the process's memory budget; the fuzzer and the replay executable call it once (the
    /// test suite, which shares its process with other tests, does not).
    public static func limitMemory() {
        MemoryBudget.limit = memoryBudget
    }
}

/// The files the reference's examples load (`weights.npy`, `model.safetensors`, `data.csv`),
/// written once per process into a temporary folder that fuzzed cells read from.
enum FixtureFolder {
    static let path: String = {
        let folder = NSTemporaryDirectory() + "qnb-fuzz-fixtures-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in BuiltinExampleCatalog.qnb.fixtures {
            _ = FileManager.default.createFile(atPath: folder + "/" + file.name, contents: Data(file.bytes))
        }
        return folder
    }()
}
