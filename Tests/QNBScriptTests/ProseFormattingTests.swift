import Foundation
import QNBScript
import QNBTestSupport
import Testing

/// How values read in sentences (`` `\(expr)` `` in prose) and the `format`/`percent` builtins.
@Suite struct ProseFormattingTests {
    @Test(arguments: [
        (0.000123456, "0.0001235"),
        (0.5, "0.5"),
        (2.0, "2"),
        (-2.5, "−2.5"),
        (1.0 / 3.0, "0.3333"),
        (9.99951, "10"),
        (1234.5678, "1,235"),
        (12345.678, "12,346"),
        (123456.7, "123,457"),
        (99999999.4, "99,999,999"),
        (1.23456e9, "1.235 × 10⁹"),
        (1e-7, "1 × 10⁻⁷"),
        (-0.00001, "−1 × 10⁻⁵"),
        (0.0001, "0.0001"),
        (-0.0, "0"),
        (Double.nan, "NaN"),
        (-Double.infinity, "−∞"),
    ])
    func defaultSignificantDigits(value: Double, text: String) {
        #expect(ProseFormatting.number(value) == text)
    }

    /// Every number written in prose reads back within half a unit of its last significant
    /// digit: the text is parsed back independently (groups, `−` and `× 10ⁿ` undone).
    @Test func writtenNumbersReadBackWithinTheirPrecision() throws {
        var generator = SplitMix64(seed: 20_261_126)
        for digits in [1, 2, 4, 6] {
            for _ in 0..<400 {
                let exponent = Double.random(in: -12...14, using: &generator)
                let sign: Double = Bool.random(using: &generator) ? -1 : 1
                let value = sign * Double.random(in: 1..<10, using: &generator) * pow10(exponent.rounded(.down))
                let text = ProseFormatting.number(value, significantDigits: digits)
                let parsed = try #require(Self.readBack(text), "could not read back \(text)")
                let ulp = pow10(Double(Int((abs(value)).exponent10) - digits + 1))
                #expect(abs(parsed - value) <= ulp * 0.5000001 + abs(value) * 1e-15, "\(value) → \(text)")
            }
        }
    }

    @Test func fixedDecimalsAndIntegers() {
        #expect(ProseFormatting.number(0.5, decimals: 2) == "0.50")
        #expect(ProseFormatting.number(-0.004, decimals: 2) == "0.00")
        #expect(ProseFormatting.number(-1234567.891, decimals: 1) == "−1,234,567.9")
        #expect(ProseFormatting.integer(4096) == "4,096")
        #expect(ProseFormatting.integer(999) == "999")
        #expect(ProseFormatting.integer(16_777_216) == "16,777,216")
        #expect(ProseFormatting.integer(-12345) == "−12,345")
        #expect(ProseFormatting.integer(Int.min) == "−9,223,372,036,854,775,808")
    }

    @Test(arguments: [
        ("format(0.000123456)", "0.0001235"),
        ("format(0.000123456, digits: 2)", "0.00012"),
        ("format(3.14159, digits: 6)", "3.14159"),
        ("format(2.0 / 3.0, decimals: 3)", "0.667"),
        ("format(1024)", "1,024"),
        ("format(65536)", "65,536"),
        ("percent(0.95312)", "95.3%"),
        ("percent(0.95312, decimals: 2)", "95.31%"),
        ("percent(1.0 / 3.0, decimals: 0)", "33%"),
    ])
    func builtins(source: String, text: String) {
        let result = CellRunner(library: .qnb).run(source)
        #expect(result.error == nil)
        #expect(result.displayText == text)
    }

    @Test(arguments: [
        ("format(0.5, digits: 0)", "'digits' must be between 1 and 17 significant digits, not 0", 21),
        ("format(0.5, digits: 18)", "'digits' must be between 1 and 17 significant digits, not 18", 21),
        ("format(0.5, decimals: -1)", "'decimals' must be between 0 and 20, not -1", 23),
        ("percent(0.5, decimals: 21)", "'decimals' must be between 0 and 20, not 21", 24),
    ])
    func badDigitsAreLocatedErrors(source: String, message: String, column: Int) throws {
        let result = CellRunner(library: .qnb).run(source, line: 7)
        let error = try #require(result.error)
        #expect(error.message == message)
        #expect(error.location.line == 7)
        #expect(error.location.column == column)
    }

    @Test func valuesInSentences() throws {
        func text(_ value: Value) throws -> String { try ProseFormatting.text(of: value).text }
        #expect(try ProseFormatting.text(of: .int(16_777_216)) == ("16,777,216", 16_777_216))
        #expect(try ProseFormatting.text(of: .double(0.25)) == ("0.25", 0.25))
        #expect(try text(.string("int8 *symmetric*")) == "int8 *symmetric*")
        #expect(try text(.bool(false)) == "false")
        let mixed = try text(.array([.int(4), .double(-0.5), .string("nf4")]))
        #expect(mixed == "[4, −0.5, \"nf4\"]")
        #expect(try text(.optional(.double(1e-9))) == "1 × 10⁻⁹")
        #expect(try text(.optional(nil)) == "nil")
        #expect(throws: ProseFormattingError.self) { try ProseFormatting.text(of: .void) }
        #expect(throws: ProseFormattingError.self) {
            try ProseFormatting.text(of: .array(Array(repeating: .int(1), count: 17)))
        }
        #expect(throws: ProseFormattingError.self) { try ProseFormatting.text(of: .array([.array([.int(1)])])) }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        let steps = Int(abs(exponent))
        for _ in 0..<steps { result = exponent < 0 ? result / 10 : result * 10 }
        return result
    }

    /// The number a prose text stands for.
    static func readBack(_ text: String) -> Double? {
        var plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
        var scale = 1.0
        if let times = plain.range(of: " × 10") {
            let superscripts: [Character: Character] = [
                "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
                "⁻": "-",
            ]
            guard let exponent = Int(String(plain[times.upperBound...].compactMap { superscripts[$0] })) else {
                return nil
            }
            var power = 1.0
            for _ in 0..<abs(exponent) { power *= 10 }
            scale = exponent < 0 ? 1 / power : power
            plain = String(plain[..<times.lowerBound])
        }
        return Double(plain).map { $0 * scale }
    }
}

extension Double {
    /// ⌊log10 |x|⌋ for a finite nonzero value.
    fileprivate var exponent10: Double {
        var value = Swift.abs(self)
        var exponent = 0.0
        while value >= 10 {
            value /= 10
            exponent += 1
        }
        while value < 1 {
            value *= 10
            exponent -= 1
        }
        return exponent
    }
}

/// A seeded generator, so the property test sees the same numbers on every run.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
