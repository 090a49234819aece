import Testing

@testable import TensorFiles

@Suite("CSV reader")
struct CSVTests {
    @Test("numpy.savetxt output reads back exactly, with and without a header")
    func readsFixtures() throws {
        let expected = try #require(Fixtures.expected)
        for (name, want) in expected.csv {
            let array = try CSV.read(text: Fixtures.text("csv/" + name), fileName: name)
            expectMatches(array, want, name)
            #expect(array.columns == want.columns, "\(name) columns")
            #expect(array.dtype == .float64)
        }
    }

    @Test("delimiters, blank lines, line endings, quotes and special values")
    func dialects() throws {
        let cases: [(String, [Int], [Double], [String]?)] = [
            ("1;2\n3;4\n", [2, 2], [1, 2, 3, 4], nil),
            ("a\tb\r\n1\t2\r\n\r\n3\t4", [2, 2], [1, 2, 3, 4], ["a", "b"]),
            ("\u{FEFF}x, y\n\n  1 , 2 \n\t\n3,4\r", [2, 2], [1, 2, 3, 4], ["x", "y"]),
            ("\"w\",\"b \"\"q\"\"\"\n\"1\", 2\n", [1, 2], [1, 2], ["w", "b \"q\""]),
            ("5\n6\n7\n", [3, 1], [5, 6, 7], nil),
            ("weight\n", [0, 1], [], ["weight"]),
            ("1e3,-2.5E-2,+7,.5,0x10\n", [1, 5], [1000, -0.025, 7, 0.5, 16], nil),
            ("col\r1\r2", [2, 1], [1, 2], ["col"]),
        ]
        for (text, shape, values, columns) in cases {
            let array = try CSV.read(text: text, fileName: "t.csv")
            #expect(array.shape == shape, "\(text.debugDescription)")
            #expect(array.values == values, "\(text.debugDescription)")
            #expect(array.columns == columns, "\(text.debugDescription)")
        }
        let special = try CSV.read(text: "nan,inf,-inf,-0\nNaN,Infinity,-Infinity,0\n", fileName: "s.csv")
        let bits = special.values.map(\.bitPattern)
        #expect(special.values[0].isNaN && special.values[4].isNaN)
        #expect(special.values[1] == .infinity && special.values[5] == .infinity)
        #expect(special.values[2] == -.infinity && special.values[6] == -.infinity)
        #expect(bits[3] == (-0.0 as Double).bitPattern && bits[7] == 0)
    }

    @Test("errors name the line, and the column for bad values")
    func errors() {
        expectError(["'r.csv'", "line 4", "3 fields", "line 1", "has 2"], "ragged") { () throws(TensorFileError) in
            _ = try CSV.read(text: "1,2\n3,4\n\n5,6,7\n", fileName: "r.csv")
        }
        expectError(["b.csv:3:5", "field 2", "'abc'"], "word") { () throws(TensorFileError) in
            _ = try CSV.read(text: "x,y\n1,2\n1.5,abc\n", fileName: "b.csv")
        }
        expectError(["b.csv:2:3", "empty field"], "empty") { () throws(TensorFileError) in
            _ = try CSV.read(text: "1,2\n1,\n", fileName: "b.csv")
        }
        expectError(["b.csv:2:4", "'1,5'"], "quoted decimal comma") { () throws(TensorFileError) in
            _ = try CSV.read(text: "1,2\n2, \"1,5\"\n", fileName: "b.csv")
        }
        expectError(["ü.csv:2:4", "'é'"], "non-ASCII text is shown as is") { () throws(TensorFileError) in
            _ = try CSV.read(text: "é,ü,ß\n1, é,3\n", fileName: "ü.csv")
        }
        expectError(["line 2", "not closed"], "quote") { () throws(TensorFileError) in
            _ = try CSV.read(text: "a\n\"1\n", fileName: "q.csv")
        }
        for empty in ["", "\n\n", "  \r\n\t"] {
            expectError(["no rows"], "empty") { () throws(TensorFileError) in
                _ = try CSV.read(text: empty, fileName: "e.csv")
            }
        }
    }
}
