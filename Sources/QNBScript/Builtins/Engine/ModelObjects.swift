import QNBPlot
import QuantEngine

// Data sets, networks and training results as script objects: how each reads in a cell's output.

extension Dataset: ScriptObject {
    public static let scriptTypeName = "Dataset"

    public var scriptDescription: String { "Dataset(\(name), \(count) samples, \(classCount) classes)" }

    public var scriptDisplay: Display {
        let counts = classCounts.enumerated().map { "\(className($0.offset)): \($0.element)" }.joined(separator: ", ")
        return .record(
            DisplayRecord(
                title: "Dataset \(name)",
                fields: [
                    .init("samples", .integer(count)), .init("sample shape", .text("\(sampleShape)")),
                    .init("classes", .integer(classCount)), .init("per class", .text(counts)),
                ]))
    }
}

extension DatasetSplit: ScriptObject {
    public static let scriptTypeName = "DatasetSplit"

    public var scriptDescription: String {
        "DatasetSplit(train \(train.count), validation \(validation.count), test \(test.count))"
    }

    public var scriptDisplay: Display {
        .table(
            DisplayTable(
                columns: ["part", "samples"] + (0..<train.classCount).map { "class \(train.className($0))" },
                rows: [("train", train), ("validation", validation), ("test", test)].map { name, part in
                    [.text(name), .integer(part.count)] + part.classCounts.map { .integer($0) }
                }))
    }
}

extension Network: ScriptObject {
    public static let scriptTypeName = "Network"

    public var scriptDescription: String {
        "Network(\(layers.count) layers, \(parameterCount) parameters, \(bytes) bytes)"
    }

    /// One row per layer: what it is, its output, its parameters and how they are stored.
    public var scriptDisplay: Display {
        let pruned = layers.contains { $0.mask != nil }
        var columns = ["layer", "kind", "output", "parameters", "weights", "bytes"]
        if pruned { columns.append("sparsity") }
        var rows: [[DisplayScalar]] = layers.map { layer in
            var row: [DisplayScalar] = [
                .text(layer.name), .text(layer.kind.description), .text("\(layer.outputShape)"),
                .integer(layer.parameterCount), .text(layer.hasParameters ? Self.storage(of: layer) : ""),
                .integer(layer.bytes),
            ]
            if pruned { row.append(layer.hasParameters ? .number(layer.sparsity) : .empty) }
            return row
        }
        var total: [DisplayScalar] = [
            .text("total"), .empty, .empty, .integer(parameterCount), .empty, .integer(bytes),
        ]
        if pruned { total.append(.number(sparsity)) }
        rows.append(total)
        return .table(DisplayTable(columns: columns, rows: rows))
    }

    static func storage(of layer: Layer) -> String {
        let format = layer.weightStorage?.format ?? "float32"
        guard let input = layer.inputQuantization else { return format }
        return format + ", input \(input.signed ? "int" : "uint")\(input.bits)"
    }
}

extension Layer: ScriptObject {
    public static let scriptTypeName = "Layer"

    public var scriptDescription: String { "Layer(\(name): \(kind))" }

    public var scriptDisplay: Display {
        var fields: [DisplayRecord.Field] = [
            .init("input", .text("\(inputShape)")), .init("output", .text("\(outputShape)")),
        ]
        if hasParameters {
            fields += [
                .init("parameters", .integer(parameterCount)), .init("weights", .text(Network.storage(of: self))),
                .init("bytes", .integer(bytes)),
            ]
            if mask != nil { fields.append(.init("sparsity", .number(sparsity))) }
        }
        return .record(DisplayRecord(title: "Layer \(name) (\(kind))", fields: fields))
    }
}

extension TrainingLog: ScriptObject {
    public static let scriptTypeName = "TrainingLog"

