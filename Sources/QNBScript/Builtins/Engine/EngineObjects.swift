import QuantEngine

// The engine's values as script objects: how each reads in a cell's output.

extension Tensor: ScriptObject {
    public static let scriptTypeName = "Tensor"

    public var scriptDescription: String { preview(maxItems: 64) }

    public var scriptDisplay: Display {
        var fields: [DisplayRecord.Field] = [.init("count", .integer(count))]
        if count > 0 {
            fields += [
                .init("min", .number(Double((try? min()) ?? 0))),
                .init("max", .number(Double((try? max()) ?? 0))),
                .init("mean", .number((try? mean()) ?? 0)),
                .init("std", .number((try? std()) ?? 0)),
            ]
        }
        return .record(DisplayRecord(title: "Tensor \(shape) Float32", fields: fields, preview: preview()))
    }
}

extension QuantizedTensor: ScriptObject {
    public static let scriptTypeName = "QuantizedTensor"

    public var scriptDescription: String { "QuantizedTensor(\(bits)-bit, shape \(shape))" }

    var codeTensorPreview: String {
        let codes = (try? Tensor(shape: shape, scalars: values.map(Float.init))) ?? Tensor([])
        return codes.preview(maxItems: 1000, edgeItems: 3) { String(Int($0)) }
    }

    public var scriptDisplay: Display {
        let kind = "\(signed ? "int" : "uint")\(bits)"
        var fields: [DisplayRecord.Field]
        if parameters.count == 1 {
            fields = [.init("scale", .number(Double(scale))), .init("zero point", .integer(zeroPoint))]
        } else {
            let scales = self.scales
            let zeroPoints = self.zeroPoints
            fields = [
                .init("groups", .integer(parameters.count)),
                .init(
                    "scales",
                    .text(
                        "\(NumberFormatting.format(Double(scales.min() ?? 0))) … \(NumberFormatting.format(Double(scales.max() ?? 0)))"
                    )),
                .init("zero points", .text("\(zeroPoints.min() ?? 0) … \(zeroPoints.max() ?? 0)")),
            ]
        }
        fields += [
            .init("codes", .text("\(parameters.first.map { "\($0.qmin) … \($0.qmax)" } ?? "")")),
            .init("bytes", .integer(bytes)),
            .init("compression", .number(compression)),
        ]
        return .record(
            DisplayRecord(
                title: "QuantizedTensor \(shape) \(kind) \(scheme) \(granularity)", fields: fields,
                preview: codeTensorPreview))
    }
}

extension ErrorMetrics: ScriptObject {
    public static let scriptTypeName = "ErrorMetrics"

    public var scriptDescription: String {
        "ErrorMetrics(mse: \(mse), maxError: \(maxError), sqnr: \(sqnr))"
    }

    public var scriptDisplay: Display {
        var fields: [DisplayRecord.Field] = [
            .init("MSE", .number(mse)), .init("RMSE", .number(rmse)), .init("MAE", .number(mae)),
            .init("max error", .number(maxError)), .init("SQNR (dB)", .number(sqnr)),
            .init("cosine", .number(cosine)),
        ]
        if let clippedFraction { fields.append(.init("clipped", .number(clippedFraction))) }
        if let levelsUsed { fields.append(.init("levels used", .integer(levelsUsed))) }
        return .record(DisplayRecord(title: "Error of \(count) values", fields: fields))
    }
}

/// A table a cell builds row by row: `Table(["bits", "SQNR (dB)"])`, `t.append([8, 49.9])`.
public struct ScriptTable: ScriptObject, Equatable {
    public static let scriptTypeName = "Table"
    public var columns: [String]
    public var rows: [[DisplayScalar]] = []

    public var scriptDescription: String { "Table(\(columns.count) columns, \(rows.count) rows)" }
    public var scriptDisplay: Display { .table(DisplayTable(columns: columns, rows: rows)) }
}

extension RangeObserver: ScriptObject {
    public static let scriptTypeName = "Observer"

    public var scriptDescription: String {
        guard let min, let max else { return "Observer(\(kind), no data yet)" }
        return "Observer(\(kind), \(min)…\(max) after \(batches) \(batches == 1 ? "batch" : "batches"))"
    }

    public var scriptDisplay: Display {
        var fields: [DisplayRecord.Field] = [.init("batches", .integer(batches))]
        if let min, let max { fields += [.init("min", .number(Double(min))), .init("max", .number(Double(max)))] }
        return .record(DisplayRecord(title: "Observer (\(kind))", fields: fields))
    }
}

extension EncodedTensor: ScriptObject {
    public static let scriptTypeName = "EncodedTensor"

    public var scriptDescription: String { "EncodedTensor(\(format), shape \(shape))" }

    public var scriptDisplay: Display {
        var fields: [DisplayRecord.Field] = []
        switch format {
        case .fp8e4m3, .fp8e5m2:
            fields.append(.init("scale", .number(Double(scales.first ?? 1))))
        case .nf4(let blockSize):
            fields += [.init("block size", .integer(blockSize)), .init("blocks", .integer(scales.count))]
        case .q8_0, .q4_0, .q4_1:
            fields.append(.init("blocks", .integer(data.count / Swift.max(1, bytesPerBlock))))
        }
        fields += [.init("bytes", .integer(bytes)), .init("compression", .number(compression))]
        return .record(
            DisplayRecord(
                title: "EncodedTensor \(shape) \(format)", fields: fields, preview: dequantized().preview()))
    }

    var bytesPerBlock: Int {
        switch format {
        case .q8_0: return GGML.q8_0BlockBytes
        case .q4_0: return GGML.q4_0BlockBytes
        case .q4_1: return GGML.q4_1BlockBytes
        default: return 1
        }
    }
}

extension AccumulatorTensor: ScriptObject {
    public static let scriptTypeName = "Accumulators"

    public var scriptDescription: String { "Accumulators(int32, shape \(shape))" }

    public var scriptDisplay: Display {
        let values = self.values
        let preview = (try? Tensor(shape: shape, scalars: values.map(Float.init)))?
            .preview(maxItems: 1000, edgeItems: 3) { String(Int($0)) }
        return .record(
            DisplayRecord(
                title: "Accumulators \(shape) int32",
                fields: [
                    .init("min", .integer(Int(values.min() ?? 0))), .init("max", .integer(Int(values.max() ?? 0))),
                    .init("input scale", .number(Double(inputScale))),
                    // One weight scale is shown as its value; per-channel scales as how many.
                    weightScales.count == 1
                        ? .init("weight scale", .number(Double(weightScales[0])))
                        : .init("weight scales", .text("\(weightScales.count), one per column")),
                ],
                preview: preview))
    }
}
