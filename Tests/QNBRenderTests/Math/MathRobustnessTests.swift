import Foundation
import Testing

@testable import QNBRender

/// Hostile formulas end in a clear error, never a crash, and long ones convert in linear time.
@Suite("Math robustness")
struct MathRobustnessTests {
    @Test(arguments: [
        String(repeating: "{", count: 10_000),
        String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000),
        String(repeating: "\\frac", count: 10_000),
        String(repeating: "x^{", count: 10_000),
        String(repeating: "\\sqrt[", count: 10_000),
        String(repeating: "\\left(", count: 10_000),
        String(repeating: "\\begin{pmatrix}", count: 10_000),
        String(repeating: "\\hat", count: 10_000) + "x",
        String(repeating: "\\mathbf{", count: 10_000),
        String(repeating: "\\underbrace{", count: 10_000),
    ])
    func deepNestingIsAnError(tex: String) {
        #expect(throws: TeXError.tooDeep(limit: TeXParser.nestingLimit)) {
            try MathConverter.mathML(tex, display: true)
        }
    }

    @Test func nestingJustInsideTheLimitConverts() throws {
        let depth = TeXParser.nestingLimit - 1
        let tex = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
        #expect(try MathConverter.mathML(tex, display: true).contains("<mi>x</mi>"))
        let fractions =
            String(repeating: "\\frac{1}{", count: depth / 2) + "x" + String(repeating: "}", count: depth / 2)
        #expect(try MathConverter.mathML(fractions, display: false).contains("<mi>x</mi>"))
    }

    @Test(arguments: [
        "\\", "\\\\", "}", "{", "^", "_", "&", "'", "\\left", "\\right", "\\begin", "\\end", "\\begin{", "\\text{",
        "\\sqrt[", "\\sqrt[2", "\\operatorname", "\\not", "\\big", "\\mathbf", "x^'", "\\left(\\middle", "%",
        "\\begin{array}", "\\substack{a", "\u{0}", "\u{FFFF}", "é\u{301}_2",
    ])
    func oddFormulasDoNotCrash(tex: String) {
        _ = try? MathConverter.mathML(tex, display: true)
        _ = try? MathConverter.mathML(tex, display: false)
    }

    @Test func aLongFormulaConvertsQuickly() throws {
        let tex = String(repeating: "x_i^2 + \\frac{a}{b} \\cdot ", count: 20_000) + "1"
        let clock = ContinuousClock()
        let elapsed = try clock.measure { _ = try MathConverter.mathML(tex, display: true) }
        #expect(elapsed < .seconds(20))
    }

    @Test func manyLoneDollarsAndBackticksScanQuickly() {
        let line = String(repeating: "$a ` $$ b ``", count: 2_000)
        let source = Array(repeating: line, count: 20).joined(separator: "\n") + "\n"
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = renderBody(source) }
        #expect(elapsed < .seconds(20))
    }

    @Test func manyFormulasRender() {
        let source = String(repeating: "$x_i$ and $$y$$ ", count: 5_000) + "\n"
        let page = renderBody(source)
        #expect(page.occurrences(of: "<math") == 10_000)
    }
}
