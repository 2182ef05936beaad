"""The README's Python snippets for Hugging Face datasets, polars and
pandas run as written."""

import re

import pytest

from conftest import ROOT

SNIPPETS = ["# Hugging Face datasets", "# polars", "# pandas"]


def blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("first_line", SNIPPETS)
def test_the_readme_snippet_runs(first_line, monkeypatch, tmp_path):
    found = [b for b in blocks() if b.startswith(first_line)]
    assert len(found) == 1, f"the README should hold one snippet starting {first_line!r}"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf"))
    exec(compile(found[0], f"README.md: {first_line}", "exec"), {})
