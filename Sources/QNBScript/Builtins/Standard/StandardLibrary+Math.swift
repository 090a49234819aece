#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#elseif canImport(Musl)
    import Musl
#endif

extension StandardLibrary {
    static func registerMath(_ library: inout BuiltinLibrary) {
        let unary: [(String, String, @Sendable (Double) -> Double)] = [
            ("sqrt", "The square root.", { $0.squareRoot() }),
            ("exp", "e raised to the value.", { exp($0) }),
            ("log", "The natural logarithm.", { log($0) }),
            ("log2", "The base-2 logarithm.", { log2($0) }),
            ("log10", "The base-10 logarithm.", { log10($0) }),
            ("sin", "The sine (radians).", { sin($0) }),
            ("cos", "The cosine (radians).", { cos($0) }),
            ("tan", "The tangent (radians).", { tan($0) }),
            ("asin", "The arcsine.", { asin($0) }),
            ("acos", "The arccosine.", { acos($0) }),
            ("atan", "The arctangent.", { atan($0) }),
            ("sinh", "The hyperbolic sine.", { sinh($0) }),
            ("cosh", "The hyperbolic cosine.", { cosh($0) }),
            ("tanh", "The hyperbolic tangent.", { tanh($0) }),
            ("floor", "Rounds down.", { $0.rounded(.down) }),
            ("ceil", "Rounds up.", { $0.rounded(.up) }),
            (
                "round", "Rounds to the nearest integer, halves away from zero (C's round).",
                { $0.rounded(.toNearestOrAwayFromZero) }
            ),
            ("trunc", "Rounds toward zero.", { $0.rounded(.towardZero) }),
        ]
        for (name, doc, function) in unary {
            library.register(name, [.unlabeled("x", .double)], returns: .double, doc: doc) { args, _ in
                .double(function(try args.double(0)))
            }
        }
        library.register(
            "pow", [.unlabeled("base", .double), .unlabeled("exponent", .double)], returns: .double,
            doc: "The base raised to the exponent (Doubles; C's pow)."
        ) { args, _ in .double(pow(try args.double(0), try args.double(1))) }
        library.register(
            "atan2", [.unlabeled("y", .double), .unlabeled("x", .double)], returns: .double,
            doc: "The angle of the point (x, y)."
        ) { args, _ in .double(atan2(try args.double(0), try args.double(1))) }

        library.register(
            "abs", [.unlabeled("x", .generic("T"))], returns: .generic("T"),
            doc: "The absolute value of an Int or a Double."
        ) { args, _ in
            switch args[0] {
            case .int(let v):
                guard v != .min else {
                    throw ScriptError("arithmetic overflow in 'abs': \(v) has no positive Int", argument: 0)
                }
                return .int(abs(v))
            case .double(let v): return .double(abs(v))
            default:
                throw args.error(
                    0, "cannot convert value of type '\(args[0].typeName)' to expected argument type 'Double'")
            }
        }
        for (name, wantsLess) in [("min", true), ("max", false)] {
            library.register(
                name,
                [.unlabeled("x", .generic("T")), .unlabeled("y", .generic("T")), .variadic("rest", .generic("T"))],
                returns: .generic("T"), doc: "The \(wantsLess ? "least" : "greatest") of the arguments."
            ) { args, _ in
                var best = args[0]
                for candidate in [args[1]] + (try args.array(2)) {
                    if try wantsLess ? ValueOrdering.less(candidate, best) : ValueOrdering.less(best, candidate) {
                        best = candidate
                    }
                }
                return best
            }
        }

        library.registerStatic("Double", "pi", .constant(.double(.pi), .double, doc: "π"))
        library.registerStatic("Double", "infinity", .constant(.double(.infinity), .double, doc: "Positive infinity."))
        library.registerStatic("Double", "nan", .constant(.double(.nan), .double, doc: "Not a number."))
        library.registerStatic(
            "Double", "greatestFiniteMagnitude",
            .constant(.double(.greatestFiniteMagnitude), .double, doc: "The largest finite Double."))
        library.registerStatic(
            "Double", "leastNonzeroMagnitude",
            .constant(.double(.leastNonzeroMagnitude), .double, doc: "The smallest positive Double."))
        library.registerStatic(
            "Double", "ulpOfOne", .constant(.double(.ulpOfOne), .double, doc: "The distance from 1 to the next Double.")
        )
        library.registerStatic("Float", "pi", .constant(.double(Double(Float.pi)), .float, doc: "π as a Float."))
        library.registerStatic("Float", "infinity", .constant(.double(.infinity), .float, doc: "Positive infinity."))
        library.registerStatic(
            "Float", "greatestFiniteMagnitude",
            .constant(.double(Double(Float.greatestFiniteMagnitude)), .float, doc: "The largest finite Float."))
        library.registerStatic(
            "Float", "ulpOfOne",
            .constant(.double(Double(Float.ulpOfOne)), .float, doc: "Float32 machine epsilon, 1.1920929e-07."))
        library.registerStatic("Int", "max", .constant(.int(.max), .int, doc: "The largest Int, 2^63 − 1."))
        library.registerStatic("Int", "min", .constant(.int(.min), .int, doc: "The smallest Int, −2^63."))

        library.registerStatic(
            "Int", "random",
            .function([
                BuiltinFunction(
                    "Int.random", [.labeled("in", .any)], returns: .int,
                    doc: "A random Int in the range, from the session's seeded generator."
                ) { args, context in
                    guard case .range(let range) = args[0], let (lower, upper) = range.halfOpenIntBounds, lower < upper
                    else {
                        throw args.error(0, "cannot pick a random element of an empty range")
                    }
                    return .int(context.random.nextInt(in: lower...(upper - 1)))
                }
            ]))
        library.registerStatic(
            "Double", "random",
            .function([
                BuiltinFunction(
                    "Double.random", [.labeled("in", .any)], returns: .double,
                    doc: "A random Double in the range, from the session's seeded generator."
                ) { args, context in
                    let (lower, upper, closed) = try args[0].asDoubleRange()
                    guard lower < upper || (closed && lower == upper) else {
                        throw args.error(0, "cannot pick from an empty range")
                    }
                    return .double(lower + (upper - lower) * context.random.nextUnit())
                }
            ]))
        library.registerStatic(
            "Bool", "random",
            .function([
                BuiltinFunction("Bool.random", returns: .bool, doc: "true or false with equal probability.") {
                    _, context in
                    .bool(context.random.next() & 1 == 1)
                }
            ]))
    }
}
