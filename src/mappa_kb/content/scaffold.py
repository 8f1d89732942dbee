"""Starting files for `mappa-kb new`: every field in the order entries use, and a
placeholder (content.placeholders) wherever only the author can say what belongs, so
the file is complete in shape and `mappa-kb check` refuses it until it is filled in."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Iterable

from mappa_kb.content.placeholders import placeholder
from mappa_kb.content.schema import SCHEMA_COMMENT
from mappa_kb.paths import SOURCES_FILE, TOPICS_FILE

HEADER = (
    "# Written by `mappa-kb new`: replace every TODO (`mappa-kb check` lists those left).\n"
    "# With `make preview` running, each save shows the page, or what is wrong, at once."
)


def entry_id_for(term: str) -> str:
    """'Risk formulation' -> 'risk-formulation': the file name and id of a new entry."""
    return re.sub(r"[^a-z0-9]+", "-", term.casefold()).strip("-")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted string


def _citation() -> list[str]:
    source = _quoted(placeholder(f"a source id from glossary/{SOURCES_FILE}"))
    section = _quoted(placeholder("the section of that source you used"))
    return [f"  - source: {source}", f"    section: {section}"]


def _topics_comment(topics: list[str]) -> list[str]:
    if not topics:
        return []
    words = ", ".join(topics)
    return textwrap.wrap(
        words, 86, initial_indent="# One of: ", subsequent_indent="#   ", break_on_hyphens=False
    )


def entry_scaffold(
    entry_id: str, term: str, topics: Iterable[str], today: dt.date | None = None
) -> str:
    """A new glossary/<id>.yaml: valid in shape, every gap a placeholder."""
    today = today or dt.date.today()
    lines = [
        SCHEMA_COMMENT,
        HEADER,
        f"id: {entry_id}",
        f"term: {_quoted(term)}",
        "abbreviations: []  # short forms, e.g. [SRO]",
        "aliases: []  # other names people use",
        *_topics_comment(list(topics)),
        f"topic: {_quoted(placeholder(f'a topic id from glossary/{TOPICS_FILE}'))}",
        "summary: >-",
        f"  {placeholder('one or two plain-English sentences for the public (the tooltip).')}",
        "definition: |",
        f"  {placeholder('a fuller explanation for staff, in Markdown, in your own words.')}",
        "key_facts: []  # short facts, each with its sources: see sexual-risk-order.yaml",
        "related: []  # ids of related entries",
        "questions:",
        f"  - {_quoted(placeholder('a question a lay adviser might ask about this?'))}",
        "sources:",
        *_citation(),
        f"reviewed: {today.isoformat()}",
    ]
    return "\n".join(lines) + "\n"


def page_scaffold(title: str | None, today: dt.date | None = None) -> str:
    """A new docs/ page: front matter with every required field, and a first heading."""
    today = today or dt.date.today()
    heading = title or placeholder("the page title")
    lines = [
        "---",
        f"reviewed: {today.isoformat()}",
        "audience: []  # public, staff, lay-adviser; public pages must read at Flesch 60+",
        "sources:",
        *_citation(),
        "---",
        f"# {heading}",
        "",
        placeholder(
            "the page, in plain English, linking to glossary entries rather than defining "
            "terms again"
        ),
    ]
    return "\n".join(lines) + "\n"
