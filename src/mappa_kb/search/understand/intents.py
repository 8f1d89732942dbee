"""What kind of answer a question wants, read from how it is asked.

"How many" wants a number, "what is" or "what are the criteria" the entry's own
explanation, "X vs Y" a passage about both, "list the ..." or "who sits on" a passage
that names several things. The words that only say this ("vs", "list", "how many") are
not searched for: they say what kind of answer fits, not what it is about.
"""

from __future__ import annotations

import re
from enum import Enum


class Intent(Enum):
    """A kind of answer a question wants. Declared once; used by understanding, ranking
    and trimming (an Enum, not strings, so a misspelt intent is a type error)."""

    COUNT = "count"
    """A figure of any kind ('how many', 'what rate', 'statistics')."""
    NUMBER = "number"
    """A count of people or things, not a percentage."""
    SHARE = "share"
    """A percentage, rate or proportion."""
    ASKS_WHAT = "asks-what"
    """Asked as 'what is', 'what does it mean', 'criteria'."""
    DEFINE = "define"
    """Asks what a named thing is (mostly a name, asked as 'what is'): its entry answers."""
    COMPARE = "compare"
    DATE = "date"
    """'When did', 'what year': a date, not a stretch of time."""
    TIME = "time"
    """'How long', 'how soon', 'how often'."""
    REASON = "reason"
    LIST = "list"
    """'List the', 'who sits on': a passage naming several things."""
    WHO = "who"


QUESTION_WORDS = frozenset({"who", "when", "where", "how", "why"})

_EVERYDAY_LIST = """
many much long often soon quickly happen happens happened need needs needed someone
somebody anyone person people work works worked know find make made makes give gives take
takes say says said want wants go goes going come comes stay stays keep keeps put find
help helps way ways thing things time times day days week weeks month months year years
kind kinds sort type types number numbers allowed able still yes okay hello hi thanks
"""
EVERYDAY_WORDS = frozenset(_EVERYDAY_LIST.split())
"""Plain words of questions that are never misspellings, though the site may not use them."""

INTENT_ONLY = frozenset({"vs", "versu", "differ", "compar", "comparison", "mani", "much", "list"})
"""Index terms that only say what kind of answer is wanted, never what it is about."""

# "Share" as a noun ("what share of cases"), not the verb ("how do agencies share
# information"), which asks about working together, not for a figure.
_SHARE_NOUN = r"\b(?:what|which|the|a|its|their) share\b|\bshare of\b"
_COUNT = re.compile(
    r"\b(how many|how much|number of|numbers|total|rate|figures?|statistics?|stats|"
    r"percentage|per ?cent|proportion|count|per (?:\d+k?|hundred|thousand))\b|" + _SHARE_NOUN
)
_SHARE = re.compile(r"\b(rate|percentage|per ?cent|proportion|ratio|per 100)|" + _SHARE_NOUN)
_DEFINE = re.compile(
    r"^(what|whats|which)\b|^who (is|are)\b|\bmean(s|ing)?\b|\bdefin|\bexplain|\btell me about\b|"
    # What makes a thing what it is: the entry's own explanation answers these too.
    r"\bcriteri|\bqualif|\beligib|\bthreshold|\bwhat makes\b|\bwhat counts as\b"
)
_TIME = re.compile(
    r"\bhow (long|quickly|soon|fast|often)\b|\bduration\b|\blength\b|\bdeadline\b|"
    r"\btime limit\b|\bwhen\b|\bminimum\b|\bmaximum\b"
)
_DATE = re.compile(
    r"\bwhen (did|was|were|will)\b|\bwhat (date|year|day)\b|\bwhich year\b|\bsince when\b"
)
_COMPARE = re.compile(r"\b(vs|versus|difference|differ|compared?|comparison)\b")
_LIST = re.compile(
    r"\blist\b|\bname (the|all)\b|\bwhat are the\b|\bwhich (agencies|bodies|organisations|"
    r"services|groups|partners|people)\b|\b(types|kinds|sorts) of\b|\bwho (sits?|is|are) on\b|"
    r"\bmembers?\b|\bmembership\b|\bmade up\b|\bmakes? up\b|\bconsists?\b|\bcomposition\b"
)


_PURPOSE = re.compile(
    r"\b(what for|for what reason)\b|\bused for\b|\b(point|purpose|aim) of\b|"
    r"\bwhat (is|are) (the |a |an )?[\w' -]{1,40} for\b"
)
"""'What is ViSOR used for', 'what's the point of MAPPA': asked for a purpose, a reason."""


def intents_of(lowered: str) -> set[Intent]:
    """Kinds of answer wanted, from the question as lower-case words."""
    intents = set()
    if _COUNT.search(lowered):
        intents.add(Intent.COUNT)
        # "How many" wants a number of people; "what share" wants a percentage or rate.
        intents.add(Intent.SHARE if _SHARE.search(lowered) else Intent.NUMBER)
    if _DEFINE.search(lowered):
        intents.add(Intent.ASKS_WHAT)
    if _COMPARE.search(lowered):
        intents.add(Intent.COMPARE)
    if _DATE.search(lowered):
        intents.add(Intent.DATE)  # "when did it start" wants a date, not a stretch of time
    elif _TIME.search(lowered):
        intents.add(Intent.TIME)
    if re.match(r"why\b", lowered) or _PURPOSE.search(lowered):
        intents.add(Intent.REASON)
    if _LIST.search(lowered):
        intents.add(Intent.LIST)
    if re.match(r"who\b", lowered):
        intents.add(Intent.WHO)
    return intents
