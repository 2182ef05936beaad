#!/usr/bin/env bash
# A short fuzz run of every target on each change, so a regression in
# convergence, span boundaries or the JSON Lines stream shows up in CI and
# the targets keep compiling against the library. Long runs are by hand
# (fuzz/README.md). Installs the nightly toolchain and cargo-fuzz if missing.
# Usage: scripts/fuzz-smoke.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

./seed.sh
cargo +nightly fuzz build -s none -a
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in fix check jsonl; do
  # -s none: the crate has no unsafe code; -a: debug assertions make the
  # linter's own police checks fire as crashes.
  if ! cargo +nightly fuzz run -s none -a "$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  echo "$target: $(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' ')"
done
