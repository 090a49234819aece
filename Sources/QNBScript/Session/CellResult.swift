/// What running one cell produced: its outputs in order, the error that stopped it (outputs
/// made before it are kept), and warnings.
public struct CellResult: Sendable {
    public var outputs: [CellOutput]
    public var error: Diagnostic?
    public var warnings: [Diagnostic]

    public init(outputs: [CellOutput] = [], error: Diagnostic? = nil, warnings: [Diagnostic] = []) {
        self.outputs = outputs
        self.error = error
        self.warnings = warnings
    }

    /// All stream text, concatenated.
    public var streamText: String {
        outputs.compactMap { output in
            if case .stream(let text) = output { return text }
            return nil
        }.joined()
    }
}
