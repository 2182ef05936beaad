"""The native module. Use the package's public names (``detritus.fix``,
``detritus.Linter``…) rather than these."""

from typing import List, Optional, Tuple

__version__: str

class Edit:
    """One edit of a fix: replace ``text[start:end]`` with ``content``."""

    start: int
    end: int
    byte_start: int
    byte_end: int
    content: str

class Fix:
    """A proposed repair."""

    applicability: str
    """``"safe"``, ``"unsafe"`` or ``"display-only"``."""
    message: str
    edits: List[Edit]

class Diagnostic:
    """One piece of debris. ``start``/``end`` index the Python string,
    ``byte_start``/``byte_end`` its UTF-8 bytes; ``line`` and ``column`` are
    1-based, the column in characters."""

    code: str
    name: str
    message: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    line: int
    column: int
    fix: Optional[Fix]

class Linter:
    def __init__(
        self,
        *,
        select: Optional[List[str]] = None,
        ignore: Optional[List[str]] = None,
        unsafe_fixes: Optional[bool] = None,
        language: Optional[str] = None,
        syntax: Optional[str] = None,
        config: Optional[str] = None,
    ) -> None: ...
    @property
    def unsafe_fixes(self) -> bool: ...
    @property
    def rules(self) -> List[str]: ...
    def check(self, text: str) -> List[Diagnostic]: ...
    def fix(self, text: str) -> str: ...
    def fix_counts(self, text: str) -> Tuple[str, List[Tuple[str, int]]]: ...
    def fix_list(self, texts: List[str], threads: Optional[int] = None) -> Tuple[List[str], List[Tuple[int, str]]]: ...
    def fix_counts_list(
        self, texts: List[str], threads: Optional[int] = None
    ) -> Tuple[List[Tuple[str, List[Tuple[str, int]]]], List[Tuple[int, str]]]: ...
    def check_list(self, texts: List[str], threads: Optional[int] = None) -> List[List[Diagnostic]]: ...
    def fix_arrow(self, schema: object, array: object, threads: Optional[int] = None) -> Tuple[object, object, List[Tuple[int, str]]]: ...

def rules() -> List[Tuple[str, str, str, str, str]]: ...
