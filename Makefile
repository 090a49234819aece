# qnb — two commands: `make demo` (set up, build, run the first tutorial) and `make test`.

SWIFT ?= swift
QNB := .build/debug/qnb

.PHONY: demo test build release deps bench lint clean nbformat site reference fuzz asan

## demo: install what is missing, build qnb, run notebooks/symmetric.md and say where the page is
demo: build
	$(QNB) run notebooks/symmetric.md
	@echo
	@echo "Open the page: file://$(CURDIR)/output/symmetric.html"

## test: install what is missing, build, run the whole test suite, then check every shipped
## notebook against its committed snapshot
test: build nbformat
	REQUIRE=$$(test -x $(NBFORMAT_VENV)/bin/python && echo 1 || echo 0); \
	QNB_REQUIRE_NBFORMAT=$$REQUIRE QNB_REQUIRE_HTML5LIB=$$REQUIRE $(SWIFT) test
	$(QNB) check notebooks/

## site: run every tutorial and rewrite the committed pages, Markdown exports and snapshots in output/
site: build
	$(QNB) run --format html,md notebooks/

# The exported .ipynb files are validated with Jupyter's own `nbformat` package, the pages
# that hostile notebooks produce are parsed with `html5lib` (the WHATWG parsing algorithm, as a
# browser parses them) to check that they are inert, and the engine's BLEU is compared with
# `sacrebleu` (pinned: the tests name its version). All three are installed from PyPI into a
# virtual environment under .build/ (the nbformat and html5lib tests are skipped, with a note,
# when PyPI is unreachable; the BLEU cross-check fails and says how to install it).
NBFORMAT_VENV := .build/nbformat-venv
nbformat:
	@if [ ! -x $(NBFORMAT_VENV)/bin/python ] || ! $(NBFORMAT_VENV)/bin/python -c "import nbformat, html5lib, sacrebleu; assert sacrebleu.__version__ == '2.4.3'" 2>/dev/null; then \
		python3 -m venv $(NBFORMAT_VENV) && $(NBFORMAT_VENV)/bin/pip install --quiet nbformat html5lib sacrebleu==2.4.3 \
		|| { echo "note: could not install nbformat, html5lib and sacrebleu; the .ipynb schema and page safety checks are skipped"; rm -rf $(NBFORMAT_VENV); }; \
	fi

build: deps
	$(SWIFT) build --product qnb

# Release builds link the Swift runtime and Foundation statically: a bigger binary that starts
# about 4 ms sooner, because the dynamic loader has far fewer symbols to bind.
RELEASE_FLAGS := -c release --static-swift-stdlib

## release: an optimised build, for measuring speed (takes several minutes)
release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product qnb

## bench: engine kernels and a whole tutorial, against numpy in the same run
bench: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product qnb
	$(SWIFT) build $(RELEASE_FLAGS) --product qnb-bench
	.build/release/qnb-bench
	.build/release/qnb-bench translation
	python3 bench/run-notebook.py --qnb .build/release/qnb

## deps: libcmark-dev (the CommonMark parser) and pkg-config, from Debian's packages
deps:
	@if dpkg -s libcmark-dev >/dev/null 2>&1 && command -v pkg-config >/dev/null 2>&1; then :; else \
		echo "Installing libcmark-dev and pkg-config…"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; \
	fi

## lint: swift-format, strict, with .swift-format (CI runs it after the tests); the fuzz seeds are
## inputs, not code, and are left alone
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests bench Fuzz/Harnesses $(wildcard Fuzz/qnb-fuzz-*) Package.swift

## fuzz: build the libFuzzer harnesses (notebook, script, files) with AddressSanitizer under
## .build/fuzz and run each for FUZZ_TIME seconds, e.g. `make fuzz FUZZ_TIME=1800 FUZZ_TARGET=script`.
## New inputs go to .build/fuzz/corpus/<target>, crashes, hangs and leaks to .build/fuzz/findings/<target>;
## replay one with `swift run qnb-fuzz-<target> FILE` (the seeds in Fuzz/Corpus stay untouched).
FUZZ_TIME ?= 60
FUZZ_TARGET ?= notebook script files
FUZZ_BUILD := $(SWIFT) build --scratch-path .build/fuzz --sanitize fuzzer \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -DQNB_FUZZ
# Longest input, seconds before an input counts as a hang, and memory limit, per harness.
FUZZ_MAX_LEN_notebook := 8192
FUZZ_MAX_LEN_script := 4096
FUZZ_MAX_LEN_files := 4096
FUZZ_TIMEOUT_notebook := 10
FUZZ_TIMEOUT_script := 10
FUZZ_TIMEOUT_files := 5
FUZZ_RSS_MB := 2048

fuzz: $(addprefix fuzz-,$(FUZZ_TARGET))

fuzz-%: deps
	$(FUZZ_BUILD) --product qnb-fuzz-$*
	@mkdir -p .build/fuzz/corpus/$* .build/fuzz/findings/$*
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp:print_suppressions=0 .build/fuzz/debug/qnb-fuzz-$* .build/fuzz/corpus/$* Fuzz/Corpus/$* \
		-dict=Fuzz/$*.dict -max_len=$(FUZZ_MAX_LEN_$*) -timeout=$(FUZZ_TIMEOUT_$*) -rss_limit_mb=$(FUZZ_RSS_MB) \
		-max_total_time=$(FUZZ_TIME) -print_final_stats=1 -artifact_prefix=.build/fuzz/findings/$*/

## asan: build qnb with AddressSanitizer (LeakSanitizer included) under .build/asan and run every
## tutorial and `qnb check` with it; any memory error or leak fails the run (takes ~15 minutes)
asan: deps
	$(SWIFT) build --scratch-path .build/asan --product qnb -Xswiftc -sanitize=address
	rm -rf .build/asan-output
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp:print_suppressions=0 \
		.build/asan/debug/qnb run notebooks/ --output-dir .build/asan-output
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp:print_suppressions=0 \
		.build/asan/debug/qnb check notebooks/
	@echo "asan: every tutorial ran and checked without memory errors or leaks"

clean:
	rm -rf .build

## reference: regenerate docs/reference.md from `qnb builtins --markdown` (a test fails when it is stale)
reference: build
	$(QNB) builtins --markdown > docs/reference.md.tmp
	mv docs/reference.md.tmp docs/reference.md
