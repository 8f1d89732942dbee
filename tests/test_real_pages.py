"""The hand-written pages themselves: in our own words, about no individual, and with
no statistics typed in (figures come from data files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_real_content import NAMES_IN_SOURCES

from conftest import REPO, SHARED
from mappa_kb.content.originality import copied_runs, source_shingles

SOURCES = sorted((SHARED / "sources").glob("*.txt"))
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATES = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? (?:{MONTHS})\b|\b\d{{4}}(?:-\d{{2}}){{1,2}}\b")


def numbers(text: str) -> set[str]:
    """Numbers in text, leaving out dates ("31 March", "2022-23", "2026-11-21")."""
    return set(re.findall(r"\b\d+\b", _DATES.sub(" ", text)))


def statistics_figures() -> set[str]:
    """Every number printed in the reports' statistics tables, except small ones that are
    also ordinary facts (ages, days, months, years)."""
    figures: set[str] = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        tables = text[text.index("MAPPA Statistics") : text.index("Explanation commentary")]
        figures |= {n for n in numbers(tables) if int(n) >= 20}
    return figures - {"2021", "2022", "2023", "100"}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
        for path in sorted((REPO / "docs").rglob("*.md"))
    }


def test_pages_are_in_our_own_words(pages: dict[str, str]) -> None:
    reference = source_shingles(SOURCES)
    copied = [
        f"{name}: {run}" for name, text in pages.items() for run in copied_runs(text, reference)
    ]
    assert not copied, "text copied from a source report:\n" + "\n".join(copied[:20])


def test_no_individual_is_named(pages: dict[str, str]) -> None:
    pattern = re.compile("|".join(re.escape(n) for n in NAMES_IN_SOURCES), re.I)
    named = [
        f"{name}: {m.group(0)}" for name, text in pages.items() for m in pattern.finditer(text)
    ]
    assert not named, named


def test_statistics_are_not_typed_into_pages(pages: dict[str, str]) -> None:
    figures = statistics_figures()
    assert {"6867", "10621", "548", "124"} <= figures  # the reader really found the tables
    quoted = {name: sorted(numbers(text) & figures) for name, text in pages.items()}
    assert not {name: found for name, found in quoted.items() if found}


def test_reader_paths_are_in_the_navigation() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for path in Path(REPO / "docs").rglob("*.md"):
        rel = path.relative_to(REPO / "docs").as_posix()
        assert rel in config, f"docs/{rel} is not in the mkdocs.yml nav"
