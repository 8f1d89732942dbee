"""Cutting a passage to the part that answers: whole sentences, in order.

What is shown starts where a sentence starts and ends where one ends: a reader sees the
sentences that answer, never a fragment. '…' stands only between sentences where some
are left out, and after a list cut to its first items. Only a sentence longer than a
whole answer (the content has none) is ever cut inside, at a clause or word.
"""

from __future__ import annotations

from mappa_kb.search.answer.ranking import counted_terms, covers, terms_and_pairs
from mappa_kb.search.answer.shapes import SHAPES
from mappa_kb.search.passage import BULLET
from mappa_kb.search.text import sentences
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.question import Question

ANSWER_CHARS = 600


def _cut(sentence: str, limit: int) -> str:
    """A sentence longer than a whole answer, cut at its last clause (or word) that fits."""
    if len(sentence) <= limit:
        return sentence
    head = sentence[: limit - 2]
    for mark in ("; ", ", ", " "):
        if mark in head:
            return head.rsplit(mark, 1)[0] + " …"
    return head + " …"


def _blocks(parts: list[str]) -> list[str]:
    """Sentences, with a lead-in ending in ':' kept together with the list after it."""
    blocks: list[str] = []
    for part in parts:
        if blocks and (blocks[-1].endswith(":") or (part.startswith(BULLET) and ":" in blocks[-1])):
            blocks[-1] = f"{blocks[-1]} {part}"
        else:
            blocks.append(part)
    return blocks


def _fit(block: str, limit: int) -> str | None:
    """A block within `limit`: whole, or a list cut to the whole items that fit (with
    '…' for the rest); None when not even that fits."""
    if len(block) <= limit:
        return block
    items = block.split(f" {BULLET}")
    if len(items) == 1 or len(items[0]) + 2 > limit:
        return None
    kept = items[0]
    for item in items[1:]:
        if len(kept) + len(item) + 4 > limit - 2:
            break
        kept = f"{kept} {BULLET}{item}"
    return f"{kept} …" if kept != items[0] else None  # a lead-in alone answers nothing


def _first_clause(block: str) -> str:
    """A table row ('Category 1: who; which agency leads') cut to its label and first
    cell. A sentence with a semicolon is not a row, and stays whole."""
    first, _, rest = block.partition("; ")
    return f"{first} …" if rest and ": " in first else block


def _names_member(block: str, question: Question) -> bool:
    terms = terms_and_pairs(block)
    return any(covers(terms, frozenset({member})) for member in question.series)


def _block_scores(blocks: list[str], question: Question) -> list[int]:
    compares = Intent.COMPARE in question.intents and len(question.units) > 1
    if question.name_only and not compares:
        return [0] * len(blocks)  # nothing but a name: every sentence is as relevant
    content = set(question.content)
    asked = {word for unit in question.units for way in unit for word in way}
    scores = []
    for block in blocks:
        terms = terms_and_pairs(block)
        score = 2 * sum(covers(terms, unit) for unit in question.units)
        score += 2 * sum(covers(terms, unit) for unit in question.essentials)
        score += len(terms & content)
        score += 2 * sum(covers(terms, frozenset({member})) for member in question.series)
        score += 2 * sum(bool(SHAPES[s].search(block)) for s in question.intents & SHAPES.keys())
        if Intent.NUMBER in question.intents and counted_terms(block) & asked:
            score += 2  # "how many PDUs": the sentence giving their number
        scores.append(score)
    return scores


def _add_context(chosen: dict[int, str], blocks: list[str], budget: int) -> None:
    """Fill what room is left with the sentences right after those chosen."""
    for i in sorted(chosen):
        following = i + 1
        while following < len(blocks) and following not in chosen:
            if len(blocks[following]) + 1 > budget:
                return
            chosen[following] = blocks[following]
            budget -= len(blocks[following]) + 1
            following += 1


def _join(chosen: dict[int, str]) -> str:
    """The chosen blocks in order, with '…' where blocks between them are left out."""
    out: list[str] = []
    previous: int | None = None
    for i in sorted(chosen):
        if previous is not None and i != previous + 1 and not out[-1].endswith("…"):
            out.append("…")
        out.append(chosen[i])
        previous = i
    return " ".join(out)


def trim(text: str, question: Question, lead: bool) -> str:
    """At most ANSWER_CHARS of the passage: the sentences that match the question best.

    Sentences are picked by how much of the question they cover, kept in their order,
    with '…' between them where something is left out, then followed by the sentences
    after them as far as room allows. The text starts and ends with whole sentences.
    With `lead`, the passage's first sentence (a glossary entry's summary) comes first,
    since it says what the thing is; when the question is nothing but a name, the
    passage is read from the top.
    """
    if len(text) <= ANSWER_CHARS:
        return text
    blocks = _blocks(sentences(text))
    scores = _block_scores(blocks, question)
    if question.series:  # "the categories": a line on each beats the lead and every detail
        blocks = [_first_clause(b) if _names_member(b, question) else b for b in blocks]
        lead = lead and not any(_names_member(b, question) for b in blocks[1:])
    chosen: dict[int, str] = {}
    budget = ANSWER_CHARS
    if lead or not any(scores):
        first = _fit(blocks[0], budget)
        if first is not None:
            chosen[0] = first
            budget -= len(first) + 1
    for i in sorted(range(len(blocks)), key=lambda i: (-scores[i], i)):
        if scores[i] <= 0 or budget < 40:
            break
        piece = _fit(blocks[i], budget - 2)
        if i not in chosen and piece is not None:
            chosen[i] = piece
            budget -= len(piece) + 2
    if not chosen:  # every sentence is longer than a whole answer
        best = max(range(len(blocks)), key=lambda i: (scores[i], -i))
        chosen[best] = _cut(blocks[best], ANSWER_CHARS)
        budget = 0
    _add_context(chosen, blocks, budget)
    return _join(chosen)
