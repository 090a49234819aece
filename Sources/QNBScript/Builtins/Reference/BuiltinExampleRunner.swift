/// Runs reference examples through the real interpreter, each in a fresh session with the
/// same seed, so their outputs are deterministic and independent of one another.
public struct BuiltinExampleRunner: Sendable {
    public var library: BuiltinLibrary
    public var configuration: SessionConfiguration

    /// `directory` is where `load` reads from: the caller writes the catalog's fixtures there.
    public init(library: BuiltinLibrary, directory: String? = nil) {
        self.library = library
        self.configuration = SessionConfiguration(
            seed: 0, timeout: 30, baseDirectory: directory, outputDirectory: directory)
    }

    public func run(_ example: BuiltinExample) -> BuiltinExampleResult {
        let session = ScriptSession(configuration: configuration, library: library)
        let result = session.run(example.code, origin: SourceOrigin(file: "example", line: 1))
        return BuiltinExampleResult(example: example, outputs: result.outputs, error: result.error)
    }
}

/// What an example produced, and that as the few lines the reference shows.
public struct BuiltinExampleResult: Sendable {
    public var example: BuiltinExample
    public var outputs: [CellOutput]
    public var error: Diagnostic?

    /// The most lines of one output the reference shows; longer ones end in a line saying
    /// how many were left out. Figures get more room, as their ASCII rendering is one picture.
    static let maxLines = 14
    static let maxFigureLines = 24
    /// The longest line shown; longer ones are cut with "…".
    static let maxLineLength = 100

    /// Whether the example behaved as its catalog entry says (failed if and only if marked so).
    public var isExpected: Bool { (error != nil) == example.fails }

    /// The outputs in order: printed text as printed, values in their plain-text form, saved
    /// files as a line, then the error if any; shortened for the reference.
    public var shownLines: [String] {
        var lines: [String] = []
        var stream = ""
        func flushStream() {
            guard !stream.isEmpty else { return }
            if stream.hasSuffix("\n") { stream.removeLast() }
            lines += Self.shortened(stream.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            stream = ""
        }
        for output in outputs {
            switch output {
            case .stream(let text):
                stream += text
            case .display(let display):
                flushStream()
                lines += Self.shortened(display)
            case .file(let file):
                flushStream()
                lines.append("saved \(file.name) (\(file.bytes.count) bytes)")
            }
        }
        flushStream()
        if let error { lines.append("error: \(error.message)") }
        return lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// A display's plain text, shortened part by part: a training log's table and its figure
    /// each get their own room.
    static func shortened(_ display: Display) -> [String] {
        switch display {
        case .stack(let items):
            return items.flatMap(shortened)
        case .figure:
            return shortened(
                display.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                maxLines: maxFigureLines)
        default:
            return shortened(
                display.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    static func shortened(_ lines: [String], maxLines: Int = maxLines) -> [String] {
        var shown = lines.map { line in
            line.count > maxLineLength ? String(line.prefix(maxLineLength - 1)) + "…" : line
        }
        if shown.count > maxLines {
            let left = shown.count - (maxLines - 1)
            shown = Array(shown.prefix(maxLines - 1)) + ["… (\(left) more lines)"]
        }
        return shown
    }
}
