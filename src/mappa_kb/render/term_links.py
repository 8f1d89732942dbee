"""Link the first mention of each glossary term on a page to its entry.

Tooltips alone fail keyboard and touch users (an <abbr> cannot take focus), so the
first <abbr> for each entry gets a link inside it. Inside, not around: Material shows an
element's tooltip while focus is within it, so tabbing to the link shows the meaning too.
Works on the rendered HTML, where the abbr extension has already found the terms, instead
of re-parsing Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')
# Inside these, a link would be wrong (nested links, headings, code) or unexpected.
_NO_LINK = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "button", "label", "nav"}


def link_first_mentions(
    html: str,
    entry_for_text: Callable[[str], str | None],
    url_for_entry: Callable[[str], str],
    skip_entry: str | None = None,
) -> str:
    """Put <a class="kb-term"> inside the first linkable <abbr> of each entry."""
    linked: set[str] = set() if skip_entry is None else {skip_entry}
    depth = 0
    in_link = 0
    out: list[str] = []
    pos = 0
    while True:
        tag = _TAG.search(html, pos)
        if tag is None:
            out.append(html[pos:])
            return "".join(out)
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name == "abbr" and not closing and depth == 0:
            abbr = _ABBR.match(html, tag.start())
            entry_id = entry_for_text(abbr.group(1)) if abbr else None
            if abbr and entry_id and entry_id not in linked:
                linked.add(entry_id)
                link = f'<a class="kb-term" href="{url_for_entry(entry_id)}">'
                out.append(html[pos : tag.end()])  # up to and including <abbr title="...">
                out.append(
                    f"{link}{abbr.group(1)}</a></abbr>",
                )
                pos = abbr.end()
                continue
        if name == "abbr" and not closing and in_link:
            # Already inside an author's link: the term is reachable, so don't link it again.
            abbr = _ABBR.match(html, tag.start())
            entry_id = entry_for_text(abbr.group(1)) if abbr else None
            if entry_id:
                linked.add(entry_id)
        if name == "a":
            in_link = max(0, in_link + (-1 if closing else 1))
        if name in _NO_LINK:
            depth = max(0, depth + (-1 if closing else 1))
        out.append(html[pos : tag.end()])
        pos = tag.end()
