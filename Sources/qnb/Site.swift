import Foundation
import QNBNotebook
import QNBRender
import QNBScript

/// The notebooks of a `qnb run FOLDER` as a site, in reading order: their titles and descriptions
/// (read from the notebooks, a file name when one does not parse) for the index and the links.
///
/// The reading order is the folder's `README.md` when it has one: the notebooks it links to, in
/// the order of their first link, grouped under its headings and described by its sentences;
/// then the notebooks it does not link to, in path order. Without a README it is path order.
struct Site: Sendable {
    /// Notebooks under one heading of the index.
    struct Section: Sendable {
        var heading: String?
        /// Positions in `files`.
        var members: [Int]
    }

    var title: String
    var introduction: [String] = []
    var files: [NotebookFile]
    var titles: [String]
    var descriptions: [String?]
    var sections: [Section]
    /// What is wrong with the README as a reading order (links to no notebook of the folder).
    var warnings: [Diagnostic] = []
    /// The README's path and text, for printing the warnings with their lines.
    var readme: (path: String, source: String)?
    /// The README's sentence about each notebook it describes, by path.
    private var summaries: [String: String] = [:]

    /// A site when at least one argument is a folder; the first folder's README orders it.
    /// `describingAll: false` leaves the notebooks unread, titled by their file names, until
    /// ``describe(_:)``.
    init?(_ arguments: [String], _ found: [NotebookFile], describingAll: Bool = true) {
        var isFolder: ObjCBool = false
        let folders = arguments.filter {
            FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue
        }
        guard let folder = folders.first, !found.isEmpty else { return nil }
        let name = folder.split(separator: "/").last.map(String.init) ?? folder
        title = folders.count == 1 && name != "." ? "Notebooks in \(name)" : "Notebooks"

        var files = found
        var summaries: [String: String] = [:]
        var sections = [Section(heading: nil, members: Array(found.indices))]
        if let path = NotebookDiscovery.readme(inFolder: folder) {
            let curriculum = Curriculum.load(path: path)
            readme = (path, curriculum.source)
            // Each notebook's path relative to the folder, for those found in it.
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            let inFolder = found.map { file -> String? in
                if prefix == "./" { return file.path }
                return file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : nil
            }
            let order = curriculum.readingOrder(of: inFolder.compactMap { $0 })
            warnings = curriculum.warnings + order.warnings
            title = curriculum.title.flatMap { $0.isEmpty ? nil : $0 } ?? title
            introduction = curriculum.introduction
            (files, sections, summaries) = Self.arrange(found, inFolder: inFolder, order: order.entries, curriculum)
        }
        self.files = files
        self.sections = sections
        self.summaries = summaries
        titles = files.map { $0.outputName.split(separator: "/").last.map(String.init) ?? $0.path }
        descriptions = files.map { summaries[$0.path] }
        if describingAll { describe(files.indices) }
    }

    /// Reads the titles and descriptions of `files[indices]` from the notebooks (a notebook that
    /// does not load keeps its file name).
    mutating func describe(_ indices: some Sequence<Int>) {
        for index in indices where files.indices.contains(index) {
            guard let notebook = try? Notebook.load(path: files[index].path) else { continue }
            titles[index] = HTMLPage.plainTitle(notebook)
            descriptions[index] = summaries[files[index].path] ?? notebook.frontMatter.description
        }
    }

    /// The notebooks in reading order, the sections of the index, and the README's sentence
    /// about each notebook it describes (by path).
    private static func arrange(
        _ found: [NotebookFile], inFolder: [String?], order: [Curriculum.Entry], _ curriculum: Curriculum
    ) -> ([NotebookFile], [Section], [String: String]) {
        var files: [NotebookFile] = []
        var sections: [Section] = []
        var summaries: [String: String] = [:]
        var placed: Set<Int> = []
        for entry in order {
            guard let index = inFolder.firstIndex(of: entry.notebook) else { continue }
            placed.insert(index)
            let heading = entry.part.map { curriculum.parts[$0] }
            if sections.isEmpty || sections[sections.count - 1].heading != heading {
                sections.append(Section(heading: heading, members: []))
            }
            sections[sections.count - 1].members.append(files.count)
            files.append(found[index])
            if let summary = entry.summary { summaries[found[index].path] = summary }
        }
        let rest = found.indices.filter { !placed.contains($0) }
        if !rest.isEmpty {
            // Under a heading of their own when the README's notebooks have headings.
            if sections.isEmpty || sections.contains(where: { $0.heading != nil }) {
                sections.append(
                    Section(heading: sections.isEmpty ? nil : "Other notebooks", members: []))
            }
            for index in rest {
                sections[sections.count - 1].members.append(files.count)
                files.append(found[index])
            }
        }
        return (files, sections, summaries)
    }

    /// For notebooks given as files: each one's links within the site of its folder (notebooks
    /// alone in their folder get none), in the folder's reading order. Only the two neighbours
    /// are read, and folders with notebooks in subfolders or more than 10,000 entries (see
    /// `NotebookDiscovery.flatNotebooks`) give no links.
    static func navigationWithinFolders(_ files: [NotebookFile]) -> [String: SiteNavigation] {
        var result: [String: SiteNavigation] = [:]
        var sites: [String: Site?] = [:]
        for file in files {
            let folder =
                file.path.contains("/")
                ? String(file.path[..<(file.path.lastIndex(of: "/") ?? file.path.endIndex)]) : "."
            if sites[folder] == nil {
                sites[folder] = NotebookDiscovery.flatNotebooks(inFolder: folder).flatMap { siblings in
                    siblings.count > 1 ? Site([folder], siblings, describingAll: false) : nil
                }
            }
            guard var site = sites[folder] ?? nil,
                let index = site.files.firstIndex(where: { $0.outputName == file.outputName })
            else { continue }
            site.describe([index - 1, index + 1])
            result[file.path] = site.navigation(for: index)
        }
        return result
    }

    func indexPage() -> String {
        SiteIndex.render(
            title: title, introduction: introduction,
            sections: sections.map { section in
                SiteIndex.Section(
                    heading: section.heading,
                    entries: section.members.map { index in
                        SiteIndex.Entry(
                            title: titles[index], description: descriptions[index],
                            href: SiteNavigation.href(from: "index", to: files[index].outputName),
                            path: files[index].path)
                    })
            })
    }

    /// The links of `file`'s page, `nil` for a notebook not in the site.
    func navigation(for file: NotebookFile) -> SiteNavigation? {
        files.firstIndex(of: file).map(navigation(for:))
    }

    /// The links of the page of `files[index]`.
    func navigation(for index: Int) -> SiteNavigation {
        let page = files[index].outputName
        func link(_ other: Int) -> SiteNavigation.Link? {
            guard files.indices.contains(other) else { return nil }
            return SiteNavigation.Link(
                title: titles[other], href: SiteNavigation.href(from: page, to: files[other].outputName))
        }
        return SiteNavigation(
            index: SiteNavigation.Link(title: title, href: SiteNavigation.href(from: page, to: "index")),
            previous: link(index - 1), next: link(index + 1))
    }
}
