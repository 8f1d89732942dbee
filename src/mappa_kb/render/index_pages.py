"""Glossary index pages: A-Z with letter jump links, and one page per topic."""

from __future__ import annotations

import string
from dataclasses import dataclass

from mappa_kb import urls
from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import GlossaryEntry, Topic
from mappa_kb.render.markdown_text import escape_inline

FRONT = "---\nrender_macros: false\n---\n"
A_TO_Z_TITLE = "Glossary A to Z"
TOPICS_TITLE = "Glossary topics"


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
    rows = [_Row(e.heading, e, True) for e in glossary.entries.values()]
    for entry in glossary.entries.values():
        rows += [_Row(abbr, entry, False) for abbr in entry.abbreviations]
        rows += [_Row(alias, entry, False) for alias in entry.aliases]
    return sorted(rows, key=lambda r: (r.label.casefold(), not r.is_entry))


def render_a_to_z(glossary: Glossary) -> str:
    rows = _rows(glossary)
    letters = sorted({_letter(r.label) for r in rows})
    jump = " ".join(
        f"[{c}](#letter-{c.lower()})" if c in letters else f'<span aria-hidden="true">{c}</span>'
        for c in string.ascii_uppercase
    )
    lines = [
        FRONT,
        f"# {A_TO_Z_TITLE}",
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
            link = urls.link(urls.A_TO_Z, urls.entry_page(row.entry.id))
            if row.is_entry:
                summary = escape_inline(row.entry.summary)
                lines.append(f"- [{escape_inline(row.label)}]({link}): {summary}")
            else:
                target = escape_inline(row.entry.term)
                lines.append(f"- {escape_inline(row.label)}: see [{target}]({link})")
        lines.append("")
    return "\n".join(lines)


def render_topic(topic: Topic, entries: list[GlossaryEntry]) -> str:
    here = urls.topic_page(topic.id)
    lines = [FRONT, f"# {escape_inline(topic.title)}", "", escape_inline(topic.description), ""]
    for entry in entries:
        target = urls.link(here, urls.entry_page(entry.id))
        lines.append(
            f"- [{escape_inline(entry.heading)}]({target}): {escape_inline(entry.summary)}"
        )
    all_topics, a_to_z = urls.link(here, urls.TOPICS_INDEX), urls.link(here, urls.A_TO_Z)
    lines += ["", f"[All topics]({all_topics}) · [Glossary A to Z]({a_to_z})", ""]
    return "\n".join(lines)


def render_topic_index(glossary: Glossary) -> str:
    lines = [FRONT, f"# {TOPICS_TITLE}", ""]
    for topic, entries in glossary.by_topic():
        count = f"{len(entries)} term{'s' if len(entries) != 1 else ''}"
        target = urls.link(urls.TOPICS_INDEX, urls.topic_page(topic.id))
        about = escape_inline(topic.description)
        lines.append(f"- [{escape_inline(topic.title)}]({target}) ({count}): {about}")
    lines.append("")
    return "\n".join(lines)
