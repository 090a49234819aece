#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// `String(format:)` for cells: the common printf conversions, each checked against its
/// argument (a wrong type or count is an error, never undefined behaviour).
enum PrintfFormatter {
    static func format(_ format: String, _ arguments: [Value]) throws -> String {
        var output = ""
        var next = 0
        var characters = Array(format.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            guard scalar == "%" else {
                output.unicodeScalars.append(scalar)
                continue
            }
            var spec = "%"
            // flags, width, precision
            while let c = characters.first, "-+ #0".unicodeScalars.contains(c) {
                spec.unicodeScalars.append(c)
                characters.removeFirst()
            }
            var digits = 0
            while let c = characters.first, ("0"..."9").contains(c) || c == "." {
                spec.unicodeScalars.append(c)
                characters.removeFirst()
                digits += 1
            }
            guard digits <= 6, !spec.split(separator: ".").contains(where: { (Int($0.filter(\.isNumber)) ?? 0) > 1000 })
            else {
                throw ScriptError("format width and precision must be at most 1000")
            }
            while let c = characters.first, "hlqLzjt".unicodeScalars.contains(c) { characters.removeFirst() }
            guard let conversion = characters.popFirst() else {
                throw ScriptError("incomplete format specifier at the end of \"\(format)\"")
            }
            if conversion == "%" {
                output += "%"
                continue
            }
            guard next < arguments.count else {
                throw ScriptError("format \"\(format)\" needs more arguments than the \(arguments.count) given")
            }
            let argument = arguments[next]
            let argumentIndex = next
            next += 1
            func mismatch(_ expected: String) -> ScriptError {
                ScriptError(
                    "'%\(conversion)' expects \(expected), got '\(argument.typeName)'", argument: 1,
                    element: argumentIndex)
            }
            switch conversion {
            case "d", "i", "x", "X", "o", "u":
                guard case .int(let value) = argument else { throw mismatch("an Int") }
                let c = conversion == "i" || conversion == "u" ? "d" : String(conversion)
                output += formatInt(spec + "ll" + c, value)
            case "f", "F", "e", "E", "g", "G", "a", "A":
                let value: Double
                switch argument {
                case .double(let v): value = v
                case .int(let v): value = Double(v)
                default: throw mismatch("a Double")
                }
                output += cFormat(spec + String(conversion), value)
            case "s", "@":
                output += pad(argument.description, spec: spec)
            case "c":
                output += pad(argument.description, spec: spec)
            default:
                throw ScriptError("unsupported format conversion '%\(conversion)'")
            }
        }
        if next < arguments.count {
            throw ScriptError("format \"\(format)\" uses \(next) of the \(arguments.count) arguments given")
        }
        return output
    }

    private static func pad(_ text: String, spec: String) -> String {
        let body = spec.dropFirst()
        let leftAlign = body.contains("-")
        let digits = body.drop { "-+ #0".contains($0) }
        let widthText = digits.prefix { $0 != "." }
        var result = text
        if let dot = digits.firstIndex(of: "."), let precision = Int(digits[digits.index(after: dot)...]) {
            result = String(result.prefix(precision))
        }
        if let width = Int(widthText), result.count < width {
            let padding = String(repeating: " ", count: width - result.count)
            result = leftAlign ? result + padding : padding + result
        }
        return result
    }

    private static func formatInt(_ format: String, _ value: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let count = withVaList([Int64(value)]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
            }
        }
        guard count >= 0 else { return String(value) }
        if Int(count) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
            _ = withVaList([Int64(value)]) { arguments in
                buffer.withUnsafeMutableBufferPointer { pointer in
                    vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
                }
            }
        }
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
