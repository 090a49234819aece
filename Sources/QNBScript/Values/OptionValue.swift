/// An implicit member expression, `.symmetric` or `.perChannel(axis: 0)`: a case name and its
/// labelled associated values. Builtins receive it and read the case they need.
public struct OptionValue: Hashable {
    public struct Argument: Hashable {
        public var label: String?
        public var value: Value

        public init(label: String?, value: Value) {
            self.label = label
            self.value = value
        }
    }

    public var name: String
    /// nil for a case without parentheses (`.symmetric`), otherwise the arguments (possibly none).
    public var arguments: [Argument]?

    public init(_ name: String, arguments: [Argument]? = nil) {
        self.name = name
        self.arguments = arguments
    }

    /// The associated value labelled `label` (or the first unlabelled one for `nil`).
    public func argument(_ label: String?) -> Value? {
        arguments?.first(where: { $0.label == label })?.value
    }
}
