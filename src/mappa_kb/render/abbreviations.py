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


def render_abbreviations(glossary: Glossary) -> str:
    """The snippet file: one `*[text]: title` line per tooltip."""
    lines = [f"*[{t.text}]: {t.title}" for t in tooltips(glossary) if "]" not in t.text]
    # One block per definition: the block parser re-tests the rest of a block after
    # each definition it consumes, which is quadratic in a block of hundreds of lines.
    return "\n\n".join(lines) + "\n"
