import Foundation
import QuantEngine
import Testing

/// The engine's BLEU against sacreBLEU 2.4.3 itself (`corpus_bleu(…, tokenize="char")`), run by
/// `Tests/Support/sacrebleu_reference.py` with the Python of `.build/nbformat-venv`, where
/// `make nbformat` (and so `make test`) installs it.
@Suite struct SacreBLEUCrossCheckTests {
    struct Case: Encodable {
        var hypotheses: [String]
        var references: [String]
    }

    struct Reference: Decodable {
        var score: Double
        var precisions: [Double]
        var counts: [Int]
        var totals: [Int]
        var brevityPenalty: Double
        var ratio: Double
        var hypothesisLength: Int
        var referenceLength: Int
        var text: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Number characters, a few others, and whitespace (which the character tokenizer drops),
    /// including a combining accent, which is a code point of its own.
    static let alphabet = "零一二三四五六七八九十百千两万a".map(String.init) + ["e\u{301}", " ", "\t"]

    /// 200 seeded corpora of 1 to 4 sentence pairs: references of 0 to 12 characters, mostly
    /// short, and hypotheses that are the reference with random substitutions, deletions and
    /// insertions, an unrelated string, or empty.
    static func cases() -> [Case] {
        var generator = RandomGenerator(seed: 2024)
        func text(_ length: Int) -> [String] {
            (0..<length).map { _ in alphabet[generator.nextInt(below: alphabet.count)] }
        }
        var cases: [Case] = []
        for _ in 0..<200 {
            var hypotheses: [String] = []
            var references: [String] = []
            for _ in 0...generator.nextInt(below: 4) {
                let length =
                    generator.nextInt(below: 3) == 0 ? generator.nextInt(below: 4) : generator.nextInt(below: 13)
                let reference = text(length)
                var hypothesis: [String]
                switch generator.nextInt(below: 10) {
                case 0: hypothesis = []
                case 1: hypothesis = text(generator.nextInt(below: 13))
                default:
                    hypothesis = []
                    let editRate = generator.nextInt(below: 5)  // in tenths: 0 keeps the reference
                    for character in reference {
                        let roll = generator.nextInt(below: 10)
                        if roll >= editRate {
                            hypothesis.append(character)
                        } else if roll % 3 == 0 {
                            hypothesis += text(1)  // substitution
                        } else if roll % 3 == 1 {
                            hypothesis += [character] + text(1)  // insertion
                        }  // else deletion
                    }
                }
                hypotheses.append(hypothesis.joined())
                references.append(reference.joined())
            }
            cases.append(Case(hypotheses: hypotheses, references: references))
        }
        return cases
    }

    static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }

    @Test func bleuAgreesWithSacreBLEU() throws {
        let python = Self.root.appendingPathComponent(".build/nbformat-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            // As the nbformat and html5lib checks: required under `make test` (which creates the
            // environment), skipped by a bare `swift test` on a machine without it.
            guard ProcessInfo.processInfo.environment["QNB_REQUIRE_NBFORMAT"] == "1" else { return }
            Issue.record(
                """
                The BLEU cross-check runs sacreBLEU 2.4.3 from .build/nbformat-venv, which is missing. \
                Create it with `make nbformat` (or: python3 -m venv .build/nbformat-venv && \
                .build/nbformat-venv/bin/pip install nbformat html5lib sacrebleu==2.4.3).
                """)
            return
        }
        let cases = Self.cases()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appendingPathComponent("Tests/Support/sacrebleu_reference.py").path]
        let (input, output, errors) = (Pipe(), Pipe(), Pipe())
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(["cases": cases]))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record(
                """
                sacrebleu_reference.py failed (status \(process.terminationStatus)): \(messages)
                `make nbformat` installs sacrebleu==2.4.3 into .build/nbformat-venv.
                """)
            return
        }
        let references = try JSONDecoder().decode([Reference].self, from: data)
        try #require(references.count == cases.count)
        var nonzero = 0
        var smoothed = 0
        var penalised = 0
        for (item, expected) in zip(cases, references) {
            let score = try TranslationMetrics.bleu(
                item.hypotheses.map(TranslationMetrics.characterTokens),
                item.references.map(TranslationMetrics.characterTokens))
            let label = "\(item.hypotheses) against \(item.references)"
            #expect(score.counts == expected.counts && score.totals == expected.totals, "\(label)")
            #expect(
                score.hypothesisLength == expected.hypothesisLength
                    && score.referenceLength == expected.referenceLength, "\(label)")
            #expect(Self.agree(score.score, expected.score), "\(label): \(score.score) ≠ \(expected.score)")
            #expect(
                score.precisions.count == expected.precisions.count
                    && zip(score.precisions, expected.precisions).allSatisfy(Self.agree),
                "\(label): \(score.precisions) ≠ \(expected.precisions)")
            #expect(Self.agree(score.brevityPenalty, expected.brevityPenalty), "\(label)")
            #expect(Self.agree(score.ratio, expected.ratio), "\(label)")
            #expect(score.description == expected.text, "\(label)")
            if expected.score > 0 { nonzero += 1 }
            if zip(expected.counts, expected.totals).contains(where: { $0 == 0 && $1 > 0 }) && expected.score > 0 {
                smoothed += 1
            }
            if expected.brevityPenalty < 1 && expected.score > 0 { penalised += 1 }
        }
        // The cases exercise what they are meant to: real scores, smoothing and brevity penalties.
        #expect(nonzero >= 50 && smoothed >= 10 && penalised >= 10, "\(nonzero) \(smoothed) \(penalised)")
    }
}
