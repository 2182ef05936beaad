"""The datatrove steps in a real LocalPipelineExecutor pipeline, from a
JSON Lines reader to a JSON Lines writer."""

import gzip
import json

import pytest
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from detritus.integrations.datatrove import DetritusCleaner, DetritusFilter

from conftest import cli_fix_jsonl

WRECK = "a ,, b .. c ;; d ,, e .. f ;; g ,, h .. i ;; j"


def read_output(folder):
    docs = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f)
    return {d["id"]: d for d in docs}


def run_pipeline(tmp_path, texts, *steps, tasks=2):
    raw = tmp_path / "raw"
    raw.mkdir()
    half = len(texts) // 2
    for n, part in enumerate([texts[:half], texts[half:]]):
        with open(raw / f"part{n}.jsonl", "w", encoding="utf-8") as f:
            for i, t in enumerate(part):
                f.write(json.dumps({"id": f"{n}-{i}", "text": t}, ensure_ascii=False) + "\n")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(raw)), *steps, JsonlWriter(str(out))],
        tasks=tasks,
        workers=tasks,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    return read_output(out)


def test_the_cleaner_writes_what_the_cli_writes_and_counts_fixes_per_rule(tmp_path, cli, records):
    out = run_pipeline(tmp_path, records, DetritusCleaner(unsafe_fixes=True, batch_size=16))
    half = len(records) // 2
    want = cli_fix_jsonl(cli, records, "--unsafe-fixes")
    got = [out[f"{0 if i < half else 1}-{i if i < half else i - half}"] for i in range(len(records))]
    # The writer leaves out a text cleaning emptied (a paragraph that was all markup).
    assert [d.get("text", "") for d in got] == want
    counted = [json.loads(d["metadata"]["detritus_fixes"]) for d in got]
    assert all(isinstance(c, dict) for c in counted)
    changed = [c for c, w, r in zip(counted, want, records) if w != r]
    assert changed and all(sum(c.values()) > 0 for c in changed)
    assert all(not c for c, w, r in zip(counted, want, records) if w == r and r.strip() == r)


def test_the_filter_drops_documents_full_of_debris_and_keeps_the_rest(tmp_path):
    texts = ["A clean sentence about the harbour reopening on Monday."] * 3 + [WRECK]
    excluded = tmp_path / "excluded"
    out = run_pipeline(
        tmp_path,
        texts,
        DetritusFilter(max_per_1000_chars=50, exclusion_writer=JsonlWriter(str(excluded))),
        DetritusCleaner(),
        tasks=1,
    )
    assert len(out) == 3
    assert all(d["metadata"]["detritus_debris_per_1000_chars"] == 0 for d in out.values())
    dropped = read_output(excluded)
    assert [d["text"] for d in dropped.values()] == [WRECK]


def test_a_bad_option_fails_when_the_step_is_built_not_in_a_worker():
    with pytest.raises(ValueError, match="X999"):
        DetritusCleaner(select=["X999"])
    with pytest.raises(ValueError, match="asciidoc"):
        DetritusCleaner(syntax="asciidoc")


def test_the_cleaner_metadata_has_one_type_so_parquet_can_hold_it(tmp_path):
    from datatrove.pipeline.writers import ParquetWriter

    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "a.jsonl", "w", encoding="utf-8") as f:
        for i, t in enumerate(["A clean sentence.", "dirty , text .", "also clean."]):
            f.write(json.dumps({"id": str(i), "text": t}) + "\n")
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(raw)), DetritusCleaner(batch_size=1), ParquetWriter(str(tmp_path / "pq"))],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    import pyarrow.parquet as pq

    table = pq.read_table(str(tmp_path / "pq"))
    fixes = [json.loads(m["detritus_fixes"]) for m in table.column("metadata").to_pylist()]
    assert fixes == [{}, {"W001": 2}, {}]
