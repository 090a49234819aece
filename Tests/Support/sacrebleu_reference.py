"""BLEU as sacreBLEU computes it, for the engine's cross-check (SacreBLEUCrossCheckTests).

Reads {"cases": [{"hypotheses": [str, ...], "references": [str, ...]}, ...]} from stdin and
prints one JSON object per case, in order, as a JSON list: the score, the precisions, the
n-gram counts and totals, the brevity penalty, the length ratio, the lengths and the printed
form of `sacrebleu.corpus_bleu(hypotheses, [references], tokenize="char")` (one reference per
sentence, default 'exp' smoothing). Run with the Python of .build/nbformat-venv, where
`make nbformat` installs sacrebleu==2.4.3.
"""

import json
import sys

import sacrebleu

EXPECTED_VERSION = "2.4.3"


def main():
    if sacrebleu.__version__ != EXPECTED_VERSION:
        sys.exit(f"sacrebleu {sacrebleu.__version__} is installed; the cross-check pins {EXPECTED_VERSION}")
    cases = json.load(sys.stdin)["cases"]
    results = []
    for case in cases:
        bleu = sacrebleu.corpus_bleu(case["hypotheses"], [case["references"]], tokenize="char")
        results.append({
            "score": bleu.score,
            "precisions": bleu.precisions,
            "counts": bleu.counts,
            "totals": bleu.totals,
            "brevityPenalty": bleu.bp,
            "ratio": bleu.ratio,
            "hypothesisLength": bleu.sys_len,
            "referenceLength": bleu.ref_len,
            "text": str(bleu),
        })
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
