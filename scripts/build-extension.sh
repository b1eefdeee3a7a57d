#!/usr/bin/env bash
# Builds the unpacked extension in dist/chrome/ (called by `make build`; see the Makefile).
# WDCAP_DIST in the environment puts it in $WDCAP_DIST/chrome/ instead (a second build, e.g.
# for benchmarking, that leaves dist/ alone).
#
#   1. the wasm core: `cargo build --profile wasm-release --lib --target wasm32-unknown-unknown`, then
#      wasm-bindgen (--target web) and wasm-opt -Oz from the npm `binaryen` package (Debian's
#      binaryen corrupts current wasm-bindgen output: /work/shared/toolchain.md) into
#      dist/chrome/pkg/{wdcap.js,wdcap_bg.wasm};
#   2. every file under extension/ copied into dist/chrome/ (subfolders kept), files that are no
#      longer in extension/ removed; type declarations (*.d.ts) stay behind (tsc reads them,
#      the browser does not);
#   3. dist/chrome/content/content.js assembled as a classic script (content scripts cannot be ES
#      modules): the modules it uses (CONTENT_MODULES below) with their `export ` keywords and
#      `import` lines stripped, then extension/content/content.js, all inside one function scope
#      so that a second injection into the same isolated world does not redeclare their
#      top-level constants (a SyntaxError before any line runs; content.js then makes the second
#      copy a no-op). The result must parse (`node --check`): two modules declaring the same
#      name would not. dist/chrome/content/snapshot.js stays the ES module copy;
#   4. dist/chrome/pages/popup/panel.html generated from extension/pages/popup/popup.html (the
#      same page, with <body data-view="panel">), so the markup exists once;
#   5. dist/chrome-test/: the same files with the loopback tests' manifest (scripts/manifest.mjs
#      `testManifest`: its host patterns also match plain `http`, which the simulator serves
#      pages over). The end-to-end tests, the demo and the benchmark load it; it is never
#      packaged (scripts/package.sh zips dist/chrome, whose patterns are `https://` only).
#
# Incremental: cargo decides whether the wasm changed; wasm-bindgen + wasm-opt run only when the
# cargo output or the tool versions differ from the last run (a stamp in the cargo target dir);
# files are copied only when their content differs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
dist="${WDCAP_DIST:-$root/dist}/chrome"
ext="$root/extension"
wasm_opt="$root/node_modules/.bin/wasm-opt"
# The features wasm-bindgen's output uses; not `-all` (toolchain.md).
wasm_opt_flags=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-reference-types --enable-multivalue --enable-mutable-globals)
# --experimental-reset-state-function: the glue exports __wbg_reset_state(), which
# extension/worker/core.js calls to re-instantiate the module after a trap (panic = "abort").
bindgen_flags=(--target web --no-typescript --remove-name-section --remove-producers-section
  --experimental-reset-state-function --out-name wdcap)
# WDCAP_KEEP_NAMES=1 keeps the function names (a larger module, for profiling only:
# bench/profile.mjs); never for a shipped build.
if [ "${WDCAP_KEEP_NAMES:-0}" = 1 ]; then
  kept=()
  for f in "${bindgen_flags[@]}"; do [ "$f" = --remove-name-section ] || kept+=("$f"); done
  bindgen_flags=("${kept[@]}")
  wasm_opt_flags+=(-g)
fi

say() { printf 'build: %s\n' "$*"; }

# Copies $1 to $2 unless $2 already has the same bytes (keeps mtimes stable for the browser's
# and make's sake).
install_file() {
  if ! cmp -s "$1" "$2"; then
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
    return 0
  fi
  return 1
}

# --- 1. wasm --------------------------------------------------------------------------------
[ -x "$wasm_opt" ] || { echo "build: $wasm_opt missing: run scripts/setup.sh" >&2; exit 1; }
command -v wasm-bindgen >/dev/null || { echo "build: wasm-bindgen missing: run scripts/setup.sh" >&2; exit 1; }

cargo build --profile wasm-release --lib --target wasm32-unknown-unknown
raw="$target_dir/wasm32-unknown-unknown/wasm-release/wdcap.wasm"
[ -f "$raw" ] || { echo "build: cargo produced no $raw" >&2; exit 1; }

