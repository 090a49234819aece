extension Value {
    /// How a cell shows this value as its result: host objects by their own display, a string as
    /// its text (no quotes: it reads best on a page), everything else as Swift prints it, with
    /// strings inside collections quoted (`["a", "b"]`).
    public var display: Display {
        switch self {
        case .object(let object): return object.scriptDisplay
        default: return .text(description)
        }
    }
}
