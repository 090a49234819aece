import Testing
import Yams

@testable import QNBNotebook

/// Plain scalars resolve by the YAML 1.2 core schema (spec 1.2.2 §10.3.2), quoted ones are text.
@Suite("YAML core schema")
struct YAMLCoreSchemaTests {
    typealias Value = YAMLCoreSchema.Value

    static let plain: [(String, Value)] = [
        ("", .null), ("~", .null), ("null", .null), ("NULL", .null),
        ("true", .bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        // YAML 1.1 booleans are plain text in 1.2.
        ("yes", .string("yes")), ("off", .string("off")), ("Y", .string("Y")),
        ("0", .int(0)), ("-0", .int(0)), ("+12", .int(12)), ("007", .int(7)), ("-42", .int(-42)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)),
        ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", .hugeInt("9223372036854775808")),
        ("0x10000000000000000", .hugeInt("0x10000000000000000")),
        // Not integers in 1.2: underscores, sexagesimal, binary, octal without `o`, signed hex.
        ("1_000", .string("1_000")), ("1:30", .string("1:30")), ("0b101", .string("0b101")),
        ("0o19", .string("0o19")), ("-0x1F", .string("-0x1F")), ("0x", .string("0x")),
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("1e-4", .float(1e-4)),
        ("+2.5E3", .float(2500)), ("1e400", .float(.infinity)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("1e", .string("1e")), (".", .string(".")), ("1.2.3", .string("1.2.3")), ("e5", .string("e5")),
        ("2024-01-01", .string("2024-01-01")), ("weights", .string("weights")),
    ]

    @Test(arguments: plain)
    func plainScalars(text: String, expected: Value) throws {
        let node = try YAMLCoreSchema.compose("key: \(text)")
        let value = try #require(node?.mapping?["key"])
        #expect(YAMLCoreSchema.value(of: value) == expected)
    }

    @Test func notANumberIsAFloat() throws {
        let node = try #require(try YAMLCoreSchema.compose(".nan"))
        guard case .float(let value) = YAMLCoreSchema.value(of: node) else {
            Issue.record("'.nan' did not resolve to a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test(arguments: ["\"7\"", "'true'", "\"null\"", "'1e-4'"])
    func quotedScalarsAreText(text: String) throws {
        let node = try #require(try YAMLCoreSchema.compose(text))
        #expect(YAMLCoreSchema.value(of: node) == .string(String(text.dropFirst().dropLast())))
    }

    @Test func collectionsAreNotScalars() throws {
        #expect(YAMLCoreSchema.value(of: try #require(try YAMLCoreSchema.compose("[1, 2]"))) == nil)
        #expect(YAMLCoreSchema.value(of: try #require(try YAMLCoreSchema.compose("a: 1"))) == nil)
    }

    /// Through the front matter: a YAML 1.1 boolean stays a string parameter; hex is an integer.
    @Test func frontMatterUsesTheCoreSchema() throws {
        let notebook = try Notebook.parse(
            source: "---\nseed: 0x10\nparams:\n  answer: yes\n  flag: true\n---\n# T\n", path: "n.md")
        #expect(notebook.frontMatter.seed == 16)
        #expect(notebook.frontMatter.params["answer"] == .string("yes"))
        #expect(notebook.frontMatter.params["flag"] == .bool(true))
    }
}
