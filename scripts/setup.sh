#!/usr/bin/env bash
# Installs what building and testing wdcap needs, skipping every piece that is already present
# at the pinned version; prints one line per step. Called by `make build`, `make test` and
# `make demo`, so it must stay quick when there is nothing to do.
#
# Needs rustup + cargo and node + npm on PATH (Debian's nodejs/npm are installed when node is
# missing). Installs:
#   - the wasm32-unknown-unknown target, rustfmt and clippy (rustup);
#   - Debian's chromium and chromium-driver (the wasm browser tests and the e2e tests drive them),
#     firefox-esr (the Firefox e2e suite, tests/e2e/firefox.test.mjs, installs the Firefox build
#     in it; 140 or later, the build's strict_min_version) and openssl (the simulator's per-run
#     test certificate);
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock (the CLI refuses modules
#     of any other version). Without --locked: its own lockfile pins a crate version the registry
#     here lacks (/work/shared/toolchain.md);
#   - geckodriver (crates.io, pinned), for the wasm browser tests in Firefox;
#   - node_modules from package-lock.json (`npm ci`: playwright-core, puppeteer-core for Firefox,
#     binaryen's wasm-opt, web-ext, axe-core, and for `make lint-js` typescript, @types/chrome,
#     eslint with @eslint/js and globals),
#     skipped while node_modules was installed from the same lockfile.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf 'setup: %-28s %s\n' "$1" "$2"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# Runs a command as root (directly, or through sudo without a password prompt).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    die "need root to run: $* (run it yourself, or rerun as root)"
  fi
}

apt_updated=
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

deb_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

# --- Rust ---------------------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs)"
command -v rustup >/dev/null || die "rustup not found: the wasm32 target is installed through rustup"

if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  step "wasm32-unknown-unknown" "already present"
else
  rustup target add wasm32-unknown-unknown >/dev/null
  step "wasm32-unknown-unknown" "installed"
fi

for component in rustfmt clippy; do
  probe=fmt
  [ "$component" = clippy ] && probe=clippy
  if cargo "$probe" --version >/dev/null 2>&1; then
    step "$component" "already present"
  else
    rustup component add "$component" >/dev/null
    step "$component" "installed"
  fi
done

# --- Browser --------------------------------------------------------------------------------------
# openssl: the simulator makes a throwaway TLS certificate per run with it (sim/tls.mjs).
missing=()
for pkg in chromium chromium-driver firefox-esr openssl; do
  deb_installed "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "chromium, firefox-esr, openssl" "already present"
else
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} yourself"
  apt_install "${missing[@]}"
  step "${missing[*]}" "installed"
fi
# The Firefox build says strict_min_version 140 (scripts/manifest.mjs): an older Firefox would
# refuse it, and the e2e suite would fail for a reason that is not the extension's.
firefox_major="$(firefox-esr --version 2>/dev/null | sed -n 's/^Mozilla Firefox \([0-9]*\).*/\1/p')"
[ -n "$firefox_major" ] && [ "$firefox_major" -ge 140 ] ||
  die "firefox-esr ${firefox_major:-?} is too old or missing (need 140 or later)"

# --- wasm-bindgen-cli -------------------------------------------------------------------------------
want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$want" ] || die "no wasm-bindgen entry in Cargo.lock"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" = "$want" ] && [ "$runner" = "$want" ]; then
  step "wasm-bindgen-cli $want" "already present"
else
  echo "setup: installing wasm-bindgen-cli $want (a few minutes on a cold machine)"
  cargo install --quiet --force wasm-bindgen-cli --version "$want"
  step "wasm-bindgen-cli $want" "installed"
fi

# --- geckodriver -----------------------------------------------------------------------------------
# The wasm browser tests run in Firefox too (make test-wasm): wasm-bindgen-test-runner drives it
# through geckodriver (shared/toolchain.md), which comes from crates.io.
geckodriver_want=0.37.1
if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" = "$geckodriver_want" ]; then
  step "geckodriver $geckodriver_want" "already present"
else
  echo "setup: installing geckodriver $geckodriver_want (about two minutes on a cold machine)"
  cargo install --quiet --force geckodriver --version "$geckodriver_want"
  step "geckodriver $geckodriver_want" "installed"
fi

# --- Node tools -----------------------------------------------------------------------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  command -v apt-get >/dev/null || die "node/npm not found: install Node.js 20 or later"
  apt_install nodejs npm
  step "nodejs, npm" "installed"
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 18 ] || die "node $(node --version) is too old (need 18 or later; 20 is tested)"

stamp_file=node_modules/.wdcap-lockfile.sha256
lock_hash="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) node-$node_major"
if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$lock_hash" ] &&
  [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] &&
  [ -x node_modules/.bin/tsc ] && [ -x node_modules/.bin/eslint ]; then
  step "node_modules (npm ci)" "already present"
else
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
  printf '%s\n' "$lock_hash" >"$stamp_file"
  step "node_modules (npm ci)" "installed"
fi
