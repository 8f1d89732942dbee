"""An answer's source line as separate citations, each linked to the Sources page.

Passages cite as 'Title, section; Title, section' (a page cites all its sources). Split
into one citation each, with the place on the Sources page where its source is listed,
so a reader sees the source one click away instead of the whole line.
"""

from __future__ import annotations

from dataclasses import dataclass

WORKED_OUT = "Worked out from "


@dataclass(frozen=True)
class Cited:
    """One source of an answer."""

    title: str
    """The source's title, e.g. 'London MAPPA Annual Report 2022-23'."""
    section: str | None
    """Where in it, e.g. 'MAPPA Statistics'; None when not given."""
    url: str | None
    """Where the Sources page lists it (site-relative), or None for a source that is
    not registered (a page of this site citing itself)."""


class Citations:
    """Registered source titles -> their place on the Sources page."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        # Longest first, so a short title never claims what a longer one cites.
        self._titles = sorted(pages, key=len, reverse=True)

    def split(self, source: str) -> list[Cited]:
        """'Title, section; Title, section' -> one Cited each, in order, each once."""
        found: list[Cited] = []
        for part in source.removeprefix(WORKED_OUT).split("; "):
            cited = self._one(part.strip())
            if cited is not None and cited not in found:
                found.append(cited)
        return found

    def _one(self, part: str) -> Cited | None:
        if not part:
            return None
        title = next((t for t in self._titles if part == t or part.startswith(f"{t}, ")), None)
        if title is None:
            return Cited(part, None, None)
        return Cited(title, part[len(title) + 2 :] or None, self.pages[title])
