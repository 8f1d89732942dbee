"""The foot of every hand-written page: questions, next page, sources, last reviewed.

Glossary entry pages print their own; the A to Z and topic lists get a shorter footer
built from the entries they list, so every page on the site says where it comes from
and when it was checked.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from mappa_kb import urls
from mappa_kb.content.docs_pages import DocsPage
from mappa_kb.content.models import Citation, GlossaryEntry, Source
from mappa_kb.render.markdown_text import citation_html, escape_inline, human_date


def _sources_block(citations: Iterable[Citation], sources: dict[str, Source]) -> list[str]:
    unique = list(dict.fromkeys(citations))
    lines = [f"## Sources {_NO_SEARCH}", "", '<ol class="kb-sources">']
    lines += [f"<li>{citation_html(c, sources)}</li>" for c in unique]
    lines += ["</ol>", ""]
    return lines


def _reviewed(date: dt.date) -> list[str]:
    return [f"Last reviewed: {human_date(date)}", "{ .kb-reviewed }", ""]


# The footer is about the page, not part of its answer: Material's search leaves out
# blocks marked data-search-exclude, and so does the Q&A index (search/html_text.py).
_OPEN = '<div class="kb-page-meta" data-search-exclude="" markdown>'
_CLOSE = "</div>"
_NO_SEARCH = '{ data-search-exclude="" }'  # headings too, or search lists them empty


def render_page_footer(
    page: DocsPage, sources: dict[str, Source], next_title: str | None = None
) -> str:
    """Markdown appended to a docs page; `next_title` is the title of `page.meta.next`."""
    meta = page.meta
    lines = ["", "", _OPEN, ""]
    if meta.questions:
        bank = urls.link(page.path, urls.QUESTION_BANK)
        lines += [f"## Questions a lay adviser might ask {_NO_SEARCH}", ""]
        lines += [f"- {escape_inline(question)}" for question in meta.questions]
        lines += ["", f"Add these to your checklist in the [question bank]({bank}).", ""]
    if meta.next is not None and next_title is not None:
        target = urls.link(page.path, meta.next)
        lines += [
            '<nav class="kb-next" aria-label="Reading path" markdown>',
            "",
            f"**Next:** [{escape_inline(next_title)}]({target})",
            "",
            "</nav>",
            "",
        ]
    lines += _sources_block(meta.sources, sources)
    lines += _reviewed(meta.reviewed)
    lines += [_CLOSE, ""]
    return "\n".join(lines)


def render_collection_footer(
    entries: list[GlossaryEntry],
    sources: dict[str, Source],
    pages: Iterable[DocsPage] = (),
) -> str:
    """Footer for a page gathered from entries (and pages): the sources they cite, and the
    newest of their review dates."""
    pages = list(pages)
    citations = [c for e in entries for c in e.sources] + [c for p in pages for c in p.meta.sources]
    dates = [e.reviewed for e in entries] + [p.meta.reviewed for p in pages]
    if not dates:
        return ""
    cited = sorted({c.source for c in citations}, key=lambda s: sources[s].title)
    lines = ["", "", _OPEN, "", f"## Sources {_NO_SEARCH}", ""]
    lines.append("Each linked page lists the sections it draws on. Together they cite:")
    lines += ["", '<ul class="kb-sources">']
    lines += [f"<li>{source_html(sources[s])}</li>" for s in cited]
    lines += ["</ul>", ""]
    lines += _reviewed(max(dates))
    lines += [_CLOSE, ""]
    return "\n".join(lines)


def source_html(source: Source) -> str:
    """A source without a section: title (linked where it has an address), publisher, year."""
    title = html.escape(source.title)
    if source.url:
        title = f'<a href="{html.escape(source.url)}">{title}</a>'
    return f"{title}, {html.escape(source.publisher)}, {source.year}"


STATISTICS_SECTION = "MAPPA Statistics"


def render_statistics_footer(
    source_ids: list[str], sources: dict[str, Source], reviewed: dt.date | None
) -> str:
    """Footer for a generated statistics page: the reports its figures come from, and
    when a person last checked them (data/statistics/reviewed.yaml)."""
    citations = [Citation(source=s, section=STATISTICS_SECTION) for s in dict.fromkeys(source_ids)]
    if not citations:
        return ""
    lines = ["", "", _OPEN, "", *_sources_block(citations, sources)]
    if reviewed is not None:
        lines += _reviewed(reviewed)
    lines += [_CLOSE, ""]
    return "\n".join(lines)
