import QNBScript

/// The notebook's optional YAML header (`---` … `---`): its title and the defaults its cells run
/// with. Every field is `nil` (or empty) when the key is absent.
public struct FrontMatter: Hashable, Sendable {
    /// The keys the front matter accepts, in the order error messages list them.
    public static let keys = ["title", "description", "seed", "tolerance", "timeout", "params"]

    public var title: String?
    public var description: String?
    /// Default seed for the random generators of every cell.
    public var seed: Int?
    /// Default relative tolerance for the regression check.
    public var tolerance: Double?
    /// Default time limit of each cell, in seconds.
    public var timeout: Double?
    /// Parameter defaults by name (`qnb run -p name=value` overrides them).
    public var params: [String: NotebookParameter]
    /// Where each parameter's name is written, for errors about overriding it.
    public var parameterLocations: [String: SourceLocation]
    /// The notebook lines the front matter occupies, both `---` lines included; `nil` without one.
    public var lines: ClosedRange<Int>?

    public init(
        title: String? = nil,
        description: String? = nil,
        seed: Int? = nil,
        tolerance: Double? = nil,
        timeout: Double? = nil,
        params: [String: NotebookParameter] = [:],
        parameterLocations: [String: SourceLocation] = [:],
        lines: ClosedRange<Int>? = nil
    ) {
        self.title = title
        self.description = description
        self.seed = seed
        self.tolerance = tolerance
        self.timeout = timeout
        self.params = params
        self.parameterLocations = parameterLocations
        self.lines = lines
    }

}
