import QNBScript
import QNBTestSupport
import Testing

/// The builtin registry as the engine binding uses it: host objects, option types, overloads.
@Suite struct HostObjectTests {
    let library = TestEngine.library

    @Test func propertiesMethodsOperatorsAndSubscripts() {
        expectCellOutput(
            """
            let w = tensor([1, 2, 3])
            print(w.count, w.shape, w.mean(), w[2], (w + w).mean(), (w * 2)[0], (2 * w)[1], (-w)[0], w.scaled(by: 0.5))
            print(w == w, w.map { $0 * 10 }, w.max()!)
            for x in w where x > 1 { print(x, terminator: " ") }
            print()
            """,
            prints: "3 [3] 2.0 3.0 4.0 2.0 4.0 -1.0 Tensor([0.5, 1.0, 1.5])\ntrue [10.0, 20.0, 30.0] 3.0\n2.0 3.0 \n",
            library: library)
    }

    @Test func mutatingMethodsWriteBackAndKeepValueSemantics() {
        expectCellOutput(
            """
            var a = tensor([1, 3])
            var b = a
            b.normalize()
            var t = Table(["bits", "SQNR (dB)"])
            for bits in [4, 8] { t.append([bits, Double(bits) * 6.02]) }
            var tables = [t]
            tables[0].append([16, 96.3])
            print(a, b, t.rowCount, tables[0].rowCount)
            """,
            prints: "Tensor([1.0, 3.0]) Tensor([-1.0, 1.0]) 2 3\n", library: library)
        expectCellError(
            "let t = Table([\"a\"])\nt.1️⃣append([1])",
            "cannot use mutating member on immutable value: 't' is a 'let' constant",
            library: library)
    }

    @Test func inoutBuiltinArguments() {
        expectCellOutput(
            "var net = tensor([1, 2])\ntrain(&net, epochs: 3)\nprint(net)", prints: "Tensor([4.0, 5.0])\n",
            library: library)
        expectCellError(
            "let net = tensor([1])\ntrain(1️⃣&net)",
            "cannot pass immutable value as inout argument: 'net' is a 'let' constant",
            library: library)
        expectCellError(
            "var net = tensor([1])\ntrain(1️⃣net)",
            "passing value of type 'Tensor' to an inout parameter requires explicit '&'",
            library: library)
    }

