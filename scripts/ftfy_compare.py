#!/usr/bin/env python3
"""Compare detritus's `mojibake` rule with ftfy on a seeded mojibake set.

Run through scripts/ftfy-compare.sh, which makes the venv and builds the
binary. This script:

1. reads the clean lines of tests/data/clean_multilingual.txt (plus a few
   lines of typographic punctuation) and garbles each one the ways scraped
   text gets garbled: UTF-8 decoded as Windows-1252, Latin-1, MacRoman,
   CP437 or Windows-1251; decoded twice; decoded with bytes lost;
2. writes the (garbled, expected) pairs as JSON Lines;
3. repairs every garbled line with ftfy.fix_text (encoding fixes only) and
   with `detritus fix --unsafe-fixes --select mojibake`;
4. prints how many each repairs exactly, where they disagree, their speed,
   and how many clean lines each changes.
"""

import argparse
import collections
import json
import os
import random
import resource
import subprocess
import sys
import time
import unicodedata

ENCODINGS = ["windows-1252", "latin-1", "macroman", "cp437", "windows-1251", "windows-1250"]

EXTRA_ENGLISH = [
    "It’s the company’s “best” quarter — ever… or so they say.",
    "She said: “Don’t touch that; it isn’t ours.”",
    "Prices rose 5 % in the ’90s – and fell in the 2000s.",
    "The 2017’s hit was ‘Wonder Woman’, they’d say.",
    "We’re sure you’ll agree — it’s “fine”.",
    "Tickets cost £12, €15 or $20 • doors open at 7 p.m.",
    "The café’s owner said “à bientôt” and smiled.",
    "“Yes,” he said. “No,” she said. “Maybe…”",
    "The © and ® marks, plus ™, appear on the label.",
    "Temperature: 21 °C ± 0.5 °C, humidity 60 %.",
]


def decode_sloppy(data: bytes, enc: str) -> str:
    """Decode like a lenient reader: undefined bytes become the C1 control
    (or Latin-1 character) of the same number instead of an error."""
    codec = {
        "windows-1252": "cp1252",
        "latin-1": "latin-1",
        "macroman": "mac_roman",
        "cp437": "cp437",
        "windows-1251": "cp1251",
        "windows-1250": "cp1250",
    }[enc]
    out = []
    for b in data:
        if b < 0x80:
            out.append(chr(b))
            continue
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def garble(line: str, path: list) -> str:
    text = line
    for enc in path:
        text = decode_sloppy(text.encode("utf-8"), enc)
    return text


def clean_lines(path: str) -> list:
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    return [l for l in lines if l.strip() and not l.startswith("#")] + EXTRA_ENGLISH


def make_cases(lines: list, seed: int) -> list:
    """(garbled, expected, kind) for every line that garbling changes."""
    rng = random.Random(seed)
    cases = []
    for line in lines:
        if line.isascii():
            continue
        for enc in ENCODINGS:
            cases.append((garble(line, [enc]), line, f"once:{enc}"))
        # Double encoding: mostly Windows-1252 twice, sometimes mixed.
        first = rng.choice(["windows-1252", "windows-1252", "latin-1", "macroman"])
        second = rng.choice(["windows-1252", "windows-1252", "windows-1251", "macroman"])
        cases.append((garble(line, [first, second]), line, f"twice:{first}+{second}"))
        once = garble(line, ["windows-1252"])
        # Emoji written as CESU-8 (each UTF-16 surrogate as three bytes, as
        # Java's modified UTF-8 does), then read as Windows-1252.
        if any(ord(c) > 0xFFFF for c in line):
            cesu = "".join(
                c if ord(c) <= 0xFFFF else chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(c) - 0x10000) & 0x3FF))
                for c in line
            )
            garbled = decode_sloppy(cesu.encode("utf-8", "surrogatepass"), "windows-1252")
            cases.append((garbled, line, "once:cesu8+windows-1252"))
        # Bytes lost: the five bytes Windows-1252 leaves undefined dropped.
        lost = "".join(c for c in once if c not in "\x81\x8d\x8f\x90\x9d")
        if lost != once:
            cases.append((lost, line, "lost:1252-undefined"))
        # Bytes lost: read as Latin-1, then every C1 control stripped.
        latin = garble(line, ["latin-1"])
        stripped = "".join(c for c in latin if not "\x80" <= c <= "\x9f")
        if stripped != latin:
            cases.append((stripped, line, "lost:latin1-c1-stripped"))
        # No-break spaces turned into spaces after the misreading.
        if "\xa0" in once:
            cases.append((once.replace("\xa0", " "), line, "lost:nbsp-to-space"))
    # Keep only cases that differ and fit on one line.
    out = []
    seen = set()
    for garbled, expected, kind in cases:
        if garbled == expected or "\n" in garbled or "\r" in garbled:
            continue
        if any(c in garbled for c in "\x85\u2028\u2029\x1c\x1d\x1e\x0b\x0c"):
            continue  # line separators would split the line in a line-based tool
        if (garbled, kind) in seen:
            continue
        seen.add((garbled, kind))
        out.append((garbled, expected, kind))
    return out


