/// The TeX commands the converter knows that stand for one symbol, by kind. A table: the
/// parser's structural commands (`\frac`, `\left`, environments …) are in `TeXParser`.
enum TeXSymbols {
    /// Greek and other ordinary symbols, written as `<mi>`. Lower-case Greek is italic (the
    /// browser's default for one character), so only the upright ones are listed in `upright`.
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "partial": "∂", "nabla": "∇", "ell": "ℓ", "hbar": "ℏ", "imath": "ı",
        "jmath": "ȷ", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "emptyset": "∅",
        "varnothing": "⌀", "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△", "prime": "′",
        "degree": "°", "dagger": "†", "ddagger": "‡", "checkmark": "✓", "square": "□",
        "Box": "□", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠",
        "%": "%", "#": "#", "$": "$", "_": "_", "&": "&",
    ]

    /// Single-character identifiers that stay upright (capital Greek, `\nabla`, `\infty` …).
    static let upright: Set<String> = [
        "Γ", "Δ", "Θ", "Λ", "Ξ", "Π", "Σ", "Υ", "Φ", "Ψ", "Ω", "∇", "∞", "∅", "⌀", "⊤", "⊥", "∠", "△",
        "°", "†", "‡", "✓", "□", "♣", "♢", "♡", "♠", "%", "#", "$", "_", "&", "ℓ", "ℏ", "ℵ", "ℜ", "ℑ",
        "℘", "′",
    ]

    /// Binary operators, relations, arrows and punctuation, written as `<mo>`.
    static let operators: [String: String] = [
        // binary
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆",
        "circ": "∘", "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘",
        "odot": "⊙", "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "wedge": "∧", "land": "∧",
        "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖", "wr": "≀", "amalg": "⨿",
        "uplus": "⊎", "diamond": "⋄", "bigtriangleup": "△", "bigtriangledown": "▽", "centerdot": "⋅",
        // relations
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "leqslant": "⩽", "geqslant": "⩾", "ne": "≠",
        "neq": "≠", "approx": "≈", "approxeq": "≊", "equiv": "≡", "sim": "∼", "simeq": "≃",
        "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫", "lesssim": "≲", "gtrsim": "≳",
        "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "in": "∈", "notin": "∉", "ni": "∋",
        "subset": "⊂", "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊",
        "supsetneq": "⊋", "sqsubseteq": "⊑", "sqsupseteq": "⊒", "mid": "∣", "nmid": "∤",
        "parallel": "∥", "perp": "⊥", "models": "⊨", "vdash": "⊢", "dashv": "⊣", "doteq": "≐",
        "triangleq": "≜", "coloneqq": "≔", "eqqcolon": "≕", "asymp": "≍", "bowtie": "⋈",
        "colon": ":", "nless": "≮", "ngtr": "≯", "nleq": "≰", "ngeq": "≱", "nsim": "≁",
        // arrows
        "to": "→", "rightarrow": "→", "gets": "←", "leftarrow": "←", "leftrightarrow": "↔",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
        "impliedby": "⟸", "iff": "⟺", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "Longrightarrow": "⟹", "Longleftarrow": "⟸", "longleftrightarrow": "⟷", "mapsto": "↦",
        "longmapsto": "⟼", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑",
        "Downarrow": "⇓", "nearrow": "↗", "searrow": "↘", "swarrow": "↙", "nwarrow": "↖",
        "hookrightarrow": "↪", "hookleftarrow": "↩", "rightharpoonup": "⇀", "leftharpoonup": "↼",
        "rightleftharpoons": "⇌", "leadsto": "⇝",
        // logic and other operators
        "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬", "therefore": "∴",
        "because": "∵", "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "cdots": "⋯",
        "vdots": "⋮", "ddots": "⋱",
    ]

    /// Large operators whose scripts become limits (below and above) in display style.
    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigvee": "⋁",
        "bigwedge": "⋀", "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "biguplus": "⨄",
        "bigsqcup": "⨆",
    ]

    /// Integrals: large operators whose scripts stay beside them.
    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮", "intop": "∫",
    ]

    /// Function names written upright, and whether their scripts become limits in display style.
    static let functions: [String: (name: String, limits: Bool)] = [
        "log": ("log", false), "ln": ("ln", false), "lg": ("lg", false), "exp": ("exp", false),
        "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false), "cot": ("cot", false),
        "sec": ("sec", false), "csc": ("csc", false), "sinh": ("sinh", false), "cosh": ("cosh", false),
        "tanh": ("tanh", false), "coth": ("coth", false), "arcsin": ("arcsin", false),
        "arccos": ("arccos", false), "arctan": ("arctan", false), "arg": ("arg", false),
        "deg": ("deg", false), "dim": ("dim", false), "hom": ("hom", false), "ker": ("ker", false),
        "max": ("max", true), "min": ("min", true), "sup": ("sup", true), "inf": ("inf", true),
        "lim": ("lim", true), "liminf": ("lim inf", true), "limsup": ("lim sup", true),
        "det": ("det", true), "gcd": ("gcd", true), "Pr": ("Pr", true),
        "argmax": ("arg max", true), "argmin": ("arg min", true),
    ]

    /// Delimiters after `\left`, `\right`, `\middle` and `\big`, by command name; the
    /// characters that are delimiters by themselves are in `delimiterCharacters`.
    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
        "|": "‖", "Vert": "‖", "lVert": "‖", "rVert": "‖", "vert": "|", "lvert": "|", "rvert": "|",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
        "backslash": "∖", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑",
        "Downarrow": "⇓", "lgroup": "⟮", "rgroup": "⟯", "ulcorner": "⌜", "urcorner": "⌝",
    ]

    static let delimiterCharacters: [Character: String] = [
        "(": "(", ")": ")", "[": "[", "]": "]", "|": "|", "/": "/", "<": "⟨", ">": "⟩",
    ]

    /// Delimiters that open a pair when used on their own (`\lfloor x \rceil`): written without
    /// growing; the closing ones are the other delimiters.
    static let openingDelimiters: Set<String> = ["(", "[", "{", "⟨", "⌊", "⌈", "⟮", "⌜"]

    /// Sizes of `\big`, `\Big`, `\bigg`, `\Bigg` (and their `l`, `r`, `m` variants).
    static let delimiterSizes: [String: String] = [
        "big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em",
    ]

    /// Horizontal spaces, as widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em",
        "medspace": "0.2222em", ";": "0.2778em", "thickspace": "0.2778em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", "negmedspace": "-0.2222em", "negthickspace": "-0.2778em",
        " ": "0.3333em", "quad": "1em", "qquad": "2em", "enspace": "0.5em",
    ]

    /// Accents over (or under) their argument: the mark, whether it stretches to the argument's
    /// width, and whether it goes underneath.
    static let accents: [String: (mark: String, stretchy: Bool, under: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", true, false), "check": ("ˇ", false, false),
        "widecheck": ("ˇ", true, false), "tilde": ("~", false, false), "widetilde": ("~", true, false),
        "bar": ("¯", false, false), "overline": ("‾", true, false), "vec": ("→", false, false),
        "overrightarrow": ("→", true, false), "overleftarrow": ("←", true, false),
        "dot": ("˙", false, false), "ddot": ("¨", false, false), "dddot": ("⃛", false, false),
        "acute": ("´", false, false), "grave": ("`", false, false), "breve": ("˘", false, false),
        "mathring": ("˚", false, false), "underline": ("_", true, true),
        "underrightarrow": ("→", true, true), "underleftarrow": ("←", true, true),
    ]

    /// `\underbrace`-like commands: the brace and whether it goes under the argument. Their
    /// scripts always become limits.
    static let braces: [String: (mark: String, under: Bool)] = [
        "underbrace": ("⏟", true), "overbrace": ("⏞", false), "underbracket": ("⎵", true),
        "overbracket": ("⎴", false), "underparen": ("⏝", true), "overparen": ("⏜", false),
    ]

    /// Font commands, by the alphabet they select.
    static let fonts: [String: MathAlphabet] = [
        "mathrm": .roman, "mathup": .roman, "rm": .roman, "mathnormal": .italic, "mathit": .italic,
        "mathbf": .bold, "bf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic,
        "mathbb": .doubleStruck, "Bbb": .doubleStruck, "mathcal": .script, "mathscr": .script,
        "mathfrak": .fraktur, "mathsf": .sansSerif, "mathtt": .monospace,
    ]

    /// Text commands: their argument is text, not math.
    static let textCommands: Set<String> = ["text", "textrm", "textnormal", "textup", "mbox", "hbox"]
}
