# wdcap: build, test and demo entry points.
#
#   make build   the CLI (target/release/wdcap) and the unpacked extension (dist/chrome/)
#   make test    everything CI runs (.ci/run): setup, lint, dependency audit (offline part),
#                native tests, wasm browser tests (Chromium, then Firefox), build, package + web-ext lint,
#                node tests of the extension's JavaScript (tests/js), end-to-end tests
#                (Chromium with dist/chrome; Firefox ESR with dist/firefox, tests/e2e/firefox.test.mjs)
#   make lint    cargo fmt --check + clippy (native and wasm32), warnings are errors; then the
#                JavaScript: tsc --noEmit (tsconfig.json: every extension file, // @ts-check,
#                strict) and eslint (eslint.config.js)
#   make demo    build, then scripts/demo.mjs (HEADLESS=1 in the environment runs it headless)
#   make package dist/chrome.zip, dist/edge.zip (the Chrome build), dist/firefox.xpi, then
#                web-ext lint on the Firefox build (zero errors, zero warnings); the CLI's shell
#                completions and man pages in dist/cli/ (scripts/package-cli.sh)
#   make setup   install the toolchain pieces that are missing (scripts/setup.sh)
#   make generate  rewrite the files generated from the Rust declarations for the JavaScript
#                (extension/shared/generated/: lists.js, core-types.d.ts); `make test` fails
#                while a committed copy is stale
#
# Every target runs scripts/setup.sh first; it is quick when everything is present.
# CARGO_TARGET_DIR from the environment is honoured (default ./target).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# The steps of `make test` must run in order; cargo parallelises inside each one.
.NOTPARALLEL:
.DEFAULT_GOAL := build

