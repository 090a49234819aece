import QNBScript
import QNBTestSupport
import Testing

/// What a builtin implementation can reach through its context.
@Suite struct BuiltinContextTests {
    static let library: BuiltinLibrary = {
        var library = BuiltinLibrary()
        library.register("say", [.unlabeled("text", .string)], doc: "Writes to the cell's stream.") { args, context in
            context.write("<\(try args.string(0))>")
            return .void
        }
        library.register(
            "twice", [.unlabeled("f", .function(parameters: [.int], result: .int)), .unlabeled("x", .int)],
            returns: .int,
            doc: "Calls a closure twice."
        ) { args, context in
            try context.call(args[0], [context.call(args[0], [args[1]])])
        }
        library.register("counter", returns: .int, doc: "Counts calls across cells.") { _, context in
            let next = (context.state("count", as: Int.self) ?? 0) + 1
            context.setState("count", next)
            return .int(next)
        }
        library.register("seedInfo", returns: .string, doc: "The seed and a drawn seed.") { _, context in
            .string("\(context.seed) \(context.nextSeed() != context.nextSeed())")
        }
        library.register("callSite", returns: .string, doc: "The call's notebook location.") { _, context in
            .string(context.location.map(String.init(describing:)) ?? "?")
        }
        library.register("busy", doc: "Works until the time limit.") { _, context in
            while true { try context.checkTimeLimit() }
        }
        return BuiltinLibrary.standard.merging(library)
    }()

    @Test func contextServices() {
        let runner = CellRunner(configuration: SessionConfiguration(seed: 9), library: Self.library)
        let first = runner.run("say(\"a\")\nprint(twice({ $0 * 3 }, 2))\nprint(counter(), counter())", line: 5)
        #expect(first.streamText == "<a>18\n1 2\n")
        #expect(runner.run("print(counter(), seedInfo())").streamText == "3 9 true\n")
        #expect(runner.run("let w = callSite()\nw", line: 30).displayText == "test.md:30:9")
        let limited = runner.run("busy()", timeout: 0.05)
        #expect(limited.errorMessage == "cell exceeded its time limit of 0.05 s")
    }

    @Test func closureErrorsInsideBuiltinsKeepTheirOwnLocation() {
        expectCellError(
            "let r = twice({ [1][1️⃣$0] }, 0)", "index 1 is out of range for an array of 1 element", library: Self.library
        )
    }
}
