"""Catch text pasted from the source reports: content must be in our own words.

A run of `WINDOW` identical consecutive words between our text and a report is treated
as copying. Short shared phrases ("Multi-Agency Public Protection Arrangements",
"Sexual Harm Prevention Order") are names, not copying, and stay well under the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

WINDOW = 10
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


def shingles(text: str, window: int = WINDOW) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + window]) for i in range(len(tokens) - window + 1)}


def source_shingles(paths: Iterable[Path], window: int = WINDOW) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for path in paths:
        found |= shingles(path.read_text(encoding="utf-8"), window)
    return found


def copied_runs(text: str, reference: set[tuple[str, ...]], window: int = WINDOW) -> Iterator[str]:
    """Each run of `window` words in `text` that also appears in the reference text."""
    tokens = words(text)
    for i in range(len(tokens) - window + 1):
        run = tuple(tokens[i : i + window])
        if run in reference:
            yield " ".join(run)


def text_fields(value: object) -> Iterator[str]:
    """Every string inside a parsed YAML value (dicts, lists, scalars)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from text_fields(item)
    elif isinstance(value, list):
        for item in value:
            yield from text_fields(item)


def main() -> int:
    """Usage: python -m mappa_kb.content.originality SOURCES_DIR FILE...  (exit 1 if copied)."""
    import sys

    from mappa_kb.content.files import MAX_PAGE_BYTES, read_text, read_yaml

    sources_dir, *files = sys.argv[1:]
    reference = source_shingles(sorted(Path(sources_dir).glob("*.txt")))
    bad = 0
    for name in files:
        path = Path(name)
        if path.suffix == ".yaml":
            located, problems = read_yaml(path, name, None)
            texts = list(text_fields(located.data)) if located is not None else []
        else:
            raw, problem = read_text(path, name, None, MAX_PAGE_BYTES)
            problems, texts = ([problem] if problem else []), ([raw] if raw is not None else [])
        for problem in problems:
            print(problem)
            bad += 1
        for text in texts:
            for run in copied_runs(text, reference):
                print(f"{name}: copied from a source report: '{run}'")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
