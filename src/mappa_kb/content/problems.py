"""Problems found in content files, reported together rather than one at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    `line` is 1-based; 0 means "the file as a whole" (for example a file that
    could not be read). `field` is a dotted path such as ``key_facts.2.text``.
    """

    file: str
    line: int
    field: str
    message: str
    follow_on: bool = False
    """About links between files (an unknown id, a missing partner): listed after the
    problems within files, which are more often the cause."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" [{self.field}]" if self.field else ""
        return f"{where}:{field} {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an author can fix them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.follow_on, p))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found in content:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an author would type it: relative to the project when possible."""
    if root is not None:
        if path.is_absolute() and path.is_relative_to(root):  # the common case: no disk
            return str(path.relative_to(root))
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
