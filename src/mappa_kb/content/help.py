"""data/help.yaml: what a reader can do, shown first on the Ask page.

A question about danger now, someone nearby, being a victim or a child at risk gets a
short card of people to contact before any answer. The card is content like any other:
each line is cited to a registered source, says when a person last checked it, and lists
the words that bring it (`situations`). The index build saves it in the lexicon, so
answering a question never reads YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from mappa_kb.content.models import Citation, Slug, Strict, Text
from mappa_kb.content.phrasing import Form
from mappa_kb.content.problems import Problem
from mappa_kb.content.validation import validate_file
from mappa_kb.content.yaml_lines import LocatedYaml

_PHONE = re.compile(r"\d{3}(?: ?\d{1,4}){0,3}")


def _phone(value: str) -> str:
    if not _PHONE.fullmatch(value) or len(value.replace(" ", "")) not in {3, 10, 11}:
        raise ValueError(
            f"'{value}' is not a UK phone number as written: 3 digits (999, 101), or 10 or "
            "11 digits in groups separated by single spaces (0808 800 5000)"
        )
    return value


Phone = Annotated[str, AfterValidator(_phone)]


class HelpLine(Strict):
    """One thing a reader can do: a number to call, or a scheme to ask about."""

    id: Slug = Field(description="A name for this line, unique in the file.")
    name: Text = Field(description="Who to contact, e.g. 'NSPCC Helpline'.")
    text: Text = Field(
        max_length=200,
        description="When to use it, in one plain sentence for the public: 'If a child is "
        "in danger right now.'",
    )
    phone: Phone | None = Field(
        default=None,
        description="The number as it is written in the cited source, e.g. '0808 800 5000'. "
        "Copy it from the source, never from memory.",
    )
    page: str | None = Field(
        default=None,
        description="A page of this site that says more (docs-relative, e.g. "
        "'glossary/victim-contact-scheme.md').",
    )
    source: Citation = Field(description="Where the number and the advice come from.")
    reviewed: dt.date = Field(
        description="When a person last checked this line against its source."
    )
    situations: list[Form] = Field(
        min_length=1,
        description="Words and phrases in a question that bring this line, lower case, "
        "apostrophes dropped ('im worried about a child'). Matched as whole words.",
    )
    always: bool = Field(
        default=False,
        description="Shown first on every card (999), whatever brought the card.",
    )

    @field_validator("situations")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        if len(set(values)) != len(values):
            raise ValueError("a situation is listed twice")
        return values


class HelpFile(Strict):
    """The schema of data/help.yaml."""

    lines: list[HelpLine] = Field(
        default_factory=list,
        max_length=12,
        description="In the order a card shows them: the most urgent first.",
    )


def _line_problems(
    value: HelpFile,
    located: LocatedYaml,
    shown: str,
    sections: dict[str, list[str]],
    pages: Collection[str],
) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, line in enumerate(value.lines):

        def at(*key: str, index: int = index) -> int:
            return located.line_of(("lines", index, *key))

        if line.id in seen:
            yield Problem(shown, at("id"), f"lines.{index}.id", f"'{line.id}' is used twice")
        seen.add(line.id)
        citation = line.source
        if citation.source not in sections:
            yield Problem(
                shown,
                at("source", "source"),
                f"lines.{index}.source.source",
                f"unknown source '{citation.source}' (register it in glossary/sources.yaml)",
            )
        elif sections.get(citation.source) and citation.section not in sections[citation.source]:
            listed = "; ".join(sections[citation.source])
            yield Problem(
                shown,
                at("source", "section"),
                f"lines.{index}.source.section",
                f"'{citation.section}' is not a section of '{citation.source}' "
                f"(choose one of: {listed})",
            )
        if line.page is not None and line.page not in pages:
            yield Problem(
                shown,
                at("page"),
                f"lines.{index}.page",
                f"no page '{line.page}' in docs/ or among the generated pages",
            )
        if line.phone is None and line.page is None:
            yield Problem(shown, at("id"), f"lines.{index}", "give a phone number, a page, or both")


def read_help(
    path: Path,
    shown: str,
    root: Path | None,
    sources: dict[str, list[str]],
    pages: Collection[str],
) -> tuple[HelpFile, list[Problem]]:
    """The file (empty when absent) and its problems. `sources` maps each registered
    source id to the sections a citation may name (empty: any); `pages` are the
    docs-relative paths a line may point to."""
    if not path.exists():
        return HelpFile(), []
    value, located, problems = validate_file(path, shown, HelpFile, root)
    if value is None or located is None:
        return HelpFile(), problems
    problems += _line_problems(value, located, shown, sources, pages)
    return (value if not problems else HelpFile()), problems
