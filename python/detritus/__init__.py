"""detritus repairs the debris that machine translation and web scraping
leave in article text: stray punctuation, broken quotes, leaked markup,
mojibake, crawler headers, doubled words.

    >>> import detritus
    >>> detritus.fix("It grew fast , analysts said .")
    'It grew fast, analysts said.'

Safe fixes change only whitespace, punctuation and encoding; pass
``unsafe=True`` for the fixes that may remove words (leaked captions,
duplicated sentences), which a person should review on text that matters.

Every function runs in the engine with the GIL released. For many texts,
build a :class:`Linter` once and call :meth:`Linter.fix_many`, which takes a
list, a pyarrow array, a polars or pandas series, and runs on every core.
"""

from __future__ import annotations

import functools
import sys
import warnings
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from ._detritus import Diagnostic, Edit, Fix, __version__
from ._detritus import Linter as _Linter
from ._detritus import rules as _rules

__all__ = ["Diagnostic", "Edit", "Fix", "Linter", "check", "fix", "rules", "__version__"]


class Linter:
    """A configured detritus engine. Build it once; it is safe to share
    between threads, and every method releases the GIL.

    :param select: rule selectors to enable (codes such as ``"W001"``, code
        prefixes such as ``"W"``, families such as ``"whitespace"``, or rule
        names); ``None`` means every rule, or the config file's choice.
    :param ignore: rule selectors to disable.
    :param unsafe_fixes: also apply unsafe fixes (``None``: the config
        file's ``unsafe-fixes``, else ``False``).
    :param language: a BCP 47 tag (``"en"``, ``"fr-CA"``), ``"auto"`` (the
        default: each paragraph's language is identified) or ``"other"``.
    :param syntax: how the texts are marked up: ``"plain"`` (the default),
        ``"markdown"`` or ``"rst"``. Code, links and directives of marked-up
        text are left alone.
    :param config: path of a ``detritus.toml`` to read; the arguments above
        override its keys, as command-line flags do.
    :raises ValueError: for an unknown rule selector, language or syntax, or
        a bad config file.
    :raises OSError: when the config file cannot be read.
    """

    def __init__(
        self,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        unsafe_fixes: Optional[bool] = None,
        language: Optional[str] = None,
        config: Optional[str] = None,
        syntax: Optional[str] = None,
    ) -> None:
        self._options: Dict[str, Any] = dict(
            select=_selectors(select),
            ignore=_selectors(ignore),
            unsafe_fixes=unsafe_fixes,
            language=language,
            syntax=syntax,
            config=None if config is None else str(config),
        )
        self._inner = _Linter(**self._options)

    def __reduce__(self) -> Any:
        # Pickled as its options and built again where it lands (a worker
        # process, a Spark executor; `datasets` hashes transforms this way).
        return (_rebuild, (self._options,))

    @property
    def unsafe_fixes(self) -> bool:
        """True when :meth:`fix` applies unsafe fixes too."""
        return self._inner.unsafe_fixes

    @property
    def rules(self) -> List[str]:
        """The codes of the rules this linter runs."""
        return self._inner.rules

    def check(self, text: str) -> List[Diagnostic]:
        """Every piece of debris in ``text``, in order."""
        return self._inner.check(_text(text))

    def fix(self, text: str) -> str:
        """``text`` with every fix this linter allows applied.

        :raises RuntimeError: if the fixes do not converge (a bug in a rule).
        """
        return self._inner.fix(_text(text))

    def fix_counts(self, text: str) -> "tuple[str, dict[str, int]]":
        """The fixed text, and how many fixes each rule (by code) applied."""
        fixed, counts = self._inner.fix_counts(_text(text))
        return fixed, dict(counts)

    def fix_many(self, texts: Any, threads: Optional[int] = None) -> Any:
        """Fix many texts on ``threads`` threads (all cores when ``None``).

        Takes any iterable of ``str``, a pyarrow ``Array`` or
        ``ChunkedArray`` of strings, or a polars or pandas string series,
        and returns the same kind: a list for an iterable. Arrow and polars
        data cross through the Arrow C data interface, with no Python object
        per string; pandas series go through pyarrow. Nulls stay null; a
        categorical series is a ``TypeError`` (convert it with
        ``.astype(str)``). A text whose fixes do not
        converge is returned unchanged, with a ``RuntimeWarning``.

        The texts are read as records of one data set: a text too short to
        tell its language (a sentence with no telling function word) takes
        the language nine in ten of the others tell, as ``--jsonl`` does.
        """
        kind = _kind(texts)
        if kind == "polars":
            import polars as pl

            fixed = self._fix_arrow(texts.to_arrow(), threads)
            return pl.Series(texts.name, fixed)
        if kind == "pandas":
            import pandas as pd
            import pyarrow as pa

            if isinstance(texts.dtype, pd.CategoricalDtype):
                # Fixed texts are not among the categories: pandas would
                # turn every one into NaN.
                raise TypeError("fix_many does not take a categorical series; convert it with .astype(str) first")

            fixed = self._fix_arrow(pa.Array.from_pandas(texts, type=pa.large_string()), threads)
            return pd.Series(fixed.to_numpy(zero_copy_only=False), index=texts.index, name=texts.name, dtype=texts.dtype)
        if kind == "arrow":
            return self._fix_arrow(texts, threads)
        items = [_text(t) for t in texts]
        fixed, errors = self._inner.fix_list(items, threads)
        _warn(errors)
        return fixed

    def check_many(self, texts: Iterable[str], threads: Optional[int] = None) -> List[List[Diagnostic]]:
        """:meth:`check` over many texts on ``threads`` threads; one list per
        text. A text too short to tell its language is read as :meth:`fix_many` reads it."""
        return self._inner.check_list([_text(t) for t in texts], threads)

    def _fix_arrow(self, array: Any, threads: Optional[int]) -> Any:
        import pyarrow as pa

        chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
        fixed: List[Any] = []
        errors: List[Any] = []
        offset = 0
        for chunk in chunks:
            if pa.types.is_null(chunk.type):
                # All null: nothing to fix (polars' all-null series, `pa.array([None])`).
                fixed.append(chunk)
            else:
                schema_in, array_in = chunk.__arrow_c_array__()
                schema, data, found = self._inner.fix_arrow(schema_in, array_in, threads)
                fixed.append(pa.array(_Capsules(schema, data)))
                errors.extend((offset + i, message) for i, message in found)
            offset += len(chunk)
        _warn(errors)
        if isinstance(array, pa.ChunkedArray):
            return pa.chunked_array(fixed, type=array.type)
        return fixed[0]

    def __repr__(self) -> str:
        return f"Linter(rules={len(self.rules)}, unsafe_fixes={self.unsafe_fixes})"


