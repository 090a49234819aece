import QNBScript
import Testing

/// Runs a cell whose source marks the expected error position with a marker (`1️⃣`) and checks
/// the error's message and notebook location. The cell starts at notebook line `line` (not 1,
/// so re-basing onto the notebook is checked too), after the `setup` cells.
@discardableResult
public func expectCellError(
    _ markedSource: String, _ message: String, marker: String = "1️⃣", line: Int = 20, setup: [String] = [],
    configuration: SessionConfiguration = .init(), library: BuiltinLibrary = .standard,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CellResult {
    let marked = MarkedSource(markedSource)
    let runner = CellRunner(configuration: configuration, library: library)
    for cell in setup {
        let result = runner.run(cell, line: 1)
        #expect(
            result.error == nil, "setup cell failed: \(result.error.map(String.init(describing:)) ?? "")",
            sourceLocation: sourceLocation)
    }
    let result = runner.run(marked.source, line: line)
    guard let error = result.error else {
        Issue.record(
            "expected the error \"\(message)\", the cell succeeded with \(result.outputs)",
            sourceLocation: sourceLocation)
        return result
    }
    #expect(error.message == message, sourceLocation: sourceLocation)
    let expected = marked.location(marker, origin: SourceOrigin(file: runner.file, line: line))
    #expect(
        error.location == expected, "error at \(error.location), expected \(expected)", sourceLocation: sourceLocation)
    return result
}

/// Runs a cell and checks what it printed (and, if given, what it displayed); it must not fail.
@discardableResult
public func expectCellOutput(
    _ source: String, prints expected: String? = nil, displays display: String? = nil, setup: [String] = [],
    configuration: SessionConfiguration = .init(), library: BuiltinLibrary = .standard,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> CellResult {
    let runner = CellRunner(configuration: configuration, library: library)
    for cell in setup { runner.run(cell) }
    let result = runner.run(source)
    #expect(
        result.error == nil, "unexpected error: \(result.error.map(String.init(describing:)) ?? "")",
        sourceLocation: sourceLocation)
    if let expected { #expect(result.streamText == expected, sourceLocation: sourceLocation) }
    if let display { #expect(result.displayText == display, sourceLocation: sourceLocation) }
    return result
}

/// The value a cell's last expression displays, as text ("<error: …>" if the cell fails).
public func displayed(_ source: String, library: BuiltinLibrary = .standard) -> String {
    let result = runCell(source, library: library)
    if let error = result.error { return "<error: \(error.message)>" }
    return result.displayText ?? "<nothing displayed>"
}
