import Testing

@testable import QuantEngine

/// Fixed-point text rounded from the exact binary value, half to even, as Python's
/// `format(x, ".Nf")` prints it (each expected string printed by CPython 3.11).
@Suite struct DecimalFormattingTests {
    @Test(arguments: [
        (2.675, 2, "2.67"), (0.125, 2, "0.12"), (0.375, 2, "0.38"), (1.005, 2, "1.00"), (-0.0, 2, "-0.00"),
        (100.0, 2, "100.00"), (0x1p70, 1, "1180591620717411303424.0"), (0.05, 1, "0.1"), (0.25, 1, "0.2"),
        (0.35, 1, "0.3"), (.leastNonzeroMagnitude, 3, "0.000"), (0.0005, 3, "0.001"), (0.0015, 3, "0.002"),
        (0.0025, 3, "0.003"),
        (1.0, 3, "1.000"), (99.995, 2, "100.00"), (0.9995, 3, "1.000"), (-1.5, 0, "-2"), (2.5, 0, "2"),
        (123456.789, 3, "123456.789"), (0x1p53 + 2, 2, "9007199254740994.00"), (.infinity, 2, "inf"),
        (-.infinity, 1, "-inf"), (.nan, 2, "nan"), (0, 0, "0"), (0.5, 0, "0"), (1.5, 0, "2"),
    ])
    func matchesPython(value: Double, digits: Int, expected: String) {
        #expect(DecimalFormatting.fixed(value, fractionDigits: digits) == expected)
    }
}
