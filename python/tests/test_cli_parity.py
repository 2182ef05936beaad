"""The package and the binary are one engine: fix_many equals
`detritus fix --jsonl` record for record."""

import pyarrow as pa

import detritus

from conftest import cli_fix_jsonl


def test_fix_many_equals_the_cli_on_every_corpus_paragraph(cli, records):
    want = cli_fix_jsonl(cli, records)
    assert detritus.Linter().fix_many(records) == want
    assert sum(w != r for w, r in zip(want, records)) > 20, "the corpus should need fixing"


def test_unsafe_fix_many_over_arrow_equals_the_cli_with_unsafe_fixes(cli, records):
    want = cli_fix_jsonl(cli, records, "--unsafe-fixes")
    assert detritus.Linter(unsafe_fixes=True).fix_many(pa.array(records)).to_pylist() == want


def test_one_thread_and_all_threads_agree(records):
    linter = detritus.Linter(unsafe_fixes=True)
    assert linter.fix_many(records, threads=1) == linter.fix_many(records)
