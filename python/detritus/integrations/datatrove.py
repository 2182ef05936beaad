"""datatrove pipeline steps.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from detritus.integrations.datatrove import DetritusCleaner, DetritusFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("raw/"),
        DetritusFilter(max_per_1000_chars=10),   # drop the worst documents
        DetritusCleaner(unsafe_fixes=False),     # repair the rest
        JsonlWriter("clean/"),
    ], tasks=4).run()

Both steps take the :class:`detritus.Linter` options and build their linter
in the worker that runs them, so they pickle as plain options.
"""

from __future__ import annotations

import json

from typing import Any, Dict, List, Optional, Sequence

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.utils.batching import batched

from .. import Linter


class _Options:
    def __init__(
        self,
        select: Optional[Sequence[str]],
        ignore: Optional[Sequence[str]],
        unsafe_fixes: Optional[bool],
        language: Optional[str],
        config: Optional[str],
        threads: Optional[int],
        syntax: Optional[str],
    ) -> None:
        self.options: Dict[str, Any] = dict(
            select=select, ignore=ignore, unsafe_fixes=unsafe_fixes, language=language, config=config, syntax=syntax
        )
        self.threads = threads
        # Fail at construction, in the driver, on an unknown rule or a bad config.
        Linter(**self.options)
        self._linter: Optional[Linter] = None

    @property
    def linter(self) -> Linter:
        if self._linter is None:
            self._linter = Linter(**self.options)
        return self._linter

    def __getstate__(self) -> dict:
        return {"options": self.options, "threads": self.threads, "_linter": None}


class DetritusCleaner(PipelineStep):
    """Fixes each document's text and records in ``doc.metadata[metadata_key]``
    how many fixes each rule applied, as a JSON object in a string
    (``'{"M001": 1, "W001": 2}'``; ``'{}'`` when the text was clean): one
    type for every document, which Parquet writers need. Documents are fixed ``batch_size`` at a time on
    ``threads`` threads (all cores when ``None``).

    Stats: ``detritus_changed`` documents, and one counter per rule code.
    """

    name = "🧹 detritus"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        unsafe_fixes: Optional[bool] = None,
        language: Optional[str] = None,
        config: Optional[str] = None,
        batch_size: int = 256,
        threads: Optional[int] = None,
        metadata_key: str = "detritus_fixes",
        syntax: Optional[str] = None,
    ) -> None:
        super().__init__()
        self._options = _Options(select, ignore, unsafe_fixes, language, config, threads, syntax)
        self.batch_size = batch_size
        self.metadata_key = metadata_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        linter = self._options.linter._inner
        for batch in batched(data, self.batch_size):
            with self.track_time(unit="batch"):
                done, errors = linter.fix_counts_list([d.text for d in batch], self._options.threads)
            failed = {i for i, _ in errors}
            for i, (doc, (text, counts)) in enumerate(zip(batch, done)):
                self.stat_update("total")
                if i in failed:
                    self.stat_update("detritus_failed")
                if text != doc.text:
                    self.stat_update("detritus_changed")
                    doc.text = text
                for code, n in counts:
                    self.stat_update(code, value=n)
                doc.metadata[self.metadata_key] = json.dumps(dict(counts), sort_keys=True)
                yield doc


class DetritusFilter(BaseFilter):
    """Drops documents with more than ``max_per_1000_chars`` findings per
    1,000 characters: text so broken that repairing it is not worth it.
    Keeps the figure in ``doc.metadata[metadata_key]``; dropped documents go
    to ``exclusion_writer`` when given, with the reason ``detritus_debris``.
    """

    name = "🧹 detritus filter"

    def __init__(
        self,
        max_per_1000_chars: float = 10.0,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        language: Optional[str] = None,
        config: Optional[str] = None,
        exclusion_writer: Optional[DiskWriter] = None,
        batch_size: int = 256,
        threads: Optional[int] = None,
        metadata_key: str = "detritus_debris_per_1000_chars",
        syntax: Optional[str] = None,
    ) -> None:
        super().__init__(exclusion_writer=exclusion_writer, batch_size=batch_size)
        self._options = _Options(select, ignore, None, language, config, threads, syntax)
        self.max_per_1000_chars = max_per_1000_chars
        self.metadata_key = metadata_key

    def filter(self, doc: Document) -> Any:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: List[Document]) -> List[Any]:
        found = self._options.linter.check_many([d.text for d in batch], self._options.threads)
        results = []
        for doc, diags in zip(batch, found):
            rate = 1000.0 * len(diags) / max(len(doc.text), 1)
            doc.metadata[self.metadata_key] = round(rate, 3)
            results.append(True if rate <= self.max_per_1000_chars else (False, "detritus_debris"))
        return results
