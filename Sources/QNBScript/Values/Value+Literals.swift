// Literal conformances so builtin signatures can write defaults as `default: 8`,
// `default: 0.02`, `default: "mean"`, `default: true` or `default: [1, 2]`.

extension Value: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
}

extension Value {
    /// An option value without associated values, for defaults: `default: .case("symmetric")`.
    public static func `case`(_ name: String, _ arguments: [OptionValue.Argument]? = nil) -> Value {
        .option(OptionValue(name, arguments: arguments))
    }
}
