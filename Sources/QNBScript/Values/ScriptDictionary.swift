/// A dictionary that keeps its keys in insertion order.
///
/// Swift's `Dictionary` iterates in an unspecified, per-process order; a notebook must print the
/// same thing on every run, so qnb's dictionaries iterate (and print) in insertion order.
/// Updating an existing key keeps its position; removing a key closes the gap.
public struct ScriptDictionary {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var positions: [Value: Int] = [:]

    public init() {}

    public init(_ pairs: [(Value, Value)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: Value) -> Value? {
        get {
            guard let position = positions[key] else { return nil }
            return values[position]
        }
        set {
            if let newValue {
                if let position = positions[key] {
                    values[position] = newValue
                } else {
                    positions[key] = keys.count
                    keys.append(key)
                    values.append(newValue)
                }
            } else {
                _ = removeValue(forKey: key)
            }
        }
    }

    /// Mutates the value stored for `key` in place (no copy of a large value).
    mutating func modifyValue<R>(forKey key: Value, _ body: (inout Value) throws -> R) rethrows -> R? {
        guard let position = positions[key] else { return nil }
        return try body(&values[position])
    }

    @discardableResult
    public mutating func removeValue(forKey key: Value) -> Value? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        keys.remove(at: position)
        let removed = values.remove(at: position)
        for index in position..<keys.count { positions[keys[index]] = index }
        return removed
    }

    public mutating func removeAll() {
        keys.removeAll()
        values.removeAll()
        positions.removeAll()
    }

    public func contains(key: Value) -> Bool { positions[key] != nil }

    /// The entries as `(key: k, value: v)` tuples, like iterating a Swift dictionary.
    public var entries: [Value] {
        zip(keys, values).map { .tuple(ScriptTuple([$0, $1], labels: ["key", "value"])) }
    }
}
