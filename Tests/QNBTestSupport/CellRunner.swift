import QNBScript

/// Runs cells through one `ScriptSession` the way a notebook does, top to bottom, each at its
/// own notebook line, and keeps what they produced.
public final class CellRunner {
    public let session: ScriptSession
    public let file: String
    /// The notebook line the next cell starts on.
    public private(set) var nextLine: Int
    public private(set) var results: [CellResult] = []

    public init(
        configuration: SessionConfiguration = .init(), library: BuiltinLibrary = .standard, file: String = "test.md",
        firstLine: Int = 1
    ) {
        self.session = ScriptSession(configuration: configuration, library: library)
        self.file = file
        self.nextLine = firstLine
    }

    /// Runs one cell starting at `line` (or after the previous cell, leaving room for fences).
    @discardableResult
    public func run(_ source: String, line: Int? = nil, timeout: Double? = nil) -> CellResult {
        let start = line ?? nextLine
        let origin = SourceOrigin(file: file, line: start)
        let result =
            timeout == nil ? session.run(source, origin: origin) : session.run(source, origin: origin, timeout: timeout)
        nextLine = start + source.split(separator: "\n", omittingEmptySubsequences: false).count + 3
        results.append(result)
        return result
    }

    /// Runs several cells in order.
    @discardableResult
    public func run(cells: [String]) -> [CellResult] {
        cells.map { run($0) }
    }

    /// The origin a cell run now would get.
    public var nextOrigin: SourceOrigin { SourceOrigin(file: file, line: nextLine) }
}

extension CellResult {
    /// The text of every displayed value, one per line.
    public var displayText: String? {
        let texts = outputs.compactMap { output -> String? in
            if case .display(.text(let text)) = output { return text }
            return nil
        }
        return texts.isEmpty ? nil : texts.joined(separator: "\n")
    }

    /// The displays, in order.
    public var displays: [Display] {
        outputs.compactMap { output in
            if case .display(let display) = output { return display }
            return nil
        }
    }

    /// The error message, if the cell failed.
    public var errorMessage: String? { error?.message }
}

/// Runs one cell in a fresh session: a shortcut for tests of a single snippet.
public func runCell(
    _ source: String, configuration: SessionConfiguration = .init(), library: BuiltinLibrary = .standard
) -> CellResult {
    CellRunner(configuration: configuration, library: library).run(source)
}
