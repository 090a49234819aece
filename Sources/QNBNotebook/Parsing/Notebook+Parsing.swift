import QNBScript

extension Notebook {
    /// Parses a notebook's text. Throws every error found (with the warnings found alongside
    /// them) at once; on success the warnings are in `warnings`.
    ///
    /// - Parameter path: The file name shown in diagnostics, as the user gave it.
    public static func parse(source: String, path: String) throws(NotebookLoadError) -> Notebook {
        try NotebookParser(source: source, path: path).parse()
    }
}
