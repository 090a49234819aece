#!/usr/bin/env python3
"""Writes the hostile corpus under cases/: bad notebooks, corrupt tensor files and the notebooks
that load them. Each case is CASE.md (plus the files it loads, plus CASE.args with extra
command-line arguments, one per line). HostileCorpusTests runs `qnb run` on every case and
compares exit status, signal and standard error with expected.txt.

Run from this folder: python3 make_hostile.py (then HostileCorpusTests with QNB_UPDATE_HOSTILE=1
rewrites expected.txt; read the diff before committing it)."""
import json
import os
import shutil
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")


def write(name, data):
    path = os.path.join(CASES, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def cell(code, prose="# Hostile\n\n", options=""):
    return prose + "```swift\n" + options + code + "\n```\n"


def npy(header, data=b"", magic=b"\x93NUMPY", version=b"\x01\x00", header_len=None):
    h = header.encode()
    pad = 64 - (len(magic) + 2 + 2 + len(h) + 1) % 64
    h = h + b" " * (pad % 64) + b"\n"
    length = len(h) if header_len is None else header_len
    return magic + version + struct.pack("<H", length) + h + data


def safetensors(header, data=b"", header_len=None):
    h = header if isinstance(header, bytes) else json.dumps(header).encode()
    length = len(h) if header_len is None else header_len
    return struct.pack("<Q", length) + h + data


shutil.rmtree(CASES, ignore_errors=True)
os.makedirs(CASES)

# --- Notebooks: text the parser must refuse or warn about -----------------------------------
write("invalid-utf8.md", b"# Bad bytes\n\nText \xff\xfe here.\n")
write("nul-in-prose.md", "# NUL\n\nBefore\x00after.\n\n```swift\n1 + 1\n```\n")
write("nul-in-cell.md", "# NUL\n\n```swift\nlet a = 1\x00\n```\n")
write("unterminated-fence.md", "# Open\n\n```swift\nprint(\"never closed\")\n")
write("unterminated-front-matter.md", "---\ntitle: T\n\n# Body\n")
write("front-matter-not-mapping.md", "---\n- 1\n- 2\n---\n# T\n")
write("front-matter-bad-yaml.md", "---\ntitle: \"unclosed\n---\n# T\n")
write("front-matter-unknown-key.md", "---\ntitel: Typo\n---\n# T\n")
write("front-matter-seed-text.md", "---\nseed: seven\n---\n# T\n")
write("front-matter-params-nested.md", "---\nparams:\n  bits:\n    min: 2\n---\n# T\n")
write("front-matter-timeout-zero.md", "---\ntimeout: 0\n---\n# T\n")
write("option-unknown.md", cell("1", options="//| colour: red\n"))
write("option-echo-maybe.md", cell("1", options="//| echo: maybe\n"))
write("option-timeout-negative.md", cell("1", options="//| timeout: -5\n"))
write("option-timeout-huge.md", cell("print(6 * 7)", options="//| timeout: 1e300\n"))
write("front-matter-timeout-max.md", "---\ntimeout: 1.7976931348623157e308\n---\n" + cell("print(6 * 7)"))
write("front-matter-seed-too-big.md", "---\nseed: 18446744073709551615\n---\n" + cell("1"))
write("option-tolerance-text.md", cell("1", options="//| tolerance: tight\n"))
write("option-label-bad.md", cell("1", options="//| label: 3d plot\n"))
write("option-duplicate-label.md",
      "# Twice\n\n```swift\n//| label: fig-a\n1\n```\n\n```swift\n//| label: fig-a\n2\n```\n")
write("option-caption-backslash.md", cell("1", options="//| caption: \"at \\(bits) bits\"\n"))
write("option-error-number.md", cell("1", options="//| error: 42\n"))
write("empty.md", "")
write("only-front-matter.md", "---\ntitle: Nothing else\n---\n")
write("bom-crlf.md", "\ufeff# Windows\r\n\r\n```swift\r\nprint(\"fine\")\r\n```\r\n")
write("math-unknown-command.md", "# Math\n\nA formula $\\frobnicate{x}$ here.\n")
write("xref-unknown.md", "# Refs\n\nSee @fig-nowhere.\n")

# --- The cell language: syntax, limits and runtime errors -----------------------------------
write("syntax-error.md", cell("let x = (1 + \nprint(x)"))
write("unsupported-class.md", cell("class Model {}"))
write("unsupported-import.md", cell("import Foundation"))
write("deep-nesting-parens.md", cell("let x = " + "(" * 400 + "1" + ")" * 400))
write("deep-nesting-arrays.md", cell("let x = " + "[" * 2000 + "]" * 2000))
write("deep-nesting-closures.md", cell("let f = " + "{ " * 300 + "1" + " }" * 300))
write("deep-recursion.md", cell("func down(_ n: Int) -> Int { down(n + 1) }\ndown(0)"))
write("endless-loop.md", "---\ntimeout: 1\n---\n" + cell("var i = 0\nwhile true { i += 1 }"))
write("print-flood.md", "---\ntimeout: 1\n---\n" + cell("while true { print(\"spam\") }"))
write("int-overflow.md", cell("let big = Int.max\nbig + 1"))
write("int-multiply-overflow.md", cell("var x = 3\nfor _ in 0..<64 { x *= 3 }"))
write("division-by-zero.md", cell("let zero = 0\n10 / zero"))
write("remainder-min.md", cell("Int.min % -1"))
write("index-out-of-range.md", cell("let a = [1, 2, 3]\na[3]"))
write("negative-index.md", cell("let a = [1, 2, 3]\na[-1]"))
write("force-unwrap-nil.md", cell("let x: Int? = nil\nx!"))
write("duplicate-dictionary-keys.md", cell("let d = [1: \"a\", 1: \"b\"]"))
write("string-repeat-huge.md", cell("String(repeating: \"ab\", count: 1 << 40)"))
write("array-repeat-huge.md", cell("Array(repeating: 0, count: 1 << 40)"))
write("range-huge.md", cell("Array(0..<Int.max)"))
write("closed-range-inverted.md", cell("let r = 5...1"))
write("stride-zero.md", cell("for x in stride(from: 0, to: 10, by: 0) { print(x) }"))
write("type-mismatch.md", cell("let x: Int = \"text\""))
write("undefined-name.md", cell("let w = randn([4], seed: 1)\nquantise(w, bits: 8)"))
write("inline-value-error.md", "# Prose\n\nThe value is `\\(missing * 2)`.\n")
write("inline-value-void.md", "# Prose\n\nThe value is `\\(print(1))`.\n")
write("inline-value-tensor.md", cell("let w = randn([64, 64], seed: 1)") + "\nIt is `\\(w)`.\n")
write("unknown-parameter.md", "---\nparams:\n  bits: 8\n---\n" + cell("bits"))
write("unknown-parameter.args", "-p\nbitz=4\n")
write("parameter-type.md", "---\nparams:\n  bits: 8\n---\n" + cell("bits"))
write("parameter-type.args", "-p\nbits=four\n")
write("parameter-list-type.md", "---\nparams:\n  widths: [2, 4]\n---\n" + cell("widths"))
write("parameter-list-type.args", "-p\nwidths=[2, four]\n")
write("memory-budget.md", cell("let w = zeros([20000, 20000])"))
write("memory-budget.args", "--max-memory\n256M\n")

# --- The engine: shapes, bit widths, values ---------------------------------------------------
write("tensor-huge.md", cell("zeros([100000, 100000, 100000])"))
write("tensor-shape-overflow.md", cell("zeros([1 << 40, 1 << 40])"))
write("tensor-negative-shape.md", cell("zeros([3, -2])"))
write("tensor-rank-65.md", cell("zeros(Array(repeating: 1, count: 65))"))
write("quantize-bits-1.md", cell("quantize(tensor([0.5, -0.5]), bits: 1)"))
write("quantize-bits-100.md", cell("quantize(tensor([0.5, -0.5]), bits: 100)"))
write("quantize-nan.md", cell("quantize(tensor([0.5, Double.nan, 1.0]), bits: 8)"))
write("quantize-infinity.md", cell("quantize(tensor([0.5, Double.infinity]), bits: 4)"))
write("implicit-nan.md", cell("tensor([0.5, .nan])"))
write("matmul-mismatch.md", cell("matmul(zeros([2, 3]), zeros([4, 5]))"))
write("reshape-mismatch.md", cell("zeros([2, 3]).reshaped([4, 2])"))
write("broadcast-mismatch.md", cell("zeros([2, 3]) + zeros([4])"))
write("percentile-out-of-range.md", cell("tensor([1, 2, 3]).percentile(101)"))
write("empty-tensor-max.md", cell("tensor([Double]()).max()"))
write("integer-matmul-overflow.md",
      cell("let a = quantize(randn([1, 200_000], seed: 1), bits: 8)\n"
           + "let b = quantize(randn([200_000, 1], seed: 2), bits: 8)\nmatmul(a, b)"))
write("network-too-large.md", cell("mlp([100000, 100000, 10])"))

# --- Files: loading outside the sandbox and corrupt tensor files -----------------------------
write("load-missing.md", cell("load(\"nowhere.npy\")"))
write("load-outside.md", cell("load(\"../../../../etc/passwd\")"))
write("load-absolute.md", cell("load(\"/etc/passwd\")"))
write("load-folder.md", cell("load(\"files\")"))
write("files/keep.txt", "a folder\n")
write("save-escape.md", cell("save(zeros([2]), to: \"../escape.npy\")"))
write("save-absolute.md", cell("save(zeros([2]), to: \"/tmp/escape.npy\")"))

F4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
files = {
    "npy-empty.npy": b"",
    "npy-bad-magic.npy": b"\x93NUMPZ\x01\x00" + b"\x00" * 64,
    "npy-truncated-magic.npy": b"\x93NUM",
    "npy-header-past-end.npy": npy(F4, header_len=60000),
    "npy-truncated-data.npy": npy(F4, data=b"\x00" * 10),
    "npy-shape-overflow.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"),
    "npy-shape-negative.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-2, 3), }"),
    "npy-dtype-lie.npy": npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", data=b"\x00" * 24),
    "npy-object-dtype.npy": npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", data=b"\x00" * 16),
    "npy-header-not-dict.npy": npy("[1, 2, 3]"),
    "npy-header-garbage.npy": npy("{'descr': <f4 !!!"),
    "npy-version-9.npy": npy(F4, data=b"\x00" * 24, version=b"\x09\x00"),
    "npy-huge-shape.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }"),
    "st-empty.safetensors": b"",
    "st-header-length-huge.safetensors": safetensors({}, header_len=1 << 62),
    "st-header-past-end.safetensors": safetensors({}, header_len=4096),
    "st-bad-json.safetensors": safetensors(b"{\"w\": {\"dtype\": \"F32\", "),
    "st-header-not-object.safetensors": safetensors(b"[1, 2, 3]"),
    "st-offsets-out-of-range.safetensors": safetensors(
        {"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 800]}}, data=b"\x00" * 8),
    "st-offsets-reversed.safetensors": safetensors(
        {"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}}, data=b"\x00" * 8),
    "st-dtype-lie.safetensors": safetensors(
        {"w": {"dtype": "F64", "shape": [2], "data_offsets": [0, 8]}}, data=b"\x00" * 8),
    "st-shape-overflow.safetensors": safetensors(
        {"w": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 8]}}, data=b"\x00" * 8),
    "st-unknown-dtype.safetensors": safetensors(
        {"w": {"dtype": "Q7", "shape": [2], "data_offsets": [0, 8]}}, data=b"\x00" * 8),
    "st-overlap.safetensors": safetensors(
        {"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
         "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}, data=b"\x00" * 12),
    "csv-empty.csv": b"",
    "csv-ragged.csv": b"1,2,3\n4,5\n",
    "csv-text.csv": b"1,2\nthree,4\n",
    "csv-nul.csv": b"1,2\n3,\x004\n",
    "csv-unterminated-quote.csv": b"\"1,2\n3,4\n",
}
for name, data in files.items():
    write("files/" + name, data)
    write("load-" + name.replace(".", "-") + ".md", cell("load(\"files/" + name + "\")"))
