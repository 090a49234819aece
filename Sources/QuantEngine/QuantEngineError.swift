/// Everything the engine can refuse, each with a message written for the person who typed the cell.
///
/// The engine never traps on input: shapes, indices, bit widths, scales and tensor contents that
/// are out of bounds all end up here. The script layer attaches a notebook location and prints
/// `description` as is.
public enum QuantEngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A bit width outside the supported 2…16.
    case invalidBits(Int)
    /// A dimension below zero (other than the single `-1` that `reshaped` allows).
    case negativeDimension(shape: [Int])
    /// A shape whose element count overflows or exceeds `Tensor.maxElementCount`, or whose rank
    /// exceeds `Tensor.maxRank`.
    case shapeTooLarge(shape: [Int])
    /// `values.count` disagrees with the product of `shape`.
    case elementCountMismatch(shape: [Int], count: Int)
    /// Two shapes that numpy's broadcasting rules cannot combine.
    case broadcastMismatch([Int], [Int])
    /// Two shapes that must be equal (for example in a comparison) and are not.
    case shapeMismatch([Int], [Int], operation: String)
    /// Inner dimensions of a matrix product that disagree.
    case matmulMismatch([Int], [Int])
    /// `reshaped` to a shape with a different element count, or with more than one `-1`.
    case invalidReshape(from: [Int], to: [Int])
    /// A subscript outside `0..<size` (negative indices are refused, not counted from the end).
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// An operation that needs a particular rank got another one.
    case rankMismatch(operation: String, expected: String, shape: [Int])
    /// NaN or ±infinity where only finite numbers make sense (quantization, calibration).
    case nonFiniteValue(index: Int, kind: NonFiniteKind)
    /// A statistic of a tensor with no elements.
    case emptyTensor(operation: String)
    /// A percentile outside 0…100 (or NaN).
    case invalidPercentile(Double)
    /// A quantization scale that is zero, negative, NaN or infinite.
    case invalidScale(Float)
    /// A zero point outside the integer range it must be stored in.
    case invalidZeroPoint(Int, qmin: Int, qmax: Int)
    /// An integer matrix product or convolution whose reduction (inner) dimension is so long that
    /// the exact sum of `depth` products `(q_a − z_a) · (q_b − z_b)` could overflow Int32.
    case accumulatorOverflow(operation: String, depth: Int, limit: Int)
    /// Any other argument out of its domain; the message names the argument and the rule.
    case invalidArgument(String)
    /// A combination of options that the engine does not (yet) implement.
    case unsupported(String)
    /// A long computation (training) stopped because its monitor asked it to (a time limit).
    case interrupted(String)
    /// A buffer that would break the memory budget (`MemoryBudget`): its size, the budget, and
    /// the memory already in use when that was the reason.
    case memoryBudgetExceeded(requested: Int, limit: Int, resident: Int?)

    public var description: String {
        switch self {
        case .invalidBits(let bits):
            return "bits must be between 2 and 16, got \(bits)"
        case .negativeDimension(let shape):
            return "shape \(shape) has a negative dimension"
        case .shapeTooLarge(let shape):
            return "shape \(shape) is too large (at most \(Tensor.maxElementCount) elements "
                + "and \(Tensor.maxRank) dimensions)"
        case .elementCountMismatch(let shape, let count):
            return "shape \(shape) needs \(Shape.describeCount(shape)) values, got \(count)"
        case .broadcastMismatch(let lhs, let rhs):
            return "shapes \(lhs) and \(rhs) cannot be broadcast"
        case .shapeMismatch(let lhs, let rhs, let operation):
            return "\(operation) needs tensors of the same shape, got \(lhs) and \(rhs)"
        case .matmulMismatch(let lhs, let rhs):
            return "matmul: shapes \(lhs) and \(rhs) are not aligned (inner dimensions differ)"
        case .invalidReshape(let from, let to):
            return "cannot reshape a tensor of shape \(from) into shape \(to)"
        case .indexOutOfRange(let index, let axis, let size):
            return "index \(index) is out of range for axis \(axis) of size \(size)"
        case .rankMismatch(let operation, let expected, let shape):
            return "\(operation) needs \(expected), got shape \(shape)"
        case .nonFiniteValue(let index, let kind):
            return "input contains \(kind) at index \(index)"
        case .emptyTensor(let operation):
            return "\(operation) of an empty tensor"
        case .invalidPercentile(let p):
            return "percentile must be between 0 and 100, got \(p)"
        case .invalidScale(let scale):
            return "scale must be a positive finite number, got \(scale)"
        case .invalidZeroPoint(let zeroPoint, let qmin, let qmax):
            return "zero point \(zeroPoint) is outside the integer range [\(qmin), \(qmax)]"
        case .accumulatorOverflow(let operation, let depth, let limit):
            return "\(operation): a reduction over \(depth) products could overflow the int32 accumulator "
                + "(at most \(limit) for these grids and zero points)"
        case .invalidArgument(let message):
            return message
        case .unsupported(let message):
            return message
        case .interrupted(let message):
            return message
        case .memoryBudgetExceeded(let requested, let limit, let resident):
            let need = MemoryBudget.describe(bytes: requested)
            let budget = MemoryBudget.describe(bytes: limit)
            guard let resident else {
                return "this needs \(need), more than the memory budget of \(budget) (qnb run --max-memory sets it)"
            }
            return "this needs \(need), but \(MemoryBudget.describe(bytes: resident)) of the \(budget) memory budget "
                + "are in use (qnb run --max-memory sets it)"
        }
    }
}

/// Which non-finite value was found (kept as a kind rather than a `Float`, so that errors stay
/// `Equatable` — NaN is not equal to itself).
public enum NonFiniteKind: String, Sendable, Equatable, CustomStringConvertible {
    case nan = "NaN"
    case positiveInfinity = "inf"
    case negativeInfinity = "-inf"

    /// The kind of a non-finite `value` (`nil` for a finite one).
    public init?(_ value: Float) {
        if value.isNaN {
            self = .nan
        } else if value.isInfinite {
            self = value < 0 ? .negativeInfinity : .positiveInfinity
        } else {
            return nil
        }
    }

    public var description: String { rawValue }
}
