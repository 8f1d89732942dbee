"""Mark every glossary term on a page as an <abbr> tooltip, as Markdown is rendered.

Python-Markdown's `abbr` extension did this from definitions appended to each page, at a
cost that grew with entries times pages (a regular expression of every term, compiled
for each page and run on each element): 80% of a build of 5,000 entries. Here the terms
are filed once, by their words, and each text is read once: every word costs a dictionary
look-up or two, however many entries the glossary has.

Matching follows the extension: at each word boundary the longest term that is there,
whole words only, case as written.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import defaultdict
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from mappa_kb.render.abbreviations import Tooltip

_WORD = re.compile(r"\w+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    tooltip: Tooltip


def _is_word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


class TermMatcher:
    """Terms filed by their words; finds them in text as the abbr extension would."""

    def __init__(self, tooltips: list[Tooltip]) -> None:
        self._by_words: dict[tuple[str, ...], list[Tooltip]] = defaultdict(list)
        lengths: dict[str, set[int]] = defaultdict(set)
        self._unworded: list[Tooltip] = []
        for tooltip in tooltips:
            words = tuple(_WORD.findall(tooltip.text))
            if words and tooltip.text[:1] and _is_word(tooltip.text[0]):
                self._by_words[words].append(tooltip)
                lengths[words[0]].add(len(words))
            else:
                self._unworded.append(tooltip)
        self._lengths = {first: sorted(n, reverse=True) for first, n in lengths.items()}

    def _span(self, text: str, start: int, term: str) -> int | None:
        """Where the term ends if it stands at `start` as whole words, else None. A line
        break or extra spaces between its words still count ("Ministry of Defence\nPolice"
        is the force's name, not "Police")."""
        if text.startswith(term, start):
            end = start + len(term)
        else:
            spaced = re.match(r"\s+".join(re.escape(part) for part in term.split()), text[start:])
            if spaced is None:
                return None
            end = start + spaced.end()
        return end if self._ends_on_a_boundary(text, end) else None

    def _ends_on_a_boundary(self, text: str, end: int) -> bool:
        before, after = text[end - 1 : end], text[end : end + 1]
        return _is_word(before) != _is_word(after)

    def find(self, text: str) -> list[Found]:
        """Non-overlapping terms, left to right, the longest at each place."""
        words = list(_WORD.finditer(text))
        found: list[Found] = []
        reached = 0
        for i, word in enumerate(words):
            start = word.start()
            if start < reached:
                continue
            best: tuple[Tooltip, int] | None = None
            for count in self._lengths.get(word.group(), ()):
                if i + count > len(words):
                    continue
                key = tuple(w.group() for w in words[i : i + count])
                for tooltip in self._by_words.get(key, ()):
                    if best is not None and len(tooltip.text) <= len(best[0].text):
                        continue
                    end = self._span(text, start, tooltip.text)
                    if end is not None:
                        best = (tooltip, end)
            if best is not None:
                found.append(Found(start, best[1], best[0]))
                reached = best[1]
        if self._unworded:
            found = self._add_unworded(text, found)
        return found

    def _add_unworded(self, text: str, found: list[Found]) -> list[Found]:
        """Terms that start with punctuation: rare, so looked for one by one."""
        taken = [(f.start, f.end) for f in found]
        for tooltip in self._unworded:
            at = text.find(tooltip.text)
            while at >= 0:
                end = at + len(tooltip.text)
                if self._ends_on_a_boundary(text, end) and all(
                    end <= s or at >= e for s, e in taken
                ):
                    found.append(Found(at, end, tooltip))
                    taken.append((at, end))
                at = text.find(tooltip.text, at + 1)
        return sorted(found, key=lambda f: f.start)


class TermsTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Wraps terms in <abbr> where the abbr extension would: in Markdown's own text, not
    in code (atomic text) nor in raw HTML (stashed away before this runs); and not in
    headings, where an underline would mark the title itself."""

    def __init__(self, md: Markdown, matcher: TermMatcher) -> None:
        super().__init__(md)
        self.matcher = matcher

    def _wrapped(self, text: str) -> tuple[str, list[etree.Element]]:
        """The text before the first term, and an <abbr> (with its tail) for each term."""
        found = self.matcher.find(text)
        if not found:
            return text, []
        made: list[etree.Element] = []
        for item, following in zip(found, [*found[1:], None], strict=True):
            abbr = etree.Element("abbr", {"title": item.tooltip.title})
            abbr.text = AtomicString(text[item.start : item.end])
            abbr.tail = text[item.end : following.start if following else len(text)]
            made.append(abbr)
        return text[: found[0].start], made

    def _visit(self, element: etree.Element) -> None:
        if element.tag in _HEADINGS:
            return
        for child in list(element):
            self._visit(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, made = self._wrapped(child.tail)
                at = list(element).index(child) + 1
                for offset, abbr in enumerate(made):
                    element.insert(at + offset, abbr)
        if element.text and not isinstance(element.text, AtomicString):
            element.text, made = self._wrapped(element.text)
            for offset, abbr in enumerate(made):
                element.insert(offset, abbr)

    def run(self, root: etree.Element) -> None:
        self._visit(root)


class TermsExtension(Extension):  # type: ignore[misc]
    """The Markdown extension the MkDocs plugin adds, with the glossary's terms."""

    def __init__(self, matcher: TermMatcher) -> None:
        super().__init__()
        self.matcher = matcher

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TermsTreeprocessor(md, self.matcher), "mappa_kb_terms", 7)
