/// Reading and writing `.safetensors` files.
///
/// The reader applies the reference implementation's rules: an 8-byte little-endian header length of at most
/// 100 MB that fits in the file, a UTF-8 JSON object header, and tensors whose `data_offsets` cover the data
/// section exactly, contiguously and without overlap, each spanning `element count × item size` bytes.
/// Nothing is allocated for tensor data before the whole header has been checked against the file's length.
public enum SafeTensors {
    /// The largest header accepted, as in the reference implementation.
    public static let maxHeaderSize = 100_000_000

    /// One tensor's entry in the header.
    public struct Entry: Equatable, Sendable {
        /// The tensor's name.
        public var name: String
        /// Element type.
        public var dtype: DType
        /// Dimensions.
        public var shape: [Int]
        /// Number of elements.
        public var count: Int
        /// The bytes of the tensor's data as absolute offsets into the file.
        public var fileRange: Range<Int>
    }

    /// The parsed, validated header: tensors in file (offset) order, and the `__metadata__` strings.
    public struct Header: Equatable, Sendable {
        /// Tensor entries sorted by their position in the file (zero-size tensors at the same offset by name).
        public var entries: [Entry]
        /// The free-form `__metadata__` map, empty when the file has none.
        public var metadata: [String: String]
    }

    /// Reads a `.safetensors` file held in memory. `fileName` is only used in error messages.
    ///
    /// Tensors come back in file order (by data offset), which for files written by the reference implementation
    /// is by descending alignment, then by name.
    public static func read(
        bytes: [UInt8], fileName: String
    ) throws(TensorFileError) -> (tensors: [LoadedArray], metadata: [String: String]) {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(TensorFileError) in try read(buffer: raw, fileName: fileName) }
        }
        return try result.get()
    }

    /// Reads a `.safetensors` file from raw memory.
    public static func read(
        buffer: UnsafeRawBufferPointer, fileName: String
    ) throws(TensorFileError) -> (tensors: [LoadedArray], metadata: [String: String]) {
        let header = try readHeader(buffer: buffer, fileName: fileName)
        var tensors: [LoadedArray] = []
        tensors.reserveCapacity(header.entries.count)
        for entry in header.entries {
            let data = UnsafeRawBufferPointer(rebasing: buffer[entry.fileRange])
            let storage = try ElementCodec.decode(data, count: entry.count, dtype: entry.dtype, bigEndian: false)
            tensors.append(LoadedArray(name: entry.name, shape: entry.shape, dtype: entry.dtype, storage: storage))
        }
        return (tensors, header.metadata)
    }

    /// Parses and validates the header, without decoding any tensor data.
    public static func readHeader(buffer: UnsafeRawBufferPointer, fileName: String) throws(TensorFileError) -> Header {
        let file = Fmt.name(fileName)
        if buffer.isEmpty {
            throw TensorFileError("\(file) is empty")
        }
        guard buffer.count >= 8 else {
            throw TensorFileError(
                "\(file) is truncated: it has \(buffer.count) bytes, fewer than the 8-byte "
                    + "header length")
        }
        var declared: UInt64 = 0
        for index in 0..<8 {
            declared |= UInt64(buffer[index]) << (8 * UInt64(index))
        }
        guard declared <= UInt64(maxHeaderSize) else {
            throw TensorFileError(
                "\(file) is not a valid .safetensors file: its header length \(Fmt.count(declared)) "
                    + "exceeds the \(Fmt.count(maxHeaderSize))-byte limit")
        }
        let headerLength = Int(declared)
        let afterLength = buffer.count - 8
        guard headerLength <= afterLength else {
            throw TensorFileError(
                "\(file) is truncated: the header length field promises \(Fmt.count(headerLength)) "
                    + "bytes of JSON, the file has \(Fmt.count(afterLength)) after it")
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: buffer[8..<8 + headerLength])
        guard String(validating: headerBytes, as: UTF8.self) != nil else {
            throw TensorFileError("\(file) has a header that is not valid UTF-8")
        }
        guard headerBytes.first == UInt8(ascii: "{") else {
            throw TensorFileError(
                "\(file) is not a valid .safetensors file: its header does not start with '{' "
                    + "but with '\(Fmt.snippet(headerBytes.prefix(16)))'")
        }
        var parser = JSONParser(bytes: headerBytes, context: "the header of \(file)")
        guard case .object(let fields) = try parser.parseAll() else {
            throw TensorFileError("\(file) has a header that is not a JSON object")
        }

        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        for (key, value) in fields {
            if key == "__metadata__" {
                metadata = try parseMetadata(value, file: file)
            } else {
                entries.append(try parseEntry(name: key, value, file: file))
            }
        }
        try checkLayout(
            &entries, dataStart: 8 + headerLength, dataLength: buffer.count - 8 - headerLength,
            file: file)
        return Header(entries: entries, metadata: metadata)
    }

    static func parseMetadata(_ value: JSONValue, file: String) throws(TensorFileError) -> [String: String] {
        if case .null = value {
            return [:]
        }
        guard case .object(let pairs) = value else {
            throw TensorFileError("\(file) has __metadata__ that is \(value.kind), not an object of strings")
        }
        var metadata: [String: String] = [:]
        for (key, item) in pairs {
            guard case .string(let text) = item else {
                throw TensorFileError(
                    "\(file) has __metadata__ entry '\(Fmt.snippet(key.utf8))' that is "
                        + "\(item.kind), not a string")
            }
            metadata[key] = text
        }
        return metadata
    }

    static func parseEntry(name: String, _ value: JSONValue, file: String) throws(TensorFileError) -> Entry {
        let tensor = "tensor '\(Fmt.snippet(name.utf8, limit: 80))'"
        guard case .object(let fields) = value else {
            throw TensorFileError("\(file): \(tensor) is described by \(value.kind), not an object")
        }
        var dtypeValue: JSONValue?
        var shapeValue: JSONValue?
        var offsetsValue: JSONValue?
        for (key, field) in fields {
            switch key {
            case "dtype": dtypeValue = field
            case "shape": shapeValue = field
            case "data_offsets": offsetsValue = field
            default: break  // The reference implementation ignores unknown fields too.
            }
        }
        guard case .string(let dtypeName) = dtypeValue else {
            throw TensorFileError("\(file): \(tensor) has no string 'dtype'")
        }
        let dtype = try self.dtype(named: dtypeName, file: file, tensor: tensor)
        guard case .array(let dims) = shapeValue else {
            throw TensorFileError("\(file): \(tensor) has no 'shape' list")
        }
        var shape: [Int] = []
        shape.reserveCapacity(dims.count)
        for dim in dims {
            guard case .number(_, let size) = dim, let size, size >= 0 else {
                throw TensorFileError(
                    "\(file): \(tensor) has a shape entry \(describe(dim)) that is not a "
                        + "non-negative integer")
            }
            shape.append(size)
        }
        guard case .array(let offsets) = offsetsValue, offsets.count == 2,
            case .number(_, let begin?) = offsets[0], case .number(_, let end?) = offsets[1], begin >= 0, end >= 0
        else {
            throw TensorFileError("\(file): \(tensor) has no 'data_offsets' pair of non-negative integers")
        }
        guard end >= begin else {
            throw TensorFileError(
                "\(file): \(tensor) has data_offsets [\(Fmt.count(begin)), \(Fmt.count(end))] "
                    + "that end before they begin")
        }
        guard let count = Checked.elementCount(shape) else {
            throw TensorFileError("\(file): \(tensor) has shape \(Fmt.list(shape)), whose element count overflows")
        }
        guard let size = Checked.byteCount(count: count, itemSize: dtype.itemSize) else {
            throw TensorFileError("\(file): \(tensor) has shape \(Fmt.list(shape)), too large to address")
        }
        guard end - begin == size else {
            throw TensorFileError(
                "\(file): \(tensor) has shape \(Fmt.list(shape)) of \(dtypeName), which needs "
                    + "\(Fmt.count(size)) bytes, but its data_offsets [\(Fmt.count(begin)), \(Fmt.count(end))] span "
                    + "\(Fmt.count(end - begin))")
        }
        return Entry(name: name, dtype: dtype, shape: shape, count: count, fileRange: begin..<end)
    }

    static func describe(_ value: JSONValue) -> String {
        if case .number(let text, _) = value {
            return Fmt.snippet(text.utf8)
        }
        return value.kind
    }

    /// Orders entries by offset and checks that they tile the data section; converts ranges to file offsets.
    static func checkLayout(
        _ entries: inout [Entry], dataStart: Int, dataLength: Int, file: String
    ) throws(TensorFileError) {
        entries.sort {
            ($0.fileRange.lowerBound, $0.fileRange.upperBound) < ($1.fileRange.lowerBound, $1.fileRange.upperBound)
                || ($0.fileRange == $1.fileRange && $0.name.utf8.lexicographicallyPrecedes($1.name.utf8))
        }
        var expected = 0
        var previous: Entry?
        for index in entries.indices {
            let entry = entries[index]
            let range = entry.fileRange
            let tensor = "tensor '\(Fmt.snippet(entry.name.utf8, limit: 80))'"
            if range.upperBound > dataLength {
                throw TensorFileError(
                    "\(file) is truncated or has bad data_offsets: \(tensor) needs bytes "
                        + "\(Fmt.count(range.lowerBound))..<\(Fmt.count(range.upperBound)) of the data section, "
                        + "which has \(Fmt.count(dataLength))")
            }
            if range.lowerBound < expected, let previous {
                throw TensorFileError(
                    "\(file) has overlapping tensors: \(tensor) (bytes "
                        + "\(Fmt.count(range.lowerBound))..<\(Fmt.count(range.upperBound))) overlaps tensor "
                        + "'\(Fmt.snippet(previous.name.utf8, limit: 80))' (bytes "
                        + "\(Fmt.count(previous.fileRange.lowerBound))..<\(Fmt.count(previous.fileRange.upperBound)))")
            }
            if range.lowerBound > expected {
                throw TensorFileError(
                    "\(file) has a gap in its data: bytes \(Fmt.count(expected))..<"
                        + "\(Fmt.count(range.lowerBound)) belong to no tensor (the data must be contiguous)")
            }
            expected = range.upperBound
            previous = entry
            entries[index].fileRange = (dataStart + range.lowerBound)..<(dataStart + range.upperBound)
        }
        if expected < dataLength {
            throw TensorFileError(
                "\(file) has \(Fmt.count(dataLength - expected)) bytes after its last tensor that "
                    + "belong to no tensor")
        }
    }

    /// The safetensors dtype names, in the order the reference implementation ranks them for layout.
    static let dtypeNames: [(DType, String)] = [
        (.bool, "BOOL"), (.uint8, "U8"), (.int8, "I8"), (.int16, "I16"), (.uint16, "U16"), (.float16, "F16"),
        (.bfloat16, "BF16"), (.int32, "I32"), (.uint32, "U32"), (.float32, "F32"), (.float64, "F64"),
        (.int64, "I64"), (.uint64, "U64"),
    ]

    /// The header name of a dtype, such as `F32`.
    public static func name(of dtype: DType) -> String {
        dtypeNames.first { $0.0 == dtype }.map { $0.1 } ?? dtype.rawValue
    }

    static func rank(of dtype: DType) -> Int {
        dtypeNames.firstIndex { $0.0 == dtype } ?? 0
    }

    static func dtype(named name: String, file: String, tensor: String) throws(TensorFileError) -> DType {
        if let match = dtypeNames.first(where: { $0.1 == name }) {
            return match.0
        }
        let shown = Fmt.snippet(name.utf8)
        let known = ["F8_E4M3", "F8_E5M2", "F8_E8M0", "F4", "F6_E2M3", "F6_E3M2", "C64"]
        if known.contains(name) {
            throw TensorFileError("\(file): \(tensor) has dtype \(shown), which is not supported")
        }
        throw TensorFileError("\(file): \(tensor) has an unknown dtype '\(shown)'")
    }

    // MARK: - Writing

    /// Writes a `.safetensors` file, byte for byte as the reference implementation (safetensors 0.4–0.8) does:
    /// tensors laid out by descending dtype rank (`U64, I64, F64, F32, U32, I32, BF16, F16, U16, I16, I8, U8, BOOL`)
    /// then by name (UTF-8 byte order), header keys in that same order after `__metadata__`, compact JSON
    /// padded with spaces to a multiple of 8 bytes.
    ///
    /// `metadata` keys are written sorted (the reference keeps its caller's order); an empty `metadata` writes no
    /// `__metadata__` entry. Each tensor's `bytes` must hold exactly `count × itemSize` little-endian bytes;
    /// names must be distinct and not `__metadata__`.
    public static func write(
        tensors: [(name: String, dtype: DType, shape: [Int], bytes: [UInt8])], metadata: [String: String]
    ) throws(TensorFileError) -> [UInt8] {
        var seen = Set<String>()
        for tensor in tensors {
            guard tensor.name != "__metadata__" else {
                throw TensorFileError("a tensor cannot be named '__metadata__'")
            }
            guard seen.insert(tensor.name).inserted else {
                throw TensorFileError("two tensors are named '\(tensor.name)'")
            }
            guard let count = Checked.elementCount(tensor.shape), !tensor.shape.contains(where: { $0 < 0 }) else {
                throw TensorFileError("tensor '\(tensor.name)' has an invalid shape \(Fmt.list(tensor.shape))")
            }
            guard let size = Checked.byteCount(count: count, itemSize: tensor.dtype.itemSize),
                size == tensor.bytes.count
            else {
                throw TensorFileError(
                    "tensor '\(tensor.name)' has shape \(Fmt.list(tensor.shape)) of "
                        + "\(tensor.dtype.rawValue) but \(Fmt.count(tensor.bytes.count)) bytes")
            }
        }
        let ordered = tensors.sorted { left, right in
            let (leftRank, rightRank) = (rank(of: left.dtype), rank(of: right.dtype))
            if leftRank != rightRank {
                return leftRank > rightRank
            }
            return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
        }
        var header: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        if !metadata.isEmpty {
            header += Array("\"__metadata__\":{".utf8)
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 {
                    header.append(UInt8(ascii: ","))
                }
                JSONWriter.string(key, into: &header)
                header.append(UInt8(ascii: ":"))
                JSONWriter.string(metadata[key] ?? "", into: &header)
            }
            header.append(UInt8(ascii: "}"))
            first = false
        }
        var offset = 0
        for tensor in ordered {
            if !first {
                header.append(UInt8(ascii: ","))
            }
            first = false
            JSONWriter.string(tensor.name, into: &header)
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            let end = offset + tensor.bytes.count
            header += Array(":{\"dtype\":\"\(name(of: tensor.dtype))\",\"shape\":[\(shape)],".utf8)
            header += Array("\"data_offsets\":[\(offset),\(end)]}".utf8)
            offset = end
        }
        header.append(UInt8(ascii: "}"))
        header += [UInt8](repeating: 0x20, count: (8 - header.count % 8) % 8)

        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        for index in 0..<8 {
            out.append(UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * UInt64(index))))
        }
        out += header
        for tensor in ordered {
            out += tensor.bytes
        }
        return out
    }

    /// Writes arrays (named by their `name`, or `tensor_<index>` when it is nil) in their own dtypes;
    /// values are encoded by ``ElementEncoding`` (64-bit integers exactly).
    public static func write(arrays: [LoadedArray], metadata: [String: String]) throws(TensorFileError) -> [UInt8] {
        var tensors: [(name: String, dtype: DType, shape: [Int], bytes: [UInt8])] = []
        for (index, array) in arrays.enumerated() {
            let bytes = try ElementEncoding.encode(array, as: array.dtype)
            tensors.append((array.name ?? "tensor_\(index)", array.dtype, array.shape, bytes))
        }
        return try write(tensors: tensors, metadata: metadata)
    }
}
