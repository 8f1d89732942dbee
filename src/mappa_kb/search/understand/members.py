"""Which levels and categories a text names: "level 2 and 3", "L3", "categories 1 to 3",
"all levels".

A figure for Level 2 and 3 together does not answer "the Level 2 recall rate", nor the
Level 3 figure "how many at levels 2 and 3": word counts cannot tell these apart (every
one of them says "level", "2" and "3" somewhere), so the ranking compares the sets named.
"""

from __future__ import annotations

import re

ALL = "all"
"""Every member of the series ('all levels', 'all categories')."""

_HEADS = {
    "level": "level",
    "levels": "level",
    "lvl": "level",
    "category": "category",
    "categories": "category",
    "cat": "category",
    "cats": "category",
}
_HEAD = r"(?:levels?|lvl|categor(?:y|ies)|cats?)"
_JOIN = r"\s*(?:,|&|\+|/|-|\band\b|\bor\b|\bplus\b|\bto\b)\s*"
_MONTH = r"(?!\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"  # not a date
_RUN = re.compile(
    rf"\b(?P<head>{_HEAD})\s*(?P<first>\d)\b(?P<rest>(?:{_JOIN}(?:{_HEAD}\s*)?\d\b{_MONTH})*)"
    # "L2", "L3": the short forms staff type, glued to their number only.
    r"|\b(?P<short>l)(?P<short_n>\d)\b",
    re.I,
)
_ALL = re.compile(rf"\ball (?:the )?(?P<head>{_HEAD})\b", re.I)
_DIGIT = re.compile(r"\d")
_RANGE = re.compile(r"(\d)\s*(?:-|\bto\b)\s*(?:" + _HEAD + r"\s*)?(\d)", re.I)


def members_named(text: str) -> dict[str, frozenset[str]]:
    """Each series the text names members of ('level', 'category'), and which: digits,
    or ALL. A range ('levels 1 to 3') names every member in it."""
    named: dict[str, set[str]] = {}
    for match in _ALL.finditer(text):
        named.setdefault(_HEADS[match["head"].lower()], set()).add(ALL)
    for match in _RUN.finditer(text):
        if match["short"]:
            named.setdefault("level", set()).add(match["short_n"])
            continue
        head = _HEADS[match["head"].lower()]
        found = named.setdefault(head, set())
        if ALL in found:
            continue  # "all levels (Levels 1, 2 and 3)": the list spells out 'all'
        run = match.group(0)
        found.update(_DIGIT.findall(run))
        for low, high in _RANGE.findall(run):
            found.update(str(n) for n in range(int(low), int(high) + 1))
    if named.get("level") == {"1", "2", "3"}:
        named["level"] = {ALL}  # MAPPA has three levels: all of them
    return {head: frozenset(found) for head, found in named.items()}


_ADDS_UP = re.compile(
    r"\b(?:together|combined|altogether|in total|total of|plus|add(?:ed)? up|sum|both)\b", re.I
)


def asks_to_add_up(text: str) -> bool:
    """'Level 2 and 3 together', 'categories 1 and 2 combined': the parts answer, added."""
    return _ADDS_UP.search(text) is not None
