/// The integer codes of a quantized tensor, in the narrowest standard integer type that holds
/// the grid: `Int8`/`UInt8` for up to 8 bits, `Int16`/`UInt16` for 9…16 bits.
///
/// Keeping codes compact (rather than as `[Int32]`) means quantize writes a quarter of the
/// bytes, and int8 GEMM can later read the `Int8` array directly. Sub-byte widths (int4 …) are
/// stored one code per element here; packing two per byte happens only when saving or counting
/// bytes (`QuantizedTensor.bytes`).
public enum QuantizedCodes: Sendable, Equatable {
    case int8([Int8])
    case uint8([UInt8])
    case int16([Int16])
    case uint16([UInt16])

    /// The storage type used for a grid of `bits` bits and the given signedness.
    enum Kind {
        case int8, uint8, int16, uint16

        init(bits: Int, signed: Bool) {
            switch (bits <= 8, signed) {
            case (true, true): self = .int8
            case (true, false): self = .uint8
            case (false, true): self = .int16
            case (false, false): self = .uint16
            }
        }
    }

    /// The number of codes.
    public var count: Int {
        switch self {
        case .int8(let codes): return codes.count
        case .uint8(let codes): return codes.count
        case .int16(let codes): return codes.count
        case .uint16(let codes): return codes.count
        }
    }

    /// The code at flat index `index`, which must be in `0..<count` (like `Array`, an index
    /// outside traps: callers taking indices from a notebook check them first).
    public subscript(index: Int) -> Int {
        switch self {
        case .int8(let codes): return Int(codes[index])
        case .uint8(let codes): return Int(codes[index])
        case .int16(let codes): return Int(codes[index])
        case .uint16(let codes): return Int(codes[index])
        }
    }

    /// Calls `body` with every code, widened to `Int`, in row-major order.
    func forEach(_ body: (Int) -> Void) {
        switch self {
        case .int8(let codes): for code in codes { body(Int(code)) }
        case .uint8(let codes): for code in codes { body(Int(code)) }
        case .int16(let codes): for code in codes { body(Int(code)) }
        case .uint16(let codes): for code in codes { body(Int(code)) }
        }
    }

    /// All codes widened to `Int`, in row-major order (allocates; for display and tests).
    public var integers: [Int] {
        switch self {
        case .int8(let codes): return codes.map(Int.init)
        case .uint8(let codes): return codes.map(Int.init)
        case .int16(let codes): return codes.map(Int.init)
        case .uint16(let codes): return codes.map(Int.init)
        }
    }
}
