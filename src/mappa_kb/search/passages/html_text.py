"""HTML -> plain text, whole or split into heading sections with their anchors.

Works on pages as the site build rendered them (so macros, abbreviations and links are
already resolved) and on Markdown rendered on the fly for glossary definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from mappa_kb.search.passage import BULLET

_BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody",
    "blockquote", "pre", "section", "details", "summary", "figure", "figcaption", "br",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr",
}  # fmt: skip
# Table headings are left out: in plain text a row reads better as "label: cell; cell".
_SKIP = {"script", "style", "template", "svg", "button", "nav", "form", "noscript", "thead"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area"}
_SECTION_HEADINGS = {"h1", "h2", "h3"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BEFORE_PUNCTUATION = re.compile(r" +([,;:.!?)])")
_BREAKS = re.compile(r"\s*\n\s*")


def _tidy(text: str) -> str:
    """Collapse spaces; a block boundary becomes a sentence boundary (newline)."""
    text = _SPACES.sub(" ", text)
    text = _BEFORE_PUNCTUATION.sub(r"\1", text)
    return _BREAKS.sub("\n", text).strip()


@dataclass
class Section:
    heading: str
    anchor: str
    level: int
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _tidy("".join(self.parts))


def _excluded(attr: dict[str, str | None]) -> bool:
    return "data-search-exclude" in attr


class _Splitter(HTMLParser):
    """Collects text inside the region of interest, starting a new section at h1-h3."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.cell = 0
        self.sections: list[Section] = [Section("", "", 0)]
        self.heading: Section | None = None
        self.heading_parts: list[str] = []
        self.heading_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        classes = (attr.get("class") or "").split()
        if tag in _VOID:
            self._text("\n" if tag in {"br", "hr"} else "")
            return
        # data-search-exclude: blocks Material's own search leaves out (page footers).
        if self.skip_depth or tag in _SKIP or "headerlink" in classes or _excluded(attr):
            self.skip_depth += 1
            return
        if tag == "li":
            self._text(f"\n{BULLET}")
        elif tag == "tr":
            self._text("\n")
            self.cell = 0
        elif tag in {"td", "th"}:
            self._text(": " if self.cell == 1 else "; " if self.cell > 1 else "")
            self.cell += 1
        elif tag in _SECTION_HEADINGS:
            self.heading = Section("", attr.get("id") or "", int(tag[1]))
            self.heading_parts = []
            self.heading_tag = tag
        elif tag in _BLOCK:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.heading is not None and tag == self.heading_tag:
            self.heading.heading = _tidy("".join(self.heading_parts)).replace("\n", " ")
            self.sections.append(self.heading)
            self.heading = None
        elif tag in _BLOCK:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            # A line break in HTML source is only a space; blocks make the real breaks.
            self._text(data.replace("\n", " "))

    def _text(self, data: str) -> None:
        if self.heading is not None:
            self.heading_parts.append(data)
        else:
            self.sections[-1].parts.append(data)


def split_sections(html: str) -> list[Section]:
    """Sections in document order; the first (heading '') holds text before any heading."""
    splitter = _Splitter()
    splitter.feed(html)
    splitter.close()
    return [s for s in splitter.sections if s.heading or s.text]


def html_to_text(html: str) -> str:
    """The whole fragment as plain text, one line per block."""
    return "\n".join(part for s in split_sections(html) for part in (s.heading, s.text) if part)
