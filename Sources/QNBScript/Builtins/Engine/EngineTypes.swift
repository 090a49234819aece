import QuantEngine

extension EngineBindings {
    static func scalar(_ value: Value) throws -> Float {
        Float(try value.asDouble())
    }

    static func operand(_ value: Value) throws -> Tensor {
        if case .object(let object) = value, let tensor = object as? Tensor { return tensor }
        return Tensor(scalar: try scalar(value))
    }

    /// Element-wise `symbol` between tensors and numbers on either side, with broadcasting.
    static func arithmetic(_ symbol: String, _ a: Value, _ b: Value) throws -> Value {
        let (x, y) = (try operand(a), try operand(b))
        return .object(
            try engine { () throws(QuantEngineError) -> Tensor in
                switch symbol {
                case "+": return try x + y
                case "-": return try x - y
                case "*": return try x * y
                default: return try x / y
                }
            })
    }

    static func registerTypes(in library: inout BuiltinLibrary) {
        library.registerType(RangeObserver.self, doc: "The range of activations seen so far, over batches.") { t in
            t.mutatingMethod("observe", [.unlabeled("x", tensorType)], doc: "Folds a batch into the range.") {
                observer, args, _ in
                let x = try tensor(args, 0)
                try engine(argument: 0) { () throws(QuantEngineError) in try observer.observe(x) }
                return .void
            }
            t.property("min", .double, doc: "The observed minimum (0 before any batch).") {
                .double(Double($0.min ?? 0))
            }
            t.property("max", .double, doc: "The observed maximum (0 before any batch).") {
                .double(Double($0.max ?? 0))
            }
            t.property("batches", .int, doc: "How many batches were observed.") { .int($0.batches) }
        }
        library.registerType(Tensor.self, doc: "A dense Float32 tensor with a shape.") { t in
            t.property("shape", .array(.int), doc: "Size of each axis.") { .ints($0.shape) }
            t.property("count", .int, doc: "Number of elements.") { .int($0.count) }
            t.property("values", .array(.double), doc: "The elements, flattened, as Doubles.") {
                .doubles($0.scalars.map(Double.init))
            }
            let statistics: [(String, String, @Sendable (Tensor) throws -> Double)] = [
                ("min", "Smallest element.", { try Double($0.min()) }),
                ("max", "Largest element.", { try Double($0.max()) }),
                ("absMax", "Largest magnitude, max |x|.", { try Double($0.absMax()) }),
                ("mean", "Mean (summed in Double, fixed order).", { try $0.mean() }),
                ("std", "Population standard deviation, as numpy's default.", { try $0.std() }),
                ("sum", "Sum of the elements.", { $0.sum() }),
            ]
            for (name, doc, compute) in statistics {
                t.method(name, returns: .double, doc: doc) { tensor, _, _ in
                    do {
                        return .double(try compute(tensor))
                    } catch let error as QuantEngineError {
                        throw ScriptError(error.description)
                    }
                }
            }
            t.method("percentile", [.unlabeled("p", .double)], returns: .double, doc: "numpy's percentile, p in 0…100.")
            {
                tensor, args, _ in
                let p = try args.double(0)
                return .double(
                    Double(try engine(argument: 0) { () throws(QuantEngineError) in try tensor.percentile(p) }))
            }
            t.method("abs", returns: tensorType, doc: "Element-wise |x|.") { tensor, _, _ in .object(tensor.abs()) }
            t.method(
                "clamped",
                [
                    .labeled("min", .double, default: .double(-.infinity)),
                    .labeled("max", .double, default: .double(.infinity)),
                ],
                returns: tensorType, doc: "Every element limited to [min, max]."
            ) { tensor, args, _ in
                let (lo, hi) = (try args.double(0), try args.double(1))
                return .object(
                    try engine { () throws(QuantEngineError) in try tensor.clamped(lower: Float(lo), upper: Float(hi)) }
                )
            }
            t.method(
                "reshaped", [.unlabeled("shape", .array(.int))], returns: tensorType,
                doc: "Same elements, new shape (one -1 allowed)."
            ) {
                tensor, args, _ in
                let shape = try args.ints(0)
                return .object(try engine(argument: 0) { () throws(QuantEngineError) in try tensor.reshaped(shape) })
            }
            t.method("transposed", returns: tensorType, doc: "Rows and columns swapped (2-D).") { tensor, _, _ in
                .object(try engine { () throws(QuantEngineError) in try tensor.transposed() })
            }
            t.subscript([.unlabeled("index", .int)], returns: tensorType, doc: "A slice along the first axis.") {
                tensor, args, _ in
                let index = try args.int(0)
                return .object(try engine(argument: 0) { () throws(QuantEngineError) in try tensor[index] })
            }
            for symbol in ["+", "-", "*", "/"] {
                t.binaryOperator(
                    symbol, lhs: tensorType, rhs: tensorType, returns: tensorType, doc: "Element-wise, broadcasting."
                ) {
                    a, b, _ in try arithmetic(symbol, a, b)
                }
                t.binaryOperator(symbol, lhs: tensorType, rhs: .number, returns: tensorType, doc: "With a number.") {
                    a, b, _ in try arithmetic(symbol, a, b)
                }
                t.binaryOperator(symbol, lhs: .number, rhs: tensorType, returns: tensorType, doc: "With a number.") {
                    a, b, _ in try arithmetic(symbol, a, b)
                }
            }
            t.prefixOperator("-", returns: tensorType, doc: "Negated.") { tensor, _ in .object(-tensor) }
        }

        library.registerType(QuantizedTensor.self, doc: "Integer codes with their scale and zero point.") { t in
            t.property("values", .array(.int), doc: "The integer codes, flattened.") { .ints($0.values) }
            t.property("scale", .double, doc: "Step between codes (the first group's).") { .double(Double($0.scale)) }
            t.property("zeroPoint", .int, doc: "The code of the real number 0 (the first group's).") {
                .int($0.zeroPoint)
            }
            t.property("scales", .array(.double), doc: "Every group's scale (one for per-tensor).") {
                .doubles($0.scales.map(Double.init))
            }
            t.property("zeroPoints", .array(.int), doc: "Every group's zero point.") { .ints($0.zeroPoints) }
            t.property("levelsUsed", .int, doc: "How many distinct codes occur.") { .int($0.levelsUsed) }
            t.property("bits", .int, doc: "Bit width.") { .int($0.bits) }
            t.property("shape", .array(.int), doc: "Size of each axis.") { .ints($0.shape) }
            t.property("count", .int, doc: "Number of codes.") { .int($0.count) }
            t.property("bytes", .int, doc: "Storage size, codes packed plus parameters.") { .int($0.bytes) }
            t.property("compression", .double, doc: "Float32 size divided by `bytes`.") { .double($0.compression) }
        }

        library.registerType(EncodedTensor.self, doc: "Values in FP8, NF4 or a ggml block format.") { t in
            t.property("format", .string, doc: "The storage format.") { .string($0.format.description) }
            t.property("shape", .array(.int), doc: "Size of each axis.") { .ints($0.shape) }
            t.property("count", .int, doc: "Number of values.") { .int($0.count) }
            t.property("bytes", .int, doc: "Storage size, scales included.") { .int($0.bytes) }
            t.property("compression", .double, doc: "Float32 size divided by `bytes`.") { .double($0.compression) }
            t.property("scales", .array(.double), doc: "FP8: the scale; NF4: each block's absmax.") {
                .doubles($0.scales.map(Double.init))
            }
        }

        library.registerType(AccumulatorTensor.self, doc: "Exact int32 sums of an integer matmul or convolution.") {
            t in
            t.property("values", .array(.int), doc: "The accumulators, flattened.") { .ints($0.integers) }
            t.property("shape", .array(.int), doc: "Size of each axis.") { .ints($0.shape) }
            t.property("scales", .array(.double), doc: "The real value of one unit: input scale × weight scale.") {
                .doubles($0.scales.map(Double.init))
            }
        }

        library.registerType(ErrorMetrics.self, doc: "How far an approximation is from a reference.") { t in
            t.property("mse", .double, doc: "Mean squared error.") { .double($0.mse) }
            t.property("rmse", .double, doc: "Root mean squared error.") { .double($0.rmse) }
            t.property("mae", .double, doc: "Mean absolute error.") { .double($0.mae) }
            t.property("maxError", .double, doc: "Largest absolute error.") { .double($0.maxError) }
            t.property("sqnr", .double, doc: "Signal-to-quantization-noise ratio in dB (inf when exact).") {
                .double($0.sqnr)
            }
            t.property("cosine", .double, doc: "Cosine similarity.") { .double($0.cosine) }
            t.property(
                "clippedFraction", .optional(.double),
                doc: "Share of values beyond the grid (when evaluating a QuantizedTensor), else nil."
            ) { metrics in .optional(metrics.clippedFraction.map { .double($0) }) }
            t.property(
                "levelsUsed", .optional(.int), doc: "Distinct codes used (when evaluating a QuantizedTensor), else nil."
            ) { metrics in .optional(metrics.levelsUsed.map { .int($0) }) }
        }

        library.registerType(ScriptTable.self, doc: "A table built row by row.") { t in
            t.property("columns", .array(.string), doc: "Column names.") { .strings($0.columns) }
            t.property("rowCount", .int, doc: "Number of rows.") { .int($0.rows.count) }
            t.mutatingMethod("append", [.unlabeled("row", .array(.any))], doc: "Adds a row, one value per column.") {
                table, args, _ in
                let row = try args.array(0)
                guard row.count == table.columns.count else {
                    throw args.error(0, "a row of this table needs \(table.columns.count) values, got \(row.count)")
                }
                table.rows.append(
                    row.map { value in
                        switch value.unwrapped ?? value {
                        case .int(let v): return .integer(v)
                        case .double(let v): return .number(v)
                        case .bool(let v): return .bool(v)
                        case .string(let v): return .text(v)
                        case .optional(nil): return .empty
                        default: return .text(value.description)
                        }
                    })
                return .void
            }
        }
    }
}
