import QNBScript

/// What can be wrong with a folder's `README.md` as a reading order. All of them are warnings:
/// the site is still written, with the notebooks the README does not place in path order.
public enum CurriculumProblem: Hashable, Sendable {
    /// A link to a `.md` file that is not a notebook of the folder (missing, hidden, or the README).
    case notANotebook(String)
    /// A link such as `../x.md` that leads out of the folder.
    case outsideFolder(String)
    /// A link such as `/x.md`.
    case absolutePath(String)
    /// The README cannot be read (`reason` is the notebook loader's message).
    case unreadable(reason: String)

    public var message: String {
        switch self {
        case .notANotebook(let destination):
            return "'\(destination)' is not a notebook in this folder; it is left out of the reading order"
        case .outsideFolder(let destination):
            return
                "'\(destination)' is outside this folder; only notebooks in the folder can be in its reading order"
        case .absolutePath(let destination):
            return
                "'\(destination)' is an absolute path; only notebooks in the folder, by relative links, can be in its reading order"
        case .unreadable(let reason):
            return "not used as the reading order (\(reason)); the notebooks are listed in path order"
        }
    }

    public func diagnostic(at location: SourceLocation) -> Diagnostic {
        .warning(message, at: location)
    }
}
