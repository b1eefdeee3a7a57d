#!/usr/bin/env bash
# Packages the built extension (dist/chrome, from `make build`) for the stores (`make package`):
#
#   dist/chrome.zip    Chrome Web Store: dist/chrome as built (extension/manifest.json, the one
#                      manifest source);
#   dist/edge.zip      Microsoft Edge Add-ons: the same bytes as chrome.zip. Edge is Chromium and
#                      loads the Chrome build unchanged (MV3 service worker, side panel, offscreen
#                      document); a copy keeps each store's upload next to its name;
#   dist/firefox/      the Firefox build: dist/chrome with the manifest derived by
#                      scripts/manifest.mjs (background scripts, gecko settings, sidebar_action),
#                      worker/platform.firefox.js in place of worker/platform.js, and without the
#                      Chromium-only offscreen document (the lists: scripts/manifest.mjs);
#   dist/firefox.xpi   addons.mozilla.org: dist/firefox zipped.
#   dist/firefox-test/ the Firefox build with the loopback tests' manifest (scripts/manifest.mjs
#                      `testManifest`: host patterns that also match plain `http`), for the
#                      Firefox end-to-end tests only; never zipped (nor is dist/chrome-test).
#
# Then `web-ext lint` (npm web-ext, pinned) runs on dist/firefox and must report zero errors and
# zero warnings (scripts/lint-firefox.sh, also part of `make test`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dist="$root/dist"
chrome="$dist/chrome"
firefox="$dist/firefox"
web_ext="$root/node_modules/.bin/web-ext"

say() { printf 'package: %s\n' "$*"; }

[ -f "$chrome/manifest.json" ] || { echo "package: $chrome is not built: run make build" >&2; exit 1; }
[ -x "$web_ext" ] || { echo "package: $web_ext missing: run scripts/setup.sh (npm ci)" >&2; exit 1; }

# --- Firefox build ---------------------------------------------------------------------------------
rm -rf "$firefox.new"
cp -R "$chrome" "$firefox.new"
for f in $(node -e "import('./scripts/manifest.mjs').then(m => console.log(m.CHROMIUM_ONLY_FILES.join(' ')))"); do
  rm -f "$firefox.new/$f"
done
while read -r target source; do
  mv -f "$firefox.new/$source" "$firefox.new/$target"
done < <(node -e "import('./scripts/manifest.mjs').then(m => { for (const [t, s] of Object.entries(m.FIREFOX_REPLACES)) console.log(t, s); })")
node scripts/manifest.mjs firefox <"$chrome/manifest.json" >"$firefox.new/manifest.json"
rm -rf "$firefox"
mv "$firefox.new" "$firefox"
say "dist/firefox: $(find "$firefox" -type f | wc -l) files"

# --- the Firefox tests' variant ------------------------------------------------------------------
rm -rf "$firefox-test.new"
cp -R "$firefox" "$firefox-test.new"
node scripts/manifest.mjs firefox-test <"$chrome/manifest.json" >"$firefox-test.new/manifest.json"
rm -rf "$firefox-test"
mv "$firefox-test.new" "$firefox-test"
say "dist/firefox-test: the Firefox build with the loopback tests' manifest (never packaged)"

# --- archives --------------------------------------------------------------------------------------
# Stable archives: files in sorted order, fixed times, no extra attributes (zip -X), so the
# same build gives the same bytes.
archive() { # <source dir> <output file> [files to leave out …]
  local src="$1" out="$2" tmp
  shift 2
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/wdcap-package.XXXXXX")"
  cp -R "$src/." "$tmp/"
  for f in "$@"; do rm -f "$tmp/$f"; done
  find "$tmp" -exec touch -h -d '2000-01-01 00:00:00 UTC' {} +
  rm -f "$out"
  (cd "$tmp" && find . -type f ! -name '.*' | LC_ALL=C sort | sed 's|^\./||' | zip -X -q -@ "$out")
  rm -rf "$tmp"
  say "$(basename "$out"): $(wc -c <"$out") bytes"
}

# The Firefox variants of browser-specific modules are not part of the Chromium package.
archive "$chrome" "$dist/chrome.zip" $(node -e "import('./scripts/manifest.mjs').then(m => console.log(Object.values(m.FIREFOX_REPLACES).join(' ')))")
cp "$dist/chrome.zip" "$dist/edge.zip"
say "edge.zip: the Chrome build (Edge loads it unchanged)"
archive "$firefox" "$dist/firefox.xpi"

scripts/lint-firefox.sh
