extension StandardLibrary {
    static func registerOutput(_ library: inout BuiltinLibrary) {
        library.register(
            "print",
            [
                .variadic("items", .any), .labeled("separator", .string, default: " "),
                .labeled("terminator", .string, default: "\n"),
            ],
            doc: "Writes the items' textual representations to the cell's output, as Swift's print does."
        ) { args, context in
            let items = try args.array(0)
            let separator = try args.string(1)
            var text = ""
            for (index, item) in items.enumerated() {
                if index > 0 { text += separator }
                item.write(to: &text, nested: false)
            }
            text += try args.string(2)
            context.write(text)
            return .void
        }
        library.register(
            "type", [.init(label: "of", name: "value", type: .any)], returns: .string,
            doc: "The name of the value's type as Swift prints it, e.g. Array<Double> (a String in qnb)."
        ) { args, _ in .string(args[0].staticType.genericName) }
        library.register(
            "fatalError", [.init(label: nil, name: "message", type: .string, default: "Fatal error")],
            returns: .void, doc: "Stops the cell with an error carrying the message."
        ) { args, _ in throw ScriptError(try args.string(0)) }
        library.register(
            "preconditionFailure", [.init(label: nil, name: "message", type: .string, default: "")],
            returns: .void, doc: "Stops the cell with an error."
        ) { args, _ in
            let message = try args.string(0)
            throw ScriptError(message.isEmpty ? "precondition failed" : "precondition failed: \(message)")
        }
        library.register(
            "precondition",
            [.unlabeled("condition", .bool), .init(label: nil, name: "message", type: .string, default: "")],
            doc: "Stops the cell with an error if the condition is false."
        ) { args, _ in
            if try !args.bool(0) {
                let message = try args.string(1)
                throw ScriptError(
                    message.isEmpty ? "precondition failed" : "precondition failed: \(message)", argument: 0)
            }
            return .void
        }
        library.register(
            "assert", [.unlabeled("condition", .bool), .init(label: nil, name: "message", type: .string, default: "")],
            doc: "Stops the cell with an error if the condition is false (always checked in qnb)."
        ) { args, _ in
            if try !args.bool(0) {
                let message = try args.string(1)
                throw ScriptError(message.isEmpty ? "assertion failed" : "assertion failed: \(message)", argument: 0)
            }
            return .void
        }
    }
}
