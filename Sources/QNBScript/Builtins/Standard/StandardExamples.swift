extension BuiltinExampleCatalog {
    /// Examples of `BuiltinLibrary.standard`: Swift's global functions and the members of the
    /// language's value types. The sequence members every collection shares are shown once
    /// per collection kind, each in that kind's terms.
    static let standard = BuiltinExampleCatalog(sections: [
        output, formatting, math, conversions, sequences, arrayMembers, rangeMembers, stringMembers, dictionaryMembers,
        numberMembers,
    ])

    private static let output = BuiltinExampleSection(
        "Output and checks",
        [
            .function(
                "print",
                #"""
                print("SQNR", 49.9, "dB")
                print(2, 4, 8, separator: " < ", terminator: " bits\n")
                """#),
            .function("type", #"type(of: [0.5, -1.25])"#),
            .function("fatalError", #"fatalError("bits must be between 2 and 16")"#, fails: true),
            .function(
                "preconditionFailure", #"preconditionFailure("unknown scheme 'symetric'")"#, fails: true),
            .function(
                "precondition",
                #"""
                let bits = 4
                precondition(bits >= 2, "too few bits")
                precondition(bits <= 3, "this lesson uses 2 or 3 bits")
                """#, fails: true),
            .function(
                "assert",
                #"""
                let scale = 0.02 / 127
                assert(scale > 0, "scales are positive")
                scale
                """#),
        ])

    private static let formatting = BuiltinExampleSection(
        "Numbers for prose",
        [
            .function(
                "format",
                #"""
                let mse = 0.000123456
                print(format(mse), format(mse, digits: 2), format(1.0 / 3, decimals: 2))
                print(format(16_777_216), format(-2.5e-7))
                """#),
            .function(
                "percent",
                #"""
                let accuracy = 0.95312
                print(percent(accuracy), percent(accuracy, decimals: 2), percent(1 - accuracy, decimals: 0))
                """#),
        ])

    private static let math = BuiltinExampleSection(
        "Math",
        [
            .function("sqrt", #"sqrt(2.0) / 2"#),
            .function("exp", #"exp(-0.5 * 1.0 * 1.0) / sqrt(2 * Double.pi)   // the normal density at 1"#),
            .function("log", #"log(2.0) / log(10.0)"#),
            .function("log2", #"log2(256.0)   // bits needed for 256 levels"#),
            .function("log10", #"10 * log10(1e5)   // a signal-to-noise power ratio of 10^5 in dB"#),
            .function("sin", #"sin(Double.pi / 6)"#),
            .function("cos", #"cos(Double.pi / 3)"#),
            .function("tan", #"tan(Double.pi / 4)"#),
            .function("asin", #"asin(1.0) * 2"#),
            .function("acos", #"acos(-1.0)"#),
            .function("atan", #"atan(1.0) * 4"#),
            .function("sinh", #"sinh(1.0)"#),
            .function("cosh", #"cosh(1.0)"#),
            .function("tanh", #"[-2.0, 0.0, 0.5, 3.0].map { tanh($0) }"#),
            .function("floor", #"print(floor(2.7), floor(-2.5))"#),
            .function("ceil", #"ceil(1000.0 / 32)   // blocks of 32 needed for 1000 weights"#),
            .function("round", #"print(round(2.5), round(-2.5), round(0.49))   // halves away from zero"#),
            .function("trunc", #"print(trunc(2.7), trunc(-2.7))"#),
            .function("pow", #"pow(2.0, 8.0) - 1   // the largest 8-bit unsigned code"#),
            .function("atan2", #"atan2(1.0, -1.0)"#),
            .function("abs", #"print(abs(-128), abs(-0.75))"#),
            .function("min", #"print(min(3, 8), min(0.5, -1.25, 0.25))"#),
            .function("max", #"print(max(3, 8), max(-0.5, 0.25, 0.125))"#),
        ])

    private static let conversions = BuiltinExampleSection(
        "Conversions",
        [
            .function(
                "Int",
                #"""
                print(Int(7.9), Int(-7.9), Int(42))
                print(Int("127") ?? 0, Int("ff", radix: 16) ?? 0, Int("eight") == nil)
                """#),
            .function(
                "Double",
                #"""
                print(Double(3) / 2, Double(0.25))
                Double("0.125")
                """#),
            .function(
                "Float",
                #"""
                print(Float(0.1))
                Float("1e-3")
                """#),
            .function(
                "String",
                #"""
                print(String(8) + " bits", String(describing: [4, 8]), String(repeating: "=", count: 10))
                print(String(-3 & 0xF, radix: 2), String(format: "%6.2f dB | %05d | %x", 49.876, 42, 255))
                """#),
            .function("Bool", #"print(Bool("true") ?? false, Bool("yes") == nil)"#),
            .function("Optional", #"Optional(8)"#),
            .function(
                "Array",
                #"""
                var sqnrs = [Double]()
                sqnrs.append(49.9)
                print(sqnrs, Array(2...5), Array("int4"), Array(repeating: 0, count: 3))
                """#),
            .function(
                "Dictionary",
                #"""
                var counts = [String: Int]()
                counts["int8"] = 256
                print(counts, Dictionary(uniqueKeysWithValues: zip(["int8", "int4"], [8, 4])))
                """#),
        ])

    private static let sequences = BuiltinExampleSection(
        "Sequences",
        [
            .function(
                "stride",
                #"""
                print(Array(stride(from: 0.0, to: 1.0, by: 0.25)))
                for bits in stride(from: 8, through: 2, by: -2) { print(bits, terminator: " ") }
                """#),
            .function(
                "zip",
                #"""
                for (bits, sqnr) in zip([8, 4, 2], [49.9, 25.8, 7.3]) { print("\(bits) bits: \(sqnr) dB") }
                """#),
        ])

    // MARK: Arrays

    private static let arrayMembers = BuiltinExampleSection(
        "Arrays",
        [
            .type("Array", #"[0.5, -1.25, 2.0]"#),
            .member("Array", "count", #"print([8, 4, 2].count, [4, 8, 8, 16].count { $0 == 8 })"#),
            .member("Array", "isEmpty", #"print([Double]().isEmpty, [8].isEmpty)"#),
            .member("Array", "first", #"print([8, 4, 2].first ?? 0, [3, 5, 8].first { $0 > 4 } ?? 0)"#),
            .member("Array", "last", #"[0.5, 0.25, 0.125].last"#),
            .member("Array", "map", #"[2, 4, 8].map { 1 << $0 }   // levels per bit width"#),
            .member("Array", "compactMap", #"["8", "four", "2"].compactMap { Int($0) }"#),
            .member("Array", "flatMap", #"[[1, 2], [3], []].flatMap { $0 }"#),
            .member("Array", "filter", #"[0.5, -0.02, 0.003, -1.1].filter { abs($0) > 0.01 }"#),
            .member("Array", "reduce", #"[0.5, -1.5, 0.25].reduce(0) { max($0, abs($1)) }   // absMax"#),
            .member("Array", "forEach", #"[8, 4].forEach { print("int\($0)") }"#),
            .member(
                "Array", "contains",
                #"print([2, 4, 8].contains(4), [0.5, -3.0].contains { abs($0) > 1 })"#),
            .member("Array", "allSatisfy", #"[-127, 0, 127].allSatisfy { (-128...127).contains($0) }"#),
            .member(
                "Array", "firstIndex",
                #"print([4, 8, 8].firstIndex(of: 8) ?? -1, [0.1, 0.9, 0.4].firstIndex { $0 > 0.5 } ?? -1)"#),
            .member("Array", "lastIndex", #"[4, 8, 8, 2].lastIndex(of: 8)"#),
            .member(
                "Array", "min",
                #"print([0.5, -1.25, 2.0].min() ?? 0, ["int8", "fp8"].min { $0.count < $1.count } ?? "")"#),
            .member(
                "Array", "max",
                #"print([0.5, -1.25, 2.0].max() ?? 0, [0.5, -1.25].max { abs($0) < abs($1) } ?? 0)"#),
            .member(
                "Array", "sorted",
                #"print([8, 2, 4].sorted(), [0.5, -3.0, 1.0].sorted { abs($0) > abs($1) })"#),
            .member("Array", "reversed", #"[2, 4, 8].reversed()"#),
            .member(
                "Array", "enumerated",
                #"for (i, bits) in [8, 4].enumerated() { print("layer \(i): int\(bits)") }"#),
            .member("Array", "prefix", #"[0.9, 0.5, 0.2, 0.1].prefix(2)"#),
            .member("Array", "suffix", #"[0.9, 0.5, 0.2, 0.1].suffix(2)"#),
            .member("Array", "dropFirst", #"print([1, 2, 3, 4].dropFirst(), [1, 2, 3, 4].dropFirst(3))"#),
            .member("Array", "dropLast", #"print([1, 2, 3, 4].dropLast(), [1, 2, 3, 4].dropLast(2))"#),
            .member("Array", "joined", #"["int8", "fp8", "nf4"].joined(separator: ", ")"#),
            .member("Array", "shuffled", #"[1, 2, 3, 4, 5].shuffled()   // the session's seeded generator"#),
            .member("Array", "randomElement", #"[2, 4, 8].randomElement()"#),
            .member("Array", "indices", #"for i in ["a", "b"].indices { print(i) }"#),
            .member("Array", "startIndex", #"[4, 8].startIndex"#),
            .member("Array", "endIndex", #"[4, 8].endIndex"#),
            .member(
                "Array", "append",
                #"""
                var bits = [8]
                bits.append(4)
                bits.append(contentsOf: [3, 2])
                bits
                """#),
            .member(
                "Array", "insert",
                #"""
                var bits = [8, 2]
                bits.insert(4, at: 1)
                bits
                """#),
            .member(
                "Array", "remove",
                #"""
                var bits = [8, 4, 2]
                print(bits.remove(at: 1), bits)
                """#),
            .member(
                "Array", "removeFirst",
                #"""
                var queue = [8, 4, 2]
                print(queue.removeFirst(), queue)
                """#),
            .member(
                "Array", "removeLast",
                #"""
                var queue = [8, 4, 2]
                print(queue.removeLast(), queue)
                """#),
            .member(
                "Array", "popLast",
                #"""
                var queue = [8]
                print(queue.popLast() ?? 0, queue.popLast() == nil)
                """#),
            .member(
                "Array", "removeAll",
                #"""
                var w = [0.5, -0.001, 0.25, 0.0004]
                w.removeAll { abs($0) < 0.01 }
                print(w)
                w.removeAll()
                print(w)
                """#),
            .member(
                "Array", "sort",
                #"""
                var errors = [0.03, 0.001, 0.2]
                errors.sort()
                print(errors)
                errors.sort { $0 > $1 }
                print(errors)
                """#),
            .member(
                "Array", "reverse",
                #"""
                var bits = [2, 4, 8]
                bits.reverse()
                bits
                """#),
            .member(
                "Array", "shuffle",
                #"""
                var order = Array(0..<6)
                order.shuffle()
                order
                """#),
            .member(
                "Array", "swapAt",
                #"""
                var bits = [2, 4, 8]
                bits.swapAt(0, 2)
                bits
                """#),
            .member("Array", "description", #"[0.5, 2.0].description.count"#),
        ])

    // MARK: Ranges

    private static let rangeMembers = BuiltinExampleSection(
        "Ranges",
        [
            .type("Range", #"print(2...8, 0..<4, Array(-2...2))"#),
            .member("Range", "count", #"print((0..<256).count, (-127...127).count { $0 % 2 == 0 })"#),
            .member("Range", "isEmpty", #"print((0..<0).isEmpty, (0...0).isEmpty)"#),
            .member("Range", "first", #"print((-128...127).first ?? 0, (2...8).first { $0 % 3 == 0 } ?? 0)"#),
            .member("Range", "last", #"(0..<256).last"#),
            .member("Range", "map", #"(2...8).map { 6.02 * Double($0) + 1.76 }.map { Int($0) }   // dB per bit"#),
            .member("Range", "compactMap", #"(1...6).compactMap { $0 % 2 == 0 ? $0 * $0 : nil }"#),
            .member("Range", "flatMap", #"(1...3).flatMap { [$0, -$0] }"#),
            .member("Range", "filter", #"(2...16).filter { $0.nonzeroBitCount == 1 }   // powers of two"#),
            .member("Range", "reduce", #"(1...8).reduce(0, +)"#),
            .member("Range", "forEach", #"(1...3).forEach { print(String(repeating: "*", count: $0)) }"#),
            .member(
                "Range", "contains",
                #"print((-128...127).contains(128), (0..<8).contains { $0 * $0 == 49 })"#),
            .member("Range", "allSatisfy", #"(1...5).allSatisfy { $0 > 0 }"#),
            .member(
                "Range", "firstIndex",
                #"print((10...20).firstIndex(of: 12) ?? -1, (10...20).firstIndex { $0 % 7 == 0 } ?? -1)"#),
            .member("Range", "lastIndex", #"(10...20).lastIndex(of: 15)"#),
            .member("Range", "min", #"print((3...9).min() ?? 0, (3...9).min { $0 % 4 < $1 % 4 } ?? 0)"#),
            .member("Range", "max", #"print((3...9).max() ?? 0, (3...9).max { $0 % 4 < $1 % 4 } ?? 0)"#),
            .member("Range", "sorted", #"print((1...4).sorted(), (1...4).sorted { $0 > $1 })"#),
            .member("Range", "reversed", #"(1...4).reversed()"#),
            .member("Range", "enumerated", #"for (i, x) in (10...12).enumerated() { print(i, x) }"#),
            .member("Range", "prefix", #"(0..<100).prefix(3)"#),
            .member("Range", "suffix", #"(0..<100).suffix(3)"#),
            .member("Range", "dropFirst", #"(0...5).dropFirst(2)"#),
            .member("Range", "dropLast", #"(0...5).dropLast()"#),

            .member("Range", "shuffled", #"(1...6).shuffled()"#),
            .member("Range", "randomElement", #"(-127...127).randomElement()"#),
            .member("Range", "description", #"(0..<8).description"#),
            .member("Range", "lowerBound", #"print((-128...127).lowerBound, (0..<256).lowerBound)"#),
            .member("Range", "upperBound", #"print((-128...127).upperBound, (0..<256).upperBound)"#),
        ])

    // MARK: Strings

    private static let stringMembers = BuiltinExampleSection(
        "Strings",
        [
            .type(
                "String",
                #"""
                let name = "int8"
                "\(name): \(1 << 8) levels"
                """#),
            .member("String", "count", #"print("fp8e4m3".count, "fp8e4m3".count { $0 == "e" || $0 == "m" })"#),
            .member("String", "isEmpty", #"print("".isEmpty, "nf4".isEmpty)"#),
            .member("String", "first", #"print("int8".first ?? "", "int8".first { Int($0) != nil } ?? "")"#),
            .member("String", "last", #""q4_0".last"#),
            .member("String", "map", #""nf4".map { $0.uppercased() }"#),
            .member("String", "compactMap", #""q4_1".compactMap { Int($0) }"#),
            .member("String", "flatMap", #""ab".flatMap { [$0, $0] }"#),
            .member("String", "filter", #""fp8e4m3".filter { Int($0) != nil }"#),
            .member("String", "reduce", #""int8".reduce("") { $1 + $0 }"#),
            .member("String", "forEach", #""e4m3".forEach { print($0, terminator: ".") }"#),
            .member("String", "contains", #"print("fp8e5m2".contains("e"), "int8".contains { Int($0) != nil })"#),
            .member("String", "allSatisfy", #""2024".allSatisfy { Int($0) != nil }"#),
            .member(
                "String", "firstIndex",
                #"print("q4_0".firstIndex(of: "_") ?? -1, "q4_0".firstIndex { Int($0) != nil } ?? -1)"#),
            .member("String", "lastIndex", #""a.b.c".lastIndex(of: ".")"#),
            .member("String", "min", #"print("int8".min() ?? "", "int8".min { $0 > $1 } ?? "")"#),
            .member("String", "max", #"print("int8".max() ?? "", "int8".max { $0 > $1 } ?? "")"#),
            .member("String", "sorted", #"print("nf4".sorted(), "nf4".sorted { $0 > $1 })"#),
            .member("String", "reversed", #""8tni".reversed()"#),
            .member("String", "enumerated", #"for (i, c) in "fp8".enumerated() { print(i, c) }"#),
            .member("String", "prefix", #""fp8e4m3".prefix(3)"#),
            .member("String", "suffix", #""fp8e4m3".suffix(4)"#),
            .member("String", "dropFirst", #""q8_0".dropFirst()"#),
            .member("String", "dropLast", #""weights.npy".dropLast(4)"#),
            .member("String", "joined", #""int".joined(separator: "-")"#),
            .member("String", "shuffled", #""abcd".shuffled()"#),
            .member("String", "randomElement", #""xyz".randomElement()"#),
            .member("String", "uppercased", #""nf4".uppercased()"#),
            .member("String", "lowercased", #""Q4_0".lowercased()"#),
            .member("String", "hasPrefix", #"print("fp8e4m3".hasPrefix("fp8"), "int4".hasPrefix("fp"))"#),
            .member("String", "hasSuffix", #""w_int8.npy".hasSuffix(".npy")"#),
            .member(
                "String", "split",
                #"print("encoder.0.weight".split(separator: "."), "a,,b".split(separator: ",", maxSplits: 1))"#),
            .member("String", "components", #""a,,b".components(separatedBy: ",")"#),
            .member("String", "replacingOccurrences", #""int8 int8".replacingOccurrences(of: "8", with: "4")"#),
            .member("String", "trimmingWhitespace", #""  8 bits \n".trimmingWhitespace()"#),
            .member(
                "String", "append",
                #"""
                var label = "int"
                label.append("8")
                label
                """#),
            .member("String", "description", #""q4_0".description"#),
        ])

    // MARK: Dictionaries

    private static let dictionaryMembers = BuiltinExampleSection(
        "Dictionaries",
        [
            .type("Dictionary", #"["int8": 49.9, "int4": 25.8]"#),
            .member(
                "Dictionary", "count",
                #"""
                let sqnr = ["int8": 49.9, "int4": 25.8, "int2": 7.3]
                print(sqnr.count, sqnr.count { $0.value > 20 })
                """#),
            .member("Dictionary", "isEmpty", #"print([String: Double]().isEmpty, ["a": 1].isEmpty)"#),
            .member(
                "Dictionary", "first",
                #"""
                let sqnr = ["int8": 49.9, "int4": 25.8]
                print(sqnr.first!, sqnr.first { $0.value < 30 }!.key)
                """#),
            .member("Dictionary", "last", #"["int8": 49.9, "int4": 25.8].last"#),
            .member("Dictionary", "map", #"["int8": 8, "int4": 4].map { "\($0.key): \(1 << $0.value) levels" }"#),
            .member(
                "Dictionary", "compactMap",
                #"["a": "8", "b": "x", "c": "4"].compactMap { Int($0.value) }"#),
            .member("Dictionary", "flatMap", #"["a": [1, 2], "b": [3]].flatMap { $0.value }"#),
            .member("Dictionary", "filter", #"["int8": 49.9, "int4": 25.8, "int2": 7.3].filter { $0.value > 20 }"#),
            .member("Dictionary", "reduce", #"["w": 1024, "b": 32].reduce(0) { $0 + $1.value }"#),
            .member("Dictionary", "forEach", #"["int8": 49.9, "int4": 25.8].forEach { print($0.key, $0.value) }"#),
            .member(
                "Dictionary", "contains",
                #"""
                let sqnr = ["int8": 49.9, "int4": 25.8]
                print(sqnr.contains { $0.key == "int4" }, sqnr.contains(("int8", 49.9)))
                """#),
            .member("Dictionary", "allSatisfy", #"["int8": 49.9, "int4": 25.8].allSatisfy { $0.value > 10 }"#),
            .member(
                "Dictionary", "firstIndex",
                #"""
                let bits = ["a": 8, "b": 4]
                print(bits.firstIndex { $0.value == 4 } ?? -1, bits.firstIndex(of: ("a", 8)) ?? -1)
                """#),
            .member("Dictionary", "lastIndex", #"["a": 8, "b": 4, "c": 8].lastIndex(of: ("c", 8))"#),
            .member(
                "Dictionary", "min",
                #"""
                let sqnr = ["int8": 49.9, "int4": 25.8]
                print(sqnr.min()!, sqnr.min { $0.value < $1.value }!.key)
                """#),
            .member(
                "Dictionary", "max",
                #"""
                let sqnr = ["int8": 49.9, "int4": 25.8]
                print(sqnr.max()!, sqnr.max { $0.value < $1.value }!.key)
                """#),
            .member(
                "Dictionary", "sorted",
                #"""
                let sqnr = ["int8": 49.9, "int2": 7.3, "int4": 25.8]
                print(sqnr.sorted().map { $0.key }, sqnr.sorted { $0.value < $1.value }.map { $0.key })
                """#),
            .member("Dictionary", "reversed", #"["a": 1, "b": 2].reversed()"#),
            .member(
                "Dictionary", "enumerated",
                #"for (i, entry) in ["int8": 49.9, "int4": 25.8].enumerated() { print(i, entry.key) }"#),
            .member("Dictionary", "prefix", #"["a": 1, "b": 2, "c": 3].prefix(2)"#),
            .member("Dictionary", "suffix", #"["a": 1, "b": 2, "c": 3].suffix(1)"#),
            .member("Dictionary", "dropFirst", #"["a": 1, "b": 2, "c": 3].dropFirst()"#),
            .member("Dictionary", "dropLast", #"["a": 1, "b": 2, "c": 3].dropLast(2)"#),

            .member("Dictionary", "shuffled", #"["a": 1, "b": 2, "c": 3].shuffled()"#),
            .member("Dictionary", "randomElement", #"["a": 1, "b": 2, "c": 3].randomElement()"#),
            .member("Dictionary", "keys", #"["int8": 49.9, "int4": 25.8].keys"#),
            .member("Dictionary", "values", #"["int8": 49.9, "int4": 25.8].values"#),
            .member("Dictionary", "mapValues", #"["int8": 8, "int4": 4].mapValues { 1 << $0 }"#),
            .member(
                "Dictionary", "removeValue",
                #"""
                var sqnr = ["int8": 49.9, "int4": 25.8]
                print(sqnr.removeValue(forKey: "int4") ?? 0, sqnr)
                """#),
            .member(
                "Dictionary", "updateValue",
                #"""
                var sqnr = ["int8": 49.9]
                print(sqnr.updateValue(50.1, forKey: "int8") ?? 0, sqnr.updateValue(25.8, forKey: "int4") == nil, sqnr)
                """#),
            .member(
                "Dictionary", "removeAll",
                #"""
                var cache = ["w": 1, "b": 2]
                cache.removeAll()
                cache
                """#),
            .member("Dictionary", "description", #"["bits": 8].description"#),
        ])

    // MARK: Numbers, Bool, tuples and optionals

    private static let numberMembers = BuiltinExampleSection(
        "Numbers",
        [
            .type("Int", #"print(127, -128, 1 << 16, 0xFF, 255 / 2, 255 % 2)"#),
            .member("Int", "description", #"(-128).description.count"#),
            .member("Int", "magnitude", #"(-128).magnitude"#),
            .member("Int", "nonzeroBitCount", #"0b1011.nonzeroBitCount"#),
            .member("Int", "leadingZeroBitCount", #"64 - 255.leadingZeroBitCount   // bits needed for 255"#),
            .member("Int", "trailingZeroBitCount", #"256.trailingZeroBitCount"#),
            .member("Int", "signum", #"print((-7).signum(), 0.signum(), 7.signum())"#),
            .member("Int", "isMultiple", #"print(4096.isMultiple(of: 32), 1000.isMultiple(of: 32))"#),
            .member(
                "Int", "quotientAndRemainder", #"1000.quotientAndRemainder(dividingBy: 32)   // full blocks, rest"#),
            .type("Double", #"print(0.1 + 0.2, 1e-3, 2.5 / 0.5, -0.0)"#),
            .member("Double", "description", #"(1.0 / 3).description"#),
            .member("Double", "isNaN", #"print(Double.nan.isNaN, (0.0 / 0.0).isNaN, 1.5.isNaN)"#),
            .member("Double", "isInfinite", #"print((1.0 / 0.0).isInfinite, 1e308.isInfinite)"#),
            .member("Double", "isFinite", #"print(1e308.isFinite, Double.infinity.isFinite)"#),
            .member("Double", "isZero", #"print((-0.0).isZero, 1e-300.isZero)"#),
            .member("Double", "isNormal", #"print(1.0.isNormal, 1e-310.isNormal, 0.0.isNormal)"#),
            .member("Double", "isSubnormal", #"print(1e-310.isSubnormal, 1.0.isSubnormal)"#),
            .member("Double", "magnitude", #"(-0.75).magnitude"#),
            .member("Double", "ulp", #"print(1.0.ulp, 1024.0.ulp)"#),
            .member("Double", "nextUp", #"1.0.nextUp"#),
            .member("Double", "nextDown", #"1.0.nextDown"#),
            .member("Double", "squareRoot", #"(0.02 * 0.02 * 2).squareRoot()"#),
            .member(
                "Double", "rounded",
                #"print(2.5.rounded(), 2.5.rounded(.toNearestOrEven), (-2.5).rounded(.down), 2.1.rounded(.up))"#),
            .member(
                "Double", "truncatingRemainder",
                #"print(7.5.truncatingRemainder(dividingBy: 2), (-7.5).truncatingRemainder(dividingBy: 2))"#),
            .member("Double", "remainder", #"print(7.5.remainder(dividingBy: 2), (-7.5).remainder(dividingBy: 2))"#),
            .type("Bool", #"print(8 > 4, 4 == 8, !true, true && false, true || false)"#),
            .member("Bool", "description", #"(4 < 8).description"#),
            .member(
                "Bool", "toggle",
                #"""
                var narrowRange = true
                narrowRange.toggle()
                narrowRange
                """#),
            .type(
                "Tuple",
                #"""
                let result = (bits: 4, sqnr: 25.8)
                print(result.bits, result.1, result)
                """#),
            .member("Tuple", "description", #"(8, "int8").description"#),
            .type("Optional", #"print(Int("8") ?? 0, Int("eight") ?? 0, [1, 2].first!)"#),
            .member("Optional", "description", #"Int("8").description"#),
            .options(
                "FloatingPointRoundingRule",
                #"""
                for rule: FloatingPointRoundingRule in [.toNearestOrAwayFromZero, .toNearestOrEven, .up, .down, .towardZero, .awayFromZero] {
                    print(rule, (-2.5).rounded(rule), 2.5.rounded(rule))
                }
                """#),
            .staticMember("Bool", "random", #"(0..<8).map { _ in Bool.random() }"#),
            .staticMember("Double", "greatestFiniteMagnitude", #"Double.greatestFiniteMagnitude * 2"#),
            .staticMember("Double", "infinity", #"print(Double.infinity, -Double.infinity < -1e308)"#),
            .staticMember("Double", "leastNonzeroMagnitude", #"Double.leastNonzeroMagnitude / 2"#),
            .staticMember("Double", "nan", #"print(Double.nan, Double.nan == Double.nan)"#),
            .staticMember("Double", "pi", #"Double.pi"#),
            .staticMember("Double", "random", #"print(Double.random(in: 0..<1), Double.random(in: -1...1))"#),
            .staticMember("Double", "ulpOfOne", #"Double.ulpOfOne == 1.0.ulp"#),
            .staticMember("Float", "greatestFiniteMagnitude", #"Float.greatestFiniteMagnitude"#),
            .staticMember("Float", "infinity", #"Float.infinity"#),
            .staticMember("Float", "pi", #"Float.pi - Double.pi   // what Float32 rounding costs"#),
            .staticMember("Float", "ulpOfOne", #"Float.ulpOfOne   // the smallest scale quantize allows"#),
            .staticMember("Int", "max", #"Int.max"#),
            .staticMember("Int", "min", #"Int.min"#),
            .staticMember("Int", "random", #"print(Int.random(in: -128...127), Int.random(in: 0..<16))"#),
        ])
}