def _rebuild(options: Dict[str, Any]) -> Linter:
    return Linter(**options)


class _Capsules:
    """Hands a fixed array's two capsules to ``pyarrow.array``."""

    def __init__(self, schema: Any, array: Any) -> None:
        self._capsules = (schema, array)

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any:
        return self._capsules


def _kind(texts: Any) -> str:
    """Which container ``texts`` is, without importing a library the caller
    has not imported."""
    module = type(texts).__module__
    if module.startswith("polars") and "polars" in sys.modules and isinstance(texts, sys.modules["polars"].Series):
        return "polars"
    if module.startswith("pandas") and "pandas" in sys.modules and isinstance(texts, sys.modules["pandas"].Series):
        return "pandas"
    if module.startswith("pyarrow") and "pyarrow" in sys.modules:
        pa = sys.modules["pyarrow"]
        if isinstance(texts, (pa.Array, pa.ChunkedArray)):
            return "arrow"
    if isinstance(texts, str):
        raise TypeError("fix_many takes many texts; for one string use fix()")
    return "iterable"


def _text(t: Any) -> str:
    if not isinstance(t, str):
        raise TypeError(f"expected str, got {type(t).__name__}")
    return t


def _selectors(value: Optional[Sequence[str]]) -> Optional[List[str]]:
    if value is None:
        return None
    if isinstance(value, str):
        # A lone string is one selector, not a sequence of letters.
        return [value]
    return [_text(v) for v in value]


def _warn(errors: "list[tuple[int, str]]") -> None:
    if errors:
        index, message = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        warnings.warn(f"text {index} left unchanged: {message}{more}", RuntimeWarning, stacklevel=3)


@functools.lru_cache(maxsize=32)
def _linter(
    unsafe: bool, select: Optional[tuple], ignore: Optional[tuple], language: Optional[str], syntax: Optional[str]
) -> Linter:
    return Linter(select=select, ignore=ignore, unsafe_fixes=unsafe, language=language, syntax=syntax)


def _cached(unsafe: bool, select: Any, ignore: Any, language: Optional[str], syntax: Optional[str]) -> Linter:
    as_key = lambda v: None if v is None else tuple(_selectors(v) or ())
    return _linter(unsafe, as_key(select), as_key(ignore), language, syntax)


def fix(
    text: str,
    *,
    unsafe: bool = False,
    select: Optional[Union[str, Sequence[str]]] = None,
    ignore: Optional[Union[str, Sequence[str]]] = None,
    language: Optional[str] = None,
    syntax: Optional[str] = None,
) -> str:
    """``text`` with its safe fixes applied (and unsafe ones with ``unsafe=True``).

    The linter for each combination of options is built once and reused.

    :raises ValueError: for an unknown rule selector, language or syntax.
    """
    return _cached(unsafe, select, ignore, language, syntax).fix(text)


def check(
    text: str,
    *,
    select: Optional[Union[str, Sequence[str]]] = None,
    ignore: Optional[Union[str, Sequence[str]]] = None,
    language: Optional[str] = None,
    syntax: Optional[str] = None,
) -> List[Diagnostic]:
    """Every piece of debris in ``text``, each with its proposed fix.

    :raises ValueError: for an unknown rule selector, language or syntax.
    """
    return _cached(False, select, ignore, language, syntax).check(text)


def rules() -> "list[tuple[str, str, str, str, str]]":
    """Every rule as ``(code, name, family, fix safety, summary)``."""
    return _rules()
