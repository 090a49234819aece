extension StandardLibrary {
    /// `format` and `percent`: numbers written for a sentence, with the digits the notebook asks
    /// for (see `ProseFormatting`). Inline prose values `` `\(format(mse, digits: 2))` `` use them
    /// to override the default of four significant digits.
    static func registerFormatting(_ library: inout BuiltinLibrary) {
        library.register(
            "format", [.unlabeled("value", .double), .labeled("digits", .int, default: .int(4))], returns: .string,
            doc: "The number for a sentence with that many significant digits (1…17): 0.0001235, 12,345, −2.5 × 10⁻⁷."
        ) { args, _ in
            let digits = try args.int(1)
            guard (1...17).contains(digits) else {
                throw args.error(1, "'digits' must be between 1 and 17 significant digits, not \(digits)")
            }
            return .string(ProseFormatting.number(try args.double(0), significantDigits: digits))
        }
        library.register(
            "format", [.unlabeled("value", .double), .labeled("decimals", .int)], returns: .string,
            doc: "The number for a sentence rounded to that many decimal places (0…20), zeros kept: 0.50, 1,024.00."
        ) { args, _ in
            let decimals = try args.int(1)
            guard (0...20).contains(decimals) else {
                throw args.error(1, "'decimals' must be between 0 and 20, not \(decimals)")
            }
            return .string(ProseFormatting.number(try args.double(0), decimals: decimals))
        }
        library.register(
            "format", [.unlabeled("value", .int)], returns: .string,
            doc: "The integer for a sentence, digits grouped from four digits on: 1,797, 16,777,216, −12."
        ) { args, _ in
            .string(ProseFormatting.integer(try args.int(0)))
        }
        library.register(
            "percent", [.unlabeled("fraction", .double), .labeled("decimals", .int, default: .int(1))],
            returns: .string, doc: "A fraction as a percentage with that many decimal places (0…20): 0.9531 → 95.3%."
        ) { args, _ in
            let decimals = try args.int(1)
            guard (0...20).contains(decimals) else {
                throw args.error(1, "'decimals' must be between 0 and 20, not \(decimals)")
            }
            return .string(ProseFormatting.number(try args.double(0) * 100, decimals: decimals) + "%")
        }
    }
}
