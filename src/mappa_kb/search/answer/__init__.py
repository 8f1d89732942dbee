"""Candidates -> ranked, trimmed, cited answers (`Answerer`)."""

from __future__ import annotations

from mappa_kb.search.answer.answerer import ANSWER_CHARS, Answer, Answerer, Result

__all__ = ["ANSWER_CHARS", "Answer", "Answerer", "Result"]
