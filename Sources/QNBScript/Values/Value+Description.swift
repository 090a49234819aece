extension Value: CustomStringConvertible, CustomDebugStringConvertible {
    /// What Swift's `print` and `String(describing:)` write: `0.30000000000000004`, `[1, 2]`,
    /// `["a": 1]`, `(a: 1, b: "x")`, `Optional(3)`, `nil`, `0..<3`; a string as itself.
    public var description: String {
        switch self {
        case .string(let s): return s
        default:
            var out = ""
            write(to: &out, nested: false)
            return out
        }
    }

    /// The form of a value inside a collection: strings quoted and escaped, as Swift prints them.
    public var debugDescription: String {
        var out = ""
        write(to: &out, nested: true)
        return out
    }

    /// How a default value is written in the reference: `8`, `0.02`, `"mean"`, `.symmetric`.
    public var literalDescription: String {
        if case .option(let option) = self { return "." + Value.optionText(option) }
        return debugDescription
    }

    func write(to out: inout String, nested: Bool) {
        switch self {
        case .int(let v): out += String(v)
        case .double(let v): out += v.description
        case .bool(let v): out += v ? "true" : "false"
        case .string(let s): out += nested ? s.debugDescription : s
        case .array(let elements):
            out += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { out += ", " }
                element.write(to: &out, nested: true)
            }
            out += "]"
        case .dictionary(let dict):
            if dict.isEmpty {
                out += "[:]"
                return
            }
            out += "["
            for i in 0..<dict.count {
                if i > 0 { out += ", " }
                dict.keys[i].write(to: &out, nested: true)
                out += ": "
                dict.values[i].write(to: &out, nested: true)
            }
            out += "]"
        case .tuple(let tuple):
            out += "("
            for (i, element) in tuple.elements.enumerated() {
                if i > 0 { out += ", " }
                if let label = tuple.label(at: i) { out += label + ": " }
                element.write(to: &out, nested: true)
            }
            out += ")"
        case .optional(let inner):
            if let inner {
                out += "Optional("
                inner.write(to: &out, nested: true)
                out += ")"
            } else {
                out += "nil"
            }
        case .range(let range): out += Value.rangeText(range)
        case .function: out += "(Function)"
        case .option(let option): out += Value.optionText(option)
        case .object(let object): out += object.scriptDescription
        }
    }

    static func optionText(_ option: OptionValue) -> String {
        guard let arguments = option.arguments else { return option.name }
        let parts = arguments.map { argument in
            (argument.label.map { $0 + ": " } ?? "") + argument.value.debugDescription
        }
        return "\(option.name)(\(parts.joined(separator: ", ")))"
    }

    static func rangeText(_ range: ScriptRange) -> String {
        switch range {
        case .int(let lower, let upper, let closed): return "\(lower)\(closed ? "..." : "..<")\(upper)"
        case .double(let lower, let upper, let closed): return "\(lower)\(closed ? "..." : "..<")\(upper)"
        case .intStride(let from, let to, let by, let inclusive):
            return "stride(from: \(from), \(inclusive ? "through" : "to"): \(to), by: \(by))"
        case .doubleStride(let from, let to, let by, let inclusive):
            return "stride(from: \(from), \(inclusive ? "through" : "to"): \(to), by: \(by))"
        case .from(let lower): return "\(lower)..."
        case .upTo(let upper): return "..<\(upper)"
        case .through(let upper): return "...\(upper)"
        }
    }
}
