/// A short cell that shows one group of the reference at work. The reference runs it and shows
/// what it printed and displayed, so the documented output is always the real one.
public struct BuiltinExample: Sendable {
    public var key: BuiltinReferenceKey
    public var code: String
    /// The example stops with an error on purpose (`fatalError`); the reference shows the
    /// message, and an example marked so that succeeds is itself an error.
    public var fails: Bool

    public init(_ key: BuiltinReferenceKey, _ code: String, fails: Bool = false) {
        self.key = key
        self.code = code
        self.fails = fails
    }

    public static func function(_ name: String, _ code: String, fails: Bool = false) -> Self {
        .init(.init(.function, name), code, fails: fails)
    }

    public static func type(_ name: String, _ code: String) -> Self {
        .init(.init(.type, name), code)
    }

    /// A property, method, subscript (`"subscript"`) or operator (its symbol) of `owner`.
    public static func member(_ owner: String, _ name: String, _ code: String) -> Self {
        .init(.init(.member, owner: owner, name), code)
    }

    public static func options(_ name: String, _ code: String) -> Self {
        .init(.init(.options, name), code)
    }

    public static func staticMember(_ owner: String, _ name: String, _ code: String) -> Self {
        .init(.init(.staticMember, owner: owner, name), code)
    }
}

/// Examples under a heading: the reference lists free functions by the section their example
/// is in, so sections follow the areas of the registration files (output, math, tensors,
/// quantization, …). Examples of members, types and options may sit in any section.
public struct BuiltinExampleSection: Sendable {
    public var title: String
    public var examples: [BuiltinExample]

    public init(_ title: String, _ examples: [BuiltinExample]) {
        self.title = title
        self.examples = examples
    }
}

/// Every example of a library, by section.
public struct BuiltinExampleCatalog: Sendable {
    public var sections: [BuiltinExampleSection]
    /// Files the examples read (`load("weights.npy")`): whoever runs the examples writes them
    /// into the session's folder first (QNBScript itself never writes files).
    public var fixtures: [SavedFile]

    public init(sections: [BuiltinExampleSection], fixtures: [SavedFile] = []) {
        self.sections = sections
        self.fixtures = fixtures
    }

    public var examples: [BuiltinExample] { sections.flatMap(\.examples) }

    /// The example of each key; the first one wins if a key appears twice (a test forbids it).
    public var examplesByKey: [BuiltinReferenceKey: BuiltinExample] {
        var result: [BuiltinReferenceKey: BuiltinExample] = [:]
        for example in examples where result[example.key] == nil { result[example.key] = example }
        return result
    }

    public func merging(_ other: BuiltinExampleCatalog) -> BuiltinExampleCatalog {
        BuiltinExampleCatalog(sections: sections + other.sections, fixtures: fixtures + other.fixtures)
    }
}
