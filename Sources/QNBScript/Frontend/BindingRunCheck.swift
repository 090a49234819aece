/// A guard run before parsing, beside ``BracketDepthCheck``: swift-syntax parses `let let let …`
/// as patterns nested in patterns, one level of recursion per keyword and not counted by its
/// nesting limit, so four thousand lines of a lone `let` overflow the stack. No Swift has two
/// binding keywords in a row; a run longer than `maximumRun` of `let`, `var` and `inout`
/// separated only by white space is rejected with a located error.
///
/// Strings and comments are scanned too: a run that long in text is as unlikely as in code, and
/// the scan stays one simple pass.
public enum BindingRunCheck {
    public static let maximumRun = 32

    /// The (line, column) of the keyword that makes a run longer than `maximumRun`; columns count
    /// bytes, as ``BracketDepthCheck``'s do.
    public static func firstTooLong(in source: String) -> (line: Int, column: Int)? {
        var run = 0
        var line = 1
        var column = 1
        var word: [UInt8] = []
        var wordLength = 0
        var start = (line: 1, column: 1)
        /// Ends the current word; true when it completes a run that is too long.
        func endWord() -> Bool {
            defer {
                word.removeAll(keepingCapacity: true)
                wordLength = 0
            }
            guard wordLength > 0 else { return false }
            let keyword =
                wordLength <= 5
                && (word == Array("let".utf8) || word == Array("var".utf8) || word == Array("inout".utf8))
            run = keyword ? run + 1 : 0
            return run > maximumRun
        }
        for byte in source.utf8 {
            let identifier =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
            if identifier {
                if wordLength == 0 { start = (line, column) }
                if word.count < 6 { word.append(byte) }
                wordLength += 1
            } else {
                if endWord() { return start }
                let space =
                    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
                if !space { run = 0 }
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return endWord() ? start : nil
    }
}
