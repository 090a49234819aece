import QNBScript
import QNBTestSupport
import Testing

/// Optional and defaulted arguments of the engine's builtins, as cells write them.
@Suite struct EngineArgumentTests {
    static func display(_ source: String) -> String? {
        let result = runCell(source, library: .qnb)
        #expect(result.errorMessage == nil, "\(result.errorMessage ?? "")")
        return result.displayText
    }

    /// Regression: an `Int?` parameter given a value (`seed: 5`) was rejected with "cannot
    /// convert value of type 'Int?' to expected argument type 'Int'".
    @Test func anExplicitSeedIsAccepted() {
        let source = """
            let a = randn([4], mean: 0, std: 1, seed: 5).values
            let b = randn([4], mean: 0, std: 1, seed: 5).values
            let c = randn([4], mean: 0, std: 1, seed: 6).values
            (a == b, a == c)
            """
        #expect(Self.display(source) == "(true, false)")
    }

    /// Regression: `rand` required its `in:` range although it documents 0...1 as the default.
    @Test func randDefaultsToTheUnitInterval() {
        let source = """
            let a = rand([64], seed: 2)
            let b = rand([64], in: 0...1, seed: 2)
            (a.values == b.values, a.min() >= 0, a.max() <= 1)
            """
        #expect(Self.display(source) == "(true, true, true)")
    }

    @Test func reluAndClamped() {
        let source = "let x = tensor([-1, 0.5, 2, -0.25])\n(relu(x).values, x.clamped(min: -0.5, max: 1).values)"
        #expect(Self.display(source) == "([0.0, 0.5, 2.0, 0.0], [-0.5, 0.5, 1.0, -0.25])")
        expectCellError(
            "tensor([1]).1️⃣clamped(min: 2, max: 1)", "clamped needs lower ≤ upper, got 2.0 and 1.0", library: .qnb)
    }
}
