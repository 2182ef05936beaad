#!/usr/bin/env python3
"""Inject realistic scraping and machine-translation debris into clean news.

Reads a directory of one article per .txt file (title, blank line, text, as
written by scripts/fetch-clean-news.sh), takes articles in name order until
--max-bytes is reached, and writes:

  OUT/clean.txt      the articles joined with one blank line, untouched
  OUT/dirty.txt      the same articles with debris injected, joined the same way
  OUT/clean/NNNN.txt one file per clean article
  OUT/dirty/NNNN.txt one file per dirty article
  OUT/manifest.json  seed, counts per kind of debris, byte sizes

Deterministic: the same --seed and input give byte-identical output. Each
article draws from its own generator seeded by (seed, article name), so a
smaller --max-bytes yields a prefix of the larger run's articles.

Standard library only.
"""

import argparse
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys

# ---------------------------------------------------------------------------
# Where debris can go

SENT_END = re.compile(r"(?<=[a-z0-9)\]][.!?]) (?=[A-Z])")
COMMA = re.compile(r"(?<=[a-z]), (?=[a-z])")
PERIOD_SPACE = re.compile(r"(?<=[a-z])\. (?=[A-Z])")
SPACE = re.compile(r"(?<=\w) (?=\w)")
APOS = re.compile(r"(?<=[A-Za-z])['\u2019](?=[a-z])")
LONG_WORD = re.compile(r"\b[a-z]{9,}\b")
DOUBLABLE = re.compile(r"\b(the|a|to|of|in|and|for|on|that|is|with)\b ")
LATIN_COMMA = re.compile(r"(?<=[A-Za-z]), (?=[A-Za-z])")
OPEN_QUOTE = re.compile(r"(?:(?<=\s)|^)[\"\u201c](?=\w)")
AMP = re.compile(r" & ")
ORPHAN_WORDS = re.compile(r"\b[a-z]{3,6}\b")


def pick(rng, regex, text):
    """A random match of `regex` in `text`, or None."""
    ms = list(regex.finditer(text))
    return rng.choice(ms) if ms else None


def splice(text, start, end, new):
    return text[:start] + new + text[end:]


# ---------------------------------------------------------------------------
# The kinds of debris. Each takes (rng, text) and returns the new text, or
# None when the article offers no place for it.


def space_before_punct(rng, t):
    m = pick(rng, re.compile(r"(?<=[a-z])[,.](?= )"), t)
    return m and splice(t, m.start(), m.start(), " ")


def missing_space_after_period(rng, t):
    m = pick(rng, PERIOD_SPACE, t)
    return m and splice(t, m.start() + 1, m.end(), "")


def double_space(rng, t):
    m = pick(rng, SPACE, t)
    return m and splice(t, m.start(), m.end(), rng.choice(["  ", "  ", "   "]))


def trailing_space(rng, t):
    ends = [m.start() for m in re.finditer(r"\n", t)]
    if not ends:
        return None
    i = rng.choice(ends)
    return splice(t, i, i, rng.choice([" ", "  ", "\t", " \u00a0"]))


def punct_cluster(rng, t):
    if rng.random() < 0.5:
        m = pick(rng, PERIOD_SPACE, t)
        return m and splice(t, m.start(), m.end(), rng.choice([". , ", ".. ", ". . ", ",. "]))
    m = pick(rng, COMMA, t)
    return m and splice(t, m.start(), m.end(), rng.choice([",, ", ", , ", ",; "]))


def quote_damage(rng, t):
    kind = rng.randrange(4)
    if kind == 0:  # apostrophe lost or doubled
        m = pick(rng, APOS, t)
        return m and splice(t, m.start(), m.end(), rng.choice(["\u00b4", "\u2019\u2019", "' ", "`", "\u2018"]))
    if kind == 1:  # opening quote turned into a closing one
        m = pick(rng, OPEN_QUOTE, t)
        return m and splice(t, m.start(), m.end(), rng.choice(["\u201d", "\u201d", "''"]))
    if kind == 2:  # stray quote glued to a word
        m = pick(rng, SPACE, t)
        return m and splice(t, m.start(), m.end(), rng.choice([' "', '" ', " \u201c", "\u201d "]))
    m = pick(rng, SENT_END, t)  # doubled quotes
    return m and splice(t, m.start(), m.end(), rng.choice(['"" ', " \u201c\u201c", '." " ']))


