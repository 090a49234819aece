import Yams

/// A value in the front matter's `params` mapping: a default that `qnb run -p name=value` can
/// override, papermill style. Scalars follow YAML's rules (`8` is an integer, `0.5` a double,
/// `true` a boolean, `"8"` a string).
public enum NotebookParameter: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case array([NotebookParameter])

    /// Reads a command-line override such as the `4` of `-p bits=4` with the front matter's
    /// scalar rules; `[2, 4, 8]` is an array. Text that is not a valid scalar or list of scalars
    /// is taken as a string.
    public init(parsing text: String) {
        let node: Node?
        do {
            node = try YAMLCoreSchema.compose(text)
        } catch {
            node = nil
        }
        if let node, let value = NotebookParameter(yaml: node) {
            self = value
        } else {
            self = .string(text)
        }
    }

    /// The value as it would be written in the front matter: `4`, `0.5`, `"text"`, `[2, 4]`.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        case .bool(let value): return value ? "true" : "false"
        case .array(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Converts a YAML scalar, or a sequence of scalars; `nil` for null, mappings, nested
    /// sequences and out-of-range integers.
    init?(yaml node: Node) {
        switch node {
        case .scalar:
            guard let scalar = NotebookParameter(yamlScalar: node) else { return nil }
            self = scalar
        case .sequence(let sequence):
            var values: [NotebookParameter] = []
            for element in sequence {
                guard let value = NotebookParameter(yamlScalar: element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .mapping, .alias:
            return nil
        }
    }

    private init?(yamlScalar node: Node) {
        switch YAMLCoreSchema.value(of: node) {
        case .int(let value): self = .int(value)
        case .float(let value): self = .double(value)
        case .bool(let value): self = .bool(value)
        case .string(let value): self = .string(value)
        case .null, .hugeInt, nil: return nil
        }
    }
}

extension NotebookParameter {
    /// What kind of value this is, for messages: "an integer", "a list".
    public var kindName: String {
        switch self {
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .bool: return "a boolean"
        case .array: return "a list"
        }
    }

    /// An override converted to the kind of `defaultValue`, or `nil` when it is of another kind:
    /// an integer stands for a number, anything stands for a string (as its text), a list's
    /// elements follow the default's first element.
    public func conformed(to defaultValue: NotebookParameter) -> NotebookParameter? {
        switch (defaultValue, self) {
        case (.int, .int), (.double, .double), (.bool, .bool), (.string, .string): return self
        case (.double, .int(let value)): return .double(Double(value))
        case (.string, .int), (.string, .double), (.string, .bool): return .string(description)
        case (.array(let defaults), .array(let values)):
            guard let first = defaults.first else { return self }
            var converted: [NotebookParameter] = []
            for value in values {
                guard let element = value.conformed(to: first) else { return nil }
                converted.append(element)
            }
            return .array(converted)
        default: return nil
        }
    }
}