    public var scriptDescription: String {
        guard let last = epochs.last else { return "TrainingLog(no epochs)" }
        return "TrainingLog(\(epochs.count) epochs, loss \(NumberFormatting.format(last.loss)), "
            + "accuracy \(NumberFormatting.format(last.accuracy)))"
    }

    var hasValidation: Bool { epochs.contains { $0.validationLoss != nil } }

    /// The table of epochs and a figure of loss and accuracy per epoch.
    public var scriptDisplay: Display {
        var columns = ["epoch", "loss", "accuracy"]
        if hasValidation { columns += ["validation loss", "validation accuracy"] }
        let rows: [[DisplayScalar]] = epochs.map { epoch in
            var row: [DisplayScalar] = [.integer(epoch.epoch), .number(epoch.loss), .number(epoch.accuracy)]
            if hasValidation {
                row += [
                    epoch.validationLoss.map { .number($0) } ?? .empty,
                    epoch.validationAccuracy.map { .number($0) } ?? .empty,
                ]
            }
            return row
        }
        return .stack([.text(summary), .table(DisplayTable(columns: columns, rows: rows)), .figure(.grid(figures))])
    }

    /// Loss and accuracy against the epoch, training and (if any) validation.
    var figures: FigureGrid {
        let x = epochs.map { Double($0.epoch) }
        func series(_ values: [Double?], _ label: String) -> Series? {
            let points = zip(x, values).compactMap { x, y in y.map { (x, $0) } }
            return points.isEmpty ? nil : .line(XYSeries(x: points.map(\.0), y: points.map(\.1), label: label))
        }
        let loss = Figure(
            series: [series(epochs.map(\.loss), "training"), series(epochs.map(\.validationLoss), "validation")]
                .compactMap { $0 },
            title: "Loss", xLabel: "epoch", yLabel: "cross-entropy", height: 260)
        let accuracy = Figure(
            series: [
                series(epochs.map(\.accuracy), "training"), series(epochs.map(\.validationAccuracy), "validation"),
            ].compactMap { $0 },
            title: "Accuracy", xLabel: "epoch", yLabel: "accuracy", height: 260)
        return FigureGrid([loss, accuracy], columns: 2)
    }
}

extension NetworkEvaluation: ScriptObject {
    public static let scriptTypeName = "Evaluation"

    public var scriptDescription: String {
        "Evaluation(accuracy \(NumberFormatting.format(accuracy)), loss \(NumberFormatting.format(loss)))"
    }

    /// Accuracy and loss, then the confusion matrix (rows: true class, columns: predicted).
    public var scriptDisplay: Display {
        let record = Display.record(
            DisplayRecord(
                title: "Evaluation on \(count) samples",
                fields: [.init("accuracy", .number(accuracy)), .init("loss", .number(loss))]))
        let classes = confusion.count
        let table = DisplayTable(
            columns: ["true \\ predicted"] + (0..<classes).map(String.init),
            rows: confusion.enumerated().map { label, row in [.integer(label)] + row.map { .integer($0) } })
        return .stack([record, .table(table)])
    }
}

extension NetworkComparison: ScriptObject {
    public static let scriptTypeName = "Comparison"

    public var scriptDescription: String {
        "Comparison(accuracy \(NumberFormatting.format(reference.accuracy)) → "
            + "\(NumberFormatting.format(candidate.accuracy)), agreement \(NumberFormatting.format(agreement)))"
    }

    public var scriptDisplay: Display {
        .table(
            DisplayTable(
                columns: ["model", "accuracy", "loss", "bytes", "compression", "agreement"],
                rows: [
                    [
                        .text("reference"), .number(reference.accuracy), .number(reference.loss),
                        .integer(referenceBytes), .number(1), .empty,
                    ],
                    [
                        .text("candidate"), .number(candidate.accuracy), .number(candidate.loss),
                        .integer(candidateBytes),
                        .number(candidateBytes > 0 ? Double(referenceBytes) / Double(candidateBytes) : 0),
                        .number(agreement),
                    ],
                ]))
    }
}
