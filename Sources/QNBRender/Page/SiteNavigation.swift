/// Where a page sits in a site of notebooks (`qnb run FOLDER`): the index and its neighbours in
/// reading order. Links are relative, so the site works from any folder and offline.
public struct SiteNavigation: Hashable, Sendable {
    public struct Link: Hashable, Sendable {
        public var title: String
        public var href: String

        public init(title: String, href: String) {
            self.title = title
            self.href = href
        }
    }

    public var index: Link
    public var previous: Link?
    public var next: Link?

    public init(index: Link, previous: Link? = nil, next: Link? = nil) {
        self.index = index
        self.previous = previous
        self.next = next
    }

    /// The relative link from the page `from` to the page `to`, both output paths without
    /// extension relative to the output folder (`a/b` → `index`: `../index.html`). Each name is
    /// percent-encoded, so that a notebook named `javascript:alert(1).md` links to a file, not
    /// a script, and `#`, `?` and `%` in names do not cut the link short.
    public static func href(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/").dropLast()
        var toParts = to.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1, fromFolders[common] == toParts[common] {
            common += 1
        }
        toParts.removeFirst(common)
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        return (ups + toParts.map(percentEncoded)).joined(separator: "/") + ".html"
    }

    /// `name` with every byte but ASCII letters, digits and `-._~!$&'()*+,;=@` as `%XX`: a
    /// path segment that cannot be read as a scheme (`:`), a query (`?`) or a fragment (`#`).
    static func percentEncoded(_ name: Substring) -> String {
        var result = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~!$&'()*+,;=@".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += (hex.count == 1 ? "%0" : "%") + hex
            }
        }
        return result
    }

    /// The bar at the top of a page: back to the index.
    func top(into writer: inout HTMLWriter) {
        writer.open("nav", class: "qnb-site-nav qnb-site-nav--top", ["aria-label": "Site"])
        writer.element("a", ["href": index.href], text: "← " + index.title)
        writer.close("nav")
        writer.newline()
    }

    /// The links at the bottom of a page: previous and next notebook.
    func bottom(into writer: inout HTMLWriter) {
        writer.open("nav", class: "qnb-site-nav qnb-site-nav--pager", ["aria-label": "Previous and next"])
        if let previous {
            writer.open("a", class: "qnb-pager-previous", ["href": previous.href, "rel": "prev"])
            writer.element("span", class: "qnb-pager-label", text: "Previous")
            writer.element("span", class: "qnb-pager-title", text: previous.title)
            writer.close("a")
        }
        if let next {
            writer.open("a", class: "qnb-pager-next", ["href": next.href, "rel": "next"])
            writer.element("span", class: "qnb-pager-label", text: "Next")
            writer.element("span", class: "qnb-pager-title", text: next.title)
            writer.close("a")
        }
        writer.close("nav")
        writer.newline()
    }
}

/// The index page of a site of notebooks: every notebook with its title and description, in
/// reading order, under the headings of the folder's README when it has some.
public enum SiteIndex {
    public struct Entry: Hashable, Sendable {
        public var title: String
        public var description: String?
        public var href: String
        /// The notebook's source path, shown small under the title.
        public var path: String

        public init(title: String, description: String?, href: String, path: String) {
            self.title = title
            self.description = description
            self.href = href
            self.path = path
        }
    }

    /// Notebooks under one heading (or none).
    public struct Section: Hashable, Sendable {
        public var heading: String?
        public var entries: [Entry]

        public init(heading: String? = nil, entries: [Entry]) {
            self.heading = heading
            self.entries = entries
        }
    }

    /// The page: the title, the introduction's paragraphs, then each section's heading and its
    /// notebooks, numbered on from one section to the next. Every string is escaped.
    public static func render(title: String, introduction: [String] = [], sections: [Section]) -> String {
        let count = sections.reduce(0) { $0 + $1.entries.count }
        var writer = HTMLWriter()
        writer.trusted("<!DOCTYPE html>\n")
        writer.open("html", ["lang": "en"])
        writer.newline()
        HTMLPage.head(title: title, description: nil, into: &writer)
        writer.open("body")
        writer.newline()
        writer.open("div", class: "qnb-layout")
        writer.newline()
        writer.open("header", class: "qnb-header")
        writer.element("h1", class: "qnb-title", text: title)
        writer.newline()
        for paragraph in introduction {
            writer.element("p", class: "qnb-index-introduction", text: paragraph)
            writer.newline()
        }
        writer.element("p", class: "qnb-index-count", text: "\(count) \(count == 1 ? "notebook" : "notebooks")")
        writer.close("header")
        writer.newline()
        writer.open("main", class: "qnb-content")
        writer.newline()
        var number = 1
        for section in sections where !section.entries.isEmpty {
            if let heading = section.heading {
                writer.element("h2", class: "qnb-index-part", text: heading)
                writer.newline()
            }
            writer.open("ol", class: "qnb-index", ["start": number == 1 ? nil : String(number)])
            writer.newline()
            for entry in section.entries {
                writer.open("li")
                writer.element("a", class: "qnb-index-title", ["href": entry.href], text: entry.title)
                if let description = entry.description {
                    writer.element("p", class: "qnb-index-description", text: description)
                }
                writer.element("p", class: "qnb-index-path", text: entry.path)
                writer.close("li")
                writer.newline()
            }
            writer.close("ol")
            writer.newline()
            number += section.entries.count
        }
        writer.close("main")
        writer.newline()
        HTMLPage.closeDocument(into: &writer)
        return writer.html
    }
}
