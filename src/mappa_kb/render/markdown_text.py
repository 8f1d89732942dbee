"""Small helpers for writing Markdown safely from data."""

from __future__ import annotations

import datetime as dt
import html

from mappa_kb.content.models import Citation, Source


def escape_inline(text: str) -> str:
    """Escape characters that would start Markdown or HTML markup inside a line."""
    out = html.escape(text, quote=False)
    for char in "\\`*_[]#|":
        out = out.replace(char, "\\" + char)
    return out


def human_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B %Y')}"


def citation_text(citation: Citation, sources: dict[str, Source]) -> str:
    source = sources[citation.source]
    return f"{source.title} ({source.publisher}, {source.year}), section: {citation.section}"


def citation_html(citation: Citation, sources: dict[str, Source]) -> str:
    """One citation as HTML, linking to the source where it has an address."""
    source = sources[citation.source]
    title = html.escape(source.title)
    if source.url:
        title = f'<a href="{html.escape(source.url)}">{title}</a>'
    return (
        f"{title}, {html.escape(source.publisher)}, {source.year}. "
        f"Section: {html.escape(citation.section)}"
    )
