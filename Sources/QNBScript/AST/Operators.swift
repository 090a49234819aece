/// The binary operators of the language. Logical `&&`/`||`, `??`, ranges and assignment are
/// separate AST nodes because they do not evaluate both operands eagerly or produce lvalues.
enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case wrappingAdd = "&+"
    case wrappingSubtract = "&-"
    case wrappingMultiply = "&*"
    case bitAnd = "&"
    case bitOr = "|"
    case bitXor = "^"
    case shiftLeft = "<<"
    case shiftRight = ">>"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="

    var symbol: String { rawValue }

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    /// Operators whose result type is the operand type (so literal operands fold into a literal).
    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder, .wrappingAdd, .wrappingSubtract,
            .wrappingMultiply, .bitAnd, .bitOr, .bitXor, .shiftLeft, .shiftRight:
            return true
        default: return false
        }
    }

    /// The operator of a compound assignment (`+=` gives `+`).
    init?(compoundAssignment symbol: String) {
        guard symbol.count >= 2, symbol.hasSuffix("="),
            !["==", "!=", "<=", ">="].contains(symbol)
        else { return nil }
        self.init(rawValue: String(symbol.dropLast()))
    }
}

enum UnaryOperator: String, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "!"
    case bitNot = "~"
}
