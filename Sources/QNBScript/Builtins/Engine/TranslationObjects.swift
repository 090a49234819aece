import QuantEngine

// Parallel corpora, their splits and BLEU scores as script objects: how each reads in a cell's
// output.

extension ParallelCorpus: ScriptObject {
    public static let scriptTypeName = "Corpus"

    /// How many pairs the display shows.
    static let previewCount = 5

    public var scriptDescription: String { "Corpus(\(name), \(count) pairs)" }

    /// A summary (pairs, vocabulary sizes, longest sentences), then the first pairs as a table,
    /// the Chinese column last so the plain text stays aligned.
    public var scriptDisplay: Display {
        let record = DisplayRecord(
            title: "Corpus \(name)",
            fields: [
                .init("pairs", .integer(count)),
                .init("source vocabulary", .integer(sourceVocabulary.count)),
                .init("target vocabulary", .integer(targetVocabulary.count)),
                .init("longest source", .integer(pairs.map(\.source.count).max() ?? 0)),
                .init("longest target", .integer(pairs.map(\.target.count).max() ?? 0)),
            ])
        guard count > 0 else { return .record(record) }
        var rows: [[DisplayScalar]] = pairs.prefix(Self.previewCount).enumerated().map { index, pair in
            [.integer(index), .text(pair.sourceText), .text(pair.targetText)]
        }
        if count > Self.previewCount {
            rows.append([.text("…"), .text("\(count - Self.previewCount) more"), .empty])
        }
        return .stack([.record(record), .table(DisplayTable(columns: ["#", "source", "target"], rows: rows))])
    }
}

extension CorpusSplit: ScriptObject {
    public static let scriptTypeName = "CorpusSplit"

    public var scriptDescription: String {
        "CorpusSplit(train \(train.count), validation \(validation.count), test \(test.count))"
    }

    public var scriptDisplay: Display {
        let total = train.count + validation.count + test.count
        return .table(
            DisplayTable(
                columns: ["part", "pairs", "share"],
                rows: [("train", train), ("validation", validation), ("test", test)].map { name, part in
                    [
                        .text(name), .integer(part.count),
                        total > 0 ? .number(Double(part.count) / Double(total)) : .empty,
                    ]
                }))
    }
}

extension BLEUScore: ScriptObject {
    public static let scriptTypeName = "BLEU"

    /// sacreBLEU's line, `BLEU = 45.18 100.0/50.0/33.3/25.0 (BP = 1.000 ratio = 1.000 …)`.
    public var scriptDescription: String { description }

    public var scriptDisplay: Display { .text(description) }
}
