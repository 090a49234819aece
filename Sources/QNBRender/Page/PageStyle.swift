/// The page's inline style sheet: light and dark themes through CSS variables, a ~46rem reading
/// column with the table of contents beside it on wide screens, cells as cards, print basics.
/// No web fonts or other external resources.
enum PageStyle {
    static let css = #"""
        :root {
          color-scheme: light dark;
          --font-sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
          --font-mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Cascadia Mono", "Liberation Mono", "DejaVu Sans Mono", monospace;
          --bg: #ffffff;
          --fg: #1c2128;
          --muted: #5e6773;
          --faint: #8b939e;
          --border: #e1e4e8;
          --border-strong: #c9ced6;
          --surface: #f6f8fa;
          --surface-2: #f0f2f5;
          --code-bg: #f7f8fa;
          --inline-code-bg: rgba(175, 184, 193, 0.2);
          --accent: #0a66c2;
          --accent-soft: rgba(10, 102, 194, 0.1);
          --ok: #1a7f37;
          --ok-soft: rgba(26, 127, 55, 0.1);
          --error: #c0312b;
          --error-bg: #fff4f3;
          --error-border: #f2b8b5;
          --warning: #9a6700;
          --warning-bg: #fff9e8;
          --warning-border: #ecd28b;
          --qnb-series-1: #0072B2;
          --qnb-series-2: #E69F00;
          --qnb-series-3: #009E73;
          --qnb-series-4: #D55E00;
          --qnb-series-5: #CC79A7;
          --qnb-series-6: #56B4E9;
          --qnb-series-7: #B8A800;
          --shadow: 0 1px 2px rgba(27, 31, 36, 0.04), 0 1px 8px rgba(27, 31, 36, 0.04);
          --hl-keyword: #a626a4;
          --hl-string: #1c7d4d;
          --hl-number: #b35900;
          --hl-comment: #7a828c;
          --hl-type: #0f6fb3;
          --hl-function: #4056c9;
          --hl-label: #8a5a00;
          --hl-attribute: #a626a4;
          --hl-operator: #3f4650;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0f1217;
            --fg: #e4e7eb;
            --muted: #9ba4b0;
            --faint: #6f7884;
            --border: #262c35;
            --border-strong: #39414d;
            --surface: #161a21;
            --surface-2: #1b2029;
            --code-bg: #141820;
            --inline-code-bg: rgba(110, 118, 129, 0.3);
            --accent: #6cb2ff;
            --accent-soft: rgba(108, 178, 255, 0.12);
            --ok: #4ac26b;
            --ok-soft: rgba(74, 194, 107, 0.12);
            --error: #ff7b72;
            --error-bg: #2a1618;
            --error-border: #6e2b2b;
            --warning: #e3b341;
            --warning-bg: #272011;
            --warning-border: #5c4813;
            --qnb-series-1: #5AA9E6;
            --qnb-series-2: #F0B429;
            --qnb-series-3: #2BC49A;
            --qnb-series-4: #FF8A4C;
            --qnb-series-5: #E39BC6;
            --qnb-series-6: #9AD3F5;
            --qnb-series-7: #F0E442;
            --shadow: none;
            --hl-keyword: #d38cf0;
            --hl-string: #8fd694;
            --hl-number: #f2b36f;
            --hl-comment: #7d8794;
            --hl-type: #6fc3ff;
            --hl-function: #8fb3ff;
            --hl-label: #e8c36a;
            --hl-attribute: #d38cf0;
            --hl-operator: #c3cad3;
          }
        }

        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0;
          background: var(--bg);
          color: var(--fg);
          font-family: var(--font-sans);
          font-size: 1.0625rem;
          line-height: 1.7;
          text-rendering: optimizeLegibility;
          -webkit-font-smoothing: antialiased;
        }
        ::selection { background: var(--accent-soft); }
        :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 3px; }

        .qnb-layout { max-width: 46rem; margin: 0 auto; padding: 3rem 1.25rem 3rem; }
        .qnb-toc--side { display: none; }
        @media (min-width: 80rem) {
          .qnb-layout--toc {
            max-width: 66rem;
            display: grid;
            grid-template-columns: minmax(0, 46rem) 15rem;
            column-gap: 5rem;
            align-items: start;
          }
          .qnb-layout--toc > * { grid-column: 1; }
          .qnb-layout--toc > .qnb-toc--side {
            display: block;
            grid-column: 2;
            grid-row: 1 / span 3;
            position: sticky;
            top: 2.5rem;
            max-height: calc(100vh - 5rem);
            overflow-y: auto;
          }
          .qnb-layout--toc .qnb-toc--inline { display: none; }
        }

        /* Prose */
        main > :first-child, .qnb-header > :first-child { margin-top: 0; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 650; letter-spacing: -0.011em; scroll-margin-top: 1.5rem; }
        h1 { font-size: 2.3rem; font-weight: 750; letter-spacing: -0.025em; margin: 0 0 0.75rem; }
        h2 { font-size: 1.55rem; margin: 3rem 0 1rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--border); }
        h3 { font-size: 1.25rem; margin: 2.25rem 0 0.75rem; }
        h4 { font-size: 1.05rem; margin: 1.75rem 0 0.5rem; }
        h5, h6 { font-size: 0.95rem; margin: 1.5rem 0 0.5rem; color: var(--muted); }
        p, ul, ol, dl, blockquote { margin: 0 0 1.1rem; }
        ul, ol { padding-left: 1.5rem; }
        li { margin: 0.3rem 0; }
        li > ul, li > ol { margin: 0.3rem 0; }
        li::marker { color: var(--faint); }
        strong { font-weight: 650; }
        a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.18em; text-decoration-color: color-mix(in srgb, currentColor 40%, transparent); }
        a:hover { text-decoration-color: currentColor; }
        blockquote { margin-left: 0; padding: 0.1rem 0 0.1rem 1.1rem; border-left: 3px solid var(--border-strong); color: var(--muted); }
        hr { border: 0; border-top: 1px solid var(--border); margin: 2.75rem 0; }
        img { max-width: 100%; height: auto; }
        code, kbd, samp, pre { font-family: var(--font-mono); font-size: 0.875em; }
        :not(pre) > code { background: var(--inline-code-bg); padding: 0.12em 0.38em; border-radius: 5px; font-size: 0.85em; overflow-wrap: break-word; }
        pre { margin: 0 0 1.1rem; padding: 0.9rem 1.1rem; overflow-x: auto; line-height: 1.6; background: var(--code-bg); border: 1px solid var(--border); border-radius: 10px; tab-size: 4; }
        pre code { font-size: inherit; background: none; padding: 0; }
        main > table, .qnb-table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
        .qnb-anchor { margin-left: 0.45rem; color: var(--faint); text-decoration: none; font-weight: 400; opacity: 0; transition: opacity 0.15s; }
        h1:hover .qnb-anchor, h2:hover .qnb-anchor, h3:hover .qnb-anchor, h4:hover .qnb-anchor, .qnb-anchor:focus { opacity: 1; }
        .qnb-xref { white-space: nowrap; }
        /* Values computed in prose: a dotted underline says "computed"; the title shows the expression */
        .qnb-value { text-decoration: underline dotted var(--faint); text-decoration-thickness: 1px; text-underline-offset: 0.22em; font-variant-numeric: lining-nums; }
        code.qnb-value-failed { color: var(--error); background: var(--error-bg); box-shadow: inset 0 0 0 1px var(--error-border); }
        .qnb-value-error { color: var(--error); font-size: 0.85em; }
        code.qnb-value-pending { color: var(--faint); }

        /* Math (MathML Core, rendered by the browser) */
        math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "Libertinus Math", "TeX Gyre Termes Math", "DejaVu Math TeX Gyre", "Noto Sans Math", math; font-size: 1.08em; }
        .qnb-math-display { display: block; margin: 0.9rem 0; padding: 0.15rem 0; overflow-x: auto; overflow-y: hidden; }
        .qnb-math-display > math { width: max-content; min-width: 100%; margin: 0; }
        mtd[columnalign="left"] { text-align: left; }
        mtd[columnalign="right"] { text-align: right; }
        mtable[columnspacing="0em"] > mtr > mtd { padding: 0.3em 0; }
        mtable[columnspacing="0em"] > mtr > mtd:nth-child(2n+3) { padding-left: 2em; }
        .qnb-tex-error { color: var(--error); background: var(--error-bg); border: 1px dashed var(--error-border); }
        .qnb-tex-error--display { display: block; width: fit-content; max-width: 100%; margin: 0.9rem auto; padding: 0.4rem 0.7rem; white-space: pre-wrap; }

        /* Title block */
        .qnb-header { margin-bottom: 2rem; }
        .qnb-description { font-size: 1.2rem; line-height: 1.55; color: var(--muted); margin: 0 0 1rem; }
        .qnb-meta { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0 0 2rem; padding: 0; list-style: none; font-size: 0.78rem; line-height: 1.5; }
        .qnb-meta li { margin: 0; padding: 0.12rem 0.65rem; border: 1px solid var(--border); border-radius: 999px; color: var(--muted); background: var(--surface); }
        .qnb-meta code { background: none; padding: 0; font-size: 0.95em; }
        .qnb-meta .qnb-meta-ok { color: var(--ok); border-color: color-mix(in srgb, var(--ok) 35%, transparent); background: var(--ok-soft); }
        .qnb-meta .qnb-meta-failed { color: var(--error); border-color: var(--error-border); background: var(--error-bg); }
        .qnb-meta a { color: inherit; }
        .qnb-notices { margin: 0 0 2rem; display: grid; gap: 0.6rem; }

        /* Table of contents */
        .qnb-toc { font-size: 0.85rem; line-height: 1.45; }
        .qnb-toc ol { list-style: none; margin: 0; padding: 0; }
        .qnb-toc ol ol { padding-left: 0.9rem; }
        .qnb-toc li { margin: 0; }
        .qnb-toc a { display: block; padding: 0.22rem 0 0.22rem 0.85rem; color: var(--muted); text-decoration: none; border-left: 2px solid var(--border); }
        .qnb-toc a:hover { color: var(--accent); border-left-color: var(--accent); }
        .qnb-toc-title { margin: 0 0 0.6rem; font-size: 0.72rem; font-weight: 650; letter-spacing: 0.08em; text-transform: uppercase; color: var(--faint); }
        .qnb-toc--inline { margin: 0 0 2rem; border: 1px solid var(--border); border-radius: 10px; background: var(--surface); }
        .qnb-toc--inline > summary { cursor: pointer; padding: 0.6rem 1rem; font-size: 0.85rem; font-weight: 600; color: var(--muted); list-style: none; }
        .qnb-toc--inline > summary::-webkit-details-marker { display: none; }
        .qnb-toc--inline > summary::before { content: "▸"; display: inline-block; width: 1.1em; color: var(--faint); }
        .qnb-toc--inline[open] > summary::before { content: "▾"; }
        .qnb-toc--inline > ol { padding: 0 1rem 0.8rem; }

        /* Cells */
        .qnb-cell { margin: 1.6rem 0; border: 1px solid var(--border); border-radius: 12px; background: var(--bg); box-shadow: var(--shadow); overflow: hidden; scroll-margin-top: 1.5rem; }
        figure.qnb-cell { margin-left: 0; margin-right: 0; }
        .qnb-cell-header { display: flex; align-items: center; gap: 0.6rem; padding: 0.4rem 0.9rem; font-family: var(--font-mono); font-size: 0.75rem; line-height: 1.5; color: var(--faint); background: var(--code-bg); border-bottom: 1px solid var(--border); }
        .qnb-cell-number { color: var(--muted); font-weight: 600; text-decoration: none; }
        .qnb-cell-number:hover { color: var(--accent); }
        .qnb-cell-language { margin-left: auto; }
        .qnb-cell pre.qnb-code { margin: 0; border: 0; border-radius: 0; background: var(--code-bg); padding: 0.85rem 1rem 0.95rem; font-size: 0.85rem; }
        .qnb-cell--failed { border-color: var(--error-border); }
        .qnb-cell--not-run { border-style: dashed; box-shadow: none; }
        .qnb-cell--not-run pre.qnb-code > code { opacity: 0.6; }
        .qnb-cell--no-code { border: 0; border-radius: 0; box-shadow: none; overflow: visible; background: none; }
        .qnb-cell--no-code > .qnb-outputs { border-top: 0; padding: 0; }
        .qnb-badge { font-family: var(--font-sans); font-size: 0.68rem; font-weight: 650; letter-spacing: 0.05em; text-transform: uppercase; padding: 0.05rem 0.55rem; border-radius: 999px; border: 1px solid var(--border-strong); color: var(--muted); background: var(--surface-2); }
        .qnb-badge--error { color: var(--error); border-color: var(--error-border); background: var(--error-bg); }
        .qnb-badge--expected { color: var(--muted); }
        .qnb-fold > summary { cursor: pointer; padding: 0.5rem 1rem; font-family: var(--font-sans); font-size: 0.82rem; color: var(--muted); background: var(--code-bg); list-style: none; }
        .qnb-fold > summary::-webkit-details-marker { display: none; }
        .qnb-fold > summary::before { content: "▸"; display: inline-block; width: 1.1em; color: var(--faint); }
        .qnb-fold[open] > summary::before { content: "▾"; }
        .qnb-fold[open] > summary { border-bottom: 1px solid var(--border); }
        .qnb-not-run-note { margin: 0; padding: 0.5rem 1rem; font-size: 0.82rem; color: var(--muted); border-top: 1px dashed var(--border); }
        .qnb-outputs { display: flex; flex-direction: column; gap: 0.85rem; padding: 0.9rem 1rem; border-top: 1px solid var(--border); min-width: 0; }
        .qnb-outputs > * { margin: 0; min-width: 0; }
        .qnb-outputs pre.qnb-stream, .qnb-outputs pre.qnb-text { padding: 0; border: 0; border-radius: 0; background: none; font-size: 0.85rem; line-height: 1.55; }
        .qnb-caption { margin: 0; padding: 0.65rem 1rem; font-size: 0.88rem; line-height: 1.5; color: var(--muted); border-top: 1px solid var(--border); }
        .qnb-cell--no-code > .qnb-caption { padding: 0.6rem 0 0; border-top: 0; }
        .qnb-caption-label { font-weight: 650; color: var(--fg); }

        /* Tables */
        .qnb-table-wrap { overflow-x: auto; max-width: 100%; }
        .qnb-table th, .qnb-table td, main > table th, main > table td { padding: 0.38rem 0.85rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); white-space: nowrap; }
        .qnb-table th:first-child, .qnb-table td:first-child { padding-left: 0.25rem; }
        .qnb-table th { font-weight: 650; font-size: 0.8rem; color: var(--muted); border-bottom: 2px solid var(--border-strong); }
        .qnb-table tbody tr:hover { background: var(--surface); }
        .qnb-table .num { text-align: right; }
        .qnb-table td.num { font-family: var(--font-mono); font-size: 0.84rem; }

        /* Records */
        .qnb-record { border: 1px solid var(--border); border-radius: 10px; overflow: hidden; }
        .qnb-record-title { padding: 0.45rem 0.85rem; font-family: var(--font-mono); font-size: 0.8rem; font-weight: 600; background: var(--surface); border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
        .qnb-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.55rem 1.25rem; margin: 0; padding: 0.7rem 0.85rem; }
        .qnb-fields dt { font-size: 0.75rem; font-weight: 500; color: var(--faint); }
        .qnb-fields dd { margin: 0; font-family: var(--font-mono); font-size: 0.85rem; overflow-wrap: anywhere; }
        .qnb-record pre.qnb-preview { margin: 0; border: 0; border-top: 1px solid var(--border); border-radius: 0; background: var(--code-bg); padding: 0.65rem 0.85rem; font-size: 0.8rem; color: var(--muted); }

        /* Diagnostics */
        .qnb-diagnostic { border: 1px solid var(--error-border); border-left-width: 4px; border-radius: 8px; background: var(--error-bg); overflow: hidden; }
        .qnb-diagnostic-kind { padding: 0.45rem 0.85rem 0; font-size: 0.7rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--error); }
        .qnb-diagnostic { padding-bottom: 0.6rem; }
        .qnb-diagnostic-message { margin: 0; padding: 0.2rem 0.85rem 0; font-family: var(--font-mono); font-size: 0.8rem; line-height: 1.55; white-space: pre-wrap; overflow-wrap: anywhere; }
        .qnb-diagnostic pre.qnb-diagnostic-source { margin: 0.15rem 0 0; padding: 0 0.85rem; border: 0; border-radius: 0; background: none; font-size: 0.8rem; line-height: 1.55; }
        .qnb-diagnostic-location, .qnb-gutter { color: var(--muted); }
        .qnb-diagnostic-message strong { font-weight: 650; }
        .qnb-caret { color: var(--error); font-weight: 700; }
        .qnb-diagnostic-note { color: var(--muted); margin-top: 0.2rem; }
        .qnb-diagnostic--expected { border-color: var(--border-strong); background: var(--surface); }
        .qnb-diagnostic--expected .qnb-diagnostic-kind, .qnb-diagnostic--expected .qnb-caret { color: var(--muted); }
        .qnb-diagnostic--warning { border-color: var(--warning-border); background: var(--warning-bg); }
        .qnb-diagnostic--warning .qnb-diagnostic-kind, .qnb-diagnostic--warning .qnb-caret { color: var(--warning); }

        .qnb-outputs p.qnb-saved { font-size: 0.85rem; color: var(--muted); }
        .qnb-saved code { font-size: 0.8rem; }

        /* Figures: inline SVG, ink in currentColor, series colours from --qnb-series-N */
        .qnb-figure { color: var(--fg); }
        .qnb-figure svg { display: block; width: 100%; height: auto; max-width: 100%; }

        /* Check review (qnb check --html) */
        .qnb-review-banner { margin: 0 0 2rem; padding: 0.75rem 1rem; border: 1px solid var(--error-border); border-left-width: 4px; border-radius: 10px; background: var(--error-bg); font-size: 0.9rem; }
        .qnb-review-banner p, .qnb-review-banner ul { margin: 0; }
        .qnb-review-banner ul { margin-top: 0.4rem; padding-left: 1.2rem; }
        .qnb-review-banner a { margin-left: 0.15rem; font-family: var(--font-mono); }
        .qnb-cell--differs { border-color: var(--error-border); box-shadow: 0 0 0 3px var(--error-bg); }
        .qnb-review-differences { padding: 0.75rem 1rem; border-top: 1px solid var(--error-border); background: var(--error-bg); font-size: 0.85rem; }
        .qnb-review-differences ul { margin: 0.3rem 0 0; padding-left: 1.2rem; font-family: var(--font-mono); font-size: 0.8rem; overflow-wrap: anywhere; }
        .qnb-review-heading { margin: 0; font-size: 0.7rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: var(--muted); }
        .qnb-review-differences > .qnb-review-heading { color: var(--error); }
        pre.qnb-diff { margin: 0.6rem 0 0; padding: 0.6rem 0.8rem; font-size: 0.8rem; line-height: 1.5; background: var(--bg); }
        .qnb-diff-hunk { color: var(--faint); }
        .qnb-diff-removed { color: var(--error); }
        .qnb-diff-added { color: var(--ok); }
        .qnb-diff-numbers { color: var(--warning); font-weight: 650; }
        .qnb-review-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); border-top: 1px solid var(--border); }
        .qnb-review-columns > .qnb-outputs { border-top: 0; border-left: 1px solid var(--border); }
        .qnb-review-expected { display: flex; flex-direction: column; gap: 0.85rem; padding: 0.9rem 1rem; min-width: 0; background: var(--surface); }
        .qnb-review-expected pre { margin: 0; padding: 0; border: 0; background: none; font-size: 0.85rem; line-height: 1.55; overflow-x: auto; }
        @media (max-width: 40rem) { .qnb-review-columns { grid-template-columns: minmax(0, 1fr); } .qnb-review-columns > .qnb-outputs { border-left: 0; border-top: 1px solid var(--border); } }

        /* Highlighting */
        .hl-keyword, .hl-attribute { color: var(--hl-keyword); }
        .hl-string { color: var(--hl-string); }
        .hl-number { color: var(--hl-number); }
        .hl-comment { color: var(--hl-comment); font-style: italic; }
        .hl-type { color: var(--hl-type); }
        .hl-function { color: var(--hl-function); }
        .hl-label { color: var(--hl-label); }
        .hl-operator { color: var(--hl-operator); }

        .qnb-site-nav--top { font-size: 0.85rem; margin-bottom: 1rem; }
        .qnb-site-nav a { color: var(--muted); text-decoration: none; }
        .qnb-site-nav a:hover { color: var(--accent); text-decoration: underline; }
        .qnb-site-nav--pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3.5rem; }
        .qnb-site-nav--pager a { display: flex; flex-direction: column; max-width: 48%; padding: 0.6rem 0.9rem; border: 1px solid var(--border); border-radius: 8px; }
        .qnb-pager-next { margin-left: auto; text-align: right; }
        .qnb-pager-label { font-size: 0.75rem; color: var(--faint); text-transform: uppercase; letter-spacing: 0.04em; }
        .qnb-pager-title { color: var(--accent); }
        .qnb-index-introduction { font-size: 1.1rem; line-height: 1.6; margin: 0 0 0.9rem; color: var(--muted); }
        .qnb-index-count { margin: 1.25rem 0 0; font-size: 0.75rem; color: var(--faint); text-transform: uppercase; letter-spacing: 0.04em; }
        .qnb-index-part { font-size: 1.25rem; margin: 2.5rem 0 1rem; }
        .qnb-index { padding-left: 1.4rem; }
        .qnb-index li { margin: 0 0 1.3rem; }
        .qnb-index-title { font-weight: 600; font-size: 1.05rem; }
        .qnb-index-description { margin: 0.25rem 0 0; color: var(--muted); }
        .qnb-index-path { margin: 0.15rem 0 0; font-size: 0.78rem; color: var(--faint); font-family: var(--font-mono); }
        .qnb-footer { margin-top: 4.5rem; padding-top: 1.25rem; border-top: 1px solid var(--border); font-size: 0.8rem; color: var(--faint); }
        .qnb-footer p { margin: 0; }

        @media (max-width: 40rem) {
          body { font-size: 1rem; line-height: 1.65; }
          .qnb-layout { padding: 1.75rem 1rem 2rem; }
          h1 { font-size: 1.85rem; }
          h2 { font-size: 1.35rem; margin-top: 2.4rem; }
          h3 { font-size: 1.15rem; }
          .qnb-description { font-size: 1.05rem; }
          .qnb-cell { border-radius: 10px; }
          .qnb-cell pre.qnb-code, .qnb-outputs pre.qnb-stream, .qnb-outputs pre.qnb-text { font-size: 0.8rem; }
          .qnb-outputs { padding: 0.8rem 0.85rem; }
          .qnb-fields { grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); }
        }

        @media print {
          :root {
            color-scheme: light;
            --bg: #ffffff; --fg: #000000; --muted: #444444; --faint: #666666;
            --border: #cccccc; --border-strong: #999999; --surface: #f5f5f5; --surface-2: #eeeeee;
            --code-bg: #f7f7f7; --accent: #000000; --error: #a4201a; --error-bg: #fff4f3;
            --error-border: #e0a9a6; --warning: #7a5200; --warning-bg: #fffaeb; --warning-border: #e3cd8f;
            --shadow: none;
            --hl-keyword: #7a1f79; --hl-string: #175e3a; --hl-number: #8a4500; --hl-comment: #5f666e;
            --hl-type: #0b4f80; --hl-function: #2d3f96; --hl-label: #6a4600; --hl-operator: #333333;
          }
          body { font-size: 10.5pt; line-height: 1.5; }
          .qnb-value { text-decoration: none; }
          .qnb-layout, .qnb-layout--toc { display: block; max-width: none; padding: 0; }
          .qnb-toc { display: none !important; }
          .qnb-anchor { display: none; }
          .qnb-cell, .qnb-diagnostic, .qnb-record, tr, img { break-inside: avoid; }
          h1, h2, h3, h4 { break-after: avoid; }
          pre { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
          .qnb-table-wrap { overflow: visible; }
          .qnb-math-display { overflow: visible; break-inside: avoid; }
          a { color: inherit; }
        }
        """#
}
