#!/usr/bin/env bash
# The Python package, as a user gets it: a fresh virtualenv, the README's
# `pip install ./python`, then python/tests (the API; Arrow, polars and
# pandas input; parity with `detritus fix --jsonl`; a real datatrove
# pipeline; a local Spark session over Parquet; the README's snippets),
# after mypy over the package.
# Needs the release binary (`cargo build --release`) and Java 17 for Spark.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
pip="$work/venv/bin/pip"
"$pip" install --quiet --upgrade pip
"$pip" install --quiet ./python
"$pip" install --quiet -r python/tests/requirements.txt
# The stub and the annotations agree with the code.
"$work/venv/bin/mypy" --ignore-missing-imports python/detritus
export DETRITUS_BIN="$repo/target/release/detritus"
# From the repository root, so `import detritus` is the installed package,
# not the source folder.
"$work/venv/bin/pytest" -q -p no:cacheprovider python/tests