def html_entity(rng, t):
    kind = rng.randrange(4)
    if kind == 0:
        m = pick(rng, AMP, t) or pick(rng, SPACE, t)
        return m and splice(t, m.start(), m.end(), " &amp; " if m.group() == " & " else " &amp; ")
    if kind == 1:
        m = pick(rng, APOS, t)
        return m and splice(t, m.start(), m.end(), rng.choice(["&#8217;", "&rsquo;", "&#39;"]))
    if kind == 2:
        m = pick(rng, SPACE, t)
        return m and splice(t, m.start(), m.end(), rng.choice(["&nbsp;", " &nbsp;", "&#160;"]))
    m = pick(rng, OPEN_QUOTE, t)
    return m and splice(t, m.start(), m.end(), rng.choice(["&quot;", "&ldquo;", "&#8220;"]))


def leaked_tag(rng, t):
    kind = rng.randrange(3)
    if kind == 0:  # paragraph tag at the start of a line
        starts = [0] + [m.end() for m in re.finditer(r"\n\n", t)]
        i = rng.choice(starts)
        return splice(t, i, i, rng.choice(["<p>", "<p class=\"lead\">", "<div>"]))
    if kind == 1:
        m = pick(rng, SPACE, t)
        return m and splice(t, m.start(), m.end(), rng.choice(["</a> ", " <a href=\"/news\">", "</span> ", " <strong>"]))
    m = pick(rng, SENT_END, t)
    return m and splice(t, m.start(), m.end(), rng.choice(["<br/>", " <br>", "<br />\n", "</p><p>"]))


def invisible(rng, t):
    if rng.random() < 0.5:
        m = pick(rng, SPACE, t)
        return m and splice(t, m.start(), m.end(), "\u00a0")
    m = pick(rng, LONG_WORD, t) or pick(rng, ORPHAN_WORDS, t)
    if not m:
        return None
    i = m.start() + rng.randrange(1, len(m.group()))
    return splice(t, i, i, rng.choice(["\u200b", "\u200b", "\ufeff", "\u200c"]))


def soft_hyphen(rng, t):
    m = pick(rng, LONG_WORD, t)
    if not m:
        return None
    i = m.start() + rng.randrange(3, len(m.group()) - 2)
    return splice(t, i, i, "\u00ad")


def mojibake(rng, t):
    # A word with a curly apostrophe, accent or dash, decoded as cp1252.
    cands = [
        m
        for m in re.finditer(r"\w*[\u2019\u201c\u201d\u2013\u2014\u00e0-\u00ff]\w*", t)
        if not re.search("[\u00c2\u00c3\u00e2]", m.group())  # not mojibake already
    ]
    if cands and rng.random() < 0.7:
        m = rng.choice(cands)
        bad = m.group().encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "\u009d")
        return splice(t, m.start(), m.end(), bad)
    m = pick(rng, APOS, t)
    if m:
        return splice(t, m.start(), m.end(), "\u00e2\u20ac\u2122")
    m = pick(rng, SPACE, t)
    return m and splice(t, m.start(), m.end(), rng.choice([" \u00e2\u20ac\u201d ", " caf\u00c3\u00a9 "]))


def fullwidth_comma(rng, t):
    m = pick(rng, LATIN_COMMA, t)
    return m and splice(t, m.start(), m.end(), rng.choice(["\uff0c", "\uff0c ", " \uff0c"]))


def doubled_word(rng, t):
    m = pick(rng, DOUBLABLE, t)
    return m and splice(t, m.start(), m.end(), m.group() + m.group())


def orphan_fragment(rng, t):
    m = pick(rng, SENT_END, t)
    w = pick(rng, ORPHAN_WORDS, t)
    return m and w and splice(t, m.start(), m.end(), " %s. " % w.group())


def missing_sentence_break(rng, t):
    m = pick(rng, PERIOD_SPACE, t)
    return m and splice(t, m.start(), m.end(), rng.choice([" ", " ", "\u00a0"]))


def crawl_header(rng, t):
    d = "20%02d-%02d-%02d" % (rng.randrange(17, 25), rng.randrange(1, 13), rng.randrange(1, 29))
    return rng.choice([" date %s " % d, "date %s\n\n" % d, " date %s | " % d]) + t


def advertisement(rng, t):
    m = pick(rng, SENT_END, t)
    return m and splice(t, m.start(), m.end(), rng.choice(["\n\nAdvertisement\n\n", " Advertisement ", "\n\nADVERTISEMENT\n\n"]))


