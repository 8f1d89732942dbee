"""One page of every kind the site has, found from the built content, not typed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .conftest import BuiltSite

# The README's complete example entry: it has every section an entry page can show.
RICH_ENTRY = "sexual-risk-order"


def page_kinds(built: BuiltSite) -> dict[str, str]:
    """{kind of page: site-relative URL} for every kind of page a reader can meet."""
    first_topic = next(iter(built.glossary.topics))
    kinds = {
        "home": "/",
        "glossary entry": f"/glossary/{RICH_ENTRY}/",
        "A-Z": "/glossary/",
        "topic list": "/glossary/topics/",
        "topic": f"/glossary/topics/{first_topic}/",
    }
    for url in kinds.values():
        assert (built.site_dir / url.strip("/") / "index.html").is_file(), url
    return kinds
