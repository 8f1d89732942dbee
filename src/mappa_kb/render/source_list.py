"""The registered sources as a list for the Sources page, so it never misses one."""

from __future__ import annotations

from collections.abc import Iterable

from mappa_kb import urls
from mappa_kb.content.models import Source
from mappa_kb.render.page_footer import source_html


def render_source_list(sources: Iterable[Source], kinds: Iterable[str]) -> str:
    """Markdown list of the sources of these kinds, A to Z: title (linked where it has an
    address), publisher and year, then what it covers. Each item starts with an anchor
    named by the source's id (urls.source_anchor), so answers can link to it."""
    wanted = set(kinds)
    chosen = sorted((s for s in sources if s.kind in wanted), key=lambda s: s.title.casefold())
    lines = []
    for source in chosen:
        about = f" {' '.join(source.description.split())}" if source.description else ""
        anchor = f'<span id="{urls.source_anchor(source.id)}"></span>'
        lines.append(f"- {anchor}{source_html(source)}.{about}")
    return "\n".join(lines) + "\n"
