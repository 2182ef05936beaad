#!/usr/bin/env bash
# `check --format sarif` validated by Microsoft's SARIF Multitool (from npm,
# installed into a cache outside the repository): relative and absolute
# paths, and a file name that needs percent-encoding. Any SARIF error fails.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DETRITUS_CACHE:-$HOME/.cache/detritus}/sarif-multitool"
if [[ ! -x $cache/node_modules/.bin/sarif-multitool ]]; then
  mkdir -p "$cache"
  npm install --silent --prefix "$cache" @microsoft/sarif-multitool >/dev/null
fi
bin="${DETRITUS_BIN:-$repo/target/release/detritus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/articles"
cp "$repo"/corpus/*.txt "$work/articles/"
cp "$repo/corpus/000_seed_bytedance_openai.txt" "$work/articles/a name with spaces#1.txt"
cd "$work"
"$bin" check --quiet --format sarif articles > relative.sarif || true
"$bin" check --quiet --format sarif "$work/articles" > absolute.sarif || true
for log in relative.sarif absolute.sarif; do
  out="$("$cache/node_modules/.bin/sarif-multitool" validate "$log" -o "$log.result" 2>&1 || true)"
  if grep -q "error SARIF\|error ERR\|error JSON" <<<"$out" || ! grep -q "Analysis completed successfully" <<<"$out"; then
    echo "SARIF validation failed for $log:" >&2
    echo "$out" >&2
    exit 1
  fi
done
echo "SARIF: relative and absolute logs validate"
