"""Glossary index pages: A-Z with letter jump links, and one page per topic."""

from __future__ import annotations

import string
from dataclasses import dataclass

from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import GlossaryEntry, Topic
from mappa_kb.render.entry_page import entry_heading
from mappa_kb.render.markdown_text import escape_inline

FRONT = "---\nrender_macros: false\n---\n"


@dataclass(frozen=True)
class _Row:
    """A line in the A-Z: an entry itself, or another name pointing at it."""

    label: str
    entry: GlossaryEntry
    is_entry: bool


def _letter(label: str) -> str:
    first = label.lstrip("\"'(").upper()[:1]
    return first if first in string.ascii_uppercase else "#"


def _rows(glossary: Glossary) -> list[_Row]:
    rows = [_Row(entry_heading(e), e, True) for e in glossary.entries.values()]
    for entry in glossary.entries.values():
        rows += [_Row(abbr, entry, False) for abbr in entry.abbreviations]
        rows += [_Row(alias, entry, False) for alias in entry.aliases]
    return sorted(rows, key=lambda r: (r.label.casefold(), not r.is_entry))


def render_a_to_z(glossary: Glossary, prefix: str = "") -> str:
    """The A-Z; `prefix` is the path from this page's folder to the entry pages."""
    rows = _rows(glossary)
    letters = sorted({_letter(r.label) for r in rows})
    jump = " ".join(
        f"[{c}](#letter-{c.lower()})" if c in letters else f'<span aria-hidden="true">{c}</span>'
        for c in string.ascii_uppercase
    )
    lines = [
        FRONT,
        "# Glossary A to Z",
        "",
        f"{len(glossary.entries)} terms used in MAPPA, in plain English. Other names and short "
        "forms are listed too, pointing to the main entry.",
        "",
        '<nav aria-label="Jump to letter" class="kb-az-jump" markdown>',
        jump,
        "</nav>",
        "",
    ]
    for letter in letters:
        heading = "Other" if letter == "#" else letter
        lines += [f"## {heading} {{ #letter-{letter.lower() if letter != '#' else 'other'} }}", ""]
        for row in (r for r in rows if _letter(r.label) == letter):
            link = f"{prefix}{row.entry.id}.md"
            if row.is_entry:
                lines.append(f"- [{escape_inline(row.label)}]({link}): {row.entry.summary}")
            else:
                target = escape_inline(row.entry.term)
                lines.append(f"- {escape_inline(row.label)}: see [{target}]({link})")
        lines.append("")
    return "\n".join(lines)


def render_topic(topic: Topic, entries: list[GlossaryEntry]) -> str:
    lines = [FRONT, f"# {escape_inline(topic.title)}", "", topic.description, ""]
    lines += [f"- [{escape_inline(entry_heading(e))}](../{e.id}.md): {e.summary}" for e in entries]
    lines += ["", "[All topics](index.md) · [Glossary A to Z](../index.md)", ""]
    return "\n".join(lines)


def render_topic_index(glossary: Glossary) -> str:
    lines = [FRONT, "# Glossary topics", ""]
    for topic, entries in glossary.by_topic():
        count = f"{len(entries)} term{'s' if len(entries) != 1 else ''}"
        lines.append(
            f"- [{escape_inline(topic.title)}]({topic.id}.md) ({count}): {topic.description}"
        )
    lines.append("")
    return "\n".join(lines)
