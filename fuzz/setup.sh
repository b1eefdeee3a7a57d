#!/usr/bin/env bash
# Installs what `make fuzz` needs, skipping it when already present at the pinned version:
#   - cargo-fuzz (crates.io), pinned below. It drives libFuzzer through nightly-only rustc flags
#     (`-Zsanitizer`, sancov passes); wdcap builds on stable, so `make fuzz` sets
#     RUSTC_BOOTSTRAP=1 for the fuzz build only (fuzz/run.sh), never for the product.
# Prints one line per step, like scripts/setup.sh.
set -euo pipefail
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_FUZZ_VERSION=0.13.2

step() { printf 'setup: %-28s %s\n' "$1" "$2"; }

have="$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" = "$CARGO_FUZZ_VERSION" ]; then
  step "cargo-fuzz $CARGO_FUZZ_VERSION" "already present"
else
  echo "setup: installing cargo-fuzz $CARGO_FUZZ_VERSION (about a minute on a cold machine)"
  # --locked first (reproducible); the registry mirror here may lack a version its lockfile
  # pins (as it does for wasm-bindgen-cli, /work/shared/toolchain.md), so fall back without it.
  cargo install --quiet --force cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked ||
    cargo install --quiet --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  step "cargo-fuzz $CARGO_FUZZ_VERSION" "installed"
fi
