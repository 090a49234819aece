/// Reading and writing NumPy `.npy` files (format versions 1.0, 2.0 and 3.0).
///
/// The reader never trusts the file: every size in the header is checked against the bytes actually present
/// before anything is allocated, and every problem is reported as a ``TensorFileError`` naming the file.
/// Bytes after the array data are an error (numpy would ignore them; here they mean the header and the data
/// disagree).
public enum NPY {
    /// The most dimensions accepted, numpy's own limit (`NPY_MAXDIMS` in numpy 2).
    public static let maxDimensions = 64

    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]  // \x93NUMPY

    /// Reads a `.npy` file held in memory. `fileName` is only used in error messages.
    public static func read(bytes: [UInt8], fileName: String) throws(TensorFileError) -> LoadedArray {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(TensorFileError) in try read(buffer: raw, fileName: fileName) }
        }
        return try result.get()
    }

    /// Reads a `.npy` file from raw memory (for example a memory-mapped file or `Data.withUnsafeBytes`).
    public static func read(buffer: UnsafeRawBufferPointer, fileName: String) throws(TensorFileError) -> LoadedArray {
        let header = try readHeader(buffer: buffer, fileName: fileName)
        let data = UnsafeRawBufferPointer(rebasing: buffer[header.dataOffset..<buffer.count])
        var storage = try ElementCodec.decode(
            data, count: header.count, dtype: header.dtype,
            bigEndian: header.bigEndian)
        if header.fortranOrder {
            switch storage {
            case .doubles(let values): storage = .doubles(ElementCodec.fortranToC(values, shape: header.shape))
            case .floats(let values): storage = .floats(ElementCodec.fortranToC(values, shape: header.shape))
            case .int64s(let values): storage = .int64s(ElementCodec.fortranToC(values, shape: header.shape))
            case .uint64s(let values): storage = .uint64s(ElementCodec.fortranToC(values, shape: header.shape))
            }
        }
        return LoadedArray(name: nil, shape: header.shape, dtype: header.dtype, storage: storage)
    }

    /// What a `.npy` header says, checked against the file's length.
    public struct Header: Equatable, Sendable {
        /// Format version, `(1, 0)`, `(2, 0)` or `(3, 0)`.
        public var version: (major: UInt8, minor: UInt8)
        /// Element type.
        public var dtype: DType
        /// Whether multi-byte elements are stored big-endian.
        public var bigEndian: Bool
        /// Whether the data is in Fortran (column-major) order.
        public var fortranOrder: Bool
        /// The array's dimensions.
        public var shape: [Int]
        /// The number of elements.
        public var count: Int
        /// Where the array data starts in the file; the data runs to the end of the file.
        public var dataOffset: Int

        /// Compares all fields.
        public static func == (lhs: Header, rhs: Header) -> Bool {
            lhs.version == rhs.version && lhs.dtype == rhs.dtype && lhs.bigEndian == rhs.bigEndian
                && lhs.fortranOrder == rhs.fortranOrder && lhs.shape == rhs.shape && lhs.count == rhs.count
                && lhs.dataOffset == rhs.dataOffset
        }
    }

    /// Parses and validates the header of a `.npy` file, including that the data that follows has exactly the
    /// promised size.
    public static func readHeader(buffer: UnsafeRawBufferPointer, fileName: String) throws(TensorFileError) -> Header {
        let file = Fmt.name(fileName)
        if buffer.isEmpty {
            throw TensorFileError("\(file) is empty")
        }
        let magicPresent = min(buffer.count, magic.count)
        guard buffer.prefix(magicPresent).elementsEqual(magic.prefix(magicPresent)) else {
            if buffer.count >= 2 && buffer[0] == 0x50 && buffer[1] == 0x4B {
                throw TensorFileError("\(file) is a zip archive (an .npz?), not a .npy file")
            }
            throw TensorFileError(
                "\(file) is not a .npy file: it starts with '\(Fmt.snippet(buffer.prefix(8)))', not '\\x93NUMPY'")
        }
        guard buffer.count >= 8 else {
            throw TensorFileError("\(file) is truncated: it ends after \(buffer.count) bytes, inside the preamble")
        }
        let major = buffer[6]
        let minor = buffer[7]
        guard minor == 0, major >= 1, major <= 3 else {
            throw TensorFileError(
                "\(file) uses .npy format version \(major).\(minor); only 1.0, 2.0 and 3.0 are "
                    + "supported")
        }
        let lengthSize = major == 1 ? 2 : 4
        let headerStart = 8 + lengthSize
        guard buffer.count >= headerStart else {
            throw TensorFileError("\(file) is truncated: it ends after \(buffer.count) bytes, inside the preamble")
        }
        let headerLength: Int
        if major == 1 {
            headerLength = Int(UInt16(buffer[8]) | UInt16(buffer[9]) << 8)
        } else {
            headerLength = Int(
                UInt32(buffer[8]) | UInt32(buffer[9]) << 8 | UInt32(buffer[10]) << 16
                    | UInt32(buffer[11]) << 24)
        }
        let afterLength = buffer.count - headerStart
        guard headerLength <= afterLength else {
            throw TensorFileError(
                "\(file) is truncated: the header length field says \(Fmt.count(headerLength)) "
                    + "bytes, the file has \(Fmt.count(afterLength)) after it")
        }
        let dataOffset = headerStart + headerLength
        let headerBytes = [UInt8](buffer[headerStart..<dataOffset])
        if major == 3 {
            guard String(validating: headerBytes, as: UTF8.self) != nil else {
                throw TensorFileError("\(file) has a header that is not valid UTF-8 (format 3.0 requires UTF-8)")
            }
        }
        var parser = PythonLiteralParser(bytes: headerBytes, latin1: major != 3, fileName: fileName)
        let literal = try parser.parseAll()
        var header = try interpret(literal, fileName: fileName)
        header.version = (major, minor)
        header.dataOffset = dataOffset

        guard let byteCount = Checked.byteCount(count: header.count, itemSize: header.dtype.itemSize) else {
            throw TensorFileError("\(file) has shape \(Fmt.tuple(header.shape)), which is too large to address")
        }
        let available = buffer.count - dataOffset
        if byteCount > available {
            throw TensorFileError(
                "\(file) is truncated: the header promises \(Fmt.count(byteCount)) bytes of data, "
                    + "the file has \(Fmt.count(available))")
        }
        if byteCount < available {
            throw TensorFileError(
                "\(file) has \(Fmt.count(available - byteCount)) unexpected bytes after the "
                    + "\(Fmt.count(byteCount)) bytes of data its header promises")
        }
        return header
    }

    /// Checks the header dict's keys and values.
    static func interpret(_ literal: PyValue, fileName: String) throws(TensorFileError) -> Header {
        let file = Fmt.name(fileName)
        guard case .dict(let entries) = literal else {
            throw TensorFileError("\(file) has a .npy header that is \(literal.kind), not a dict")
        }
        var descr: PyValue?
        var fortran: PyValue?
        var shapeValue: PyValue?
        for entry in entries {
            guard case .string(let key) = entry.key else {
                throw TensorFileError("\(file) has a .npy header with a key that is \(entry.key.kind), not a string")
            }
            switch key {
            case "descr" where descr == nil: descr = entry.value
            case "fortran_order" where fortran == nil: fortran = entry.value
            case "shape" where shapeValue == nil: shapeValue = entry.value
            case "descr", "fortran_order", "shape":
                throw TensorFileError("\(file) has a .npy header with the key '\(key)' twice")
            default:
                throw TensorFileError("\(file) has a .npy header with an unexpected key '\(Fmt.snippet(key.utf8))'")
            }
        }
        guard let descr, let fortran, let shapeValue else {
            let missing = [("descr", descr), ("fortran_order", fortran), ("shape", shapeValue)]
                .filter { $0.1 == nil }.map { "'\($0.0)'" }.joined(separator: ", ")
            throw TensorFileError("\(file) has a .npy header without \(missing)")
        }
        let (dtype, bigEndian) = try parseDescr(descr, fileName: fileName)
        guard case .bool(let fortranOrder) = fortran else {
            throw TensorFileError("\(file) has 'fortran_order' set to \(fortran.kind), not True or False")
        }
        guard case .tuple(let dims) = shapeValue else {
            throw TensorFileError("\(file) has 'shape' set to \(shapeValue.kind), not a tuple")
        }
        guard dims.count <= maxDimensions else {
            throw TensorFileError("\(file) has \(dims.count) dimensions; at most \(maxDimensions) are supported")
        }
        var shape: [Int] = []
        for dim in dims {
            guard case .int(let size) = dim else {
                throw TensorFileError("\(file) has a shape entry that is \(dim.kind), not an integer")
            }
            guard size >= 0 else {
                throw TensorFileError("\(file) has a negative dimension \(size) in its shape")
            }
            shape.append(size)
        }
        guard let count = Checked.elementCount(shape) else {
            throw TensorFileError("\(file) has shape \(Fmt.tuple(shape)), whose element count overflows")
        }
        return Header(
            version: (1, 0), dtype: dtype, bigEndian: bigEndian, fortranOrder: fortranOrder, shape: shape,
            count: count, dataOffset: 0)
    }

    /// Maps a numpy type string such as `'<f4'` to a dtype and byte order.
    static func parseDescr(_ value: PyValue, fileName: String) throws(TensorFileError) -> (DType, Bool) {
        let file = Fmt.name(fileName)
        guard case .string(let descr) = value else {
            if case .list = value {
                throw TensorFileError("\(file) holds a structured array (record dtype); it is not supported")
            }
            throw TensorFileError("\(file) has 'descr' set to \(value.kind), not a type string")
        }
        var text = Substring(descr)
        var bigEndian = !ElementCodec.hostIsLittleEndian
        if let first = text.first, "<>|=".contains(first) {
            bigEndian = first == ">" ? true : first == "<" ? false : bigEndian
            text = text.dropFirst()
        }
        let shown = "'\(Fmt.snippet(descr.utf8))'"
        guard let kind = text.first else {
            throw TensorFileError("\(file) has an empty dtype \(shown)")
        }
        let size = Int(text.dropFirst())
        switch kind {
        case "O":
            throw TensorFileError(
                "\(file) holds Python objects (dtype \(shown)); object arrays need pickle "
                    + "and are not supported")
        case "c":
            throw TensorFileError("\(file) holds complex numbers (dtype \(shown)), which are not supported")
        case "U", "S", "a":
            throw TensorFileError("\(file) holds strings (dtype \(shown)), which are not supported")
        case "V":
            throw TensorFileError("\(file) holds raw or structured records (dtype \(shown)), which are not supported")
        case "M", "m":
            throw TensorFileError("\(file) holds dates or time spans (dtype \(shown)), which are not supported")
        default:
            break
        }
        let dtype: DType?
        switch (kind, size) {
        case ("?", nil), ("b", 1): dtype = .bool
        case ("i", 1): dtype = .int8
        case ("u", 1): dtype = .uint8
        case ("i", 2): dtype = .int16
        case ("u", 2): dtype = .uint16
        case ("i", 4): dtype = .int32
        case ("u", 4): dtype = .uint32
        case ("i", 8): dtype = .int64
        case ("u", 8): dtype = .uint64
        case ("f", 2): dtype = .float16
        case ("f", 4): dtype = .float32
        case ("f", 8): dtype = .float64
        default: dtype = nil
        }
        guard let dtype else {
            throw TensorFileError("\(file) has the unsupported dtype \(shown)")
        }
        return (dtype, bigEndian)
    }

    // MARK: - Writing

    /// Writes an `.npy` file (format 1.0, or 2.0 when the header would not fit 1.0's 64 KiB, as numpy does).
    ///
    /// The output is byte-for-byte what `numpy.save` writes for the same array: C order, little-endian,
    /// keys sorted, the header padded with spaces to a multiple of 64 bytes and ended by `\n`.
    /// Supported dtypes: `bool`, all integer types, `float16`, `float32`, `float64`
    /// (`bfloat16` has no numpy type). Values are encoded by ``ElementEncoding/encode(_:as:)``: integers and bools
    /// must be exact.
    public static func write(shape: [Int], dtype: DType, values: [Double]) throws(TensorFileError) -> [UInt8] {
        let prefix = try headerBytes(shape: shape, dtype: dtype, count: values.count)
        return prefix + (try ElementEncoding.encode(values, as: dtype))
    }

    /// Writes an `.npy` file from `Float` values; with `dtype` `.float32` every bit is kept.
    public static func write(
        shape: [Int], dtype: DType = .float32, float32 values: [Float]
    ) throws(TensorFileError) -> [UInt8] {
        var out = try headerBytes(shape: shape, dtype: dtype, count: values.count)
        if dtype == .float32 && ElementCodec.hostIsLittleEndian {
            // One copy straight into the output.
            out.reserveCapacity(out.count + values.count * 4)
            values.withUnsafeBytes { out.append(contentsOf: $0) }
            return out
        }
        return out + (try ElementEncoding.encode(float32: values, as: dtype))
    }

    /// Writes a loaded array back out with its own shape and dtype.
    /// 64-bit integer data is written exactly.
    public static func write(_ array: LoadedArray) throws(TensorFileError) -> [UInt8] {
        let prefix = try headerBytes(shape: array.shape, dtype: array.dtype, count: array.count)
        return prefix + (try ElementEncoding.encode(array, as: array.dtype))
    }

    /// The numpy type string written for a dtype.
    static func descr(_ dtype: DType) -> String? {
        switch dtype {
        case .bool: return "|b1"
        case .int8: return "|i1"
        case .uint8: return "|u1"
        case .int16: return "<i2"
        case .uint16: return "<u2"
        case .int32: return "<i4"
        case .uint32: return "<u4"
        case .int64: return "<i8"
        case .uint64: return "<u8"
        case .float16: return "<f2"
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .bfloat16: return nil
        }
    }

    /// The magic, version, length and padded header, as numpy 1.17 and later write them.
    static func headerBytes(shape: [Int], dtype: DType, count: Int) throws(TensorFileError) -> [UInt8] {
        guard let descr = descr(dtype) else {
            throw TensorFileError("numpy has no \(dtype.rawValue) type, so it cannot be written to .npy")
        }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw TensorFileError("shape \(Fmt.tuple(shape)) has a negative dimension \(negative)")
        }
        guard let expected = Checked.elementCount(shape), expected == count else {
            throw TensorFileError("shape \(Fmt.tuple(shape)) does not hold \(Fmt.count(count)) values")
        }
        var dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(Fmt.tuple(shape)), }"
        if let first = shape.first {
            // numpy leaves room to grow the first axis in place: 21 digits in all.
            dict += String(repeating: " ", count: max(0, 21 - String(first).count))
        }
        let text = Array(dict.utf8)
        let withNewline = text.count + 1
        for (major, lengthSize) in [(UInt8(1), 2), (UInt8(2), 4)] {
            let prefixSize = magic.count + 2 + lengthSize
            let padding = 64 - (prefixSize + withNewline) % 64
            let headerLength = withNewline + padding
            if lengthSize == 2 && headerLength > Int(UInt16.max) {
                continue
            }
            var out = magic + [major, 0]
            for byte in 0..<lengthSize {
                out.append(UInt8(truncatingIfNeeded: headerLength >> (8 * byte)))
            }
            out += text
            out += [UInt8](repeating: 0x20, count: padding)
            out.append(0x0A)
            return out
        }
        throw TensorFileError("shape \(Fmt.tuple(shape)) makes a header too large for the .npy format")
    }
}