def ftfy_fixer():
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return lambda s: ftfy.fix_text(s, config)


# Speed is CPU time (user + system), not wall time, so a busy machine does
# not skew the ratio: ftfy's is this process's, detritus's its child's.
def run_ftfy(lines: list) -> tuple:
    fix = ftfy_fixer()
    start = time.process_time()
    out = [fix(l) for l in lines]
    return out, time.process_time() - start


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_detritus(binary: str, lines: list) -> tuple:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    start = child_cpu()
    proc = subprocess.run(
        [binary, "fix", "--unsafe-fixes", "--select", "mojibake", "-"],
        input=data,
        capture_output=True,
    )
    elapsed = child_cpu() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"detritus failed ({proc.returncode}): {proc.stderr.decode()}")
    out = proc.stdout.decode("utf-8").split("\n")
    if out and out[-1] == "":
        out.pop()
    if len(out) != len(lines):
        sys.exit(f"detritus returned {len(out)} lines for {len(lines)}")
    return out, elapsed


def speed(lines: list, seconds: float) -> float:
    size = sum(len(l.encode("utf-8")) + 1 for l in lines)
    return size / 1e6 / max(seconds, 1e-9)


def first_difference(a: str, b: str, width: int = 18) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    lo = max(0, i - width)
    return f"…{a[lo:i + width]!r} vs expected …{b[lo:i + width]!r}"


def reason(garbled: str, got: str, expected: str, kind: str) -> str:
    if got == garbled:
        why = "left unchanged"
    elif unicodedata.normalize("NFC", got) == unicodedata.normalize("NFC", expected):
        why = "right up to Unicode normalisation"
    else:
        why = "repaired differently"
    if kind.startswith("lost:"):
        why += "; bytes were lost, so any repair is a guess"
    elif kind.startswith("twice:"):
        why += "; misread twice"
    return why


def cldr_lines() -> list:
    """Localised names of territories, languages, currencies, scripts, months
    and days for every CLDR locale, from the `babel` package if installed:
    hundreds of languages of correct text, for false changes only."""
    try:
        from babel import Locale, localedata
    except ImportError:
        return []
    out, seen = [], set()
    for code in localedata.locale_identifiers():
        try:
            loc = Locale.parse(code)
        except Exception:
            continue
        names = []
        for table in (loc.territories, loc.languages, loc.currencies, loc.scripts):
            names.extend(v for v in table.values() if isinstance(v, str))
        chunks = [", ".join(names[i:i + 12]) for i in range(0, len(names), 12)]
        for width in ("wide", "abbreviated"):
            try:
                chunks.append(" ".join(loc.months["format"][width].values()))
                chunks.append(" ".join(loc.days["format"][width].values()))
            except (KeyError, AttributeError):
                pass
        for line in chunks:
            if line not in seen and not line.isascii() and "\n" not in line:
                seen.add(line)
                out.append(line)
    return out


