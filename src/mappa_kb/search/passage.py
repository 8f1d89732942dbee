"""The unit of search: a short passage that knows where it came from.

Glossary entries, explanatory page sections and statistics sentences all become
Passages; the index stores them and answers return them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PassageKind = Literal["glossary", "fact", "page", "statistic"]

BULLET = "• "
"""List items start with this in plain text, so answers can keep a list with its lead-in."""


@dataclass(frozen=True)
class Passage:
    title: str
    """Heading shown with the answer, e.g. 'Sexual Risk Order (SRO)'."""
    text: str
    """Plain text that answers (no Markdown or HTML), at most about 600 characters."""
    url: str
    """Site-relative URL with anchor, e.g. 'glossary/sexual-risk-order/#key-facts'."""
    source: str
    """Human-readable citation, e.g. 'London MAPPA Annual Report 2022-23, MAPPA Statistics'."""
    kind: PassageKind
    keywords: str = ""
    """Extra words to match on but not to show (abbreviations, aliases, area names)."""
    asked: str = ""
    """Questions readers ask that this passage answers, in their words (content's
    `asked_as`), ' ; '-separated: matched in a field of their own, never shown."""

    @property
    def searched_text(self) -> str:
        """Everything a question is matched against, one part per line."""
        return f"{self.title}\n{self.keywords}\n{self.asked}\n{self.text}"
