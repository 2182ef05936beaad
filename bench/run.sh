#!/usr/bin/env bash
# Benchmark detritus against its peers on real news with injected debris.
# See bench/README.md. In one run:
#   1. fetches clean English news (scripts/fetch-clean-news.sh) into the cache
#   2. injects seeded debris into it (bench/inject_debris.py)
#   3. sets up ftfy and sacremoses in a throwaway virtualenv in the cache
#   4. builds detritus (cargo build --release) and times check and fix,
#      single-threaded and on all cores, next to ftfy, sacremoses and ripgrep
#   5. checks linear scaling (4x the text, one 50 MB line) and flat memory
#      for fix --jsonl streaming
#   6. saves or compares a baseline of the MB/s figures
# Everything generated goes under ${DETRITUS_CACHE:-$HOME/.cache/detritus},
# outside the repository.
set -euo pipefail

usage() {
    cat <<'USAGE'
usage: bench/run.sh [options]

  --quick                 smoke run on 2 MB of text (smaller scaling inputs too)
  --runs N                best of N runs per figure (default 3)
  --large                 also measure fix --jsonl memory on 1 GB of records
  --save-baseline FILE    write the measured MB/s figures to FILE (JSON)
  --baseline FILE         compare with FILE; exit non-zero if any detritus
                          figure is more than --threshold slower
  --threshold F           allowed slowdown as a fraction (default 0.10)
  --guard wall|both       wall (default): flag on wall-clock MB/s alone; both: flag
                          only when CPU-time MB/s fell too (for busy machines)
  --seed N                seed of the debris generator (default 20170214)
  --timeout S             give up on one command after S seconds (default 600)
  --repeat-cutoff S       do not repeat a command whose run took over S s (default 15)
  --report FILE           also write the markdown report to FILE
  --no-build              use the existing release binary, do not run cargo
  -h, --help              this text

Environment: DETRITUS_CACHE (default $HOME/.cache/detritus) holds the news,
the generated inputs and the peers' virtualenv; CARGO_TARGET_DIR (default
target/) is where the release binary is built and looked for.

Exit status: 0 all good; 1 a figure regressed against --baseline; 2 a scaling
or memory check failed or detritus crashed; 3 both; other values are errors.
USAGE
}

started=$(date +%s)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
abspath() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }

quick=0 large=0 runs=3 seed=20170214 build=1 threshold=0.10 timeout=600 cutoff=15
save_baseline="" baseline="" report="" guard=wall
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1; shift ;;
        --large) large=1; shift ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) runs="${1#*=}"; shift ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --seed=*) seed="${1#*=}"; shift ;;
        --threshold) threshold="${2:?--threshold needs a fraction}"; shift 2 ;;
        --threshold=*) threshold="${1#*=}"; shift ;;
        --timeout) timeout="${2:?--timeout needs seconds}"; shift 2 ;;
        --timeout=*) timeout="${1#*=}"; shift ;;
        --repeat-cutoff) cutoff="${2:?--repeat-cutoff needs seconds}"; shift 2 ;;
        --repeat-cutoff=*) cutoff="${1#*=}"; shift ;;
        --save-baseline) save_baseline="$(abspath "${2:?--save-baseline needs a file}")"; shift 2 ;;
        --save-baseline=*) save_baseline="$(abspath "${1#*=}")"; shift ;;
        --baseline) baseline="$(abspath "${2:?--baseline needs a file}")"; shift 2 ;;
        --baseline=*) baseline="$(abspath "${1#*=}")"; shift ;;
        --report) report="$(abspath "${2:?--report needs a file}")"; shift 2 ;;
        --report=*) report="$(abspath "${1#*=}")"; shift ;;
        --guard) guard="${2:?--guard needs wall or both}"; shift 2 ;;
        --guard=*) guard="${1#*=}"; shift ;;
        --no-build) build=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench: unknown argument: $1" >&2; usage >&2; exit 64 ;;
    esac
done
if [ -n "$baseline" ]; then
    [ -f "$baseline" ] || { echo "bench: no baseline file $baseline" >&2; exit 64; }
    # Fail before the fetch and the build when the modes cannot be compared.
    want_mode=default; [ "$quick" = 1 ] && want_mode=quick
    saved_mode="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("mode"))' "$baseline" 2>/dev/null || echo unreadable)"
    if [ "$saved_mode" = unreadable ]; then
        echo "bench: cannot read $baseline as a baseline (JSON from --save-baseline)" >&2; exit 64
    elif [ "$saved_mode" != "$want_mode" ]; then
        echo "bench: $baseline was saved in $saved_mode mode; run the same mode to compare" >&2; exit 64
    fi
