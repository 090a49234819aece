/// An expression made only of number literals and arithmetic, such as `2`, `-1` or `1 / 3`.
///
/// Swift gives such an expression the type its context asks for: `let x: Double = 1 / 3` is
/// 0.333…, `x * 2` with a Double `x` multiplies by 2.0. The interpreter evaluates it as an Int by
/// default and again as a Double where a Double is expected; it has no side effects, so
/// re-evaluating is safe. An expression with a float literal is always a Double.
indirect enum PolyLiteral: Sendable {
    case int(Int)
    case double(Double)
    case negate(PolyLiteral)
    case binary(BinaryOperator, PolyLiteral, PolyLiteral, SourcePosition)

    var containsDouble: Bool {
        switch self {
        case .int: return false
        case .double: return true
        case .negate(let inner): return inner.containsDouble
        case .binary(_, let lhs, let rhs, _): return lhs.containsDouble || rhs.containsDouble
        }
    }
}
