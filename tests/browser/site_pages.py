"""One page of every kind the site has, found from the built content, not typed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from .conftest import BuiltSite

# The README's complete example entry: it has every section an entry page can show.
RICH_ENTRY = "sexual-risk-order"
ASK = "/ask/"
QUESTION_BANK = "/lay-advisers/question-bank/"
ANSWERS = ".kb-results"  # the Ask page's answer, once shown


@dataclass(frozen=True)
class PageKind:
    url: str
    ready: str | None = None
    """A selector that shows the page has finished its own work (e.g. answers shown)."""


@dataclass(frozen=True)
class AreaYear:
    area: str
    year: str
    data: dict[str, Any]

    @property
    def url(self) -> str:
        return f"/statistics/{self.area}/{self.year}/"


def first_statistics(built: BuiltSite) -> AreaYear:
    files = sorted(Path(built.project.statistics_dir).glob("*/*.yaml"))
    assert files, "no statistics data files"
    data = yaml.safe_load(files[0].read_text(encoding="utf-8"))
    return AreaYear(files[0].parent.name, files[0].stem, data)


def page_kinds(built: BuiltSite) -> dict[str, PageKind]:
    """{kind of page: how to open it} for every kind of page a reader can meet."""
    first_topic = next(iter(built.glossary.topics))
    kinds = {
        "home": PageKind("/"),
        "public guide": PageKind("/public/"),
        "staff induction path": PageKind("/staff/"),
        "explanatory page": PageKind("/guide/levels/"),
        "comparison table": PageKind("/guide/orders-compared/"),
        "lay advisers": PageKind("/lay-advisers/"),
        "question bank": PageKind(QUESTION_BANK),
        "report a concern": PageKind("/about/report-a-concern/"),
        "about": PageKind("/about/"),
        "sources": PageKind("/about/sources/"),
        "accessibility statement": PageKind("/about/accessibility/"),
        "privacy notice": PageKind("/about/privacy/"),
        "glossary entry": PageKind(f"/glossary/{RICH_ENTRY}/"),
        "A-Z": PageKind("/glossary/"),
        "topic list": PageKind("/glossary/topics/"),
        "topic": PageKind(f"/glossary/topics/{first_topic}/"),
        "statistics overview": PageKind("/statistics/"),
        "statistics for an area and year": PageKind(first_statistics(built).url),
        "Ask": PageKind(ASK),
        "Ask, answered": PageKind(f"{ASK}?question=Who+can+apply+for+an+SRO%3F", ANSWERS),
        "Ask, what you can do": PageKind(
            f"{ASK}?question=the+man+who+hurt+me+is+getting+out+will+i+be+told", ANSWERS
        ),
        "Ask, a definition": PageKind(f"{ASK}?question=what+is+a+shpo", ANSWERS),
        "Ask, a comparison": PageKind(f"{ASK}?question=london+vs+cambs+level+3+numbers", ANSWERS),
        "Ask, a sum": PageKind(f"{ASK}?question=how+many+at+level+2+and+3+in+london", ANSWERS),
        "Ask, not covered": PageKind(f"{ASK}?question=london+mappa+figures+2023-24", ANSWERS),
    }
    for kind in kinds.values():
        path = kind.url.split("?")[0].strip("/")
        assert (built.site_dir / path / "index.html").is_file(), kind.url
    return kinds
