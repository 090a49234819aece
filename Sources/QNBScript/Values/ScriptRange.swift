/// A range value: `0..<n`, `1...n`, `-1.0...1.0`, or a stride.
public enum ScriptRange: Hashable {
    /// `lower..<upper` (closed: false) or `lower...upper` (closed: true).
    case int(lower: Int, upper: Int, closed: Bool)
    case double(lower: Double, upper: Double, closed: Bool)
    /// `stride(from:to:by:)` (inclusive: false) or `stride(from:through:by:)` (inclusive: true).
    case intStride(from: Int, to: Int, by: Int, inclusive: Bool)
    case doubleStride(from: Double, to: Double, by: Double, inclusive: Bool)
    /// One-sided ranges, only meaningful as subscripts: `a[2...]`, `a[..<3]`, `a[...3]`.
    case from(Int)
    case upTo(Int)
    case through(Int)

    /// The half-open integer bounds of an integer range (`1...3` is `1..<4`), nil for others.
    public var halfOpenIntBounds: (lower: Int, upper: Int)? {
        switch self {
        case .int(let lower, let upper, let closed):
            if closed {
                let (end, overflow) = upper.addingReportingOverflow(1)
                return overflow ? nil : (lower, end)
            }
            return (lower, upper)
        default:
            return nil
        }
    }

    /// The number of elements of an integer range or stride, nil for a Double range.
    public var count: Int? {
        switch self {
        case .int(let lower, let upper, let closed):
            let span = upper.subtractingReportingOverflow(lower)
            if span.overflow { return nil }
            return closed ? span.partialValue + 1 : span.partialValue
        case .intStride(let from, let to, let by, let inclusive):
            return ScriptRange.strideCount(from: from, to: to, by: by, inclusive: inclusive)
        case .doubleStride(let from, let to, let by, let inclusive):
            let estimate = ((to - from) / by).rounded(.down)
            if !estimate.isFinite || estimate > 1e8 {
                return estimate > 9e18 || !estimate.isFinite ? .max : Int(estimate) + 1
            }
            var n = 0
            var x = from
            while by > 0 ? (inclusive ? x <= to : x < to) : (inclusive ? x >= to : x > to) {
                n += 1
                x = from + Double(n) * by
            }
            return n
        default:
            return nil
        }
    }

    static func strideCount(from: Int, to: Int, by: Int, inclusive: Bool) -> Int {
        guard by != 0 else { return 0 }
        let distance = Double(to) - Double(from)
        if (distance > 0 && by < 0) || (distance < 0 && by > 0) { return 0 }
        if distance == 0 { return inclusive ? 1 : 0 }
        let magnitude = distance.magnitude
        let step = Double(by).magnitude
        var n = Int((magnitude / step).rounded(.down))
        if inclusive || Double(n) * step < magnitude { n += 1 }
        if !inclusive && Double(n - 1) * step >= magnitude { n -= 1 }
        return max(0, n)
    }
}
