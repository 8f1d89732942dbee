"""What an answer of each kind looks like: a stretch of time, a date, a reason.

A question's intent (intents.py) says which kind it wants; a passage, or a sentence of
one, that has that shape is more likely to answer. Patterns only: no ranking here.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)

SHAPES: dict[str, re.Pattern[str]] = {
    # "how long", "how quickly", "how often": a stretch of time, or how often something is.
    "time": re.compile(
        r"\b(\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen)\s+"
        r"(hours?|days?|weeks?|months?|years?)\b|\bindefinite|\bno maximum|\bat least\b|"
        r"\bonce an? (day|week|month|year)\b|\bevery (day|week|month|year)\b|\bannually\b",
        re.I,
    ),
    # "when did it start", "what year": a date or a year.
    "date": re.compile(rf"\b\d{{1,2}} {_MONTH} (19|20)\d\d\b|\b(in|since|from) (19|20)\d\d\b"),
    # "why": a reason or a purpose.
    "reason": re.compile(
        r"\bbecause\b|\bso that\b|\bin order to\b|\bso as to\b|\bthe reason\b|\bpurpose\b|"
        r"\bexists? to\b|\baims? (is |are )?to\b|\bas a result\b|\bdue to\b|\bled to\b",
        re.I,
    ),
}

BOOSTS = {"time": 1.4, "date": 1.4, "reason": 1.3}
"""How much more a passage of the wanted shape is worth."""
