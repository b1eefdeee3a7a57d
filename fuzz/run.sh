#!/usr/bin/env bash
# `make fuzz`: builds the cargo-fuzz targets (fuzz/fuzz_targets/) and runs each for
# FUZZ_SECONDS seconds (default 60), then prints a table of executions and findings.
#
#   FUZZ_SECONDS=300 make fuzz            longer runs
#   FUZZ_TARGETS="url html" make fuzz     some targets only (names: `cargo fuzz list`)
#   FUZZ_MERGE=1 make fuzz                afterwards, merge what the runs found into the committed
#                                         corpus (fuzz/corpus/<target>), keeping only inputs that
#                                         add coverage
#
# Each run reads the committed corpus (fuzz/corpus/<target>, plus the page fixtures for the HTML
# target) and writes what it finds to fuzz/target/corpus/<target> (ignored by git), so runs build
# on each other without growing the repository. A crash, a timeout (an input slower than 10 s:
# a hang or a quadratic path) or running out of memory (over 2 GB) is a finding: its input is
# saved under fuzz/artifacts/<target>/ and the make target fails. Reproduce one with
# `RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a <target> fuzz/artifacts/<target>/<file>`.
#
# cargo-fuzz needs nightly rustc flags (sanitizer-coverage instrumentation); RUSTC_BOOTSTRAP=1
# enables them on the stable toolchain, for this build only. No sanitizer is used (`-s none`):
# the core is safe Rust, so AddressSanitizer would only slow the runs; debug assertions (`-a`)
# stay on, so an integer overflow is a finding too.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"

fuzz/setup.sh

export RUSTC_BOOTSTRAP=1
seconds="${FUZZ_SECONDS:-60}"
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz: FUZZ_SECONDS must be a whole number" >&2; exit 2; }
flags=(-O -a -s none)

targets="${FUZZ_TARGETS:-$(cargo fuzz list)}"
echo "fuzz: building $(echo $targets | wc -w) target(s)"
cargo fuzz build "${flags[@]}"

# Extra read-only seed directories per target.
extra_seeds() {
  case "$1" in
    html) echo "tests/fixtures/pages tests/fixtures/hostile" ;;
    check_text) echo "fuzz/corpus/url tests/fixtures/hostile" ;;
    *) echo "" ;;
  esac
}

dict_for() {
  case "$1" in
    check_text | url) echo "fuzz/dict/url.dict" ;;
    *) echo "fuzz/dict/html.dict" ;;
  esac
}

final_stat() { # final_stat NAME LOG: the value of libFuzzer's last `stat::NAME: value` line
  local v
  v="$(sed -n "s/^stat::$1: *//p" "$2" | tail -n 1)"
  echo "${v:--}"
}

mkdir -p fuzz/target/logs
rows=()
failed=0
for t in $targets; do
  work="fuzz/target/corpus/$t"
  log="fuzz/target/logs/$t.log"
  mkdir -p "$work" "fuzz/corpus/$t" "fuzz/artifacts/$t"
  seeds=("fuzz/corpus/$t")
  for d in $(extra_seeds "$t"); do
    [ -d "$d" ] && seeds+=("$d")
  done
  before="$(find "fuzz/artifacts/$t" -type f | wc -l)"
  echo "fuzz: $t for ${seconds}s"
  status=0
  cargo fuzz run "${flags[@]}" "$t" "$work" "${seeds[@]}" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -dict="$(dict_for "$t")" -print_final_stats=1 -close_fd_mask=1 >"$log" 2>&1 || status=$?
  after="$(find "fuzz/artifacts/$t" -type f | wc -l)"
  findings=$((after - before))
  if [ "$status" -ne 0 ] && [ "$findings" -eq 0 ]; then
    # Failed without saving an input (e.g. the build or the harness broke): still a failure.
    findings="error (exit $status)"
  fi
  if [ "$findings" != 0 ]; then
    failed=1
    echo "fuzz: $t: FINDING, see $log and fuzz/artifacts/$t/" >&2
    grep -E "panicked at|ERROR: libFuzzer|SUMMARY" "$log" | head -5 >&2 || true
  fi
  rows+=("$(printf '%-14s %8s %14s %10s %8s %10s  %s' "$t" "$seconds" \
    "$(final_stat number_of_executed_units "$log")" "$(final_stat average_exec_per_sec "$log")" \
    "$(find "$work" -type f | wc -l)" "$(final_stat peak_rss_mb "$log")" "$findings")")
  if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$findings" = 0 ]; then
    cargo fuzz run "${flags[@]}" "$t" "fuzz/corpus/$t" "$work" -- -merge=1 >/dev/null 2>&1
  fi
done

echo
printf '%-14s %8s %14s %10s %8s %10s  %s\n' target seconds executions "exec/s" corpus "peak MB" findings
printf '%s\n' "${rows[@]}"
exit "$failed"
