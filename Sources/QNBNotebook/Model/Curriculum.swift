import Foundation
import QNBScript

/// A folder's `README.md` read as the reading order of the notebooks in it: its title, its
/// introduction, its parts (the headings) and its links, in the order they appear.
///
/// The README only orders notebooks that were already found in the folder: `readingOrder(of:)`
/// matches each link's relative path against their paths, so nothing is opened, run or read
/// because a README links to it — not `../x.md`, not `/etc/x.md`, not a URL.
public struct Curriculum: Hashable, Sendable {
    /// A link of the README, as written.
    public struct Link: Hashable, Sendable {
        /// The destination as cmark read it (`symmetric.md`, `../x.md`, `https://…`).
        public var destination: String
        /// The link's text without markup.
        public var text: String
        /// For the first link of a list item: the item's sentence about it — the item's text after
        /// the link (a leading `—`, `:` or `-` dropped), or all of it when the link is not at its
        /// start. `nil` elsewhere, or when the item holds nothing but the link.
        public var summary: String?
        /// The index in `parts` of the heading above the link; `nil` before the first one.
        public var part: Int?
        public var location: SourceLocation

        public init(destination: String, text: String, summary: String?, part: Int?, location: SourceLocation) {
            self.destination = destination
            self.text = text
            self.summary = summary
            self.part = part
            self.location = location
        }
    }

    /// A notebook in reading order.
    public struct Entry: Hashable, Sendable {
        /// The notebook's path relative to the folder (`symmetric.md`, `part2/x.md`).
        public var notebook: String
        /// The README's sentence about it.
        public var summary: String?
        /// The index in `parts` of the heading it is listed under.
        public var part: Int?

        public init(notebook: String, summary: String?, part: Int?) {
            self.notebook = notebook
            self.summary = summary
            self.part = part
        }
    }

    /// Where a link leads, as far as a reading order is concerned.
    public enum Destination: Hashable, Sendable {
        /// A path inside the folder, normalised (`a/./b/../c.md` → `a/c.md`), percent-decoded.
        case inFolder(String)
        /// A relative path that climbs out of the folder.
        case outsideFolder
        /// `/x.md` or `//host/x.md`.
        case absolute
        /// Not a Markdown file by a relative path: a URL with a scheme, an anchor, an image.
        case other
    }

    /// The file, as the user can open it.
    public var path: String
    /// Its text (empty when it could not be read), for showing the lines of warnings.
    public var source: String
    /// The text of the first level-1 heading.
    public var title: String?
    /// The paragraphs before the first list or part heading, as plain text.
    public var introduction: [String]
    /// The text of every heading but the title, in order.
    public var parts: [String]
    public var links: [Link]
    /// Problems reading the file (an unreadable README is read as an empty one).
    public var warnings: [Diagnostic]

    public init(
        path: String, source: String = "", title: String? = nil, introduction: [String] = [], parts: [String] = [],
        links: [Link] = [],
        warnings: [Diagnostic] = []
    ) {
        self.path = path
        self.source = source
        self.title = title
        self.introduction = introduction
        self.parts = parts
        self.links = links
        self.warnings = warnings
    }

    /// The notebooks the README links to, once each, in the order of their first link, and a
    /// warning for each Markdown link that does not lead to one of `notebooks` (paths relative
    /// to the folder). Links that are not Markdown files by a relative path (URLs, anchors) are
    /// ordinary links and pass silently; later links to a notebook already listed too.
    public func readingOrder(of notebooks: [String]) -> (entries: [Entry], warnings: [Diagnostic]) {
        let known = Set(notebooks)
        var listed: Set<String> = []
        var entries: [Entry] = []
        var warnings: [Diagnostic] = []
        for link in links {
            let problem: CurriculumProblem
            switch Self.destination(of: link.destination) {
            case .other:
                continue
            case .absolute:
                problem = .absolutePath(link.destination)
            case .outsideFolder:
                problem = .outsideFolder(link.destination)
            case .inFolder(let notebook):
                if known.contains(notebook) {
                    if listed.insert(notebook).inserted {
                        entries.append(Entry(notebook: notebook, summary: link.summary, part: link.part))
                    }
                    continue
                }
                problem = .notANotebook(link.destination)
            }
            warnings.append(problem.diagnostic(at: link.location))
        }
        return (entries, warnings)
    }

    /// What `destination` names: only a relative path to a `.md` file can be a notebook of the
    /// folder. The fragment and query are dropped and `%XX` decoded before the path is
    /// normalised, so that `%2E%2E/x.md` climbs out like `../x.md`.
    public static func destination(of destination: String) -> Destination {
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        if hasScheme(path) { return .other }
        let decoded = path.removingPercentEncoding ?? String(path)
        guard decoded.lowercased().hasSuffix(".md"), decoded.count > 3 else { return .other }
        if decoded.hasPrefix("/") { return .absolute }
        var components: [Substring] = []
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if components.popLast() == nil { return .outsideFolder }
            default: components.append(component)
            }
        }
        return components.isEmpty ? .other : .inFolder(components.joined(separator: "/"))
    }

    /// `scheme:` before any `/`: a letter, then letters, digits, `+`, `-` or `.` (RFC 3986).
    private static func hasScheme(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else {
            return false
        }
        return text[..<colon].allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".")
        }
    }
}
