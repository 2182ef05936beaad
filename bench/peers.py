#!/usr/bin/env python3
"""Run one peer cleaner over a benchmark input, timing it from inside.

  peers.py ftfy  PATH   ftfy.fix_text once per article (PATH: a directory of
                        .txt files, one article each, or one file)
  peers.py moses PATH   sacremoses MosesPunctNormalizer(lang="en").normalize
                        once per line of PATH (a file, or every file of a directory)

Reading the input happens before the clock starts and interpreter start-up
and imports are outside it; output goes to the null device. Prints one JSON
object on stdout: {"seconds": in-process seconds, "bytes": UTF-8 bytes in,
"units": articles or lines, "version": peer version}. The caller times the
whole process separately.
"""

import glob
import json
import os
import sys
import time


def read_units(path, per_line):
    files = sorted(glob.glob(os.path.join(path, "*.txt"))) if os.path.isdir(path) else [path]
    texts = []
    for p in files:
        with open(p, encoding="utf-8", newline="") as f:
            texts.append(f.read())
    if per_line:
        return [line for t in texts for line in t.split("\n")], sum(len(t.encode()) for t in texts)
    return texts, sum(len(t.encode()) for t in texts)


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("ftfy", "moses"):
        sys.exit(__doc__)
    peer, path = sys.argv[1], sys.argv[2]
    if peer == "ftfy":
        import ftfy

        units, nbytes = read_units(path, per_line=False)
        fn, version = ftfy.fix_text, ftfy.__version__
    else:
        from importlib.metadata import version as dist_version

        from sacremoses import MosesPunctNormalizer

        units, nbytes = read_units(path, per_line=True)
        fn, version = MosesPunctNormalizer(lang="en").normalize, dist_version("sacremoses")
    with open(os.devnull, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        for u in units:
            out.write(fn(u))
        seconds = time.perf_counter() - start
    json.dump({"seconds": seconds, "bytes": nbytes, "units": len(units), "version": version}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
