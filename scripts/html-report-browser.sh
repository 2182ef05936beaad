#!/usr/bin/env bash
# Check `detritus report --html` in a real browser: open the report of
# corpus/ in headless Chromium, filter by rule and by safety, reject one
# fix, accept an unsafe one, export the decisions, apply them with
# `detritus fix --decisions` to a copy of the corpus and check the result.
# Then time a 1,000-article report. Screenshots go in the work directory.
#
# Usage: scripts/html-report-browser.sh
# Needs node and npm; installs Debian's chromium when it is missing, and
# playwright-core (which drives it) into a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

work=$(mktemp -d "${TMPDIR:-/tmp}/detritus-html.XXXXXX")
echo "work directory: $work"

if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM=${CHROMIUM:-$(command -v chromium)}

# playwright-core brings no browser of its own; it drives the one above.
pw=${DETRITUS_PLAYWRIGHT_DIR:-${TMPDIR:-/tmp}/detritus-playwright}
if [[ ! -d $pw/node_modules/playwright-core ]]; then
  npm install --silent --no-audit --no-fund --prefix "$pw" playwright-core >/dev/null
fi
export NODE_PATH=$pw/node_modules

# Built here, so a stale release binary is never the one checked.
target=${CARGO_TARGET_DIR:-$repo/target}
bin=${DETRITUS_BIN:-}
if [[ -z $bin ]]; then
  cargo build --quiet
  bin=$target/debug/detritus
fi
echo "binary: $bin"

# The review: the corpus, one copy to apply the exported decisions to and
# one for plain `fix`, to compare with.
cp -r corpus "$work/corpus"
cp -r corpus "$work/decided"
cp -r corpus "$work/plain"
"$bin" report --html "$work/report.html" "$work/corpus"
node scripts/html-report-browser.js review "$work/report.html" "$bin" "$work/decided" "$work/plain" "$work/report.png"
echo "screenshots: $work/report.png $work/report-side-by-side.png"

# A thousand articles: the corpus 63 times over, each copy numbered so its
# fixes get keys of their own.
mkdir "$work/big"
for i in $(seq -w 1 63); do
  for f in corpus/*.txt; do
    sed "1s/^/Copy $i. /; s/ the / the $i /" "$f" >"$work/big/${i}_$(basename "$f")"
  done
done
count=$(find "$work/big" -type f | wc -l)
"$bin" report --html "$work/big.html" "$work/big"
size=$(stat -c %s "$work/big.html")
echo "1,000-article check: $count articles, page of $((size / 1024)) KiB"
node scripts/html-report-browser.js time "$work/big.html"
echo "all browser checks passed"
