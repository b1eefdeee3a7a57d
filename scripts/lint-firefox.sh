#!/usr/bin/env bash
# `web-ext lint` (npm web-ext, pinned in package.json; runs offline) on the Firefox build
# (dist/firefox, made by scripts/package.sh). Zero errors and zero warnings, or it fails: warnings
# count as errors. Notices are printed, not fatal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -f dist/firefox/manifest.json ] || { echo "lint-firefox: dist/firefox missing: run scripts/package.sh" >&2; exit 1; }
exec node_modules/.bin/web-ext lint --source-dir dist/firefox --warnings-as-errors --no-input "$@"
