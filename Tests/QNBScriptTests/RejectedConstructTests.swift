import QNBScript
import QNBTestSupport
import Testing

/// Everything outside the language is rejected before the cell runs, with a message naming the
/// construct, at its position.
@Suite struct RejectedConstructTests {
    @Test(arguments: [
        ("1️⃣class C {}", "classes are not supported in qnb cells"),
        ("1️⃣struct S { var x = 1 }", "structs are not supported in qnb cells"),
        ("1️⃣enum E { case a }", "enums are not supported in qnb cells"),
        ("1️⃣protocol P {}", "protocols are not supported in qnb cells"),
        ("1️⃣extension Int {}", "extensions are not supported in qnb cells"),
        ("1️⃣actor A {}", "actors are not supported in qnb cells"),
        ("1️⃣import Foundation", "'import' is not supported in qnb cells"),
        ("1️⃣typealias X = Int", "typealiases are not supported in qnb cells"),
        ("1️⃣infix operator **", "operator declarations are not supported in qnb cells"),
        ("func h1️⃣<T>(_ x: T) {}", "generic functions are not supported in qnb cells"),
        ("func t() 1️⃣throws {}", "'throws' is not supported in qnb cells (there is no error handling)"),
        ("func u() 1️⃣async {}", "'async' is not supported in qnb cells"),
        ("let v = 1️⃣try min(1, 2)", "'try' is not supported in qnb cells (there is no error handling)"),
        ("1️⃣do { print(1) } catch { }", "'do'-'catch' is not supported in qnb cells (there is no error handling)"),
        ("1️⃣throw 1", "'throw' is not supported in qnb cells"),
        ("1️⃣defer { }", "'defer' is not supported in qnb cells"),
        ("1️⃣#warning(\"x\")", "macros ('#warning') are not supported in qnb cells"),
        ("let l = 1️⃣#line", "macros ('#line') are not supported in qnb cells"),
        (
            "1️⃣@discardableResult func g() -> Int { 1 }",
            "attributes ('@discardableResult') are not supported in qnb cells"
        ),
        ("let k = 1️⃣\\String.count", "key paths are not supported in qnb cells"),
        ("let x: Any = 1\nlet z = x 1️⃣as? Int", "'as?' casts are not supported in qnb cells"),
        ("let w = 1️⃣1 is Int", "'is' type checks are not supported in qnb cells"),
        ("let s = 1️⃣self", "'self' is not supported in qnb cells (there are no types to define)"),
        ("var comp: Int 1️⃣{ 1 }", "computed properties and property observers are not supported in qnb cells"),
        ("let x = 1\nlet q = { 1️⃣[x] in x }", "closure capture lists are not supported in qnb cells"),
        ("1️⃣private let p = 1", "'private' is not supported in qnb cells"),
        ("let i: 1️⃣Int32 = 1", "type 'Int32' is not supported in qnb cells; use 'Int' or 'Double'"),
        ("let f: 1️⃣Foo = 1", "cannot find type 'Foo' in scope"),
        ("1️⃣return 1", "'return' is only allowed inside a function or closure"),
        ("1️⃣break", "'break' is only allowed inside a loop or 'switch'"),
        ("for i in 0..<1 { 1️⃣continue nowhere }", "cannot find label 'nowhere' in scope"),
        (
            "func f() { 1️⃣guard true else { print(1) } }",
            "'guard' body must not fall through, consider using a 'return' or 'break' to exit the scope"
        ),
        ("let e = 1️⃣[]", "empty collection literal requires an explicit type"),
        ("let n = 1️⃣nil", "'nil' requires a contextual type"),
        ("let big = 1️⃣9223372036854775808", "integer literal '9223372036854775808' overflows when stored into 'Int'"),
        ("let a = 1\nlet a1 = 2\nlet 1️⃣a = 3", "invalid redeclaration of 'a'"),
        ("let x = 1\n1️⃣x = 2", "cannot assign to value: 'x' is a 'let' constant"),
        ("let arr = [1]\narr1️⃣[0] = 2", "cannot assign through subscript: 'arr' is a 'let' constant"),
        ("let t = (a: 1, b: 2)\nt.1️⃣a = 3", "cannot assign to property: 't' is a 'let' constant"),
        ("print(1️⃣undefinedThing)", "cannot find 'undefinedThing' in scope"),
    ])
    func rejected(_ source: String, _ message: String) {
        expectCellError(source, message)
    }

    @Test func rejectionHappensBeforeAnythingRuns() {
        let result = runCell("print(\"before\")\nclass C {}")
        #expect(result.outputs.isEmpty)
        #expect(result.errorMessage == "classes are not supported in qnb cells")
    }

    @Test func checkReportsSyntaxAndUnsupportedButNotNamesFromOtherCells() {
        let session = ScriptSession()
        let origin = SourceOrigin(file: "nb.md", line: 7)
        #expect(session.check("print(definedInAnEarlierCell + 1)", origin: origin).isEmpty)
        let unsupported = session.check("let x = 1\nstruct S {}", origin: origin)
        #expect(unsupported.map(\.message) == ["structs are not supported in qnb cells"])
        #expect(unsupported.first?.location == QNBScript.SourceLocation(file: "nb.md", line: 8, column: 1))
        let syntax = session.check("let y = [1, 2", origin: origin)
        #expect(syntax.map(\.message) == ["expected ']' to end array"])
        #expect(syntax.first?.location == QNBScript.SourceLocation(file: "nb.md", line: 7, column: 14))
    }
}
