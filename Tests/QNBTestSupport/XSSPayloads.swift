/// Markup-injection payloads in the style of OWASP's XSS filter evasion cheat sheet, for checking
/// that nothing a notebook writes or computes becomes active on a page. Each one is placed in
/// every position where notebook text reaches HTML (see `XSSNotebooks` in QNBTests); a page is
/// safe when none of them yields a script, an event handler, a script URL or an embedding element.
public enum XSSPayloads {
    public static let all: [String] =
        scriptTags + eventHandlers + urls + foreign + styles + comments
        + controlCharacters + markdown + tex + breakouts

    /// `<script>` in many spellings.
    static let scriptTags = [
        #"<script>alert(1)</script>"#,
        #"<ScRiPt>alert(1)</sCrIpT>"#,
        #"<SCRIPT SRC=//xss.example/x.js></SCRIPT>"#,
        #"<script/xss src=data:,alert(1)></script>"#,
        #"<<script>alert(1);//<</script>"#,
        #"<script>alert(1)"#,
        #"<script src="data:text/javascript,alert(1)"></script>"#,
        #"<template><script>alert(1)</script></template>"#,
        #"<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>"#,
    ]

    static let eventHandlers = [
        #"<img src=x onerror=alert(1)>"#,
        #"<IMG SRC=x ONERROR="alert(1)">"#,
        #"<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>"#,
        #"<body onload=alert(1)>"#,
        #"<svg/onload=alert(1)>"#,
        #"<div onmouseover="alert(1)">hover</div>"#,
        #"<input autofocus onfocus=alert(1)>"#,
        #"<details open ontoggle=alert(1)>"#,
        #"<x onclick=alert(1)>click</x>"#,
        #"<video><source onerror="alert(1)"></video>"#,
        #"<img src=`x` onerror=`alert(1)`>"#,
    ]

    /// Script URLs, with case, entity and white-space tricks, and the elements that load them.
    static let urls = [
        #"<a href="javascript:alert(1)">x</a>"#,
        #"<a href="JaVaScRiPt:alert(1)">x</a>"#,
        #"<a href="jav&#x09;ascript:alert(1)">x</a>"#,
        #"<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>"#,
        #"<a href=" &#14;  javascript:alert(1)">x</a>"#,
        #"<a href="vbscript:msgbox(1)">x</a>"#,
        #"<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>"#,
        #"<iframe src="javascript:alert(1)"></iframe>"#,
        #"<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>"#,
        #"<object data="javascript:alert(1)"></object>"#,
        #"<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">"#,
        #"<form action="javascript:alert(1)"><button>x</button></form>"#,
        #"<button formaction="javascript:alert(1)">x</button>"#,
        #"<meta http-equiv="refresh" content="0;url=javascript:alert(1)">"#,
        #"<base href="javascript:alert(1)//">"#,
        #"<link rel=stylesheet href="javascript:alert(1)">"#,
    ]

    /// Script in SVG and MathML (foreign content, where `<script>` and `xlink:href` still work).
    static let foreign = [
        #"<svg><script>alert(1)</script></svg>"#,
        #"<svg><script xlink:href="data:,alert(1)"></script></svg>"#,
        #"<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>"#,
        #"<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>"#,
        #"<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>"#,
        #"<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>"#,
        #"<math href="javascript:alert(1)">x</math>"#,
        #"</svg><script>alert(1)</script>"#,
        #"</annotation></semantics></math><script>alert(1)</script>"#,
    ]

    static let styles = [
        #"<div style="width: expression(alert(1))">x</div>"#,
        #"<div style="background:url(javascript:alert(1))">x</div>"#,
        #"<style>body{background:url("javascript:alert(1)")}</style>"#,
        #"<style>@import 'http://xss.example/x.css';</style>"#,
        #"</style><script>alert(1)</script>"#,
    ]

    static let comments = [
        #"<!--<script>alert(1)</script>-->"#,
        #"--><script>alert(1)</script>"#,
        #"<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"#,
        #"]]><script>alert(1)</script>"#,
        #"<![CDATA[<script>alert(1)</script>]]>"#,
    ]

    /// NUL, form feed, vertical tab and Unicode line separators inside tags and URLs.
    static let controlCharacters = [
        "<scr\u{0}ipt>alert(1)</script>",
        "<img src=x\u{0}onerror=alert(1)>",
        "<img\u{2028}src=x\u{2029}onerror=alert(1)>",
        "<img src=x\u{C}onerror=alert(1)>",
        "<a\u{B}href=\"javascript:alert(1)\">x</a>",
        "<a href=\"java\u{0}script:alert(1)\">x</a>",
        "\u{FEFF}<script>alert(1)</script>\u{2028}",
        "<a href=\"\u{1}javascript:alert(1)\">x</a>",
    ]

    /// Markdown links, autolinks, images and reference definitions with script targets.
    static let markdown = [
        #"javascript:alert(1)"#,
        #"JaVaScRiPt:alert(1)"#,
        #"vbscript:msgbox(1)"#,
        #"data:text/html,<script>alert(1)</script>"#,
        #"&#106;avascript:alert(1)"#,
        #"[x](javascript:alert(1))"#,
        #"[x](JAVASCRIPT:alert(1))"#,
        #"[x](java&#115;cript:alert(1))"#,
        #"[x](&#x6A;avascript&#58;alert(1))"#,
        #"[x](<javascript:alert(1)>)"#,
        #"<javascript:alert(1)>"#,
        "[x][r]\n\n[r]: javascript:alert(1)",
        #"![x](javascript:alert(1))"#,
        #"![x" onerror="alert(1)](x.png)"#,
        #"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"#,
        #"![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"#,
        #"[x](vbscript:msgbox(1))"#,
        #"[x](https://example.com "a\" onmouseover=\"alert(1)")"#,
        #"<http://x.example/"onmouseover="alert(1)>"#,
        "[x](java\u{0}script:alert(1))",
    ]

    /// TeX that the math converter renders, or cannot render and shows as source.
    static let tex = [
        #"$\href{javascript:alert(1)}{x}$"#,
        #"$\unknown{<script>alert(1)</script>}$"#,
        #"$\text{<script>alert(1)</script>}$"#,
        #"$$\begin{unknown}<img src=x onerror=alert(1)>\end{unknown}$$"#,
        #"$x</math><script>alert(1)</script>$"#,
        #"$\operatorname{<svg onload=alert(1)>}$"#,
        #"$\mathrm{"><script>alert(1)</script>}$"#,
        #"$\color{red" onmouseover="alert(1)}{x}$"#,
        #"$\hspace{1em" onmouseover="alert(1)}x$"#,
        #"$\begin{array}{c" onclick="alert(1)}x\end{array}$"#,
    ]

    /// Breaking out of attributes, titles, code and text areas; entities that must stay text.
    static let breakouts = [
        #""><script>alert(1)</script>"#,
        #"'><script>alert(1)</script>"#,
        #"`><script>alert(1)</script>"#,
        #"" onmouseover="alert(1)"#,
        #"' onmouseover='alert(1)"#,
        #"</title><script>alert(1)</script>"#,
        #"</textarea><script>alert(1)</script>"#,
        #"</code></pre><script>alert(1)</script>"#,
        #"&lt;script&gt;alert(1)&lt;/script&gt;"#,
        #"&#60;script&#62;alert(1)&#60;/script&#62;"#,
        #"\(alert(1)) \u{3c}script\u{3e}"#,
    ]
}
