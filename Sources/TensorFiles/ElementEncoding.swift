import QuantEngine

/// Encoding of values into little-endian element bytes, for the writers.
public enum ElementEncoding {
    /// Encodes values as little-endian elements of `dtype`.
    ///
    /// Floating-point targets round to nearest, ties to even (`float16` and `bfloat16` are rounded once, directly
    /// from the `Double`). Integer and `bool` targets must receive values they hold exactly (`bool`: 0 or 1);
    /// anything else is an error naming the first offending index.
    public static func encode(_ values: [Double], as dtype: DType) throws(TensorFileError) -> [UInt8] {
        switch dtype {
        case .float64:
            return stored(values.count, 8) { values[$0].bitPattern.littleEndian }
        case .float32:
            return stored(values.count, 4) { Float(values[$0]).bitPattern.littleEndian }
        case .float16:
            return stored(values.count, 2) { Half.float16Bits(roundedToOdd(values[$0])).littleEndian }
        case .bfloat16:
            return stored(values.count, 2) { Half.bfloat16Bits(roundedToOdd(values[$0])).littleEndian }
        case .bool:
            if let index = values.firstIndex(where: { $0 != 0 && $0 != 1 }) {
                throw inexact(values[index], index, dtype)
            }
            return stored(values.count, 1) { values[$0] == 0 ? UInt8(0) : UInt8(1) }
        case .int8: return try integers(values, Int8.self, dtype)
        case .uint8: return try integers(values, UInt8.self, dtype)
        case .int16: return try integers(values, Int16.self, dtype)
        case .uint16: return try integers(values, UInt16.self, dtype)
        case .int32: return try integers(values, Int32.self, dtype)
        case .uint32: return try integers(values, UInt32.self, dtype)
        case .int64: return try integers(values, Int64.self, dtype)
        case .uint64: return try integers(values, UInt64.self, dtype)
        }
    }

    /// Encodes `Float` values as little-endian elements of `dtype`; `float32` keeps every bit (NaN payloads too).
    public static func encode(float32 values: [Float], as dtype: DType) throws(TensorFileError) -> [UInt8] {
        switch dtype {
        case .float32:
            if ElementCodec.hostIsLittleEndian {
                return values.withUnsafeBytes { Array($0) }
            }
            return stored(values.count, 4) { values[$0].bitPattern.littleEndian }
        case .float16:
            return stored(values.count, 2) { Half.float16Bits(values[$0]).littleEndian }
        case .bfloat16:
            return stored(values.count, 2) { Half.bfloat16Bits(values[$0]).littleEndian }
        default:
            return try encode(values.map { Double($0) }, as: dtype)
        }
    }

    /// Encodes exact 64-bit integers as little-endian elements of `dtype`; integer targets must hold every value
    /// exactly, floating-point targets round.
    public static func encode<T: FixedWidthInteger>(integers values: [T], as dtype: DType) throws(TensorFileError)
        -> [UInt8]
    {
        switch dtype {
        case .int8: return try narrowed(values, Int8.self, dtype)
        case .uint8: return try narrowed(values, UInt8.self, dtype)
        case .int16: return try narrowed(values, Int16.self, dtype)
        case .uint16: return try narrowed(values, UInt16.self, dtype)
        case .int32: return try narrowed(values, Int32.self, dtype)
        case .uint32: return try narrowed(values, UInt32.self, dtype)
        case .int64: return try narrowed(values, Int64.self, dtype)
        case .uint64: return try narrowed(values, UInt64.self, dtype)
        case .float32: return stored(values.count, 4) { Float(values[$0]).bitPattern.littleEndian }
        case .bool, .float16, .bfloat16, .float64: return try encode(values.map { Double($0) }, as: dtype)
        }
    }

    static func narrowed<Source: FixedWidthInteger, Target: FixedWidthInteger>(
        _ values: [Source], _ type: Target.Type, _ dtype: DType
    ) throws(TensorFileError) -> [UInt8] {
        if let index = values.firstIndex(where: { Target(exactly: $0) == nil }) {
            throw TensorFileError(
                "value \(values[index]) at index \(Fmt.count(index)) cannot be stored exactly as "
                    + dtype.rawValue)
        }
        return stored(values.count, MemoryLayout<Target>.size) { Target(truncatingIfNeeded: values[$0]).littleEndian }
    }

    /// Encodes an array's values in the array's storage form, so nothing is lost on the way.
    static func encode(_ array: LoadedArray, as dtype: DType) throws(TensorFileError) -> [UInt8] {
        switch array.storage {
        case .floats(let values): return try encode(float32: values, as: dtype)
        case .doubles(let values): return try encode(values, as: dtype)
        case .int64s(let values): return try encode(integers: values, as: dtype)
        case .uint64s(let values): return try encode(integers: values, as: dtype)
        }
    }

    /// Rounds a `Double` to `Float` with round-to-odd, so that a second rounding to a format with at most
    /// 22 significand bits (binary16, bfloat16) gives the correctly rounded result.
    static func roundedToOdd(_ value: Double) -> Float {
        guard value.isFinite else {
            return Float(value)
        }
        var float = Float(value)
        if Double(float).magnitude > value.magnitude {
            // Rounded away from zero: step back toward zero (this also brings infinity back to the largest finite).
            float = value < 0 ? float.nextUp : float.nextDown
        }
        if Double(float) != value {
            float = Float(bitPattern: float.bitPattern | 1)
        }
        return float
    }

    static func integers<T: FixedWidthInteger>(
        _ values: [Double], _ type: T.Type, _ dtype: DType
    ) throws(TensorFileError) -> [UInt8] {
        var result = [T]()
        result.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            guard let exact = T(exactly: value) else {
                throw inexact(value, index, dtype)
            }
            result.append(exact)
        }
        return stored(result.count, MemoryLayout<T>.size) { result[$0].littleEndian }
    }

    static func inexact(_ value: Double, _ index: Int, _ dtype: DType) -> TensorFileError {
        TensorFileError("value \(value) at index \(Fmt.count(index)) cannot be stored exactly as \(dtype.rawValue)")
    }

    /// Lays out `count` fixed-size elements, each produced already in little-endian order.
    @inline(__always)
    static func stored<T: FixedWidthInteger>(_ count: Int, _ size: Int, _ element: (Int) -> T) -> [UInt8] {
        let total = count * size
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for index in 0..<count {
                raw.storeBytes(of: element(index), toByteOffset: index * size, as: T.self)
            }
            initialized = total
        }
    }
}
