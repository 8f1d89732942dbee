"""Placeholders: what `mappa-kb new` writes where only an author can say what belongs.

Each is the text "TODO:" and a hint at what to write. Checks refuse any value, or line of
a page, that still starts with it, naming the field and repeating the hint, so a
half-written entry can never reach the site, and `mappa-kb check` lists what is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MARK = "TODO:"
_LINE = re.compile(r"^[ \t]*(?:#+[ \t]*)?TODO:[ \t]*(?P<hint>.*)$", re.M)


def placeholder(hint: str) -> str:
    return f"{MARK} {hint}"


def _message(hint: str) -> str:
    hint = hint.strip().rstrip("?.")
    return f"replace the placeholder: {hint}" if hint else "replace the placeholder"


def placeholder_problems(
    value: object, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where, message) for each value in parsed YAML that is still a placeholder."""
    if isinstance(value, str):
        if value.lstrip().startswith(MARK):
            yield loc, _message(value.lstrip()[len(MARK) :])
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholder_problems(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from placeholder_problems(item, (*loc, index))


def placeholder_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line, message) for each line of Markdown that is still a placeholder (a heading too)."""
    for match in _LINE.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, _message(match.group("hint"))
