/// Snapshots write scalars as JSON values: numbers (NaN and ±∞ as the strings "NaN",
/// "Infinity" and "-Infinity", which JSON cannot spell), strings, booleans and null.
extension DisplayScalar: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .empty
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number, a string, a boolean or null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let value): try container.encode(value)
        case .number(let value):
            if value.isNaN {
                try container.encode("NaN")
            } else if value.isInfinite {
                try container.encode(value > 0 ? "Infinity" : "-Infinity")
            } else {
                try container.encode(value)
            }
        case .text(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .empty: try container.encodeNil()
        }
    }
}
