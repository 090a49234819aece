import Foundation
import QNBScript
import Testing

/// The reference's examples: one for every group of the library, each naming a real group,
/// each running as documented, with deterministic output that agrees with hand computations.
@Suite struct ReferenceExampleTests {
    let library = BuiltinLibrary.qnb
    let catalog = BuiltinExampleCatalog.qnb

    /// Runs every example once per test, in a folder holding the catalog's fixtures.
    func results() throws -> [BuiltinExampleResult] {
        try withFixtures { folder in
            let runner = BuiltinExampleRunner(library: library, directory: folder)
            return catalog.examples.map(runner.run)
        }
    }

    func withFixtures<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("qnb-reference-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in catalog.fixtures {
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        }
        return try body(folder.path)
    }

    @Test func everyBuiltinHasAnExample() {
        let examples = catalog.examplesByKey
        let missing = library.referenceGroups.map(\.key).filter { examples[$0] == nil }
        #expect(
            missing.isEmpty,
            """
            These builtins have no example in the reference: \(missing.map(\.description).joined(separator: ", ")).
            Add one to the example catalog of the builtin's area, next to its registration \
            (Sources/QNBScript/Builtins/Standard/StandardExamples.swift, Engine/EngineExamples.swift, \
            Engine/ModelExamples.swift, Plot/PlotExamples.swift or Files/FileExamples.swift), e.g. \
            .function("name", #"name(…)"#) or .member("Type", "name", …), then run `make reference`.
            """)
    }

    @Test func everyExampleDocumentsARealBuiltinOnce() {
        let keys = Set(library.referenceGroups.map(\.key))
        let stale = catalog.examples.map(\.key).filter { !keys.contains($0) }
        #expect(
            stale.isEmpty,
            "These examples name no builtin (renamed or removed?): \(stale.map(\.description).joined(separator: ", "))")
        var seen = Set<BuiltinReferenceKey>()
        let repeated = catalog.examples.map(\.key).filter { !seen.insert($0).inserted }
        #expect(repeated.isEmpty, "These builtins have two examples: \(repeated.map(\.description))")
    }

    @Test func everyExampleRunsAsDocumentedAndShowsSomething() throws {
        for result in try results() {
            let key = result.example.key
            if result.example.fails {
                #expect(result.error != nil, "the example of \(key) is marked as failing but succeeds")
            } else {
                #expect(result.error == nil, "the example of \(key) fails: \(result.error?.message ?? "")")
            }
            #expect(!result.shownLines.isEmpty, "the example of \(key) shows nothing: end it with a value")
        }
    }

    @Test func theReferenceIsDeterministic() throws {
        func generate() throws -> String {
            try withFixtures { folder in
                BuiltinReferenceDocument(
                    library: library, catalog: catalog,
                    runner: BuiltinExampleRunner(library: library, directory: folder)
                ).markdown(title: "t", introduction: "i")
            }
        }
        let first = try generate()
        #expect(first == (try generate()))
        #expect(!first.contains(FileManager.default.temporaryDirectory.path), "a temporary path leaked")
    }

    /// Outputs checked against values computed here by hand, independently of the engine.
    @Test func spotChecksAgainstHandComputedValues() throws {
        let shown = Dictionary(
            try results().map { ($0.example.key.description, $0.shownLines.joined(separator: "\n")) },
            uniquingKeysWith: { first, _ in first })

        // Symmetric 4-bit: scale = 3.5 / 7, codes round(x / scale) with ties to even.
        let w: [Float] = [0.5, -1.75, 0.25, 3.5]
        let scale = Float(3.5) / 7
        let codes = w.map { Int(($0 / scale).rounded(.toNearestOrEven)) }
        #expect(codes == [1, -4, 0, 7])
        #expect(shown["quantize"]?.hasPrefix("\(codes)\n") == true, "\(shown["quantize"] ?? "")")
        #expect(shown["dequantize"]?.hasPrefix("\(codes) [0.5, -2.0, 0.0, 3.5]") == true)

        // int8 matmul: exact int32 sums of the codes of [[1, 2], [3, 4]] (scale 4/127) and
        // [[0.5], [0.25]] (scale 0.5/127).
        func int8Codes(_ values: [Float]) -> [Int] {
            let scale = values.map(abs).max()! / 127
            return values.map { Int(($0 / scale).rounded(.toNearestOrEven)) }
        }
        let a = int8Codes([1, 2, 3, 4])
        let b = int8Codes([0.5, 0.25])
        let sums = [a[0] * b[0] + a[1] * b[1], a[2] * b[0] + a[3] * b[1]]
        #expect(shown["matmul"]?.hasSuffix("\(sums)") == true, "\(shown["matmul"] ?? "")")

        // TFLite's QuantizeMultiplier: 0.0072 = M0 · 2^(shift − 31), M0 in [2^30, 2^31).
        let shift = -7
        let m0 = Int((0.0072 * pow(2.0, Double(31 - shift))).rounded())
        #expect(shown["fixedPointMultiplier"] == "(m0: \(m0), shift: \(shift))")

        // Mean squared error of [1, 2, 3] against [1, 2.5, 2].
        #expect(shown["ErrorMetrics.mse"] == "\((0.0 + 0.25 + 1.0) / 3)")
    }
}
