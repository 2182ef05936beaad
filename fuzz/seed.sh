#!/usr/bin/env bash
# Build the fuzz seed corpora from the articles in corpus/: each article
# whole and each paragraph alone (small seeds mutate faster), and for JSON
# Lines the paragraphs as records, flat and nested. The first byte of every
# seed is the targets' flags byte: 1 selects French, 0 English.
# Writes fuzz/corpus/{check,fix,jsonl}/, which git ignores.
set -euo pipefail
cd "$(dirname "$0")"
exec python3 - <<'PY'
import hashlib, json, pathlib, re

out = pathlib.Path("corpus")
for target in ("check", "fix", "jsonl"):
    (out / target).mkdir(parents=True, exist_ok=True)

def put(target, data):
    name = hashlib.sha1(data).hexdigest()
    (out / target / name).write_bytes(data)

count = 0
for article in sorted(pathlib.Path("../corpus").glob("*.txt")):
    raw = article.read_bytes()
    flag = b"\x01" if "_fr" in article.name else b"\x00"
    text = raw.decode("utf-8")
    paragraphs = [p for p in re.split(r"\r?\n\s*\r?\n", text) if p.strip()]
    for target in ("check", "fix"):
        put(target, flag + raw)
        for p in paragraphs:
            put(target, flag + p.encode())
    records = "".join(json.dumps({"id": i, "text": p}, ensure_ascii=False) + "\n" for i, p in enumerate(paragraphs))
    put("jsonl", flag + records.encode())
    nested = "".join(json.dumps({"doc": {"body": p, "n": 1.50}}) + "\r\n" for p in paragraphs[:3])
    put("jsonl", flag + nested.encode())
    count += 1
for target in ("check", "fix", "jsonl"):
    print(f"{target}: {len(list((out / target).iterdir()))} seeds from {count} articles")
PY
