import Testing

@testable import QNBRender

/// The formula's MathML between `<semantics>` and its `<annotation>`.
func convert(_ tex: String, display: Bool = false) throws -> String {
    let math = try MathConverter.mathML(tex, display: display)
    let open = display ? "<math display=\"block\"><semantics>" : "<math><semantics>"
    let close = "<annotation encoding=\"application/x-tex\">"
    guard math.hasPrefix(open), let end = math.range(of: close) else {
        Issue.record("unexpected wrapper: \(math)")
        return math
    }
    return String(math[math.index(math.startIndex, offsetBy: open.count)..<end.lowerBound])
}

/// Each construct of TeX that tutorials use, with the exact MathML Core it becomes.
@Suite("TeX to MathML")
struct MathConversionTests {
    @Test(arguments: [
        // Letters, numbers, operators
        ("x", "<mi>x</mi>"),
        ("3.14 + 10", "<mrow><mn>3.14</mn><mo>+</mo><mn>10</mn></mrow>"),
        ("-x", "<mrow><mo>−</mo><mi>x</mi></mrow>"),
        ("a = b < c > d", "<mrow><mi>a</mi><mo>=</mo><mi>b</mi><mo>&lt;</mo><mi>c</mi><mo>&gt;</mo><mi>d</mi></mrow>"),
        ("a/b", "<mrow><mi>a</mi><mo lspace=\"0em\" rspace=\"0em\">/</mo><mi>b</mi></mrow>"),
        ("a, b; c: d", "<mrow><mi>a</mi><mo>,</mo><mi>b</mi><mo>;</mo><mi>c</mi><mo>:</mo><mi>d</mi></mrow>"),
        ("n!", "<mrow><mi>n</mi><mo>!</mo></mrow>"),
        (
            "(a)[b]",
            "<mrow><mo stretchy=\"false\">(</mo><mi>a</mi><mo stretchy=\"false\">)</mo><mo stretchy=\"false\">[</mo><mi>b</mi><mo stretchy=\"false\">]</mo></mrow>"
        ),
        (
            "|x|",
            "<mrow><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">|</mo></mrow>"
        ),
        // Scripts, primes, groups
        ("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
        ("x^{2}", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("x^2_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
        ("x_{ij}", "<msub><mi>x</mi><mrow><mi>i</mi><mi>j</mi></mrow></msub>"),
        ("2^{10}", "<msup><mn>2</mn><mn>10</mn></msup>"),
        (
            "v_{t-1}",
            "<msub><mi>v</mi><mrow><mi>t</mi><mo lspace=\"0em\" rspace=\"0em\">−</mo><mn>1</mn></mrow></msub>"
        ),
        ("f'", "<mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>"),
        ("f''", "<mrow><mi>f</mi><mo lspace=\"0em\" rspace=\"0em\">″</mo></mrow>"),
        (
            "x_i'",
            "<mrow><msub><mi>x</mi><mi>i</mi></msub><mo lspace=\"0em\" rspace=\"0em\">′</mo></mrow>"
        ),
        (
            "f'^2",
            "<msup><mi>f</mi><mrow><mo lspace=\"0em\" rspace=\"0em\">′</mo><mn>2</mn></mrow></msup>"
        ),
        ("{a+b}^2", "<msup><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></msup>"),
        ("^2", "<msup><mrow></mrow><mn>2</mn></msup>"),
        // Fractions and roots
        ("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        ("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        ("\\dfrac{a}{b}", "<mfrac displaystyle=\"true\"><mi>a</mi><mi>b</mi></mfrac>"),
        ("\\tfrac{a}{b}", "<mfrac displaystyle=\"false\"><mi>a</mi><mi>b</mi></mfrac>"),
        ("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
        ("\\sqrt{x+1}", "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>"),
        ("\\sqrt[n]{x}", "<mroot><mi>x</mi><mi>n</mi></mroot>"),
        ("\\sqrt[3]8", "<mroot><mn>8</mn><mn>3</mn></mroot>"),
        (
            "\\binom{n}{k}",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        // Delimiters
        (
            "\\left( x \\right)",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (
            "\\left[ x \\right]",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
        ),
        (
            "\\left\\{ x \\right\\}",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">}</mo></mrow>"
        ),
        (
            "\\left| x \\right\\|",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">|</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">‖</mo></mrow>"
        ),
        (
            "\\left\\lfloor x \\right\\rceil",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">⌊</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⌉</mo></mrow>"
        ),
        (
            "\\left\\lceil x \\right\\rfloor",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">⌈</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⌋</mo></mrow>"
        ),
        (
            "\\left\\langle x \\right\\rangle",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">⟩</mo></mrow>"
        ),
        ("\\left. x \\right|", "<mrow><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">|</mo></mrow>"),
        (
            "\\left( a \\middle| b \\right)",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>a</mi><mo stretchy=\"true\">|</mo><mi>b</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (
            "\\left( x \\right)^2",
            "<msup><mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow><mn>2</mn></msup>"
        ),
        (
            "\\lfloor x \\rceil",
            "<mrow><mo stretchy=\"false\">⌊</mo><mi>x</mi><mo stretchy=\"false\">⌉</mo></mrow>"
        ),
        (
            "\\lceil x \\rfloor",
            "<mrow><mo stretchy=\"false\">⌈</mo><mi>x</mi><mo stretchy=\"false\">⌋</mo></mrow>"
        ),
        (
            "\\|x\\|",
            "<mrow><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0em\" rspace=\"0em\">‖</mo></mrow>"
        ),
        (
            "\\big( x \\Big]",
            "<mrow><mo stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo stretchy=\"true\" minsize=\"1.623em\" maxsize=\"1.623em\">]</mo></mrow>"
        ),
        (
            "\\bigg\\| \\Bigg\\rangle",
            "<mrow><mo stretchy=\"true\" minsize=\"2.047em\" maxsize=\"2.047em\">‖</mo><mo stretchy=\"true\" minsize=\"2.470em\" maxsize=\"2.470em\">⟩</mo></mrow>"
        ),
        (
            "\\Big)^n",
            "<msup><mrow><mo stretchy=\"true\" minsize=\"1.623em\" maxsize=\"1.623em\">)</mo></mrow><mi>n</mi></msup>"
        ),
        // Greek and symbols
        ("\\alpha + \\Delta", "<mrow><mi>α</mi><mo>+</mo><mi mathvariant=\"normal\">Δ</mi></mrow>"),
        ("\\epsilon \\varepsilon \\phi \\varphi", "<mrow><mi>ϵ</mi><mi>ε</mi><mi>ϕ</mi><mi>φ</mi></mrow>"),
        (
            "\\Gamma\\Theta\\Lambda\\Sigma\\Omega",
            "<mrow><mi mathvariant=\"normal\">Γ</mi><mi mathvariant=\"normal\">Θ</mi><mi mathvariant=\"normal\">Λ</mi><mi mathvariant=\"normal\">Σ</mi><mi mathvariant=\"normal\">Ω</mi></mrow>"
        ),
        (
            "\\infty \\partial \\nabla",
            "<mrow><mi mathvariant=\"normal\">∞</mi><mi>∂</mi><mi mathvariant=\"normal\">∇</mi></mrow>"
        ),
        (
            "\\cdot\\times\\div\\pm\\approx\\le\\leq\\ge\\geq\\ne\\neq\\equiv\\sim\\propto",
            "<mrow><mo>⋅</mo><mo>×</mo><mo>÷</mo><mo>±</mo><mo>≈</mo><mo>≤</mo><mo>≤</mo><mo>≥</mo><mo>≥</mo><mo>≠</mo><mo>≠</mo><mo>≡</mo><mo>∼</mo><mo>∝</mo></mrow>"
        ),
        (
            "\\in\\notin\\subset\\to\\rightarrow\\Rightarrow\\leftarrow\\mapsto",
            "<mrow><mo>∈</mo><mo>∉</mo><mo>⊂</mo><mo>→</mo><mo>→</mo><mo>⇒</mo><mo>←</mo><mo>↦</mo></mrow>"
        ),
        ("\\ldots\\cdots\\dots", "<mrow><mo>…</mo><mo>⋯</mo><mo>…</mo></mrow>"),
        ("\\not= \\not\\in", "<mrow><mo>≠</mo><mo>∉</mo></mrow>"),
        // Spaces
        (
            "a\\quad b\\qquad c",
            "<mrow><mi>a</mi><mspace width=\"1em\"></mspace><mi>b</mi><mspace width=\"2em\"></mspace><mi>c</mi></mrow>"
        ),
        (
            "a\\,b\\;c\\!d\\ e",
            "<mrow><mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi><mspace width=\"0.2778em\"></mspace><mi>c</mi><mspace width=\"-0.1667em\"></mspace><mi>d</mi><mspace width=\"0.3333em\"></mspace><mi>e</mi></mrow>"
        ),
        // Fonts and text
        ("\\mathrm{d}x", "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>"),
        ("\\mathrm{MSE}", "<mi>MSE</mi>"),
        ("\\mathrm{KL}_2", "<msub><mi>KL</mi><mn>2</mn></msub>"),
        ("\\mathbf{W}\\mathbf{x}", "<mrow><mi>𝐖</mi><mi>𝐱</mi></mrow>"),
        ("\\mathbf{1}", "<mn>𝟏</mn>"),
        ("\\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>"),
        ("\\mathbb{E}", "<mi>𝔼</mi>"),
        ("\\mathcal{L}\\mathcal{D}", "<mrow><mi>ℒ</mi><mi>𝒟</mi></mrow>"),
        ("\\text{if } x", "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>"),
        ("\\text{per feature}", "<mtext>per feature</mtext>"),
        ("n_\\text{in}", "<msub><mi>n</mi><mtext>in</mtext></msub>"),
        (
            "\\operatorname{clip}(x)",
            "<mrow><mi>clip</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        (
            "\\operatorname{E} x",
            "<mrow><mi mathvariant=\"normal\">E</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi></mrow>"
        ),
        // Accents and braces
        ("\\hat{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>"),
        ("\\bar x", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>"),
        ("\\tilde{w}", "<mover accent=\"true\"><mi>w</mi><mo stretchy=\"false\">~</mo></mover>"),
        ("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
        ("\\dot{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
        (
            "\\overline{ab}",
            "<mover accent=\"true\"><mrow><mi>a</mi><mi>b</mi></mrow><mo stretchy=\"true\">‾</mo></mover>"
        ),
        (
            "\\hat{x}_i",
            "<msub><mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover><mi>i</mi></msub>"
        ),
        (
            "\\underbrace{a+b}_{n}",
            "<munder><munder><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo stretchy=\"true\">⏟</mo></munder><mi>n</mi></munder>"
        ),
        (
            "\\overbrace{x}^{k}",
            "<mover><mover><mi>x</mi><mo stretchy=\"true\">⏞</mo></mover><mi>k</mi></mover>"
        ),
        // Functions and large operators
        ("\\log x", "<mrow><mi>log</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi></mrow>"),
        (
            "2\\log x",
            "<mrow><mn>2</mn><mspace width=\"0.1667em\"></mspace><mi>log</mi><mo rspace=\"0.1667em\">\u{2061}</mo><mi>x</mi></mrow>"
        ),
        (
            "\\exp(x)",
            "<mrow><mi>exp</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        ("x_{\\max}", "<msub><mi>x</mi><mi>max</mi></msub>"),
        (
            "\\log_2 n",
            "<mrow><msub><mi>log</mi><mn>2</mn></msub><mo rspace=\"0.1667em\">\u{2061}</mo><mi>n</mi></mrow>"
        ),
        (
            "\\sum_{i=1}^n x_i",
            "<mrow><msubsup><mo>∑</mo><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><mi>n</mi></msubsup><msub><mi>x</mi><mi>i</mi></msub></mrow>"
        ),
        ("\\prod_i", "<msub><mo>∏</mo><mi>i</mi></msub>"),
        ("\\int_0^1", "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
        ("\\sum\\limits_i", "<munder><mo>∑</mo><mi>i</mi></munder>"),
        // Matrices
        (
            "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">(</mo><mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable><mo form=\"postfix\" stretchy=\"true\">)</mo></mrow>"
        ),
        (
            "\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\\\ \\end{bmatrix}",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo form=\"postfix\" stretchy=\"true\">]</mo></mrow>"
        ),
        ("\\begin{matrix} x \\end{matrix}", "<mtable><mtr><mtd><mi>x</mi></mtd></mtr></mtable>"),
        (
            "\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
            "<mrow><mo form=\"prefix\" stretchy=\"true\">{</mo><mtable><mtr><mtd columnalign=\"left\"><mn>1</mn></mtd><mtd columnalign=\"left\"><mi>x</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr><mtr><mtd columnalign=\"left\"><mn>0</mn></mtd><mtd columnalign=\"left\"><mtext>otherwise</mtext></mtd></mtr></mtable></mrow>"
        ),
        (
            "\\begin{aligned} a &= b \\\\ &= c \\end{aligned}",
            "<mtable displaystyle=\"true\" columnspacing=\"0em\"><mtr><mtd columnalign=\"right\"><mi>a</mi></mtd><mtd columnalign=\"left\"><mo>=</mo><mi>b</mi></mtd></mtr><mtr><mtd columnalign=\"right\"></mtd><mtd columnalign=\"left\"><mo>=</mo><mi>c</mi></mtd></mtr></mtable>"
        ),
        // Style and odds and ends
        ("\\displaystyle\\sum_i", "<mstyle displaystyle=\"true\"><munder><mo>∑</mo><mi>i</mi></munder></mstyle>"),
        ("\\overset{!}{=}", "<mover><mo>=</mo><mo lspace=\"0em\" rspace=\"0em\">!</mo></mover>"),
        (
            "a \\bmod n",
            "<mrow><mi>a</mi><mo lspace=\"0.2222em\" rspace=\"0.2222em\">mod</mo><mi>n</mi></mrow>"
        ),
        ("x % a comment\n+ 1", "<mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow>"),
    ])
    func inlineConstruct(tex: String, expected: String) throws {
        #expect(try convert(tex) == expected)
    }

    /// In display math, large operators and functions with limits put them below and above.
    @Test(arguments: [
        (
            "\\sum_{i=1}^n x_i",
            "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo lspace=\"0em\" rspace=\"0em\">=</mo><mn>1</mn></mrow><mi>n</mi></munderover><msub><mi>x</mi><mi>i</mi></msub></mrow>"
        ),
        ("\\prod_i", "<munder><mo>∏</mo><mi>i</mi></munder>"),
        ("\\int_0^1", "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
        ("\\sum\\nolimits_i", "<msub><mo>∑</mo><mi>i</mi></msub>"),
        (
            "\\lim_{n \\to \\infty}",
            "<munder><mi>lim</mi><mrow><mi>n</mi><mo lspace=\"0em\" rspace=\"0em\">→</mo><mi mathvariant=\"normal\">∞</mi></mrow></munder>"
        ),
        (
            "\\max_x f",
            "<mrow><munder><mi>max</mi><mi>x</mi></munder><mo rspace=\"0.1667em\">\u{2061}</mo><mi>f</mi></mrow>"
        ),
        (
            "\\arg\\max_{\\theta} L",
            "<mrow><mi>arg</mi><mo rspace=\"0.1667em\">\u{2061}</mo><munder><mi>max</mi><mi>θ</mi></munder><mo rspace=\"0.1667em\">\u{2061}</mo><mi>L</mi></mrow>"
        ),
        (
            "\\min(a, b)",
            "<mrow><mi>min</mi><mo>\u{2061}</mo><mo stretchy=\"false\">(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo stretchy=\"false\">)</mo></mrow>"
        ),
        (
            "\\operatorname*{argmax}_x",
            "<munder><mi>argmax</mi><mi>x</mi></munder>"
        ),
        // A fraction's parts are in text style: limits go beside the operator there.
        (
            "\\frac{\\sum_i a}{n}",
            "<mfrac><mrow><msub><mo>∑</mo><mi>i</mi></msub><mi>a</mi></mrow><mi>n</mi></mfrac>"
        ),
        (
            "a \\\\ b",
            "<mtable displaystyle=\"true\"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"
        ),
    ])
    func displayConstruct(tex: String, expected: String) throws {
        #expect(try convert(tex, display: true) == expected)
    }

    @Test func theWholeElementKeepsTheSourceInAnAnnotation() throws {
        #expect(
            try MathConverter.mathML("x^2", display: true)
                == "<math display=\"block\"><semantics><msup><mi>x</mi><mn>2</mn></msup>"
                + "<annotation encoding=\"application/x-tex\">x^2</annotation></semantics></math>")
    }

    @Test func markupCharactersAreEscapedInTheFormulaAndItsAnnotation() throws {
        let math = try MathConverter.mathML("a<b \\& \\text{<i>\"q\"</i> & co}", display: false)
        #expect(math.contains("<mo>&lt;</mo>"))
        #expect(math.contains("<mi mathvariant=\"normal\">&amp;</mi>"))
        #expect(math.contains("<mtext>&lt;i&gt;&quot;q&quot;&lt;/i&gt; &amp; co</mtext>"))
        #expect(
            math.contains(
                "<annotation encoding=\"application/x-tex\">a&lt;b \\&amp; \\text{&lt;i&gt;&quot;q&quot;&lt;/i&gt; &amp; co}</annotation>"
            ))
        #expect(!math.contains("<i>"))
    }

    @Test(arguments: [
        ("\\foo{x}", TeXError.unknownCommand("foo")),
        ("\\frac{a}", .missingArgument("\\frac")),
        ("\\frac", .missingArgument("\\frac")),
        ("x^", .missingArgument("^")),
        ("{x", .missingCloseBrace),
        ("x}", .unexpectedCloseBrace),
        ("x^1^2", .doubleSuperscript),
        ("x_1_2", .doubleSubscript),
        ("\\left( x", .missingRight),
        ("x \\right)", .unexpectedRight("right")),
        ("\\left x \\right)", .notADelimiter(after: "left")),
        ("\\begin{pmatrix} a", .missingEnd("pmatrix")),
        ("\\begin{pmatrix} a \\end{bmatrix}", .mismatchedEnd(expected: "pmatrix", got: "bmatrix")),
        ("\\begin{tabular} a \\end{tabular}", .unknownEnvironment("tabular")),
        ("a \\end{cases}", .unexpectedEnd("cases")),
        ("a & b", .misplacedAlignment("&")),
        ("\\text{\\textbf{x}}", .unknownCommand("textbf")),
    ])
    func errors(tex: String, expected: TeXError) {
        #expect(throws: expected) { try MathConverter.mathML(tex, display: false) }
    }

    @Test func theFallbackShowsTheSourceWithItsDelimiters() {
        #expect(
            MathConverter.fallback("x < \\foo", display: false, message: "unknown TeX command '\\foo'")
                == "<code class=\"qnb-tex-error\" title=\"unknown TeX command &#39;\\foo&#39;\">$x &lt; \\foo$</code>")
        #expect(
            MathConverter.fallback("x", display: true, message: "m")
                == "<code class=\"qnb-tex-error qnb-tex-error--display\" title=\"m\">$$x$$</code>")
    }
}
