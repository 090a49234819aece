import Yams

/// YAML documents composed by Yams, with plain scalars resolved by the YAML 1.2 core schema
/// (yaml.org/spec/1.2.2 §10.3) in qnb rather than by Yams' default resolver.
///
/// Yams' default resolver matches every scalar against regular expressions whose one-time ICU
/// compilation takes about 2 ms — longer than running a small notebook — and it follows YAML
/// 1.1, where `yes`, `no`, `on` and `off` are booleans and `1_000` or `1:30` are numbers. The
/// core schema is smaller, unsurprising, and checked here by hand in a few lines:
///
/// | plain scalar                                          | value   |
/// |-------------------------------------------------------|---------|
/// | `null` `Null` `NULL` `~` or empty                     | null    |
/// | `true` `True` `TRUE` `false` `False` `FALSE`          | boolean |
/// | `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`            | integer |
/// | `[-+]?(\.[0-9]+\|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` | float   |
/// | `[-+]?(.inf\|.Inf\|.INF)`, `.nan` `.NaN` `.NAN`        | float   |
///
/// Anything else, and every quoted or block scalar, is a string.
enum YAMLCoreSchema {
    /// A resolved scalar.
    enum Value: Equatable {
        case null
        case bool(Bool)
        case int(Int)
        /// An integer outside the range of `Int`; its text.
        case hugeInt(String)
        case float(Double)
        case string(String)

        /// The value as a number, if it is one (huge integers included).
        var number: Double? {
            switch self {
            case .int(let value): return Double(value)
            case .hugeInt(let text): return Double(text)
            case .float(let value): return value
            case .null, .bool, .string: return nil
            }
        }
    }

    /// The single document in `yaml`, `nil` if it is empty; throws Yams' errors.
    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic)
    }

    /// The value of a scalar node; `nil` for sequences, mappings and aliases.
    static func value(of node: Node) -> Value? {
        guard case .scalar(let scalar) = node else { return nil }
        return value(of: scalar)
    }

    static func value(of scalar: Node.Scalar) -> Value {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let integer = integer(bytes) {
            return integer.map(Value.int) ?? .hugeInt(text)
        }
        if isFloat(bytes), let value = Double(text) { return .float(value) }
        return .string(text)
    }

    /// `.some(value)` for core-schema integer text, `.some(nil)` when it is one but does not fit
    /// in `Int`, `nil` when it is not an integer.
    private static func integer(_ bytes: [UInt8]) -> Int?? {
        func digits(_ body: ArraySlice<UInt8>, radix: Int) -> Int?? {
            guard !body.isEmpty else { return nil }
            var value = 0
            var overflow = false
            for byte in body {
                guard let digit = digitValue(byte), digit < radix else { return nil }
                if !overflow {
                    let (times, o1) = value.multipliedReportingOverflow(by: radix)
                    let (sum, o2) = times.addingReportingOverflow(digit)
                    overflow = o1 || o2
                    value = sum
                }
            }
            return .some(overflow ? nil : value)
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "o") {
            return digits(bytes[2...], radix: 8)
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") {
            return digits(bytes[2...], radix: 16)
        }
        var body = bytes[...]
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard body.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        // Accumulated negatively so that Int.min fits.
        guard !body.isEmpty else { return nil }
        var value = 0
        for byte in body {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.subtractingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if o1 || o2 { return .some(nil) }
            value = sum
        }
        if negative { return .some(value) }
        return .some(value == .min ? nil : -value)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func isDigit(_ at: Int) -> Bool {
            at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var integerDigits = 0
        while isDigit(i) { i += 1; integerDigits += 1 }
        var fractionDigits = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) { i += 1; fractionDigits += 1 }
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == bytes.count
    }
}
