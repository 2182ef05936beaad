#!/usr/bin/env python3
"""Linear time on degenerate text: every punctuation mark, and the tokens
rules look around (faces, entities, tags, abbreviations, numbers), each
repeated into one line without a break, and random mixes of them.

A rule that looks back to the start of its line for every mark it meets is
quadratic on such a line: 100 KB of `)` once took 3.5 s instead of 0.02 s.
The corpus and the news never show it, because their lines are short.

    bench/shapes.py                      # target/release/detritus
    bench/shapes.py --bin PATH --size 1000000

For each shape it times `check --format concise FILE` and `fix -` at a
quarter of --size and at --size, and prints MB/s at --size. Linear time
grows 4x between the two; a shape fails when it grows more than 8x and the
larger run took over a second (start-up dominates smaller runs). Exit 1 on
a failure. Standard library only.
"""

import argparse
import os
import random
import string
import subprocess
import sys
import tempfile
import time

TOKENS = [
    *string.punctuation,
    "a", " ", "\t", "\u201c", "\u201d", "\u00ab", "\u00bb", "\u3002",
    "\u00e9", "\u00c3", "\u00a0", "\u200b", "\U0001f600", "\uff45",
    "&amp;", "<br>", ":)", ";-)", " ,", " .", ". ", "a.", "A ", "the ",
    "The the ", "..", "?!", "<a ", '"a', "'a", "(a", "a)", "[1]", "*.Z)",
    "ESC ", "^]", "\x03", "${", "%{", "1.", "12:30 ", "U.S.", "e.g.",
    "\u2502", "===", "a b c d ", "\u00c3\u00a9", "\u00c2", "<nick> ",
]


def shapes(seed):
    """(name, unit) pairs: each token alone, then random mixes of 2-5."""
    out = [(repr(t), [t]) for t in TOKENS]
    rng = random.Random(seed)
    for _ in range(40):
        mix = rng.sample(TOKENS, rng.randint(2, 5))
        out.append(("mix " + " ".join(repr(t) for t in mix), mix))
    return out


def build(unit, size, rng):
    parts, n = [], 0
    while n < size:
        t = unit[0] if len(unit) == 1 else rng.choice(unit)
        parts.append(t)
        n += len(t.encode())
    return "".join(parts)


def timed(cmd, path):
    best = None
    for _ in range(2):
        with open(path, "rb") as stdin:
            start = time.perf_counter()
            subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            spent = time.perf_counter() - start
        best = spent if best is None else min(best, spent)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/detritus")
    ap.add_argument("--size", type=int, default=1_000_000, help="bytes per shape")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    env_cmds = {
        "check": lambda p: [binary, "check", "--format", "concise", p],
        "fix": lambda p: [binary, "fix", "-"],
    }
    failed = []
    with tempfile.TemporaryDirectory() as work:
        # No configuration file from above the work directory applies.
        open(os.path.join(work, "detritus.toml"), "w").close()
        os.chdir(work)
        for name, unit in shapes(args.seed):
            rates = []
            for mode, cmd in env_cmds.items():
                spent = []
                for size in (args.size // 4, args.size):
                    path = os.path.join(work, "shape.txt")
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(build(unit, size, random.Random(args.seed)))
                    spent.append(timed(cmd(path), path))
                small, big = spent
                rates.append(f"{mode} {args.size / 1e6 / big:6.1f} MB/s")
                if big > 1.0 and big > 8 * small:
                    failed.append(f"{mode} {name}: {small:.2f} s -> {big:.2f} s")
            print(f"{'  '.join(rates)}  {name}", flush=True)
    for line in failed:
        print("not linear:", line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
