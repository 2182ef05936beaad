#!/usr/bin/env python3
"""The Python package against the CLI on the news benchmark: does
`Linter.fix_many` give `detritus fix --jsonl` record for record, and how
fast is it per core?

    python bench/python.py                      # with the interpreter that has `detritus` installed
    python bench/python.py --news FILE --runs 5

Each non-empty line of the news is one record. Per mode (safe, unsafe), it
times the CLI on one thread (RAYON_NUM_THREADS=1, CPU seconds of the child)
and `fix_many(threads=1)` on a list and on a pyarrow array (CPU seconds of
this process), best of --runs, then both on every core (wall seconds).
Prints a table; exits 1 when an output differs from the CLI's.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import detritus

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cli(binary, path, unsafe, threads):
    args = [binary, "fix", "--jsonl", "--quiet"] + (["--unsafe-fixes"] if unsafe else [])
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    cpu, wall = child_cpu(), time.perf_counter()
    with open(path, "rb") as f:
        out = subprocess.run(args, stdin=f, capture_output=True, check=True, env=env).stdout
    return out, child_cpu() - cpu, time.perf_counter() - wall


def timed(f):
    cpu, wall = time.process_time(), time.perf_counter()
    out = f()
    return out, time.process_time() - cpu, time.perf_counter() - wall


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cache = os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus"))
    ap.add_argument("--news", default=os.path.join(cache, "news.txt"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "detritus"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    import pyarrow as pa

    with open(a.news, encoding="utf-8") as f:
        records = [line.rstrip("\n") for line in f if line.strip()]
    mb = sum(len(r.encode()) for r in records) / 1e6
    print(f"# fix_many vs `detritus fix --jsonl`: {len(records)} records, {mb:.1f} MB\n")
    print("| mode | CLI 1 thread | fix_many list 1 thread | fix_many arrow 1 thread | ratio (arrow/CLI CPU) | CLI all cores | fix_many arrow all cores | identical |")
    print("|---|--:|--:|--:|--:|--:|--:|---|")
    differ = False
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tf:
        for r in records:
            tf.write(json.dumps({"text": r}, ensure_ascii=False) + "\n")
    array = pa.array(records, type=pa.large_string())
    try:
        for unsafe in (False, True):
            linter = detritus.Linter(unsafe_fixes=unsafe)
            cli = min((run_cli(a.bin, tf.name, unsafe, 1) for _ in range(a.runs)), key=lambda r: r[1])
            want = [json.loads(line)["text"] for line in cli[0].decode().splitlines()]
            lst = min((timed(lambda: linter.fix_many(records, threads=1)) for _ in range(a.runs)), key=lambda r: r[1])
            arr = min((timed(lambda: linter.fix_many(array, threads=1)) for _ in range(a.runs)), key=lambda r: r[1])
            cli_all = min((run_cli(a.bin, tf.name, unsafe, None) for _ in range(a.runs)), key=lambda r: r[2])
            arr_all = min((timed(lambda: linter.fix_many(array)) for _ in range(a.runs)), key=lambda r: r[2])
            same = lst[0] == want and arr[0].to_pylist() == want and arr_all[0].to_pylist() == want
            differ |= not same
            mbs = lambda s: f"{mb / s:.2f} MB/s"
            print(
                f"| {'unsafe' if unsafe else 'safe'} | {mbs(cli[1])} | {mbs(lst[1])} | {mbs(arr[1])} "
                f"| {arr[1] / cli[1]:.2f}× | {mbs(cli_all[2])} | {mbs(arr_all[2])} | {'yes' if same else 'NO'} |"
            )
    finally:
        os.unlink(tf.name)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