stamp_file="$target_dir/wdcap-extension.stamp"
stamp="$(
  sha256sum "$raw" | cut -d' ' -f1
  wasm-bindgen --version
  "$wasm_opt" --version
  echo "${bindgen_flags[*]} ${wasm_opt_flags[*]}"
)"
if [ -f "$dist/pkg/wdcap.js" ] && [ -f "$dist/pkg/wdcap_bg.wasm" ] &&
  [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
  say "wasm unchanged, pkg/ kept"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/wdcap-bindgen.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  wasm-bindgen "${bindgen_flags[@]}" --out-dir "$work/out" "$raw"
  "$wasm_opt" "${wasm_opt_flags[@]}" "$work/out/wdcap_bg.wasm" -o "$work/wdcap_bg.opt.wasm"
  mv -f "$work/wdcap_bg.opt.wasm" "$work/out/wdcap_bg.wasm"
  # Replace pkg/ as a whole: a stale snippet from an older build must not linger.
  rm -rf "$dist/pkg.new"
  mkdir -p "$dist"
  cp -R "$work/out" "$dist/pkg.new"
  rm -rf "$dist/pkg"
  mv "$dist/pkg.new" "$dist/pkg"
  printf '%s\n' "$stamp" >"$stamp_file"
  say "pkg/wdcap_bg.wasm $(wc -c <"$dist/pkg/wdcap_bg.wasm") bytes," \
    "$(gzip -9c "$dist/pkg/wdcap_bg.wasm" | wc -c) gzipped"
fi

# --- 2. extension files -----------------------------------------------------------------------
# extension/pkg/ (a developer's local wasm build, git-ignored) never goes in: dist has its own.
content_script="content/content.js"
panel_page="pages/popup/panel.html"
popup_page="pages/popup/popup.html"
copied=0
declare -A wanted=()
while IFS= read -r -d '' file; do
  rel="${file#"$ext"/}"
  case "$rel" in
    pkg/* | "$content_script" | "$panel_page" | *.d.ts) continue ;;
  esac
  wanted["$rel"]=1
  if install_file "$file" "$dist/$rel"; then copied=$((copied + 1)); fi
done < <(find "$ext" -type f ! -name '*~' ! -name '.*.swp' -print0)

# --- 3. the content script ----------------------------------------------------------------------
# The modules the content script uses, in dependency order (each may import only those before
# it): the lists, the message names, the severity ranking, the snapshotter.
CONTENT_MODULES=(shared/generated/lists.js shared/messages.js shared/findings.js content/snapshot.js)
wanted["$content_script"]=1
for module in "${CONTENT_MODULES[@]}"; do
  if grep -qE '^[[:space:]]*import([[:space:]{*]|$)' "$ext/$module" &&
    grep -E '^[[:space:]]*import([[:space:]{*]|$)' "$ext/$module" | grep -qvE ";[[:space:]]*$"; then
    echo "build: extension/$module has an import over several lines; the content script" \
      "assembly strips one-line imports only" >&2
    exit 1
  fi
  if grep -qE '^[[:space:]]*export[[:space:]]+(default|\{|\*)' "$ext/$module"; then
    echo "build: extension/$module uses 'export default/{...}/*', which cannot be" \
      "stripped into a classic script; export declarations only" >&2
    exit 1
  fi
done
if grep -qE '^[[:space:]]*(import|export)[[:space:](*{]' "$ext/$content_script"; then
  echo "build: extension/$content_script must be a classic script (no import/export): it is" \
    "appended to the modules it uses (${CONTENT_MODULES[*]}), whose declarations it can use directly" >&2
  exit 1
fi
# A .cjs name: node checks it as a classic script, whatever package.json says of .js files.
assembled="$dist/.content.$$.cjs"
{
  echo "// Generated by scripts/build-extension.sh: ${CONTENT_MODULES[*]/#/extension/} (imports"
  echo "// and exports stripped) followed by extension/$content_script, in one function scope."
  echo "// Edit those, not this file."
  echo "(() => {"
  for module in "${CONTENT_MODULES[@]}"; do
    sed -E -e '/^[[:space:]]*import[[:space:]]/d' -e 's/^([[:space:]]*)export[[:space:]]+/\1/' "$ext/$module"
    echo
  done
  cat "$ext/$content_script"
  echo "})();"
} >"$assembled"
node --check "$assembled" || {
  echo "build: the assembled content script does not parse (a name declared twice?)" >&2
  rm -f "$assembled"
  exit 1
}
mkdir -p "$(dirname "$dist/$content_script")"
if install_file "$assembled" "$dist/$content_script"; then copied=$((copied + 1)); fi
rm -f "$assembled"

# --- 4. the side panel page ----------------------------------------------------------------------
# The side panel (Chromium's side_panel, Firefox's sidebar_action) is the popup's page with
# <body data-view="panel">: generated here, so the markup is written once (extension/$popup_page).
# A file of its own, not popup.html?view=panel: the manifest keys name a file. It sits beside the
# popup's page, so the relative addresses of its styles and scripts are the same.
grep -q '<body data-view="popup">' "$ext/$popup_page" || {
  echo "build: extension/$popup_page has no <body data-view=\"popup\">, the panel cannot be made from it" >&2
  exit 1
}
wanted["$panel_page"]=1
panel="$dist/.panel.html.$$"
sed 's/<body data-view="popup">/<body data-view="panel">/' "$ext/$popup_page" >"$panel"
if install_file "$panel" "$dist/$panel_page"; then copied=$((copied + 1)); fi
rm -f "$panel"

# Remove what is no longer in extension/ (pkg/ is ours).
removed=0
while IFS= read -r -d '' file; do
  rel="${file#"$dist"/}"
  case "$rel" in pkg/*) continue ;; esac
  if [ -z "${wanted[$rel]:-}" ]; then
    rm -f "$file"
    removed=$((removed + 1))
  fi
done < <(find "$dist" -type f -print0)
find "$dist" -mindepth 1 -type d -empty -delete

say "dist/chrome: ${#wanted[@]} extension files ($copied updated, $removed removed)"

# --- 5. the loopback tests' variant --------------------------------------------------------------
test_dist="${WDCAP_DIST:-$root/dist}/chrome-test"
mkdir -p "$test_dist"
declare -A test_wanted=()
while IFS= read -r -d '' file; do
  rel="${file#"$dist"/}"
  [ "$rel" = manifest.json ] && continue
  test_wanted["$rel"]=1
  install_file "$file" "$test_dist/$rel" || true
done < <(find "$dist" -type f -print0)
test_manifest="$test_dist/.manifest.json.$$"
node "$root/scripts/manifest.mjs" test <"$dist/manifest.json" >"$test_manifest"
install_file "$test_manifest" "$test_dist/manifest.json" || true
rm -f "$test_manifest"
test_wanted[manifest.json]=1
while IFS= read -r -d '' file; do
  rel="${file#"$test_dist"/}"
  [ -n "${test_wanted[$rel]:-}" ] || rm -f "$file"
done < <(find "$test_dist" -type f -print0)
find "$test_dist" -mindepth 1 -type d -empty -delete
say "dist/chrome-test: the same files, with the loopback tests' manifest (never packaged)"