    @Test func displaysRecordsAndTables() {
        let record = runCell("tensor([1, 3])", library: library)
        #expect(
            record.outputs == [
                .display(
                    .record(
                        DisplayRecord(title: "Tensor [2]", fields: [.init("mean", .number(2))], preview: "[1.0, 3.0]")))
            ])
        let table = runCell("var t = Table([\"bits\", \"SQNR\"])\nt.append([8, 49.9])\nt", library: library)
        #expect(
            table.outputs == [
                .display(.table(DisplayTable(columns: ["bits", "SQNR"], rows: [[.integer(8), .number(49.9)]])))
            ])
    }

    @Test func optionTypesValidateCasesAndFillDefaults() {
        expectCellOutput(
            """
            let w = tensor([1, 2])
            print(quantize(w), quantize(w, bits: 4, scheme: .asymmetric), quantize(w, scale: 0.5))
            print(describe(.perChannel()), describe(.perChannel(axis: 1)), describe(.perGroup(size: 32)), describe(.percentile(99)))
            let s = Granularity.perTensor
            print(describe(s))
            switch s { case .perTensor: print("matched"); default: print("no") }
            """,
            prints:
                "q8 symmetric n=2 q4 asymmetric n=2 scale 0.5 zp 0\nperChannel(axis: 0) perChannel(axis: 1) perGroup(size: 32) percentile(99.0)\nperTensor\nmatched\n",
            library: library)
        let setup = ["let w = tensor([1])"]
        expectCellError(
            "quantize(w, scheme: 1️⃣.symetric)", "type 'Scheme' has no member 'symetric'", setup: setup, library: library)
        expectCellError(
            "describe(1️⃣.perGroup())", "missing argument for parameter 'size' in call", setup: setup, library: library)
    }

    @Test func builtinErrorsAreLocatedAtTheirArgument() {
        let setup = ["let w = tensor([1, 2])"]
        expectCellError("quantize(w, bits: 1️⃣1)", "bits must be between 2 and 16, not 1", setup: setup, library: library)
        expectCellError(
            "quantize(1️⃣\"w\")", "cannot convert value of type 'String' to expected argument type 'Tensor'",
            setup: setup, library: library)
        expectCellError(
            "quantize1️⃣(w, bit: 8)",
            "no overload of 'quantize' takes the arguments '(_:bit:)'; candidates: quantize(_:bits:scheme:), quantize(_:scale:zeroPoint:)",
            setup: setup, library: library)
        expectCellError("w.1️⃣foo", "value of type 'Tensor' has no member 'foo'", setup: setup, library: library)
        expectCellError("w[1️⃣5]", "index 5 is out of range for a tensor of 2 elements", setup: setup, library: library)
        expectCellError("w 1️⃣+ tensor([1])", "shapes [2] and [1] differ", setup: setup, library: library)
        expectCellError(
            "w 1️⃣- w", "binary operator '-' cannot be applied to two 'Tensor' operands", setup: setup, library: library)
        expectCellError("var t = Table([\"a\"])\nt.append(1️⃣[1, 2])", "a row needs 1 values, not 2", library: library)
        expectCellError(
            "let n: Tensor = 1️⃣5", "cannot convert value of type 'Int' to specified type 'Tensor'", library: library)
    }

    @Test func typeNamesOfTheLibraryWorkInAnnotations() {
        expectCellOutput(
            "let w: Tensor = tensor([1])\nlet s: Scheme = .asymmetric\nfunc f(_ t: Tensor, _ s: Scheme) -> String { quantize(t, scheme: s) }\nprint(f(w, s))",
            prints: "q8 asymmetric n=1\n", library: library)
    }

    @Test func referenceListsEverythingFromTheSameTable() {
        let reference = library.reference
        let quantize = reference.filter { $0.kind == .function && $0.name == "quantize" }.map(\.signature)
        #expect(
            quantize == [
                "quantize(_ x: Tensor, bits: Int = 8, scheme: Scheme = .symmetric) -> String",
                "quantize(_ x: Tensor, scale: Double, zeroPoint: Int = 0) -> String",
            ])
        #expect(
            reference.contains {
                $0.kind == .method && $0.owner == "Table" && $0.signature == "mutating append(_ row: [Any])"
            })
        #expect(
            reference.contains {
                $0.kind == .property && $0.owner == "Tensor" && $0.signature == "var count: Int { get }"
            })
        #expect(reference.contains { $0.kind == .operator && $0.signature == "Double * Tensor -> Tensor" })
        #expect(
            reference.contains { $0.kind == .subscript && $0.signature == "subscript(_ index: Int) -> Double { get }" })
        #expect(
            reference.contains {
                $0.kind == .optionCase && $0.owner == "Granularity" && $0.signature == ".perChannel(axis: Int = 0)"
            })
        #expect(
            reference.contains { $0.kind == .function && $0.signature == "train(_ net: inout Tensor, epochs: Int = 1)" }
        )
        #expect(reference.contains { $0.kind == .function && $0.name == "print" })
        #expect(
            reference.contains {
                $0.kind == .staticMember && $0.signature == "static let Double.pi: Double = 3.141592653589793"
            })
        #expect(reference.allSatisfy { !$0.doc.isEmpty || $0.kind == .type || $0.kind == .optionCase })
    }

    @Test func referenceText() {
        let text = BuiltinReferenceDocument(library: library, catalog: .init(sections: []), runner: nil).text
        #expect(
            text.hasPrefix(
                "Functions — Other functions\n  print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")\n      Writes"
            ))
        #expect(
            text.contains(
                "\nTensor (type) — A vector of Doubles.\n  var count: Int { get }\n      Number of elements.\n"))
        #expect(
            text.contains("\nScheme (options) — How the range maps to integers.\n  .symmetric\n      Zero point 0.\n"))
        #expect(text.contains("\nStatic members of Double\n"))
    }

    @Test func mergingAddsOverloadsAndReplacesSameSignatures() {
        var extra = BuiltinLibrary()
        extra.register(
            "quantize",
            [
                .unlabeled("x", .object("Tensor")), .labeled("bits", .int, default: 8),
                .labeled("scheme", .option("Scheme"), default: .case("symmetric")),
            ], returns: .string, doc: "Replaced."
        ) { _, _ in
            .string("replaced")
        }
        extra.register("shout", [.unlabeled("text", .string)], returns: .string, doc: "Upper case.") { args, _ in
            .string(try args.string(0).uppercased())
        }
        let merged = library.merging(extra)
        #expect(merged.functions(named: "quantize").count == 2)
        expectCellOutput("print(quantize(tensor([1])), shout(\"hi\"))", prints: "replaced HI\n", library: merged)
    }
}
