/// One parameter of a builtin function, method, subscript or option case.
///
/// Arguments match parameters by Swift's rules: in order, by label; a parameter with a default
/// may be left out. The type checks the argument (and makes integer literals Doubles where a
/// Double is expected); the name appears in the reference and in error messages.
public struct BuiltinParameter: Sendable {
    /// The argument label; nil for `_`.
    public var label: String?
    public var name: String
    public var type: ScriptType
    /// The value used when the argument is left out; nil makes the parameter required.
    public var defaultValue: Value?
    /// Overrides how the default is written in the reference (e.g. `"Tensor.zeros"`).
    public var defaultText: String?
    /// `inout`: the argument is written `&x`, and the implementation's final value of
    /// `arguments[i]` is stored back into `x`.
    public var isInout = false
    /// `T...`: takes every remaining unlabelled argument; the implementation gets an array.
    public var isVariadic = false

    public init(
        label: String?, name: String? = nil, type: ScriptType, default defaultValue: Value? = nil,
        defaultText: String? = nil, isInout: Bool = false, isVariadic: Bool = false
    ) {
        self.label = label
        self.name = name ?? label ?? "value"
        self.type = type
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.isInout = isInout
        self.isVariadic = isVariadic
    }

    /// `_ name: type`
    public static func unlabeled(_ name: String, _ type: ScriptType, default defaultValue: Value? = nil) -> Self {
        Self(label: nil, name: name, type: type, default: defaultValue)
    }

    /// `label: type`, the label doubling as the name.
    public static func labeled(_ label: String, _ type: ScriptType, default defaultValue: Value? = nil) -> Self {
        Self(label: label, name: label, type: type, default: defaultValue)
    }

    /// `_ name: inout type`, passed as `&x`.
    public static func `inout`(_ name: String, _ type: ScriptType, label: String? = nil) -> Self {
        Self(label: label, name: name, type: type, isInout: true)
    }

    /// `_ name: type...`
    public static func variadic(_ name: String, _ type: ScriptType) -> Self {
        Self(label: nil, name: name, type: type, isVariadic: true)
    }

    var hasDefault: Bool { defaultValue != nil }

    /// `label name: Type = default` as Swift writes a parameter.
    public var signatureText: String {
        var text: String
        switch label {
        case nil: text = "_ \(name)"
        case let label? where label == name: text = label
        case let label?: text = "\(label) \(name)"
        }
        text += ": " + (isInout ? "inout " : "") + type.name + (isVariadic ? "..." : "")
        if let defaultText {
            text += " = \(defaultText)"
        } else if let defaultValue {
            text += " = \(defaultValue.literalDescription)"
        }
        return text
    }
}

extension Array where Element == BuiltinParameter {
    /// Same labels and types: registering such an overload replaces the earlier one.
    func hasSameShape(as other: [BuiltinParameter]) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.label == $1.label && $0.type == $1.type }
    }

    /// `(_:bits:scheme:)`
    var labelsText: String {
        "(" + map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}
