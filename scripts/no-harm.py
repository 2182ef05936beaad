#!/usr/bin/env python3
"""The multilingual no-harm suite: run detritus over real, correct text in
hundreds of languages and scripts and report what it flags and changes.

    scripts/fetch-multilingual.py          # once: fills the cache
    scripts/no-harm.py                     # report; exit 1 when a limit is broken
    scripts/no-harm.py --per-language      # also one line per language
    scripts/no-harm.py --source udhr --samples 20

Every document is correct text, so every finding is a false positive and
every change is harm. Measured per document:

  flagged        `check` reports anything
  safe changed   plain `fix` changes it
  safe letters   plain `fix` changes a letter or digit (compared after NFC)
  script chars   plain `fix` removes a character a script needs: ZWNJ/ZWJ
                 (Arabic-script and Indic text), ZWSP (scripts written without
                 spaces), NNBSP and the Mongolian separators, next to a letter
                 of a script other than Latin, Cyrillic or Greek
  unsafe letters `fix --unsafe-fixes` changes a letter or digit

Limits (exit 1 when broken): safe letters 0, script chars 0, flagged at most
--max-flagged percent (default 20), unsafe letters at most --max-unsafe
percent (default 1).
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

SCRIPT_CHARS = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u202f": "NNBSP",
    "\u180e": "MVS",
    "\u180b": "FVS1",
    "\u180c": "FVS2",
    "\u180d": "FVS3",
}


def letters(text):
    return [c for c in unicodedata.normalize("NFC", text) if c.isalnum()]


EUROPEAN = ("LATIN", "CYRILLIC", "GREEK")


def needs_it(text, i):
    """True when the nearest letter on either side of text[i] (past spaces
    and other invisibles) is of a script that may need the character: a
    zero-width space between Latin words is debris, one in Khmer is not."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(text) and (text[j] in SCRIPT_CHARS or text[j] in " \t"):
            j += step
        if 0 <= j < len(text) and (text[j].isalpha() or unicodedata.category(text[j]).startswith("M")):
            if not unicodedata.name(text[j], "").startswith(EUROPEAN):
                return True
    return False


def script_chars(text):
    return collections.Counter(SCRIPT_CHARS[c] for i, c in enumerate(text) if c in SCRIPT_CHARS and needs_it(text, i))


def run(bin_, args, cwd):
    p = subprocess.run([bin_, *args], cwd=cwd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"no-harm: `detritus {' '.join(args)}` exited {p.returncode}:\n{p.stderr}")
    return p.stdout


def read_log(path):
    by_doc = collections.defaultdict(list)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                entry = json.loads(line)
                by_doc[entry["file"]].append(entry)
    return by_doc


