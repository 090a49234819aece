#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// The one way qnb writes a floating-point number for people: at most `significantDigits`
/// significant digits, trailing zeros dropped, scientific notation for very small or very large
/// magnitudes. Deterministic and locale-independent.
public enum NumberFormatting {
    public static let significantDigits = 6

    public static func format(_ value: Double, significantDigits digits: Int = significantDigits) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        // The exponent of the value as printed with `digits` significant digits, so 999.9999999
        // (which prints as 1000) counts as 10^3.
        let scientific = cFormat("%.\(max(0, digits - 1))e", value)
        guard let e = scientific.firstIndex(of: "e"),
            let exponent = Int(scientific[scientific.index(after: e)...])
        else { return scientific }
        if exponent >= -4 && exponent < 15 {
            return trimmed(fixed(value, decimals: max(0, digits - 1 - exponent)))
        }
        return trimmed(String(scientific[..<e])) + String(scientific[e...])
    }

    /// `value` rounded to `decimals` places (half to even on the decimal digits of the binary value).
    static func fixed(_ value: Double, decimals: Int) -> String {
        // printf rounds the exact binary value correctly on glibc, musl and Darwin alike.
        return cFormat("%.\(decimals)f", value)
    }

    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }
}

/// printf into a Swift string for a single Double.
func cFormat(_ format: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let count = withVaList([value]) { arguments in
        buffer.withUnsafeMutableBufferPointer { pointer in
            vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
        }
    }
    guard count >= 0 else { return String(value) }
    if Int(count) >= buffer.count {
        buffer = [CChar](repeating: 0, count: Int(count) + 1)
        _ = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
            }
        }
    }
    return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