fi

cd "$root"
log() { echo "bench: $*" >&2; }

# --- tools ------------------------------------------------------------------
apt_updated=0
apt_install() {
    if ! command -v apt-get >/dev/null; then
        log "please install: $*"; exit 69
    fi
    local sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    if [ "$apt_updated" = 0 ]; then
        "${sudo[@]}" apt-get update -qq >&2
        apt_updated=1
    fi
    log "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >&2
}
PYTHON="${PYTHON:-$(command -v python3 || true)}"
[ -n "$PYTHON" ] || apt_install python3 python3-venv
PYTHON="${PYTHON:-$(command -v python3)}"
command -v rg >/dev/null || apt_install ripgrep
[ -x /usr/bin/time ] || apt_install time

# --- 1. clean news ------------------------------------------------------------
cache="${DETRITUS_CACHE:-$HOME/.cache/detritus}"
work="$cache/bench"
mkdir -p "$work"
news="$(scripts/fetch-clean-news.sh --cache "$cache" --concat "$work/news.txt")"
articles="$(scripts/fetch-clean-news.sh --cache "$cache" 2>/dev/null)"

# --- 2. debris ------------------------------------------------------------------
if [ "$quick" = 1 ]; then mode=quick max_bytes=2000000; else mode=default max_bytes=0; fi
inputs="$work/inputs-$mode"
want="$(cat "$articles/.complete") seed=$seed max=$max_bytes $(cksum < "$here/inject_debris.py")"
if [ ! -f "$inputs/.stamp" ] || [ "$(cat "$inputs/.stamp")" != "$want" ]; then
    log "injecting debris (seed $seed) into $inputs"
    rm -rf "$inputs"
    "$PYTHON" "$here/inject_debris.py" "$articles" "$inputs" --seed "$seed" --max-bytes "$max_bytes"
    echo "$want" > "$inputs/.stamp"
fi
if [ "$quick" = 0 ] && ! cmp -s "$news" "$inputs/clean.txt"; then
    log "warning: $inputs/clean.txt differs from $news"
fi

# --- 3. peers -------------------------------------------------------------------
venv="$cache/venv-peers"
peer_pkgs=(ftfy==6.3.1 sacremoses==0.2.0)
if ! "$venv/bin/python" -c 'import ftfy, sacremoses' 2>/dev/null; then
    log "creating $venv with ${peer_pkgs[*]}"
    rm -rf "$venv"
    "$PYTHON" -m venv "$venv" 2>/dev/null || { apt_install python3-venv; "$PYTHON" -m venv "$venv"; }
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${peer_pkgs[@]}" >&2
fi

# --- 4. build -------------------------------------------------------------------
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$root/$target" ;; esac
bin="$target/release/detritus"
build_started=$(date +%s)
if [ "$build" = 1 ]; then
    log "cargo build --release (target dir $target)"
    cargo build --release --quiet >&2
fi
build_seconds=$(( $(date +%s) - build_started ))
[ -x "$bin" ] || { log "no binary at $bin (build it, or drop --no-build)"; exit 69; }
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || true)"

# --- 5, 6. measure, report, baseline -------------------------------------------
args=(--bin "$bin" --inputs "$inputs" --work "$work/derived-$mode" --peer-python "$venv/bin/python"
      --rg "$(command -v rg)" --time-bin /usr/bin/time --runs "$runs" --timeout "$timeout"
      --repeat-cutoff "$cutoff" --threshold "$threshold" --guard "$guard" --commit "$commit" --elapsed-since "$started" --build-seconds "$build_seconds"
      --report "${report:-$work/report-$mode.md}")
[ "$quick" = 1 ] && args+=(--quick)
[ "$large" = 1 ] && args+=(--large)
[ -n "$save_baseline" ] && args+=(--save-baseline "$save_baseline")
[ -n "$baseline" ] && args+=(--baseline "$baseline")
exec "$venv/bin/python" "$here/bench.py" "${args[@]}"
