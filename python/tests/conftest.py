"""Shared fixtures: the CLI binary the package is compared with, and
records in the style of scraped articles."""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli() -> str:
    """The `detritus` binary of this checkout (`cargo build --release`), or
    $DETRITUS_BIN."""
    path = os.environ.get("DETRITUS_BIN", str(ROOT / "target" / "release" / "detritus"))
    if not os.path.exists(path):
        pytest.fail(f"{path} not found: run `cargo build --release` first, or set DETRITUS_BIN")
    return path


def corpus_texts() -> list:
    """Every article of the bundled corpus, whole and cut into paragraphs:
    debris of every family, and clean paragraphs between them."""
    texts = []
    for p in sorted((ROOT / "corpus").rglob("*.txt")):
        article = p.read_text(encoding="utf-8")
        texts.append(article)
        texts.extend(t for t in article.split("\n\n") if t.strip())
    assert len(texts) > 100, "the corpus should give more than a hundred paragraphs"
    return texts


@pytest.fixture(scope="session")
def records() -> list:
    return corpus_texts()


def cli_fix_jsonl(cli: str, texts: list, *args: str) -> list:
    """What `detritus fix --jsonl` makes of each text, as a record's field."""
    lines = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts)
    out = subprocess.run(
        [cli, "fix", "--jsonl", "--quiet", *args], input=lines.encode(), capture_output=True, check=True
    ).stdout.decode()
    return [json.loads(line)["text"] for line in out.splitlines()]
