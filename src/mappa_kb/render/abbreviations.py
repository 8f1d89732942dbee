"""Glossary -> abbreviation definitions (`*[SRO]: ...`) for the Markdown `abbr` extension.

Appended to every page (pymdownx.snippets auto_append), so each term and short form
becomes an <abbr> tooltip site-wide. The same table tells the first-mention linker
which page each tooltip belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import GlossaryEntry


@dataclass(frozen=True)
class Tooltip:
    text: str
    title: str
    entry_id: str | None  # None when the text is shared by several entries


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _variants(name: str) -> list[str]:
    """The name as written and, mid-sentence, with a lower-case first letter."""
    lowered = name[:1].lower() + name[1:]
    return [name] if lowered == name or name[1:2].isupper() else [name, lowered]


def tooltips(glossary: Glossary) -> list[Tooltip]:
    claims: dict[str, list[tuple[GlossaryEntry, str]]] = {}
    for entry in glossary.sorted_entries():
        for abbr in entry.abbreviations:
            claims.setdefault(abbr, []).append((entry, f"{entry.term}: {entry.summary}"))
        for name in (entry.term, *entry.aliases):
            for variant in _variants(name):
                claims.setdefault(variant, []).append((entry, f"{entry.term}: {entry.summary}"))
    out = []
    for text, owners in sorted(claims.items()):
        unique = {e.id: (e, title) for e, title in owners}
        if len(unique) == 1:
            entry, title = next(iter(unique.values()))
            out.append(Tooltip(text, _one_line(title), entry.id))
        else:
            choices = " or ".join(
                f"{e.term} ({e.disambiguation})" if e.disambiguation else e.term
                for e, _ in unique.values()
            )
            out.append(Tooltip(text, _one_line(f"Could mean: {choices}"), None))
    return out


def render_abbreviations(glossary: Glossary) -> str:
    """The snippet file: one `*[text]: title` line per tooltip."""
    lines = [f"*[{t.text}]: {t.title}" for t in tooltips(glossary) if "]" not in t.text]
    # One definition per block: Markdown's abbr processor takes one line from a block and
    # re-queues the rest, so a single block of N lines costs O(N^2) regex scans per page
    # (a 110-entry glossary took two minutes to build; blank lines make it nine seconds).
    return "\n\n".join(lines) + "\n"
