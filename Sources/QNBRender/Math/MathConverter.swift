/// TeX to MathML Core, at build time: the page needs no script and no web font to show math.
enum MathConverter {
    /// The `<math>` element for the formula `tex` (without its `$` delimiters), or why it cannot
    /// be converted.
    static func mathML(_ tex: String, display: Bool) throws(TeXError) -> String {
        var parser = TeXParser(tex, display: display)
        let node = try parser.parse()
        return MathMLWriter.math(node, source: tex, display: display)
    }

    /// The formula's TeX source, delimiters included, in a `<code>` styled as unrendered math;
    /// `message` says why in a tooltip.
    static func fallback(_ tex: String, display: Bool, message: String) -> String {
        var writer = HTMLWriter()
        let delimiter = display ? "$$" : "$"
        writer.element(
            "code", class: display ? "qnb-tex-error qnb-tex-error--display" : "qnb-tex-error", ["title": message],
            text: delimiter + tex + delimiter)
        return writer.html
    }
}
