"""What an answer of each kind looks like: a stretch of time, a date, a reason.

A question's intent (understand/intents.py) says which kind it wants; a passage, or a sentence of
one, that has that shape is more likely to answer. Patterns only: no ranking here.
"""

from __future__ import annotations

import re

from mappa_kb.search.understand.intents import Intent

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)

SHAPES: dict[Intent, re.Pattern[str]] = {
    # "how long", "how quickly", "how often": a stretch of time, or how often something is.
    Intent.TIME: re.compile(
        r"\b(\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen)\s+"
        r"(hours?|days?|weeks?|months?|years?)\b|\bindefinite|\bno maximum|\bat least\b|"
        r"\bonce an? (day|week|month|year)\b|\bevery (day|week|month|year)\b|\bannually\b",
        re.I,
    ),
    # "when did it start", "what year": a date or a year.
    Intent.DATE: re.compile(rf"\b\d{{1,2}} {_MONTH} (19|20)\d\d\b|\b(in|since|from) (19|20)\d\d\b"),
    # "why": a reason or a purpose.
    Intent.REASON: re.compile(
        r"\bbecause\b|\bso that\b|\bin order to\b|\bso as to\b|\bthe reason\b|\bpurpose\b|"
        r"\bexists? to\b|\bused (?:to|for)\b|\baims? (is |are )?to\b|\bas a result\b|"
        r"\bdue to\b|\bled to\b",
        re.I,
    ),
    # "who manages", "who decides": a passage naming who does it.
    Intent.WHO: re.compile(
        r"\b(?:managed|led|chaired|run|assessed|decided|made|appointed|supervised|held|"
        r"kept|set|owned|co-ordinated|coordinated) by\b|\bresponsib|\blead agency\b|"
        r"\b(?:chairs?|leads?|manages?|decides?|runs?|oversees?|supervises?)\b",
        re.I,
    ),
}

BOOSTS = {Intent.TIME: 1.4, Intent.DATE: 1.4, Intent.REASON: 1.3, Intent.WHO: 1.3}
"""How much more a passage of the wanted shape is worth."""
