/// Fixed-point decimal text of a Double, without Foundation.
enum DecimalFormatting {
    /// `value` with `fractionDigits` (0…3) digits after the point, rounded from its exact binary
    /// value half to even — what C's `printf("%.*f")` and Python's `format(value, ".Nf")` print:
    /// `fixed(2.675, 2)` is "2.67" (the Double is 2.67499999…), `fixed(0.125, 2)` is "0.12".
    /// Negative values, −0 included, keep their minus sign; NaN and infinities print as Python
    /// prints them ("nan", "inf", "-inf").
    static func fixed(_ value: Double, fractionDigits: Int) -> String {
        precondition((0...3).contains(fractionDigits), "fixed: 0…3 fraction digits")
        if value.isNaN { return "nan" }
        let sign = value.sign == .minus ? "-" : ""
        if value.isInfinite { return sign + "inf" }
        // |value| = significand · 2^exponent exactly, with an integer significand below 2^53.
        let magnitude = value.magnitude
        let bits = magnitude.significandBitPattern
        let biased = Int(magnitude.exponentBitPattern)
        let significand = biased == 0 ? bits : bits | (1 << 52)
        let exponent = biased == 0 ? -1074 : biased - 1075
        // Scaled by 10^fractionDigits: below 2^53 · 1000 < 2^63, so no overflow.
        let scaled = significand * [1, 10, 100, 1000][fractionDigits]
        var digits: String
        if exponent >= 0 {
            digits = decimalDigits(scaled, timesPowerOfTwo: exponent)
        } else {
            let shift = -exponent
            var quotient: UInt64 = 0
            if shift < 64 {
                quotient = scaled >> UInt64(shift)
                let remainder = scaled & ((1 << UInt64(shift)) - 1)
                let half: UInt64 = 1 << UInt64(shift - 1)
                if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
            }  // else the value is below half a unit of the last digit: it rounds to 0
            digits = String(quotient)
        }
        if digits.count <= fractionDigits {
            digits = String(repeating: "0", count: fractionDigits + 1 - digits.count) + digits
        }
        guard fractionDigits > 0 else { return sign + digits }
        let point = digits.index(digits.endIndex, offsetBy: -fractionDigits)
        return sign + digits[..<point] + "." + digits[point...]
    }

    /// The decimal digits of `value · 2^power`, by doubling in base-10⁹ limbs (least significant
    /// first), for integers beyond 64 bits.
    private static func decimalDigits(_ value: UInt64, timesPowerOfTwo power: Int) -> String {
        let base: UInt64 = 1_000_000_000
        var limbs: [UInt64] = []
        var rest = value
        while rest > 0 {
            limbs.append(rest % base)
            rest /= base
        }
        if limbs.isEmpty { return "0" }
        for _ in 0..<power {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % base
                carry = doubled / base
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
