#!/usr/bin/env python3
"""Instructions per byte of detritus, counted by callgrind: a speed figure
that stays comparable on a busy or shared machine, where wall-clock MB/s
moves by ten percent from one run to the next.

    bench/instructions.py                        # target/release/detritus on the bench's input
    bench/instructions.py --base /tmp/old-build  # and the change against another build
    bench/instructions.py --input article.txt --modes check

Modes, each on the same bytes, one thread (RAYON_NUM_THREADS=1):

  check   check --format concise FILE
  fix     fix --unsafe-fixes < FILE
  jsonl   fix --unsafe-fixes --jsonl, one record per non-empty line of FILE

The default input is the dirty news that bench/run.sh generates (the full
text, or with --quick the 2 MB one); run that once first. Counts include
process start-up and building the rules' patterns, which weigh more on a
small input. Needs valgrind (apt install valgrind). Standard library only.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CACHE = os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus"))


def default_input(quick):
    path = os.path.join(CACHE, "bench", "inputs-quick" if quick else "inputs-default", "dirty.txt")
    if not os.path.exists(path):
        sys.exit("instructions: no %s; run bench/run.sh%s once, or pass --input" % (path, " --quick" if quick else ""))
    return path


def count(binary, args, stdin_path):
    """Instructions callgrind collected running `binary args < stdin_path`."""
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, *args]
    with open(stdin_path, "rb") as stdin:
        p = subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    found = re.search(rb"Collected : (\d+)", p.stderr)
    # check exits 1 when it finds debris; anything else is a failure.
    if p.returncode not in (0, 1) or not found:
        sys.exit("instructions: %s failed:\n%s" % (" ".join(cmd), p.stderr.decode(errors="replace")[-2000:]))
    return int(found.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default="target/release/detritus")
    ap.add_argument("--base", help="another build to compare with")
    ap.add_argument("--input", help="text to run on (default: the bench's dirty news)")
    ap.add_argument("--quick", action="store_true", help="the bench's 2 MB input instead of the full text")
    ap.add_argument("--modes", default="check,fix,jsonl")
    a = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("instructions: valgrind is not installed (apt install valgrind)")
    source = a.input or default_input(a.quick)
    size = os.path.getsize(source)
    modes = [m.strip() for m in a.modes.split(",") if m.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        records = os.path.join(tmp, "records.jsonl")
        if "jsonl" in modes:
            with open(source, encoding="utf-8", errors="replace") as f, open(records, "w", encoding="utf-8") as out:
                for line in f:
                    if line.strip():
                        out.write(json.dumps({"text": line.rstrip("\n")}, ensure_ascii=False) + "\n")
        runs = {
            "check": (["check", "--format", "concise", "-"], source),
            "fix": (["fix", "--unsafe-fixes"], source),
            "jsonl": (["fix", "--unsafe-fixes", "--jsonl"], records),
        }
        unknown = [m for m in modes if m not in runs]
        if unknown:
            sys.exit("instructions: unknown mode %s (modes: %s)" % (", ".join(unknown), ", ".join(runs)))
        print("# instructions per input byte, callgrind, one thread")
        print()
        print("input: %s (%.1f MB)" % (source, size / 1e6))
        print()
        if a.base:
            print("| mode | %s | %s | change |" % (a.base, a.bin))
            print("|---|--:|--:|--:|")
        else:
            print("| mode | instructions | per byte |")
            print("|---|--:|--:|")
        for mode in modes:
            args, stdin = runs[mode]
            new = count(a.bin, args, stdin)
            if a.base:
                old = count(a.base, args, stdin)
                print("| %s | %.0f | %.0f | %+.1f%% |" % (mode, old / size, new / size, 100.0 * (new - old) / old))
            else:
                print("| %s | %s | %.0f |" % (mode, format(new, ","), new / size))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
