/// Reading Swift values out of script values, for builtin implementations. Each throws a
/// Swift-style "cannot convert value of type …" error that the interpreter locates at the
/// offending argument when thrown from `BuiltinArguments`.
extension Value {
    public func asInt() throws -> Int {
        if case .int(let v) = self { return v }
        throw conversionError("Int")
    }

    /// An Int or a Double, as a Double ("number-like").
    public func asDouble() throws -> Double {
        switch self {
        case .double(let v): return v
        case .int(let v): return Double(v)
        default:
            if let v = implicitDouble { return v }
            throw conversionError("Double")
        }
    }

    /// `Double`'s static members written as implicit members where a number is expected, as
    /// Swift infers them: `[0.5, .nan]`, `clamp(x, -.infinity, 1)`.
    var implicitDouble: Double? {
        guard case .option(let option) = self, option.arguments == nil else { return nil }
        switch option.name {
        case "nan": return .nan
        case "infinity": return .infinity
        case "pi": return .pi
        case "zero": return 0
        case "greatestFiniteMagnitude": return .greatestFiniteMagnitude
        case "leastNonzeroMagnitude": return .leastNonzeroMagnitude
        case "leastNormalMagnitude": return .leastNormalMagnitude
        case "ulpOfOne": return .ulpOfOne
        default: return nil
        }
    }

    public func asString() throws -> String {
        if case .string(let v) = self { return v }
        throw conversionError("String")
    }

    public func asBool() throws -> Bool {
        if case .bool(let v) = self { return v }
        throw conversionError("Bool")
    }

    /// The elements of an array, or of a range or stride.
    public func asArray() throws -> [Value] {
        switch self {
        case .array(let elements): return elements
        case .range(let range):
            if let elements = range.materialized { return elements }
        default: break
        }
        throw conversionError("[Any]")
    }

    /// An array (or range) of numbers, as Doubles.
    public func asDoubles() throws -> [Double] {
        if case .array(let elements) = self {
            var result: [Double] = []
            result.reserveCapacity(elements.count)
            for element in elements {
                switch element {
                case .double(let v): result.append(v)
                case .int(let v): result.append(Double(v))
                default:
                    guard let v = element.implicitDouble else { throw conversionError("[Double]") }
                    result.append(v)
                }
            }
            return result
        }
        if case .range = self { return try asArray().map { try $0.asDouble() } }
        throw conversionError("[Double]")
    }

    public func asInts() throws -> [Int] {
        do {
            return try asArray().map { try $0.asInt() }
        } catch {
            throw conversionError("[Int]")
        }
    }

    public func asStrings() throws -> [String] {
        do {
            return try asArray().map { try $0.asString() }
        } catch {
            throw conversionError("[String]")
        }
    }

    public func asObject<T: ScriptObject>(_ type: T.Type = T.self) throws -> T {
        if case .object(let object) = self, let typed = object as? T { return typed }
        throw conversionError(T.scriptTypeName)
    }

    public func asOption() throws -> OptionValue {
        if case .option(let option) = self { return option }
        throw conversionError("enum case")
    }

    /// The bounds of a numeric range (`-1...1`, `0..<10`) as Doubles, and whether it is closed.
    public func asDoubleRange() throws -> (lower: Double, upper: Double, closed: Bool) {
        if case .range(let range) = self {
            switch range {
            case .int(let lower, let upper, let closed): return (Double(lower), Double(upper), closed)
            case .double(let lower, let upper, let closed): return (lower, upper, closed)
            default: break
            }
        }
        throw conversionError("ClosedRange<Double>")
    }

    /// The half-open bounds of an integer range (`0..<n` or `1...n`).
    public func asIntRange() throws -> Range<Int> {
        if case .range(let range) = self, let (lower, upper) = range.halfOpenIntBounds { return lower..<upper }
        throw conversionError("Range<Int>")
    }

    /// A number, or arrays of numbers nested to any depth with equal lengths at each level
    /// (`[[1, 2], [3, 4]]`), flattened in row-major order with its shape (`[2, 2]`; `[]` for a
    /// single number) — what a tensor constructor needs.
    public func asNumericArray() throws -> (values: [Double], shape: [Int]) {
        var values: [Double] = []
        var shape: [Int] = []
        func visit(_ value: Value, depth: Int) throws {
            switch value {
            case .int(let v):
                guard depth == shape.count else {
                    throw ScriptError("the nested arrays are ragged: a number where an array was expected")
                }
                values.append(Double(v))
            case .double(let v):
                guard depth == shape.count else {
                    throw ScriptError("the nested arrays are ragged: a number where an array was expected")
                }
                values.append(v)
            case .array(let elements):
                if depth == shape.count {
                    guard values.isEmpty else {
                        throw ScriptError("the nested arrays are ragged: an array where a number was expected")
                    }
                    shape.append(elements.count)
                } else if depth > shape.count || shape[depth] != elements.count {
                    throw ScriptError(
                        "the nested arrays are ragged: lengths \(shape[min(depth, shape.count - 1)]) and \(elements.count) at depth \(depth + 1)"
                    )
                }
                for element in elements { try visit(element, depth: depth + 1) }
            default:
                if let v = value.implicitDouble, depth == shape.count {
                    values.append(v)
                    return
                }
                throw ScriptError("expected numbers, found a value of type '\(value.typeName)'")
            }
        }
        try visit(self, depth: 0)
        return (values, shape)
    }

    /// nil for `nil`, the wrapped value for `Optional(x)`, the value itself otherwise.
    public var optionalValue: Value? { unwrapped }

    func conversionError(_ expected: String) -> ScriptError {
        ScriptError("cannot convert value of type '\(typeName)' to expected argument type '\(expected)'")
    }
}

extension ScriptRange {
    /// The elements of an integer range or any stride; nil for Double ranges and one-sided ranges.
    var materialized: [Value]? {
        switch self {
        case .int:
            guard let (lower, upper) = halfOpenIntBounds, lower <= upper else { return [] }
            return (lower..<upper).map(Value.int)
        case .intStride(let from, let to, let by, let inclusive):
            guard by != 0 else { return nil }
            return inclusive
                ? Swift.stride(from: from, through: to, by: by).map(Value.int)
                : Swift.stride(from: from, to: to, by: by).map(Value.int)
        case .doubleStride(let from, let to, let by, let inclusive):
            guard by != 0 else { return nil }
            return inclusive
                ? Swift.stride(from: from, through: to, by: by).map(Value.double)
                : Swift.stride(from: from, to: to, by: by).map(Value.double)
        case .double, .from, .upTo, .through:
            return nil
        }
    }
}
