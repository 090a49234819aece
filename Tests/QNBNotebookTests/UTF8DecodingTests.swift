import Testing

@testable import QNBNotebook

/// Invalid UTF-8 is reported at the first byte of the broken character.
@Suite struct UTF8DecodingTests {
    @Test(
        arguments: [
            // Latin-1 "é" followed by a newline: the lead byte 0xE9 is where the text breaks.
            (Array("# Caf".utf8) + [0xE9, 0x0A], 1, 6),
            // A lone continuation byte on the second line.
            (Array("ok\nab".utf8) + [0x80], 2, 3),
            // A truncated 4-byte sequence at the end of the file.
            (Array("x".utf8) + [0xF0, 0x9F, 0x98], 1, 2),
            // An overlong encoding of "/".
            ([0xC0, 0xAF], 1, 1),
        ] as [([UInt8], Int, Int)])
    func invalidBytesAreLocated(bytes: [UInt8], line: Int, column: Int) {
        #expect(throws: NotebookLoadError.self) { try Notebook.decode(bytes, path: "n.md") }
        do {
            _ = try Notebook.decode(bytes, path: "n.md")
        } catch {
            #expect(error.diagnostics.first?.location.line == line)
            #expect(error.diagnostics.first?.location.column == column)
        }
    }

    @Test func validTextAndAByteOrderMarkDecode() throws {
        #expect(try Notebook.decode(Array("Café ✓".utf8), path: "n.md") == "Café ✓")
        #expect(try Notebook.decode([0xEF, 0xBB, 0xBF] + Array("x".utf8), path: "n.md") == "x")
    }
}
