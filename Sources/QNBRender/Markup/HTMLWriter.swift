/// Builds markup. Text and attribute values are always escaped; tag and attribute names are
/// literals (`StaticString`), so no notebook text can become a tag. Markup that is not built here
/// enters only through `trusted(_:)`, for cmark's safe-mode output and qnb's own fragments.
struct HTMLWriter {
    private(set) var html = ""

    /// Escaped text.
    mutating func text(_ text: some StringProtocol) {
        html += text.htmlEscaped
    }

    /// An opening tag. Attributes with a `nil` value are left out; their order is kept.
    mutating func open(
        _ tag: StaticString, class className: String? = nil, id: String? = nil,
        _ attributes: KeyValuePairs<StaticString, String?> = [:]
    ) {
        html += "<\(tag)"
        if let id { attribute("id", id) }
        if let className { attribute("class", className) }
        for (name, value) in attributes {
            if let value { attribute(name, value) }
        }
        html += ">"
    }

    mutating func close(_ tag: StaticString) {
        html += "</\(tag)>"
    }

    /// `<tag …>text</tag>`.
    mutating func element(
        _ tag: StaticString, class className: String? = nil, id: String? = nil,
        _ attributes: KeyValuePairs<StaticString, String?> = [:], text: some StringProtocol
    ) {
        open(tag, class: className, id: id, attributes)
        self.text(text)
        close(tag)
    }

    /// A line break in the markup source (readability of the page's source only).
    mutating func newline() {
        html += "\n"
    }

    /// Markup that is already safe: cmark's output in safe mode, or markup qnb built itself.
    mutating func trusted(_ markup: String) {
        html += markup
    }

    private mutating func attribute(_ name: StaticString, _ value: String) {
        html += " \(name)=\"\(value.htmlEscaped)\""
    }
}
