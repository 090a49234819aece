import Foundation

/// A snapshot file that cannot be read: its path and what is wrong with it.
public struct SnapshotReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public var description: String { "'\(path)' is not a valid qnb snapshot: \(problem)" }
}

extension Snapshot {
    /// The snapshot as the JSON text of `output/NAME.json`: pretty-printed with two-space
    /// indentation, keys sorted, one value per line (so a changed number is a one-line diff),
    /// a final newline. Identical bytes for identical snapshots on every machine.
    public func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values with string keys cannot fail; a failure would be a qnb bug.
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads a snapshot written by `jsonText()`; `path` names the file in the error.
    public init(jsonText text: String, path: String) throws(SnapshotReadError) {
        let snapshot: Snapshot
        do {
            snapshot = try JSONDecoder().decode(Snapshot.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw SnapshotReadError(path: path, problem: Self.describe(error))
        } catch {
            throw SnapshotReadError(path: path, problem: "\(error)")
        }
        guard snapshot.format == Snapshot.currentFormat else {
            throw SnapshotReadError(
                path: path,
                problem: "it has format \(snapshot.format), this qnb reads format \(Snapshot.currentFormat)")
        }
        self = snapshot
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            guard !path.isEmpty else { return "" }
            let keys = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "it is not JSON" }
            return "\(context.debugDescription.lowercasedFirst)\(at(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "'\(key.stringValue)' is missing\(at(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(Self.name(of: type))\(at(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "expected \(Self.name(of: type))\(at(context.codingPath)), found null"
        @unknown default:
            return "\(error)"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "a boolean"
        case is [Any].Type: return "a list"
        default: return "an object"
        }
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
