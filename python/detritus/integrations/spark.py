"""Spark: clean a DataFrame's text column where the data lives.

    from detritus.integrations.spark import clean
    df = spark.read.parquet("raw/")
    clean(df, "text", unsafe_fixes=False).write.parquet("clean/")

``clean`` runs :meth:`detritus.Linter.fix_many` on each Arrow batch through
``DataFrame.mapInArrow``: no Python object per string, and the schema is
kept. It needs the ``detritus`` wheel on every executor. Where it cannot be
installed, pipe JSON Lines through the ``detritus`` binary instead (see
:func:`pipe_command`).
"""

from __future__ import annotations

import functools
import shlex
from typing import Any, Dict, Iterator, Optional, Sequence

from .. import Linter


@functools.lru_cache(maxsize=8)
def _linter(options: tuple) -> Linter:
    # One linter per executor process and set of options, not per batch.
    kwargs: Dict[str, Any] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in options}
    return Linter(**kwargs)


def clean(
    df: Any,
    column: str,
    *,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    unsafe_fixes: Optional[bool] = None,
    language: Optional[str] = None,
    config: Optional[str] = None,
    threads: Optional[int] = 1,
    syntax: Optional[str] = None,
) -> Any:
    """``df`` with ``column`` (a string column) fixed; every other column
    and the schema unchanged. Each Spark task uses ``threads`` threads (one
    by default: Spark already runs a task per core).

    :raises ValueError: for an unknown column, rule selector or language,
        before any job runs.
    """
    if column not in df.columns:
        raise ValueError(f"no column {column!r}; the DataFrame has {df.columns}")
    options = tuple(
        sorted(
            {
                "select": None if select is None else tuple([select] if isinstance(select, str) else select),
                "ignore": None if ignore is None else tuple([ignore] if isinstance(ignore, str) else ignore),
                "unsafe_fixes": unsafe_fixes,
                "language": language,
                "config": config,
                "syntax": syntax,
            }.items()
        )
    )
    _linter(options)  # a bad option fails here, in the driver

    def fix_batches(batches: Iterator[Any]) -> Iterator[Any]:
        import pyarrow as pa

        linter = _linter(options)
        for batch in batches:
            i = batch.schema.get_field_index(column)
            fixed = linter.fix_many(batch.column(i), threads=threads)
            yield pa.RecordBatch.from_arrays(
                [fixed if j == i else batch.column(j) for j in range(batch.num_columns)], schema=batch.schema
            )

    return df.mapInArrow(fix_batches, df.schema)


def pipe_command(field: str = "text", *, unsafe_fixes: bool = False, binary: str = "detritus") -> str:
    """The command for ``RDD.pipe`` when the wheel is not on the executors,
    only the ``detritus`` binary: records go through as JSON Lines.

        import json
        lines = df.toJSON().pipe(pipe_command("text"))
        fixed = spark.read.json(lines, schema=df.schema)
    """
    args = [binary, "fix", "--jsonl", "--field", field, "--quiet"]
    if unsafe_fixes:
        args.append("--unsafe-fixes")
    return " ".join(shlex.quote(a) for a in args)
