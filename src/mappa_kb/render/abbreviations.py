"""Glossary -> tooltips: every term, short form and other name, with what it means.

render.term_markup marks them on every page as <abbr> tooltips; the same table tells
the first-mention linker which entry each tooltip belongs to.
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
    """The name as written and, for multi-word names, with a lower-case first letter
    (mid-sentence use). Single words are left alone: a tooltip on every ordinary
    "police" or "recall" would bury the useful ones."""
    lowered = name[:1].lower() + name[1:]
    if lowered == name or name[1:2].isupper() or " " not in name:
        return [name]
    return [name, lowered]


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
