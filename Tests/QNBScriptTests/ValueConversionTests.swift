import QNBScript
import Testing

/// The helpers builtin implementations use to read arguments.
@Suite struct ValueConversionTests {
    @Test func numbersAndArrays() throws {
        #expect(try Value.int(3).asDouble() == 3)
        #expect(try Value.array([.int(1), .double(2.5)]).asDoubles() == [1, 2.5])
        #expect(try Value.range(.int(lower: 1, upper: 3, closed: true)).asInts() == [1, 2, 3])
        #expect(try Value.range(.int(lower: 0, upper: 4, closed: false)).asIntRange() == 0..<4)
        #expect(try Value.range(.int(lower: -1, upper: 1, closed: true)).asDoubleRange() == (-1, 1, true))
        #expect(throws: ScriptError.self) { try Value.string("x").asDouble() }
    }

    @Test func nestedNumericArraysFlattenWithTheirShape() throws {
        let matrix: Value = [[1, 2, 3], [4, 5, 6.5]]
        let (values, shape) = try matrix.asNumericArray()
        #expect(values == [1, 2, 3, 4, 5, 6.5])
        #expect(shape == [2, 3])
        #expect(try Value.double(2).asNumericArray().shape == [])
        #expect(try Value.array([]).asNumericArray().shape == [0])
        #expect(throws: ScriptError.self) { try ([[1, 2], [3]] as Value).asNumericArray() }
        #expect(throws: ScriptError.self) { try ([[1, 2], 3] as Value).asNumericArray() }
        #expect(throws: ScriptError.self) { try ([1, [2]] as Value).asNumericArray() }
        #expect(throws: ScriptError.self) { try (["a"] as Value).asNumericArray() }
    }

    /// Implicit members stand for Double's constants where a number is expected, as in Swift;
    /// other implicit members are still refused.
    @Test func implicitDoubleMembersWhereNumbersAreExpected() throws {
        #expect(try Value.option(OptionValue("pi")).asDouble() == Double.pi)
        #expect(try Value.option(OptionValue("infinity")).asDouble() == .infinity)
        #expect(try Value.option(OptionValue("nan")).asDouble().isNaN)
        let numbers = try Value.array([.double(0.5), .option(OptionValue("greatestFiniteMagnitude"))]).asDoubles()
        #expect(numbers == [0.5, .greatestFiniteMagnitude])
        let nested = try Value.array([.array([.int(1), .option(OptionValue("zero"))])]).asNumericArray()
        #expect(nested.values == [1, 0] && nested.shape == [1, 2])
        #expect(throws: ScriptError.self) { try Value.option(OptionValue("symmetric")).asDouble() }
        #expect(throws: ScriptError.self) { try Value.option(OptionValue("nan", arguments: [])).asDouble() }
    }

    @Test func descriptionsAndDisplays() {
        let value: Value = .tuple(ScriptTuple([.string("a"), .optional(.int(1)), .null], labels: ["s", nil, "n"]))
        #expect(value.description == "(s: \"a\", Optional(1), n: nil)")
        #expect(Value.string("plain").display == .text("plain"))
        #expect(
            Value.option(OptionValue("perChannel", arguments: [.init(label: "axis", value: 0)])).literalDescription
                == ".perChannel(axis: 0)")
        #expect(Value.array([.double(1)]).typeName == "[Double]")
        #expect(Value.dictionary(ScriptDictionary([(.string("k"), .int(1))])).typeName == "[String: Int]")
    }
}
