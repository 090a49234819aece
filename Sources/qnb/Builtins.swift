import ArgumentParser
import QNBScript

extension QNB {
    struct Builtins: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the reference of every builtin function available in cells.",
            discussion: "Generated from the same table the interpreter uses, so it is always current."
        )

        func run() throws {
            print(BuiltinLibrary.qnb.referenceText)
        }
    }
}
