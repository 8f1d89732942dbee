"""Flesch reading ease, computed offline.

textstat's English syllable counter loads the CMU Pronouncing Dictionary through nltk,
which tries to download it on first use; with no network the call fails. So we use
the same Flesch formula with our own syllable heuristic:

1. Count groups of one or two vowels (y counts as a vowel, except at the start).
2. Drop a silent final "e", "es" or "ed" first ("police", "manages", "managed"), but
   keep "ed" after d or t ("needed") and "le" after a consonant ("people").
3. Add one for vowel pairs that are usually said as two syllables: "ua" ("sexual"),
   "io" and "ia" when not part of "-tion", "-cial" and the like ("violent", "media"),
   "eo" ("video"), and "iou" is left as one ("serious" is counted by the pair rule).
4. Words of three letters or fewer are one syllable; numbers count as one.

tests/test_readability.py checks it against hand-counted words; it is right for most
everyday and MAPPA words, and its errors go both ways, so scores drift little.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

PLAIN_ENGLISH_MINIMUM = 60.0
"""Flesch reading ease that public text must reach: 60-70 reads as plain English."""

_LETTERS = re.compile(r"[^a-z]")
# Silent endings: "-e" (police, whole) but not consonant + "le" (people); "-es" (makes)
# but not after a hissing sound (changes, premises) or consonant + "l" (tables); "-ed"
# (managed) but not after d or t (needed).
_SILENT_END = re.compile(
    r"(?:(?<![cgsxz])(?<!ch)(?<!sh)(?<![^aeiouy]l)es|(?<![dt])ed|(?<![^aeiouy]l)e)$"
)
# A silent e inside common suffixed words: manag(e)ment, saf(e)ly, saf(e)ty.
_SILENT_INNER_E = re.compile(r"(?<=[^aeiouy])e(?=(?:ment|ly|ty|ful|ness|less)s?$)")
_VOWEL_GROUP = re.compile(r"[aeiouy]{1,2}")
# Vowel pairs usually said as two syllables, and endings that add one.
_EXTRA = re.compile(
    r"(?<![qg])ua|(?<![tcsxg])io(?!u)|(?<![tcsxgl])ia|eo(?!u)|uo|[aeiou]ing$|ism$|isms$"
)
_ONE_LESS = re.compile(r"iour")
_SPLIT_EA_END = re.compile(r"[^aeiouy]eas?$")  # ar-e-a, id-e-as; not rel-ease
_WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
# Words the rules above get wrong that pages use often (compounds hide a silent e).
_EXCEPTIONS = {
    "people": 2,
    "someone": 2,
    "anyone": 3,
    "everyone": 3,
    "lifetime": 2,
    "create": 2,
    "creates": 2,
    "created": 3,
    "science": 2,
    "being": 2,
    "every": 2,
    "everything": 3,
    "business": 2,
    "wellbeing": 3,
}


def count_syllables(word: str) -> int:
    """Syllables in one word (a hyphenated word counts each part)."""
    parts = [p for p in re.split(r"[-–]", word) if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    letters = _LETTERS.sub("", word.lower().replace("’", "'").split("'")[0])
    if not letters:
        return 1  # a number: read as one word
    if letters in _EXCEPTIONS:
        return _EXCEPTIONS[letters]
    if len(letters) <= 3:
        return 1
    stem = _SILENT_INNER_E.sub("", _SILENT_END.sub("", letters))
    stem = stem[1:] if stem.startswith("y") else stem
    count = len(_VOWEL_GROUP.findall(stem)) + len(_EXTRA.findall(stem))
    count += len(_SPLIT_EA_END.findall(letters))
    return max(1, count - len(_ONE_LESS.findall(stem)))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    """Sentences end in . ! or ?; a final fragment without one still counts."""
    pieces = [p for p in _SENTENCE_END.split(text) if words(p)]
    return max(1, len(pieces))


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def flesch(self) -> float:
        """Flesch reading ease: higher is easier; 60 and above is plain English."""
        if not self.words:
            return 100.0
        return (
            206.835 - 1.015 * (self.words / self.sentences) - 84.6 * (self.syllables / self.words)
        )


def measure(text: str) -> Readability:
    found = words(text)
    return Readability(len(found), sentence_count(text), sum(map(count_syllables, found)))


def flesch_reading_ease(text: str) -> float:
    return measure(text).flesch


# Markdown -> prose: keep what a reader reads, drop markup, and end each block or list
# item as a sentence so a bullet list is not scored as one endless sentence.
_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_TAG = re.compile(r"<[^>]+>")
_ATTR_LIST = re.compile(r"\{[:.#][^}]*\}|\{ *[.#][^}]*\}")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_BLOCK_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s*|!!!\s*\w+\s*|\?{3}\+?\s*\w+\s*)")
_ONE_LINE_BLOCK = re.compile(r"^\s*(?:#{1,6}\s|!!!|\?{3})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def _blocks(text: str) -> list[str]:
    """Paragraphs, list items, headings and table cells, each as one string."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.splitlines():
        if not raw.strip() or _TABLE_RULE.match(raw):
            close()
            continue
        if raw.strip().startswith("|"):
            close()
            blocks += [cell for cell in raw.split("|") if cell.strip()]
            continue
        if _BLOCK_MARK.match(raw):
            close()
        current.append(_BLOCK_MARK.sub("", raw).strip().strip('"'))
        if _ONE_LINE_BLOCK.match(raw):
            close()
    close()
    return blocks


def markdown_prose(markdown: str) -> str:
    """The readable text of a Markdown page body, each block ended as a sentence."""
    text = _FENCE.sub("", markdown)
    text = _ABBR_DEF.sub("", text)
    text = _MACRO.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ATTR_LIST.sub("", text)
    sentences = []
    for block in _blocks(text):
        line = block.replace("**", "").replace("`", "").strip(' "')
        if words(line):
            sentences.append(line if line[-1] in ".!?:;" else line + ".")
    return " ".join(sentences)


@dataclass(frozen=True)
class Distribution:
    count: int
    minimum: float
    lower_quartile: float
    median: float
    upper_quartile: float
    maximum: float
    below: int
    """How many fall under PLAIN_ENGLISH_MINIMUM."""


def distribution(scores: list[float]) -> Distribution:
    if not scores:
        raise ValueError("no scores")
    ordered = sorted(scores)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else ordered * 3
    return Distribution(
        count=len(ordered),
        minimum=ordered[0],
        lower_quartile=quartiles[0],
        median=statistics.median(ordered),
        upper_quartile=quartiles[2],
        maximum=ordered[-1],
        below=sum(1 for s in ordered if s < PLAIN_ENGLISH_MINIMUM),
    )
