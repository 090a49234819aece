import Foundation
import Testing

/// `qnb run` on a notebook with math: formulas become MathML, and one that cannot be converted
/// is a located warning that does not fail the run.
@Suite struct MathCommandTests {
    @Test func unsupportedMathIsAWarningWithItsLocation() throws {
        let box = try Sandbox()
        try box.write(
            "notebooks/m.md",
            """
            # Math

            Fine: $x_i^2$ and $$\\sum_{i=1}^n w_i$$
            Not fine: $\\unknown{x}$.
            """)
        let result = try box.qnb("run", "notebooks/m.md")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(
            result.stderr.contains("notebooks/m.md:4:11: warning: math not rendered: unknown TeX command '\\unknown'"))
        #expect(result.stderr.contains(" 4 | Not fine: $\\unknown{x}$."))
        let page = try box.read("output/m.html")
        #expect(page.contains("<math><semantics><msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"))
        #expect(page.contains("<math display=\"block\">"))
        #expect(page.contains("<code class=\"qnb-tex-error\""))
    }
}
