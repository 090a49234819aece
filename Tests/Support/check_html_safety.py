"""Checks that HTML pages are inert: parsed with html5lib (the WHATWG parsing algorithm, as a
browser parses them), they hold no script, no event handler, no script URL, no element that
embeds or navigates, and no style sheet but the page's own.

Usage: check_html_safety.py MANIFEST.json
The manifest is a JSON list of pages: {"path": ..., "label": ..., "expectText": [...]}. Every
string of "expectText" must appear in the page's text (white space collapsed, NUL and U+FFFD
ignored): the payload shown as text rather than dropped. Prints a JSON list of problems, each
{"path", "label", "problem", "where"}, where "where" is the offending element's ancestry
(`body > main > section#cell-2 > pre`). Pages are checked in parallel worker processes.
"""

import json
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor

import html5lib

XHTML = "http://www.w3.org/1999/xhtml"
SVG = "http://www.w3.org/2000/svg"
MATHML = "http://www.w3.org/1998/Math/MathML"

# Elements that run script, embed another document, navigate, submit, or load style or images.
FORBIDDEN = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "link",
    "portal", "foreignobject", "animate", "animatemotion", "animatetransform", "set", "use",
    "image", "handler", "listener", "maction",
}
# Attributes whose value the browser follows as a URL (or, for srcdoc, renders as a document).
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "data", "poster", "background", "dynsrc", "lowsrc",
    "codebase", "cite", "longdesc", "usemap", "ping", "manifest", "srcset", "xlink:href",
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
# Images that cmark keeps in safe mode (and qnb keeps as inline images): raster data only.
SAFE_DATA_IMAGE = re.compile(r"data:image/(png|gif|jpeg|webp)[;,]")
STYLE_DANGER = ("expression(", "javascript:", "vbscript:", "url(", "@import", "behavior:", "-moz-binding")


def split_tag(tag):
    if tag.startswith("{"):
        namespace, local = tag[1:].split("}", 1)
        return namespace, local
    return XHTML, tag


def attribute_name(name):
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        if namespace == "http://www.w3.org/1999/xlink":
            return "xlink:" + local.lower()
        return local.lower()
    return name.lower()


def normalized_url(value):
    """The URL as a browser reads its scheme: C0 controls and spaces stripped at both ends, tabs
    and newlines removed everywhere, lower-cased. (Entities are already decoded by the parser.)"""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value).lower()


def normalized_style(value):
    value = re.sub(r"/\*.*?\*/", "", value, flags=re.S)
    return re.sub(r"[\s\\\x00]", "", value).lower()


def describe(element, ancestry):
    parts = []
    for node in ancestry + [element]:
        namespace, local = split_tag(node.tag)
        name = local if namespace == XHTML else ("svg:" if namespace == SVG else "math:") + local
        if node.get("id"):
            name += "#" + node.get("id")
        elif node.get("class"):
            name += "." + node.get("class").split()[0]
        parts.append(name)
    return " > ".join(parts[1:])  # without <html>


def problems_in(element, ancestry, styles):
    found = []
    namespace, local = split_tag(element.tag)
    name = local.lower()
    if name in FORBIDDEN:
        found.append("<%s> element%s" % (local, "" if namespace == XHTML else " in " + namespace))
    if name == "meta" and namespace == XHTML and element.get("http-equiv") is not None:
        found.append("<meta http-equiv>")
    if name == "style":
        styles.append((element, ancestry))
    if name == "img" and namespace == XHTML and not SAFE_DATA_IMAGE.match(normalized_url(element.get("src", ""))):
        found.append("<img> that loads %r" % element.get("src"))
    for raw_name, value in element.attrib.items():
        attribute = attribute_name(raw_name)
        local_attribute = attribute.split(":")[-1]
        if local_attribute.startswith("on"):
            found.append("event handler %s=%r" % (attribute, value))
        elif attribute == "srcdoc":
            found.append("srcdoc=%r" % value)
        elif attribute in URL_ATTRIBUTES:
            url = normalized_url(value)
            if url.startswith(SCRIPT_SCHEMES) and not (name == "img" and SAFE_DATA_IMAGE.match(url)):
                found.append("%s=%r" % (attribute, value))
        elif attribute == "style":
            style = normalized_style(value)
            danger = [d for d in STYLE_DANGER if d in style]
            if danger:
                found.append("style=%r (%s)" % (value, ", ".join(danger)))
    return found


def text_of(root):
    text = "".join(root.itertext())
    text = text.replace("\x00", "").replace("\ufffd", "")
    return " ".join(text.split())


def check_page(page):
    with open(page["path"], "rb") as file:
        document = html5lib.parse(file.read(), treebuilder="etree", namespaceHTMLElements=True)
    problems = []
    styles = []

    def walk(element, ancestry):
        if not isinstance(element.tag, str):  # comments
            return
        for problem in problems_in(element, ancestry, styles):
            problems.append({"problem": problem, "where": describe(element, ancestry)})
        for child in element:
            walk(child, ancestry + [element])

    walk(document, [])
    # One style sheet, qnb's own, in <head>.
    own = [s for s, ancestry in styles if [split_tag(a.tag)[1] for a in ancestry] == ["html", "head"]]
    if len(styles) != 1 or len(own) != 1:
        for element, ancestry in styles[1:] if len(own) == 1 else styles:
            problems.append({"problem": "a <style> element besides the page's own", "where": describe(element, ancestry)})
    expected = page.get("expectText") or []
    if expected:
        text = text_of(document)
        for snippet in expected:
            wanted = " ".join(snippet.replace("\x00", "").replace("\ufffd", "").split())
            if wanted and wanted not in text:
                problems.append({"problem": "text not shown: %r" % snippet, "where": "page text"})
    for problem in problems:
        problem["path"] = page["path"]
        problem["label"] = page.get("label", page["path"])
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        pages = json.load(file)
    workers = max(1, min(len(pages) // 50 + 1, os.cpu_count() or 1, int(os.environ.get("QNB_CHECK_JOBS", "8"))))
    if workers == 1:
        results = [check_page(page) for page in pages]
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(check_page, pages, chunksize=16))
    json.dump([problem for result in results for problem in result], sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