def photo_credit(rng, t):
    credit = rng.choice(["Photo: Reuters", "Photo: AFP", "Photo: Getty Images", "(Photo: Reuters)", "Photo: AP"])
    if rng.random() < 0.5:  # under the title
        i = t.find("\n\n")
        if i >= 0:
            return splice(t, i, i, "\n\n" + credit)
    m = pick(rng, SENT_END, t)
    return m and splice(t, m.start(), m.end(), " %s " % credit)


# name -> (function, weight). Weights set the mix; --rate sets the total.
KINDS = {
    "space-before-punct": (space_before_punct, 10),
    "missing-space-after-period": (missing_space_after_period, 8),
    "double-space": (double_space, 10),
    "trailing-space": (trailing_space, 6),
    "punct-cluster": (punct_cluster, 6),
    "quote-damage": (quote_damage, 7),
    "html-entity": (html_entity, 6),
    "leaked-tag": (leaked_tag, 4),
    "nbsp-zwsp": (invisible, 6),
    "soft-hyphen": (soft_hyphen, 3),
    "mojibake": (mojibake, 5),
    "fullwidth-comma": (fullwidth_comma, 3),
    "doubled-word": (doubled_word, 5),
    "orphan-fragment": (orphan_fragment, 3),
    "missing-sentence-break": (missing_sentence_break, 4),
}
# Once-per-article debris, each with its own probability.
PER_ARTICLE = {
    "crawl-header": (crawl_header, 0.10),
    "advertisement": (advertisement, 0.12),
    "photo-credit": (photo_credit, 0.10),
}


def poisson(rng, lam):
    # Knuth; lam is small.
    import math

    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def dirty(seed, name, text, rate, counts):
    digest = hashlib.sha256(("%d:%s" % (seed, name)).encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    names = list(KINDS)
    weights = [KINDS[n][1] for n in names]
    body_end = len(text) - 1 if text.endswith("\n") else len(text)
    t, tail = text[:body_end], text[body_end:]
    for _ in range(poisson(rng, rate)):
        kind = rng.choices(names, weights)[0]
        new = KINDS[kind][0](rng, t)
        if new is not None:
            t = new
            counts[kind] = counts.get(kind, 0) + 1
    for kind, (fn, p) in PER_ARTICLE.items():
        if rng.random() < p:
            new = fn(rng, t)
            if new is not None:
                t = new
                counts[kind] = counts.get(kind, 0) + 1
    return t + tail


def write_tree(path, names, texts):
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    for n, t in zip(names, texts):
        with open(os.path.join(path, n), "w", encoding="utf-8", newline="\n") as f:
            f.write(t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", help="directory of one article per .txt file")
    ap.add_argument("out", help="output directory (rewritten)")
    ap.add_argument("--seed", type=int, default=20170214)
    ap.add_argument("--rate", type=float, default=4.0, help="mean debris per article (Poisson), besides the per-article ones")
    ap.add_argument("--max-bytes", type=int, default=0, help="stop after this many bytes of clean text (0: all)")
    ap.add_argument("--no-trees", action="store_true", help="skip the one-file-per-article directories")
    a = ap.parse_args()

    paths = sorted(glob.glob(os.path.join(a.articles, "*.txt")))
    if not paths:
        sys.exit("inject_debris: no .txt files in %s" % a.articles)
    names, clean, total = [], [], 0
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            t = f.read()
        if a.max_bytes and total and total + len(t.encode()) > a.max_bytes:
            break
        names.append(os.path.basename(p))
        clean.append(t)
        total += len(t.encode()) + 1
    counts = {}
    dirtied = [dirty(a.seed, n, t, a.rate, counts) for n, t in zip(names, clean)]

    os.makedirs(a.out, exist_ok=True)
    for fname, texts in (("clean.txt", clean), ("dirty.txt", dirtied)):
        with open(os.path.join(a.out, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(texts))
    if not a.no_trees:
        write_tree(os.path.join(a.out, "clean"), names, clean)
        write_tree(os.path.join(a.out, "dirty"), names, dirtied)
    size = lambda f: os.path.getsize(os.path.join(a.out, f))
    manifest = {
        "seed": a.seed,
        "rate": a.rate,
        "articles": len(names),
        "clean_bytes": size("clean.txt"),
        "dirty_bytes": size("dirty.txt"),
        "injected": sum(counts.values()),
        "per_kind": dict(sorted(counts.items())),
    }
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(
        "inject_debris: %d articles, %d debris injected (%.1f per article), %d -> %d bytes"
        % (len(names), manifest["injected"], manifest["injected"] / len(names), manifest["clean_bytes"], manifest["dirty_bytes"]),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
