#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

/// When `qnb check` takes two numbers to be the same: their difference is within `relative`
/// times the larger magnitude, or within the small `absolute` floor that lets values near zero
/// (where any relative measure explodes) pass. The defaults are those of `pytest.approx`.
public struct Tolerance: Hashable, Sendable, CustomStringConvertible {
    /// The relative tolerance of a check without a `tolerance` setting.
    public static let defaultRelative = 1e-6
    /// The absolute floor: differences at most this large always pass.
    public static let absoluteFloor = 1e-12

    public static let `default` = Tolerance(relative: defaultRelative)

    public var relative: Double
    public var absolute: Double

    public init(relative: Double, absolute: Double = Tolerance.absoluteFloor) {
        self.relative = relative
        self.absolute = absolute
    }

    /// Whether `actual` may stand for `expected`. NaN matches NaN, and an infinity only the
    /// same infinity.
    public func accepts(_ expected: Double, _ actual: Double) -> Bool {
        if expected.isNaN || actual.isNaN { return expected.isNaN && actual.isNaN }
        if expected == actual { return true }
        if expected.isInfinite || actual.isInfinite { return false }
        let difference = abs(expected - actual)
        return difference <= absolute || difference <= relative * max(abs(expected), abs(actual))
    }

    /// `|a − b| / max(|a|, |b|)`: 0 for equal values, ∞ when only one is NaN or infinite.
    public static func relativeDifference(_ expected: Double, _ actual: Double) -> Double {
        if expected.isNaN && actual.isNaN { return 0 }
        if expected == actual { return 0 }
        if !expected.isFinite || !actual.isFinite { return .infinity }
        return abs(expected - actual) / max(abs(expected), abs(actual))
    }

    /// `1e-06` style, as the tolerance is written in messages.
    public var description: String { Self.format("%g", relative) }

    /// A difference or tolerance for messages: two significant digits, `1.6e-02` style for small
    /// values, plain for ordinary ones.
    public static func short(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return "∞" }
        if value == 0 { return "0" }
        if value >= 1e-3 && value < 1e4 {
            var text = format("%.2g", value)
            if text.contains("e") { text = format("%.0f", value) }
            return text
        }
        return format("%.1e", value)
    }

    private static func format(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 48)
        let count = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        guard count >= 0, Int(count) < buffer.count else { return String(value) }
        return String(decoding: buffer.prefix(Int(count)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
