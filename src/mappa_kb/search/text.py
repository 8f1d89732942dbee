"""Plain-text helpers shared by indexing and querying: cleaning, sentences, analysis text.

Whatever is done to a passage before it is indexed is done to a question before it is
searched (`analysis_text`), so "three days", "3 days", "co-operate" and "cooperate"
meet in the middle. Nothing here imports whoosh.
"""

from __future__ import annotations

import re
import unicodedata

MAX_QUERY_CHARS = 1000
"""Longer input is cut: no real question is longer, and work must stay bounded."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SPACE = re.compile(r"\s+")


def clean(text: str, limit: int | None = None) -> str:
    """Unicode-normalised text without control characters, with single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])|\s*\n\s*")
# Abbreviations that end in a full stop but do not end a sentence.
_NOT_AN_END = re.compile(r"\b(?:e\.g|i\.e|etc|vs|No|s|ss|para|Sch|Mr|Mrs|Ms|Dr|St)\.$")


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (list items and lines count as sentences)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    merged: list[str] = []
    for part in parts:
        if merged and _NOT_AN_END.search(merged[-1]):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "fifteen": "15",
    "twenty": "20",
    "thirty": "30",
    "hundred": "100",
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"\b(\d{1,3})((?:,\d{3})+)\b")
_SHORT_THOUSANDS = re.compile(r"\b(\d{1,3})k\b", re.I)
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-/–—]\s*(\d{2}|(?:19|20)\d{2})\b")
_SHORT_YEAR_RANGE = re.compile(r"(?<![\d/.])\b(\d{2})\s*/\s*(\d{2})\b(?![\d/.])")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b")
_COMPOUND = re.compile(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b")
_SHORTHAND = re.compile(r"\b([A-Za-z])(\d{1,2})\b")
_MONTH_LIST = (
    "January February March April May June July August September October November December"
)
_MONTHS = _MONTH_LIST.split()


def _year_range(match: re.Match[str]) -> str:
    start, end = match.group(1), match.group(2)
    full_end = end if len(end) == 4 else start[:2] + end
    if not 0 < int(full_end) - int(start) <= 1:
        return match.group(0)
    # Reports say "2022-23", "2022/23" or "2022 to 2023": index every spelling.
    return f"{start} {full_end} {start}_{full_end[2:]}"


def _short_year_range(match: re.Match[str]) -> str:
    start, end = int(match.group(1)), int(match.group(2))
    if end != start + 1:
        return match.group(0)
    return f"20{start:02d} 20{end:02d} 20{start:02d}_{end:02d}"


def _numeric_date(match: re.Match[str]) -> str:
    day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    return f"{day} {_MONTHS[month - 1]} {year}"


_DATE = r"\d{1,2}(?:st|nd|rd|th)? (?:" + "|".join(_MONTHS) + r") (?:19|20)\d{2}"
_ON_A_DAY = re.compile(rf"\b(?:on|at|as at|as of|by)\s+(?:the\s+)?{_DATE}", re.I)
_OVER_A_PERIOD = re.compile(
    rf"(?:\bfrom\s+)?\b{_DATE}\s+(?:to|until|-|–)\s+{_DATE}|\b(?:during|over|throughout|in|for)\s+(?:the\s+)?"
    r"(?:(?:19|20)\d{2}\s*[-/–]\s*\d{2,4}|(?:financial |reporting )?year)\b|\byearly\b|"
    r"\bper year\b|\ba year\b|\beach year\b|\bannual\b",
    re.I,
)
SNAPSHOT_TERM = "snapshotday"
PERIOD_TERM = "wholeperiod"
"""Marks for 'on 31 March 2023' (a count on one day) and 'during 2022-23' (over a year),
which read alike as words but are different figures."""


_COORDINATED = re.compile(
    r"\b([^\W\d_]{3,}) (\d{1,2})((?:, \d{1,2})*),? (?:and|or) (\d{1,2})\b(?![.,]\d)"
)


def _coordinated(match: re.Match[str]) -> str:
    word = match.group(1)
    numbers = [match.group(2), *re.findall(r"\d+", match.group(3)), match.group(4)]
    return f"{match.group(0)} ({' '.join(f'{word} {n}' for n in numbers[1:])})"


def analysis_text(text: str) -> str:
    """The text as the index sees it: spellings of the same thing made to agree.

    Numbers lose their thousands commas ("100k" reads 100000 too), number words gain
    digits, financial years ("2022/23", "2022-23") become both years plus one token for
    the pair, numeric dates become written dates, "Level 2 and 3" also reads "Level 3", a
    count on a day and a count over a period are marked, and hyphenated words are indexed
    joined as well as apart.
    """
    text = _THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", ""), text)
    text = _SHORT_THOUSANDS.sub(lambda m: f"{m.group(1)}000", text)  # "100k": 100000
    text = _NUMERIC_DATE.sub(_numeric_date, text)
    text = _ON_A_DAY.sub(lambda m: f"{m.group(0)} {SNAPSHOT_TERM}", text)
    text = _OVER_A_PERIOD.sub(lambda m: f"{m.group(0)} {PERIOD_TERM}", text)
    text = _YEAR_RANGE.sub(_year_range, text)
    text = _SHORT_YEAR_RANGE.sub(_short_year_range, text)
    text = _COORDINATED.sub(_coordinated, text)
    text = _NUMBER_WORD.sub(lambda m: f"{m.group(1)} {NUMBER_WORDS[m.group(1).lower()]}", text)
    text = _COMPOUND.sub(lambda m: f"{m.group(0)} {m.group(1)}{m.group(2)}", text)
    return text


def shorthand_parts(token: str) -> tuple[str, str] | None:
    """'L2' -> ('l', '2'): a letter-and-number shorthand such as L2 for Level 2."""
    match = _SHORTHAND.fullmatch(token)
    return (match.group(1).lower(), match.group(2)) if match else None


# Words that carry no meaning for matching. Question words that do carry meaning (who,
# when, where, how, why), negations and "all" are kept: "no maximum", "who may apply" and
# "in all categories" answer questions.
_STOP_LIST = """
    a about above after again also am an and any are as at be been before being
    below between both but by can could did do does doing down during each else ever few
    for from further had has have having he her here hers herself him himself his i if
    in into is it its itself just me more most my myself nor now of off on once only or
    other our ours ourselves out over own same she should so some such than that thats
    the their theirs them themselves then there these they this those through to too
    under until up very was we were what whats which while whom will with would you your
    yours yourself yourselves us let lets s t d ll m re ve get got tell please mean means
    meant
"""
STOP_WORDS = frozenset(_STOP_LIST.split())
