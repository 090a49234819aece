import QuantEngine

/// Decoding of raw element bytes into values, and encoding back.
enum ElementCodec {
    /// True on little-endian hosts, where little-endian data can be copied without swapping.
    static let hostIsLittleEndian = UInt16(1).littleEndian == 1

    /// Decodes all elements in `data`, which must hold exactly `count × dtype.itemSize` bytes.
    ///
    /// `float16`, `bfloat16` and `float32` decode to `Float`, `int64` and `uint64` to themselves, everything else
    /// to `Double`.
    /// Little-endian `float32` and `float64` data is copied with one `memcpy` on little-endian hosts.
    static func decode(
        _ data: UnsafeRawBufferPointer, count: Int, dtype: DType, bigEndian: Bool
    ) throws(TensorFileError) -> LoadedArray.Storage {
        guard let expected = Checked.byteCount(count: count, itemSize: dtype.itemSize), expected == data.count else {
            throw TensorFileError("internal error: \(data.count) bytes do not hold \(count) \(dtype.rawValue) values")
        }
        let nativeOrder = bigEndian != hostIsLittleEndian
        switch dtype {
        case .float32:
            if nativeOrder {
                return .floats(copied(data, count: count, as: Float.self))
            }
            return .floats(mapped(count) { Float(bitPattern: load(data, $0, UInt32.self, bigEndian: bigEndian)) })
        case .float64:
            if nativeOrder {
                return .doubles(copied(data, count: count, as: Double.self))
            }
            return .doubles(mapped(count) { Double(bitPattern: load(data, $0, UInt64.self, bigEndian: bigEndian)) })
        case .float16:
            return .floats(
                mapped(count) {
                    Half.float(fromFloat16Bits: load(data, $0, UInt16.self, bigEndian: bigEndian))
                })
        case .bfloat16:
            return .floats(
                mapped(count) {
                    Half.float(fromBFloat16Bits: load(data, $0, UInt16.self, bigEndian: bigEndian))
                })
        case .bool:
            return .doubles(mapped(count) { data[$0] == 0 ? 0 : 1 })
        case .int8:
            return .doubles(mapped(count) { Double(Int8(bitPattern: data[$0])) })
        case .uint8:
            return .doubles(mapped(count) { Double(data[$0]) })
        case .int16:
            return .doubles(mapped(count) { Double(load(data, $0, Int16.self, bigEndian: bigEndian)) })
        case .uint16:
            return .doubles(mapped(count) { Double(load(data, $0, UInt16.self, bigEndian: bigEndian)) })
        case .int32:
            return .doubles(mapped(count) { Double(load(data, $0, Int32.self, bigEndian: bigEndian)) })
        case .uint32:
            return .doubles(mapped(count) { Double(load(data, $0, UInt32.self, bigEndian: bigEndian)) })
        case .int64:
            return .int64s(mapped(count) { load(data, $0, Int64.self, bigEndian: bigEndian) })
        case .uint64:
            return .uint64s(mapped(count) { load(data, $0, UInt64.self, bigEndian: bigEndian) })
        }
    }

    /// Loads element `index` of an integer type stored in the given byte order.
    @inline(__always)
    static func load<T: FixedWidthInteger>(
        _ data: UnsafeRawBufferPointer, _ index: Int, _ type: T.Type, bigEndian: Bool
    ) -> T {
        let raw = data.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self)
        return bigEndian ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Builds an array of `count` elements from a closure over the index.
    @inline(__always)
    static func mapped<T>(_ count: Int, _ element: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer.initializeElement(at: index, to: element(index))
            }
            initialized = count
        }
    }

    /// Copies `count` trivially-copyable values straight out of `data` (whose size the caller checked).
    static func copied<T: BitwiseCopyable>(_ data: UnsafeRawBufferPointer, count: Int, as type: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: data)
            initialized = count
        }
    }

    /// Reorders Fortran-order (column-major) elements into C order (row-major).
    static func fortranToC<T>(_ source: [T], shape: [Int]) -> [T] {
        guard shape.count > 1, source.count > 1 else {
            return source
        }
        // Strides of the Fortran layout; every partial product is at most source.count, so none overflows.
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in 1..<shape.count {
            strides[axis] = strides[axis - 1] * shape[axis - 1]
        }
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        let last = shape.count - 1
        return source.withUnsafeBufferPointer { from in
            [T](unsafeUninitializedCapacity: from.count) { to, initialized in
                for position in 0..<from.count {
                    to.initializeElement(at: position, to: from[offset])
                    // Advance the C-order odometer, keeping the Fortran offset in step.
                    var axis = last
                    while axis >= 0 {
                        index[axis] += 1
                        offset += strides[axis]
                        if index[axis] < shape[axis] {
                            break
                        }
                        offset -= strides[axis] * shape[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
                initialized = from.count
            }
        }
    }
}
