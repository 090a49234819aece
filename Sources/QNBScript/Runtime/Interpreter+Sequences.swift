import QuantEngine

/// A host object that can be iterated (`for row in table`) and used with `map`, `filter`…
/// (register its sequence methods with `BuiltinLibrary.registerSequenceMethods(for:typeName:)`).
public protocol ScriptSequence {
    func scriptElements() throws -> [Value]
}

/// The most elements a sequence may be turned into an array of (`Array(0..<n)`, `map` over a
/// range, `Array(repeating:count:)`): a cell cannot exhaust memory by accident. Loops over
/// ranges and strides are lazy and have no such limit.
public let maximumMaterializedElements = 10_000_000

/// Throws a script error when an array of `count` values would break the memory budget
/// (`MemoryBudget`): checked before materializing large arrays.
func reserveMemory(forValues count: Int) throws {
    do {
        try MemoryBudget.reserve(bytes: count.multipliedReportingOverflow(by: MemoryLayout<Value>.stride).partialValue)
    } catch {
        throw ScriptError(error.description)
    }
}

extension Value {
    /// The elements of a sequence value: arrays, ranges and strides, strings (as one-character
    /// strings), dictionaries (as `(key:value:)` tuples) and iterable host objects; nil for
    /// values that are not sequences.
    public func sequenceElements() throws -> [Value]? {
        switch self {
        case .array(let elements):
            return elements
        case .range(let range):
            if let count = range.count, count > maximumMaterializedElements {
                throw ScriptError(
                    "the range has \(count) elements, more than the \(maximumMaterializedElements) an array may hold in a cell"
                )
            }
            if range.count == nil, case .int = range {
                throw ScriptError("the range has more elements than an array may hold in a cell")
            }
            if let count = range.count { try reserveMemory(forValues: count) }
            if let elements = range.materialized { return elements }
            switch range {
            case .intStride, .doubleStride: throw ScriptError("stride step must not be zero")
            default: return nil
            }
        case .string(let text):
            return text.map { .string(String($0)) }
        case .dictionary(let dictionary):
            return dictionary.entries
        case .object(let object):
            if let sequence = object as? any ScriptSequence { return try sequence.scriptElements() }
            return nil
        default:
            return nil
        }
    }
}

extension Interpreter {
    func elements(of value: Value, at position: SourcePosition, purpose: String) throws -> [Value] {
        if let elements = try locate(at: position, { try value.sequenceElements() }) { return elements }
        throw ScriptError("\(purpose) requires '\(value.typeName)' to conform to 'Sequence'", at: position)
    }
}