# cargo install puts wasm-bindgen(-test-runner) here.
export PATH := $(HOME)/.cargo/bin:$(PATH)
# The wasm browser tests drive Debian's chromium; without this the runner would pick Firefox
# whenever geckodriver is on PATH.
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM := wasm32-unknown-unknown
# Test files holding wasm-bindgen browser tests (they configure run_in_browser).
WASM_TESTS := $(basename $(notdir $(shell grep -l 'wasm_bindgen_test_configure' tests/*.rs 2>/dev/null)))
E2E_TESTS := $(wildcard tests/e2e/*.test.mjs)
JS_TESTS := $(wildcard tests/js/*.test.mjs)

.PHONY: setup build cli extension lint lint-js fmt-check clippy test test-native test-wasm test-js \
	test-e2e demo size clean package generate

setup:
	@scripts/setup.sh

build: setup cli extension

cli: setup
	cargo build --release --bin wdcap

extension: setup
	@scripts/build-extension.sh

lint: setup fmt-check clippy lint-js

# The extension's JavaScript: the type check (TypeScript from npm, pinned; the core's types in
# extension/shared/generated/core-types.d.ts), then ESLint.
lint-js: setup
	node_modules/.bin/tsc -p tsconfig.json --noEmit
	node_modules/.bin/eslint .

fmt-check: setup
	cargo fmt --all --check

# Both targets, every target kind. Native-only test files and benches carry
# `#![cfg(not(target_arch = "wasm32"))]` (they use files, processes and native dev-dependencies).
clippy: setup
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM) -- -D warnings

test: setup lint audit test-native test-wasm build package test-js test-e2e
	@echo "make test: all passed"

test-native: setup
	cargo test

# The lists and TypeScript declarations the JavaScript reads, from the Rust declarations
# (tests/it/generated.rs renders them; this writes them).
generate: setup
	WDCAP_GENERATE=1 cargo test --test it generated

# The runner (wasm-bindgen-test-runner, .cargo/config.toml) starts chromedriver + headless
# chromium and runs each #[wasm_bindgen_test] in a real page; then the same tests in headless
# Firefox ESR through geckodriver (the runner picks Firefox when CHROMEDRIVER is empty).
test-wasm: setup
	@if [ -z "$(WASM_TESTS)" ]; then echo "test-wasm: no browser tests found under tests/"; exit 1; fi
	cargo test --target $(WASM) $(addprefix --test ,$(WASM_TESTS))
	CHROMEDRIVER= GECKODRIVER="$$(command -v geckodriver)" cargo test --target $(WASM) $(addprefix --test ,$(WASM_TESTS))

# Node tests of the extension's JavaScript, no browser (tests/js): the pure modules, and the
# core's glue against the built wasm module (hence after the build).
test-js: build
	node --test --test-reporter=spec $(JS_TESTS)

test-e2e: package
	@if [ -z "$(E2E_TESTS)" ]; then echo "test-e2e: no tests/e2e/*.test.mjs found"; exit 1; fi
	node --test --test-reporter=spec $(E2E_TESTS)

# The store packages; scripts/package.sh ends with web-ext lint of the Firefox build.
package: setup build
	@scripts/package.sh
	@scripts/package-cli.sh

demo: setup build
	node scripts/demo.mjs

# Sizes of the shipped wasm (after wasm-bindgen + wasm-opt).
size: extension
	@raw=$$(wc -c < dist/chrome/pkg/wdcap_bg.wasm); gz=$$(gzip -9c dist/chrome/pkg/wdcap_bg.wasm | wc -c); \
	echo "dist/chrome/pkg/wdcap_bg.wasm: $$raw bytes raw, $$gz bytes gzipped"

clean:
	rm -rf dist
	rm -f $${CARGO_TARGET_DIR:-target}/wdcap-extension.stamp

# --- Hardening (native part; fuzz/, benches/, docs/benchmarks.md) -----------------------------
.PHONY: fuzz

# Runs each cargo-fuzz target for FUZZ_SECONDS (default 60) and prints executions and findings;
# fails on any finding. Not part of `make test` (tests/it/fuzz_corpus.rs replays the corpus there).
# Installs the pinned cargo-fuzz on first use (fuzz/setup.sh). See fuzz/run.sh for the knobs.
fuzz:
	@fuzz/run.sh

# --- Browser benchmark (bench/) -------------------------------------------------------------------
.PHONY: bench

# Prints a table of figures measured in headless Chromium with the built extension (snapshot +
# analysis against a bare TreeWalker pass, re-analysis after an SPA mutation, worker cold start,
# wasm + glue size), each next to its goal. Figures only, never a failure on a missed goal.
# RUNS / WARMUP / COLD_RUNS in the environment change the run counts; see bench/run.mjs.
bench: build
	node bench/run.mjs

.PHONY: bench-native
# Native benchmarks (criterion, benches/native.rs): `wdcap check` on 1 KB–10 MB pastes and
# analyse_snapshot / scan on the View API Clients fixture, a 500-row Maintain Permissions grid
# and a 10 000-row Headcount Report; a 10 000-ticket CSV export through `wdcap check` with 1 and
# with all cores, and its peak memory on 256 MB exports (generated under the target folder);
# then a table of the figures (benches/table.mjs).
# Figures and the machine they came from: docs/benchmarks.md.
bench-native: setup
	cargo bench --bench native
	@node benches/table.mjs

.PHONY: audit
CARGO_DENY_VERSION := 0.20.2
# Dependency audit with cargo-deny (deny.toml), installed at the pinned version on first use
# (about 5 minutes cold). Licences, bans and sources work offline. Advisories need the RustSec
# database cloned from GitHub, which these machines cannot reach: they run only with
# WDCAP_AUDIT_ADVISORIES=1 (where the network allows it).
audit: setup
	@if [ "$$(cargo deny --version 2>/dev/null | awk '{print $$2}')" != "$(CARGO_DENY_VERSION)" ]; then \
		echo "audit: installing cargo-deny $(CARGO_DENY_VERSION)"; \
		cargo install --quiet --locked cargo-deny --version $(CARGO_DENY_VERSION); \
	fi
	cargo deny check licenses bans sources
	@if [ "$${WDCAP_AUDIT_ADVISORIES:-0}" = 1 ]; then cargo deny check advisories; \
	else echo "audit: advisories skipped (need GitHub access; WDCAP_AUDIT_ADVISORIES=1 to run them)"; fi