def repeat_to(lines: list, size: int) -> list:
    if not lines:
        return []
    out = []
    total = 0
    while total < size:
        for l in lines:
            out.append(l)
            total += len(l.encode("utf-8")) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--detritus", required=True)
    ap.add_argument("--clean", required=True)
    ap.add_argument("--out", required=True, help="where to write the (garbled, expected) pairs")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--bench-mb", type=float, default=2.0)
    ap.add_argument("--sample", type=int, default=12)
    ap.add_argument("--news", help="optional directory of clean articles (*.txt) for false changes")
    args = ap.parse_args()

    lines = clean_lines(args.clean)
    cases = make_cases(lines, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for garbled, expected, kind in cases:
            f.write(json.dumps({"kind": kind, "garbled": garbled, "expected": expected},
                               ensure_ascii=False) + "\n")
    garbled = [c[0] for c in cases]
    ftfy_out, _ = run_ftfy(garbled)
    det_out, _ = run_detritus(args.detritus, garbled)

    by_kind = collections.defaultdict(lambda: [0, 0, 0])
    for (g, e, kind), f_out, d_out in zip(cases, ftfy_out, det_out):
        row = by_kind[kind if not kind.startswith("twice") else "twice"]
        row[0] += 1
        row[1] += f_out == e
        row[2] += d_out == e
    n = len(cases)
    f_ok = sum(f == c[1] for f, c in zip(ftfy_out, cases))
    d_ok = sum(d == c[1] for d, c in zip(det_out, cases))
    print(f"mojibake set: {n} cases from {len(lines)} clean lines (seed {args.seed}), pairs in {args.out}")
    print(f"exact repairs: ftfy {f_ok}/{n} ({100 * f_ok / n:.1f}%), detritus {d_ok}/{n} ({100 * d_ok / n:.1f}%)")
    print()
    print(f"{'kind':32} {'cases':>6} {'ftfy':>6} {'detritus':>9}")
    for kind in sorted(by_kind):
        c, f, d = by_kind[kind]
        print(f"{kind:32} {c:>6} {f:>6} {d:>9}")

    both = sum(f == c[1] and d == c[1] for f, d, c in zip(ftfy_out, det_out, cases))
    only_f = [(c, f, d) for f, d, c in zip(ftfy_out, det_out, cases) if f == c[1] and d != c[1]]
    only_d = [(c, f, d) for f, d, c in zip(ftfy_out, det_out, cases) if d == c[1] and f != c[1]]
    neither = [(c, f, d) for f, d, c in zip(ftfy_out, det_out, cases) if d != c[1] and f != c[1]]
    print()
    print(f"both right: {both}; only ftfy right: {len(only_f)}; only detritus right: {len(only_d)}; neither: {len(neither)}")
    rng = random.Random(args.seed)
    for title, group, who in [
        ("only ftfy right", only_f, "detritus"),
        ("only detritus right", only_d, "ftfy"),
        ("neither right", neither, "detritus"),
    ]:
        if not group:
            continue
        print(f"\n-- {title} (sample of {min(args.sample, len(group))}) --")
        reasons = collections.Counter(
            (c[2].split(":")[0] + ": " + reason(c[0], d if who == "detritus" else f, c[1], c[2]))
            for c, f, d in group)
        for r, k in reasons.most_common():
            print(f"   {k:4} × {who} {r}")
        for c, f, d in rng.sample(group, min(args.sample, len(group))):
            g, e, kind = c
            got = d if who == "detritus" else f
            print(f"  [{kind}] {g[:90]!r}")
            print(f"      {who}: {first_difference(got, e)}")

    # Speed on the garbled set and on clean text, each repeated to a few MB.
    size = int(args.bench_mb * 1e6)
    bench = repeat_to(garbled, size)
    _, f_t = run_ftfy(bench)
    _, d_t = run_detritus(args.detritus, bench)
    clean = [l for l in lines]
    news = []
    if args.news and os.path.isdir(args.news):
        for name in sorted(os.listdir(args.news)):
            if name.endswith(".txt"):
                with open(os.path.join(args.news, name), encoding="utf-8") as f:
                    news.extend(l.rstrip("\n") for l in f if l.strip())
    clean_bench = repeat_to(clean + news, size)
    _, fc_t = run_ftfy(clean_bench)
    _, dc_t = run_detritus(args.detritus, clean_bench)
    print()
    print("speed (MB/s of CPU time; detritus includes process start-up):")
    for label, lines_, ft, dt in [
        ("mojibake set", bench, f_t, d_t),
        ("clean text", clean_bench, fc_t, dc_t),
    ]:
        fs, ds = speed(lines_, ft), speed(lines_, dt)
        print(f"  {label:14} {sum(len(l.encode()) + 1 for l in lines_) / 1e6:5.1f} MB: "
              f"ftfy {fs:8.2f}  detritus {ds:8.2f}  ratio {ds / fs:6.1f}×")

    # False changes on clean lines.
    print()
    for label, lines_ in [
        ("clean_multilingual.txt", clean),
        ("mojibake_negative.txt", clean_lines(os.path.join(os.path.dirname(args.clean), "mojibake_negative.txt"))),
        ("clean news", news),
        ("CLDR names (babel)", cldr_lines()),
    ]:
        if not lines_:
            continue
        f_fixed, _ = run_ftfy(lines_)
        d_fixed, _ = run_detritus(args.detritus, lines_)
        f_bad = [(a, b) for a, b in zip(lines_, f_fixed) if a != b]
        d_bad = [(a, b) for a, b in zip(lines_, d_fixed) if a != b]
        print(f"false changes on {label} ({len(lines_)} lines): ftfy {len(f_bad)}, detritus {len(d_bad)}")
        for who, bad in [("ftfy", f_bad), ("detritus", d_bad)]:
            for a, b in bad[: args.sample]:
                print(f"  {who}: {first_difference(b, a)}")


if __name__ == "__main__":
    main()
