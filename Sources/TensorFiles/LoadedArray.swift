/// An array read from a tensor file: its shape, its element type in the file and its values in row-major
/// order.
///
/// Values are kept in the cheapest exact form: `float16`, `bfloat16` and `float32` data as `Float`,
/// `int64` and `uint64` data as those integers, everything else as `Double`. ``values`` and ``float32`` convert
/// on each access (except the form that is stored), so keep the result when you need it more than once.
public struct LoadedArray: Equatable, Sendable {
    /// How the elements are held.
    enum Storage: Sendable {
        case doubles([Double])
        case floats([Float])
        case int64s([Int64])
        case uint64s([UInt64])
    }

    /// The tensor's name (safetensors), or nil for formats that hold one unnamed array.
    public var name: String?
    /// The dimensions, outermost first; `[]` for a scalar.
    public var shape: [Int]
    /// The element type the file stored.
    public var dtype: DType
    /// Column names from a CSV header row, or nil when there was none (or the format has none).
    public var columns: [String]?
    var storage: Storage

    /// Creates an array from values in row-major order.
    public init(name: String? = nil, shape: [Int], dtype: DType, values: [Double], columns: [String]? = nil) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.columns = columns
        self.storage = .doubles(values)
    }

    /// Creates an array from `Float` values in row-major order.
    public init(name: String? = nil, shape: [Int], dtype: DType, float32: [Float], columns: [String]? = nil) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.columns = columns
        self.storage = .floats(float32)
    }

    /// Creates an array from exact 64-bit integers in row-major order (for `int64` data).
    public init(name: String? = nil, shape: [Int], dtype: DType = .int64, int64: [Int64]) {
        self.init(name: name, shape: shape, dtype: dtype, storage: .int64s(int64))
    }

    /// Creates an array from exact unsigned 64-bit integers in row-major order (for `uint64` data).
    public init(name: String? = nil, shape: [Int], dtype: DType = .uint64, uint64: [UInt64]) {
        self.init(name: name, shape: shape, dtype: dtype, storage: .uint64s(uint64))
    }

    init(name: String?, shape: [Int], dtype: DType, storage: Storage) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.columns = nil
        self.storage = storage
    }

    /// The number of elements.
    public var count: Int {
        switch storage {
        case .doubles(let values): return values.count
        case .floats(let values): return values.count
        case .int64s(let values): return values.count
        case .uint64s(let values): return values.count
        }
    }

    /// The values in row-major (C) order, converted exactly to `Double`.
    ///
    /// Every supported type converts exactly except `int64` and `uint64` magnitudes above 2⁵³,
    /// which round to the nearest `Double` (ties to even), as `numpy.astype(float64)` does; ``int64Values`` and
    /// ``uint64Values`` give those exactly.
    /// `bool` gives 0 and 1. Setting replaces the values.
    public var values: [Double] {
        get {
            switch storage {
            case .doubles(let values): return values
            case .floats(let values): return values.map { Double($0) }
            case .int64s(let values): return values.map { Double($0) }
            case .uint64s(let values): return values.map { Double($0) }
            }
        }
        set {
            storage = .doubles(newValue)
        }
    }

    /// The values in row-major order as `Float`.
    ///
    /// For `float16`, `bfloat16` and `float32` data this is exact and, for `float32`, bit for bit what the file
    /// holds (NaN payloads included); it costs no conversion. Other types round to the nearest `Float`.
    public var float32: [Float] {
        switch storage {
        case .floats(let values): return values
        case .doubles(let values): return values.map { Float($0) }
        case .int64s(let values): return values.map { Float($0) }
        case .uint64s(let values): return values.map { Float($0) }
        }
    }

    /// The exact values of `int64` data (and of arrays created with ``init(name:shape:dtype:int64:)``);
    /// nil for other data.
    public var int64Values: [Int64]? {
        if case .int64s(let values) = storage {
            return values
        }
        return nil
    }

    /// The exact values of `uint64` data (and of arrays created with ``init(name:shape:dtype:uint64:)``);
    /// nil for other data.
    public var uint64Values: [UInt64]? {
        if case .uint64s(let values) = storage {
            return values
        }
        return nil
    }

    /// Arrays are equal when name, shape, dtype, columns and the bit patterns of all values are equal,
    /// so an array holding NaN equals itself, and `-0.0` differs from `0.0`. 64-bit integers compare exactly.
    public static func == (lhs: LoadedArray, rhs: LoadedArray) -> Bool {
        guard lhs.name == rhs.name, lhs.shape == rhs.shape, lhs.dtype == rhs.dtype, lhs.columns == rhs.columns,
            lhs.count == rhs.count
        else {
            return false
        }
        switch (lhs.storage, rhs.storage) {
        case (.floats(let left), .floats(let right)):
            return left.elementsEqual(right) { $0.bitPattern == $1.bitPattern }
        case (.int64s(let left), .int64s(let right)):
            return left == right
        case (.uint64s(let left), .uint64s(let right)):
            return left == right
        case (.int64s, _), (_, .int64s), (.uint64s, _), (_, .uint64s):
            // Different exact forms: equal only if both convert to the same exact integers.
            return lhs.values.elementsEqual(rhs.values) { $0.bitPattern == $1.bitPattern }
                && lhs.values.allSatisfy { $0.magnitude < 0x1p53 }
        default:
            return lhs.values.elementsEqual(rhs.values) { $0.bitPattern == $1.bitPattern }
        }
    }
}
