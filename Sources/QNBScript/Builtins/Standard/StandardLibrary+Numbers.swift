extension StandardLibrary {
    static func registerNumberMembers(_ library: inout BuiltinLibrary) {
        library.register(
            BuiltinOptionType(
                "FloatingPointRoundingRule", doc: "How `rounded(_:)` rounds.",
                cases: [
                    .init("toNearestOrAwayFromZero", doc: "Halves away from zero (the default, like C's round)."),
                    .init("toNearestOrEven", doc: "Halves to the even neighbour (banker's rounding, IEEE default)."),
                    .init("up", doc: "Toward +∞."), .init("down", doc: "Toward −∞."),
                    .init("towardZero", doc: "Truncation."), .init("awayFromZero", doc: "Away from zero."),
                ]))

        for (key, name) in [
            (TypeKey.int, "Int"), (.double, "Double"), (.bool, "Bool"), (.string, "String"), (.array, "Array"),
            (.dictionary, "Dictionary"), (.range, "Range"), (.tuple, "Tuple"), (.optional, "Optional"),
        ] {
            library.extend(key, name: name) { type in
                type.add(
                    BuiltinProperty("description", .string, doc: "The textual representation, as print writes it.") {
                        receiver, _ in
                        .string(receiver.description)
                    })
            }
        }

        library.extend(.int, name: "Int", doc: "A 64-bit signed integer; overflow is an error.") { type in
            type.add(
                BuiltinProperty("magnitude", .int, doc: "The absolute value (Int.min is an error).") { receiver, _ in
                    let v = try receiver.asInt()
                    guard v != .min else {
                        throw ScriptError("arithmetic overflow: the magnitude of Int.min does not fit in Int")
                    }
                    return .int(abs(v))
                })
            type.add(
                BuiltinProperty("nonzeroBitCount", .int, doc: "The number of 1 bits.") { receiver, _ in
                    .int(try receiver.asInt().nonzeroBitCount)
                })
            type.add(
                BuiltinProperty("leadingZeroBitCount", .int, doc: "The number of leading 0 bits.") { receiver, _ in
                    .int(try receiver.asInt().leadingZeroBitCount)
                })
            type.add(
                BuiltinProperty("trailingZeroBitCount", .int, doc: "The number of trailing 0 bits.") { receiver, _ in
                    .int(try receiver.asInt().trailingZeroBitCount)
                })
            type.add(
                BuiltinMethod("signum", [], returns: .int, doc: "-1, 0 or 1.") { receiver, _, _ in
                    .int(try receiver.asInt().signum())
                })
            type.add(
                BuiltinMethod(
                    "isMultiple", [.labeled("of", .int)], returns: .bool,
                    doc: "Whether the value is a multiple of the other."
                ) { receiver, args, _ in
                    .bool(try receiver.asInt().isMultiple(of: try args.int(0)))
                })
            type.add(
                BuiltinMethod(
                    "quotientAndRemainder", [.labeled("dividingBy", .int)],
                    returns: .tuple([.int, .int], labels: ["quotient", "remainder"]),
                    doc: "Truncating division and its remainder."
                ) { receiver, args, _ in
                    let divisor = try args.int(0)
                    guard divisor != 0 else { throw args.error(0, "division by zero") }
                    let dividend = try receiver.asInt()
                    guard !(dividend == .min && divisor == -1) else {
                        throw ScriptError("arithmetic overflow in 'quotientAndRemainder'")
                    }
                    let (q, r) = dividend.quotientAndRemainder(dividingBy: divisor)
                    return .tuple(ScriptTuple([.int(q), .int(r)], labels: ["quotient", "remainder"]))
                })
        }

        library.extend(.double, name: "Double", doc: "A 64-bit IEEE 754 floating-point number.") { type in
            let flags: [(String, String, @Sendable (Double) -> Bool)] = [
                ("isNaN", "Whether the value is NaN.", { $0.isNaN }),
                ("isInfinite", "Whether the value is ±infinity.", { $0.isInfinite }),
                ("isFinite", "Whether the value is neither infinite nor NaN.", { $0.isFinite }),
                ("isZero", "Whether the value is ±0.", { $0.isZero }),
                ("isNormal", "Whether the value is normal.", { $0.isNormal }),
                ("isSubnormal", "Whether the value is subnormal.", { $0.isSubnormal }),
            ]
            for (name, doc, test) in flags {
                type.add(BuiltinProperty(name, .bool, doc: doc) { receiver, _ in .bool(test(try receiver.asDouble())) })
            }
            let values: [(String, String, @Sendable (Double) -> Double)] = [
                ("magnitude", "The absolute value.", { $0.magnitude }),
                ("ulp", "The distance to the next larger magnitude.", { $0.ulp }),
                ("nextUp", "The next larger Double.", { $0.nextUp }),
                ("nextDown", "The next smaller Double.", { $0.nextDown }),
            ]
            for (name, doc, function) in values {
                type.add(
                    BuiltinProperty(name, .double, doc: doc) { receiver, _ in .double(function(try receiver.asDouble()))
                    })
            }
            type.add(
                BuiltinMethod("squareRoot", [], returns: .double, doc: "The square root.") { receiver, _, _ in
                    .double(try receiver.asDouble().squareRoot())
                })
            type.add(
                BuiltinMethod(
                    "rounded", [], returns: .double, doc: "Rounded to an integral value, halves away from zero."
                ) { receiver, _, _ in
                    .double(try receiver.asDouble().rounded())
                })
            type.add(
                BuiltinMethod(
                    "rounded", [.unlabeled("rule", .option("FloatingPointRoundingRule"))], returns: .double,
                    doc: "Rounded to an integral value by the rule (.toNearestOrEven, .down, …)."
                ) { receiver, args, _ in
                    .double(try receiver.asDouble().rounded(try roundingRule(args, 0)))
                })
            type.add(
                BuiltinMethod(
                    "truncatingRemainder", [.labeled("dividingBy", .double)], returns: .double,
                    doc: "The remainder of truncating division (C's fmod)."
                ) { receiver, args, _ in
                    .double(try receiver.asDouble().truncatingRemainder(dividingBy: try args.double(0)))
                })
            type.add(
                BuiltinMethod(
                    "remainder", [.labeled("dividingBy", .double)], returns: .double,
                    doc: "The IEEE remainder (rounding the quotient to nearest)."
                ) { receiver, args, _ in
                    .double(try receiver.asDouble().remainder(dividingBy: try args.double(0)))
                })
        }

        library.extend(.bool, name: "Bool", doc: "true or false.") { type in
            type.add(
                BuiltinMethod(mutating: "toggle", [], doc: "Flips the value.") { receiver, _, _ in
                    receiver = .bool(!(try receiver.asBool()))
                    return .void
                })
        }
    }

    static func roundingRule(_ args: BuiltinArguments, _ index: Int) throws -> FloatingPointRoundingRule {
        switch try args.option(index).name {
        case "toNearestOrAwayFromZero": return .toNearestOrAwayFromZero
        case "toNearestOrEven": return .toNearestOrEven
        case "up": return .up
        case "down": return .down
        case "towardZero": return .towardZero
        case "awayFromZero": return .awayFromZero
        case let other: throw args.error(index, "type 'FloatingPointRoundingRule' has no member '\(other)'")
        }
    }

    static func registerRangeMembers(_ library: inout BuiltinLibrary) {
        library.extend(.range, name: "Range", doc: "a..<b, a...b and strides.") { type in
            type.add(
                BuiltinProperty("lowerBound", .generic("Bound"), doc: "The first value of the range.") { receiver, _ in
                    switch receiver {
                    case .range(.int(let lower, _, _)): return .int(lower)
                    case .range(.double(let lower, _, _)): return .double(lower)
                    default: throw ScriptError("value of type '\(receiver.typeName)' has no member 'lowerBound'")
                    }
                })
            type.add(
                BuiltinProperty("upperBound", .generic("Bound"), doc: "The end of the range (excluded for ..<).") {
                    receiver, _ in
                    switch receiver {
                    case .range(.int(_, let upper, _)): return .int(upper)
                    case .range(.double(_, let upper, _)): return .double(upper)
                    default: throw ScriptError("value of type '\(receiver.typeName)' has no member 'upperBound'")
                    }
                })
        }
    }
}
