#!/usr/bin/env bash
# The pre-commit hooks, run by the real pre-commit tool (from PyPI, in a
# virtualenv cached outside the repository) against this repository with
# `try-repo`: the check hook must fail on a dirty article naming the rule,
# and the fix hook must leave the article fixed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cache="${DETRITUS_CACHE:-$HOME/.cache/detritus}"
venv="$cache/venv-pre-commit"
if [[ ! -x $venv/bin/pre-commit ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pre-commit
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git init --quiet
git config user.email test@example.com
git config user.name test
printf 'An experimental model , which never shipped .\n' > article.txt
printf 'print("a , b")\n' > code.py
git add article.txt code.py

# Both hooks in one run, so the hook environment is built once; a quick
# build profile, since this tests the hooks, not the optimiser.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
set +e
out="$("$venv/bin/pre-commit" try-repo "$repo" --files article.txt code.py 2>&1)"
code=$?
set -e
fixed="$(cat article.txt)"
check="$(sed -n '/^detritus check/,/^detritus fix/p' <<<"$out")"
if [[ $code -ne 1 || $check != *W001* ]]; then
  echo "detritus-check: expected exit 1 naming W001, got $code:" >&2
  echo "$out" >&2
  exit 1
fi
if [[ $out == *code.py* ]]; then
  echo "a hook read a file that is not prose:" >&2
  echo "$out" >&2
  exit 1
fi
if [[ $fixed != "An experimental model, which never shipped." || $(cat code.py) != 'print("a , b")' ]]; then
  echo "detritus-fix: expected the article fixed and the code untouched, got: $fixed" >&2
  echo "$out" >&2
  exit 1
fi
echo "pre-commit hooks: check fails naming the rule, fix repairs the article"
