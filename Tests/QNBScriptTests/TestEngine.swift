import QNBScript

/// A miniature engine binding, the way `Sources/QNBScript/Builtins/Engine/` binds QuantEngine:
/// host object types with properties, methods, operators and subscripts, option types and
/// overloaded functions. Used to test the builtin registry from the outside (public API only).
struct FakeTensor: ScriptObject, ScriptSequence, Equatable {
    static let scriptTypeName = "Tensor"
    var values: [Double]

    var mean: Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
    var scriptDescription: String { "Tensor(\(values))" }
    var scriptDisplay: Display {
        .record(
            DisplayRecord(
                title: "Tensor [\(values.count)]", fields: [.init("mean", .number(mean))], preview: "\(values)"))
    }
    func scriptElements() throws -> [Value] { values.map(Value.double) }
}

struct FakeTable: ScriptObject {
    static let scriptTypeName = "Table"
    var columns: [String]
    var rows: [[DisplayScalar]] = []

    var scriptDisplay: Display { .table(DisplayTable(columns: columns, rows: rows)) }
}

enum TestEngine {
    static let library: BuiltinLibrary = {
        var library = BuiltinLibrary()
        library.register(
            BuiltinOptionType(
                "Scheme", doc: "How the range maps to integers.",
                cases: [.init("symmetric", doc: "Zero point 0."), .init("asymmetric", doc: "Affine.")]))
        library.register(
            BuiltinOptionType(
                "Granularity", doc: "Which elements share a scale.",
                cases: [
                    .init("perTensor"), .init("perChannel", [.labeled("axis", .int, default: 0)]),
                    .init("perGroup", [.labeled("size", .int)]), .init("percentile", [.unlabeled("p", .double)]),
                ]))

        library.register(
            "tensor", [.unlabeled("values", .array(.double))], returns: .object("Tensor"), doc: "A tensor from numbers."
        ) { args, _ in
            .object(FakeTensor(values: try args.doubles(0)))
        }
        library.register(
            "quantize",
            [
                .unlabeled("x", .object("Tensor")), .labeled("bits", .int, default: 8),
                .labeled("scheme", .option("Scheme"), default: .case("symmetric")),
            ],
            returns: .string, doc: "Quantizes with a bit width."
        ) { args, _ in
            let bits = try args.int(1)
            guard (2...16).contains(bits) else { throw args.error(1, "bits must be between 2 and 16, not \(bits)") }
            let tensor = try args.object(0, as: FakeTensor.self)
            return .string("q\(bits) \(try args.option(2).name) n=\(tensor.values.count)")
        }
        library.register(
            "quantize",
            [.unlabeled("x", .object("Tensor")), .labeled("scale", .double), .labeled("zeroPoint", .int, default: 0)],
            returns: .string, doc: "Quantizes with explicit parameters."
        ) { args, _ in .string("scale \(try args.double(1)) zp \(try args.int(2))") }
        library.register(
            "describe", [.unlabeled("granularity", .option("Granularity"))], returns: .string, doc: "Echoes an option."
        ) { args, _ in
            .string(args[0].description)
        }
        library.register(
            "Table", [.unlabeled("columns", .array(.string))], returns: .object("Table"), doc: "An empty table."
        ) { args, _ in
            .object(FakeTable(columns: try args.strings(0)))
        }
        library.register(
            "train", [.inout("net", .object("Tensor")), .labeled("epochs", .int, default: 1)],
            doc: "Adds 1 to every value per epoch."
        ) { args, _ in
            let epochs = try args.int(1)
            try args.modifyObject(0, as: FakeTensor.self) { net in
                net.values = net.values.map { $0 + Double(epochs) }
            }
            return .void
        }

        library.registerType(FakeTensor.self, doc: "A vector of Doubles.") { t in
            t.property("count", .int, doc: "Number of elements.") { .int($0.values.count) }
            t.property("shape", .array(.int), doc: "The shape.") { .ints([$0.values.count]) }
            t.method("mean", returns: .double, doc: "The mean.") { tensor, _, _ in .double(tensor.mean) }
            t.method("scaled", [.labeled("by", .double)], returns: .object("Tensor"), doc: "Multiplied by a factor.") {
                tensor, args, _ in
                let factor = try args.double(0)
                return .object(FakeTensor(values: tensor.values.map { $0 * factor }))
            }
            t.mutatingMethod("normalize", doc: "Subtracts the mean, in place.") { tensor, _, _ in
                let mean = tensor.mean
                tensor.values = tensor.values.map { $0 - mean }
                return .void
            }
            t.binaryOperator(
                "+", lhs: .object("Tensor"), rhs: .object("Tensor"), returns: .object("Tensor"),
                doc: "Element-wise sum."
            ) { a, b, _ in
                let x = try a.asObject(FakeTensor.self)
                let y = try b.asObject(FakeTensor.self)
                guard x.values.count == y.values.count else {
                    throw ScriptError("shapes [\(x.values.count)] and [\(y.values.count)] differ")
                }
                return .object(FakeTensor(values: zip(x.values, y.values).map(+)))
            }
            t.binaryOperator("*", lhs: .object("Tensor"), rhs: .number, returns: .object("Tensor"), doc: "Scaled.") {
                a, k, _ in
                let factor = try k.asDouble()
                return .object(FakeTensor(values: try a.asObject(FakeTensor.self).values.map { $0 * factor }))
            }
            t.binaryOperator("*", lhs: .number, rhs: .object("Tensor"), returns: .object("Tensor"), doc: "Scaled.") {
                k, a, _ in
                let factor = try k.asDouble()
                return .object(FakeTensor(values: try a.asObject(FakeTensor.self).values.map { $0 * factor }))
            }
            t.prefixOperator("-", returns: .object("Tensor"), doc: "Negated.") { tensor, _ in
                .object(FakeTensor(values: tensor.values.map { -$0 }))
            }
            t.subscript([.unlabeled("index", .int)], returns: .double, doc: "One element.") { tensor, args, _ in
                let index = try args.int(0)
                guard tensor.values.indices.contains(index) else {
                    throw args.error(
                        0, "index \(index) is out of range for a tensor of \(tensor.values.count) elements")
                }
                return .double(tensor.values[index])
            }
        }
        library.registerSequenceMethods(for: .object(ObjectIdentifier(FakeTensor.self)), typeName: "Tensor")

        library.registerType(FakeTable.self, doc: "A table with named columns.") { t in
            t.property("rowCount", .int, doc: "Number of rows.") { .int($0.rows.count) }
            t.mutatingMethod("append", [.unlabeled("row", .array(.any))], doc: "Adds a row.") { table, args, _ in
                let row = try args.array(0)
                guard row.count == table.columns.count else {
                    throw args.error(0, "a row needs \(table.columns.count) values, not \(row.count)")
                }
                table.rows.append(
                    row.map { value in
                        switch value {
                        case .int(let v): return .integer(v)
                        case .double(let v): return .number(v)
                        default: return .text(value.description)
                        }
                    })
                return .void
            }
        }
        return BuiltinLibrary.standard.merging(library)
    }()
}
