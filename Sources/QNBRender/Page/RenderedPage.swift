import QNBScript

/// A notebook's page, with the warnings rendering it raised (a formula shown as TeX because it
/// could not be converted), located in the notebook for the command line to print.
public struct RenderedPage: Hashable, Sendable {
    public var html: String
    public var warnings: [Diagnostic]

    public init(html: String, warnings: [Diagnostic]) {
        self.html = html
        self.warnings = warnings
    }
}
