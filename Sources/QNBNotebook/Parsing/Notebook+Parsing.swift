import QNBScript

extension Notebook {
    /// Parses a notebook's text. Throws every error found (with the warnings found alongside
    /// them) at once; on success the warnings are in `warnings`.
    ///
    /// - Parameter path: The file name shown in diagnostics, as the user gave it.
    public static func parse(source: String, path: String) throws(NotebookLoadError) -> Notebook {
        guard source.utf8.count <= maximumSize else {
            throw NotebookLoadError(.tooLarge(limit: maximumSize), at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try NotebookParser(source: source, path: path).parse()
    }

    /// The largest notebook qnb reads, 16 MiB: far beyond any tutorial, small enough that
    /// parsing and rendering stay quick and the page stays a page.
    public static let maximumSize = 16 << 20
}