def first_changed_line(before, after):
    for a, b in zip(before.splitlines(), after.splitlines()):
        if a != b:
            return a, b
    return before[:120], after[:120]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "detritus"))
    ap.add_argument(
        "--cache", default=os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus")), help="cache root"
    )
    # The default set of fetch-multilingual.py; others are opt-in.
    ap.add_argument(
        "--source", action="append", help="only this source (repeatable); default: django, sphinx, udhr, wagtail"
    )
    ap.add_argument("--samples", type=int, default=5, help="samples shown per rule")
    ap.add_argument("--per-language", action="store_true", help="one line per language")
    ap.add_argument("--max-flagged", type=float, default=20.0)
    ap.add_argument("--max-unsafe", type=float, default=1.0)
    ap.add_argument("--json", help="write the per-document results here")
    ap.add_argument("detritus_args", nargs="*", help="extra arguments for every detritus call (after --)")
    args = ap.parse_args()

    base = os.path.join(args.cache, "multilingual")
    manifest_path = os.path.join(base, "manifest.jsonl")
    if not os.path.exists(manifest_path):
        sys.exit("no-harm: no multilingual cache; run scripts/fetch-multilingual.py first")
    with open(manifest_path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    docs = [d for d in docs if d["source"] in (args.source or ["django", "sphinx", "udhr", "wagtail"])]
    if not os.path.exists(args.bin):
        sys.exit(f"no-harm: {args.bin} not found; build it with `cargo build --release`")

    work = tempfile.mkdtemp(prefix="detritus-no-harm-")
    try:
        for d in docs:
            dest = os.path.join(work, "in", d["path"])
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(os.path.join(base, d["path"]), dest)
        extra = args.detritus_args
        found = json.loads(run(args.bin, ["check", "--format", "json", *extra, "in"], work) or "[]")
        run(args.bin, ["fix", "--quiet", "--output", "safe", "--log", "safe.log", *extra, "in"], work)
        run(
            args.bin,
            ["fix", "--quiet", "--unsafe-fixes", "--output", "unsafe", "--log", "unsafe.log", *extra, "in"],
            work,
        )
        by_doc = collections.defaultdict(list)
        for diag in found:
            by_doc[os.path.relpath(diag["path"], "in")].append(diag)
        logs = {mode: read_log(os.path.join(work, f"{mode}.log")) for mode in ("safe", "unsafe")}

        def output(mode, rel):
            for candidate in (os.path.join(work, mode, "in", rel), os.path.join(work, mode, rel)):
                if os.path.exists(candidate):
                    with open(candidate, encoding="utf-8") as f:
                        return f.read()
            return None

        results = []
        rule_docs = {m: collections.Counter() for m in ("check", "safe", "unsafe")}
        samples = {m: collections.defaultdict(list) for m in ("safe", "unsafe")}
        for d in docs:
            with open(os.path.join(base, d["path"]), encoding="utf-8") as f:
                text = f.read()
            r = dict(d)
            diags = by_doc.get(d["path"], [])
            r["flagged"] = bool(diags)
            r["check_rules"] = sorted({x["code"] for x in diags})
            for code in r["check_rules"]:
                rule_docs["check"][code] += 1
            for mode in ("safe", "unsafe"):
                after = output(mode, d["path"])
                after = text if after is None else after
                r[f"{mode}_changed"] = after != text
                r[f"{mode}_letters"] = letters(after) != letters(text)
                lost = script_chars(text) - script_chars(after)
                r[f"{mode}_script_chars"] = dict(lost)
                entries = logs[mode].get(os.path.join("in", d["path"]), [])
                r[f"{mode}_rules"] = sorted({e["code"] for e in entries})
                for code in r[f"{mode}_rules"]:
                    rule_docs[mode][code] += 1
                for e in entries:
                    if len(samples[mode][e["code"]]) < args.samples:
                        samples[mode][e["code"]].append((d["path"], e["before"], e["after"]))
            results.append(r)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = len(results)
    langs = {r["language"].split("-")[0] for r in results}
    scripts = {r["script"] for r in results}
    count = lambda key: sum(1 for r in results if r[key])
    pct = lambda k: 100.0 * k / n if n else 0.0
    flagged, safe_changed = count("flagged"), count("safe_changed")
    safe_letters, unsafe_letters = count("safe_letters"), count("unsafe_letters")
    script_harm = sum(1 for r in results if r["safe_script_chars"])
    print(f"# no-harm: {n} documents, {len(langs)} languages, {len(scripts)} scripts")
    print()
    print("| measure | documents | share |")
    print("|---|--:|--:|")
    for name, k in [
        ("`check` flags", flagged),
        ("safe `fix` changes", safe_changed),
        ("safe `fix` changes letters", safe_letters),
        ("safe `fix` removes script characters", script_harm),
        ("unsafe `fix` changes", count("unsafe_changed")),
        ("unsafe `fix` changes letters", unsafe_letters),
    ]:
        print(f"| {name} | {k} | {pct(k):.1f}% |")
    print()
    print("| rule | flags in | safe fix changes | unsafe fix changes |")
    print("|---|--:|--:|--:|")
    for code in sorted(set(rule_docs["check"]) | set(rule_docs["safe"]) | set(rule_docs["unsafe"])):
        print(f"| {code} | {rule_docs['check'][code]} | {rule_docs['safe'][code]} | {rule_docs['unsafe'][code]} |")
    for mode in ("safe", "unsafe"):
        if samples[mode]:
            print(f"\n## what {mode} fixes changed (samples)\n")
            for code in sorted(samples[mode]):
                for path, before, after in samples[mode][code]:
                    print(f"- {code} {path}: {before!r} → {after!r}")
    if args.per_language:
        print("\n## per language\n")
        print("| document | language | script | flags | safe | unsafe letters |")
        print("|---|---|---|---|---|---|")
        for r in results:
            if r["flagged"] or r["safe_changed"] or r["unsafe_letters"]:
                print(
                    f"| {r['path']} | {r['language']} | {r['script']} | {' '.join(r['check_rules'])} "
                    f"| {' '.join(r['safe_rules'])} | {'yes' if r['unsafe_letters'] else ''} |"
                )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)
    broken = []
    if safe_letters:
        broken.append(f"safe fixes changed letters in {safe_letters} documents (limit 0)")
    if script_harm:
        broken.append(f"safe fixes removed script characters in {script_harm} documents (limit 0)")
    if pct(flagged) > args.max_flagged:
        broken.append(f"check flagged {pct(flagged):.1f}% of documents (limit {args.max_flagged}%)")
    if pct(unsafe_letters) > args.max_unsafe:
        broken.append(f"unsafe fixes changed letters in {pct(unsafe_letters):.1f}% (limit {args.max_unsafe}%)")
    for b in broken:
        print(f"no-harm: {b}", file=sys.stderr)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
