"""The real site, built once: every page says when it was reviewed and where its facts
come from, every page has Quick exit, and the question bank holds every question."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from mappa_kb.content import load_glossary, load_project
from mappa_kb.content.docs_pages import DocsPage
from mappa_kb.paths import ProjectPaths
from mappa_kb.urls import QUESTION_BANK as QUESTION_BANK_PATH

QUICK_EXIT_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["extra"][
    "quick_exit"
]["url"]


# Page footers are kept out of search (Material's and the Q&A index alike).
FOOTER = '<div class="kb-page-meta" data-search-exclude="">'


def article(page_html: str) -> str:
    match = re.search(r"<article[^>]*>(.*)</article>", page_html, re.S)
    assert match, "page has no article"
    return match.group(1)


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def built_pages(project: ProjectPaths) -> dict[str, str]:
    """Every HTML page a reader can reach, keyed by its path in the site."""
    return {
        str(path.relative_to(project.site_dir)): path.read_text(encoding="utf-8")
        for path in sorted(project.site_dir.rglob("*.html"))
        if path.name != "404.html"  # the theme's error page, not content
    }


def html_for(project: ProjectPaths, docs_path: str) -> str:
    stem = docs_path.removesuffix(".md")
    folder = "" if stem == "index" else stem.removesuffix("/index")
    return (project.site_dir / folder / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def docs(real_site: ProjectPaths) -> dict[str, DocsPage]:
    return load_project(real_site).pages


def test_site_has_the_pages_the_issue_asks_for(docs: dict[str, DocsPage]) -> None:
    expected = {
        "index.md",
        "public.md",
        "staff/index.md",
        "guide/what-is-mappa.md",
        "guide/categories.md",
        "guide/levels.md",
        "guide/agencies-and-governance.md",
        "guide/orders-and-notification.md",
        "guide/orders-compared.md",
        "guide/licence-breach-recall.md",
        "guide/terrorism.md",
        "guide/opd-pathway.md",
        "guide/formulations.md",
        "guide/legislation-timeline.md",
        "lay-advisers/index.md",
        "about/index.md",
        "about/report-a-concern.md",
        "about/sources.md",
        "about/accessibility.md",
        "about/privacy.md",
    }
    assert expected <= set(docs)


def test_every_page_shows_reviewed_date_and_sources(real_site: ProjectPaths) -> None:
    pages = built_pages(real_site)
    assert len(pages) > 100
    missing = []
    for name, page_html in pages.items():
        body = article(page_html)
        if not re.search(
            r'<p class="kb-reviewed">Last reviewed: \d{1,2} [A-Z][a-z]+ \d{4}</p>', body
        ):
            missing.append(f"{name}: no reviewed date")
        sources = re.search(
            r'<h2[^>]* id="sources">.*?<[ou]l class="kb-sources">(.*?)</[ou]l>', body, re.S
        )
        if not sources or "<li" not in sources.group(1):
            missing.append(f"{name}: no sources")
    assert not missing, missing[:20]


def test_statistics_pages_cite_their_reports(real_site: ProjectPaths) -> None:
    year = plain(article(html_for(real_site, "statistics/london/2022-23.md")).split(FOOTER)[-1])
    assert "London MAPPA Annual Report 2022-23" in year and "Section: MAPPA Statistics" in year
    assert "Cambridgeshire" not in year
    overview = plain(article(html_for(real_site, "statistics/index.md")).split(FOOTER)[-1])
    assert "London MAPPA Annual Report" in overview and "Cambridgeshire" in overview


def test_docs_page_footer_shows_its_own_citations(
    real_site: ProjectPaths, docs: dict[str, DocsPage]
) -> None:
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    for path, page in docs.items():
        footer = plain(article(html_for(real_site, path)).split(FOOTER)[-1])
        for citation in page.meta.sources:
            title = glossary.sources[citation.source].title
            assert f"{title}" in footer and f"Section: {citation.section}" in footer, (
                path,
                citation,
            )
        day = page.meta.reviewed
        assert f"Last reviewed: {day.day} {day.strftime('%B %Y')}" in footer, path


def test_quick_exit_is_on_every_page_early_in_tab_order(real_site: ProjectPaths) -> None:
    for name, page_html in built_pages(real_site).items():
        link = re.search(
            r'<a class="kb-quick-exit" data-kb-quick-exit[^>]*href="([^"]+)"', page_html
        )
        assert link, f"{name}: no Quick exit"
        assert link.group(1) == QUICK_EXIT_URL
        # Only the skip link may come before it, so it is the first or second Tab stop.
        before = page_html[: link.start()]
        focusable = re.findall(
            r"<(?:a|button|input|select|textarea)\b(?![^>]*tabindex=\"-1\")", before
        )
        assert len(focusable) <= 1 + before.count('class="md-toggle"'), name
        assert page_html.index("kb-quick-exit") < page_html.index("<header"), name
        assert 'src="' in page_html and re.search(
            r'<script src="[./]*assets/quick-exit\.js"', page_html
        ), name
        # Its hidden words name the keyboard gesture: Shift three times, never Escape.
        hint = plain(page_html[link.start() : page_html.index("</a>", link.start())])
        assert "press Shift three times" in hint and "Escape" not in hint, name


def test_induction_path_pages_link_to_the_next_in_order(
    real_site: ProjectPaths, docs: dict[str, DocsPage]
) -> None:
    order = ["staff/index.md"]
    while (following := docs[order[-1]].meta.next) is not None:
        order.append(following)
    assert order[:4] == [
        "staff/index.md",
        "guide/what-is-mappa.md",
        "guide/categories.md",
        "guide/levels.md",
    ]
    for topic in ("agencies-and-governance", "orders-and-notification", "opd-pathway"):
        assert f"guide/{topic}.md" in order
    for path in order[:-1]:
        body = article(html_for(real_site, path))
        nav = re.search(r'<nav aria-label="Reading path" class="kb-next">(.*?)</nav>', body, re.S)
        assert nav, path
        assert plain(nav.group(1)) == f"Next: {docs[docs[path].meta.next or ''].title}"


def test_question_bank_holds_every_question(
    real_site: ProjectPaths, docs: dict[str, DocsPage]
) -> None:
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    bank = article(html_for(real_site, QUESTION_BANK_PATH))
    labels = dict(re.findall(r'<label for="(q-[^"]+)">(.*?)</label>', bank, re.S))
    boxes = set(re.findall(r'<input type="checkbox" class="kb-qbank__box" id="(q-[^"]+)"', bank))
    assert set(labels) == boxes, "every checkbox needs its own label"
    shown = {plain(text) for text in labels.values()}
    wanted = {q for e in glossary.entries.values() for q in e.questions}
    wanted |= {q for p in docs.values() for q in p.meta.questions}
    assert wanted <= shown, sorted(wanted - shown)[:10]
    assert len(labels) == sum(len(e.questions) for e in glossary.entries.values()) + sum(
        len(p.meta.questions) for p in docs.values()
    )
    topics = re.findall(r'<h2 id="topic-([a-z0-9-]+)"', bank)
    assert topics == [t for t in glossary.topics if f"topic-{t}" in bank]


def test_home_page_asks_and_offers_three_paths(real_site: ProjectPaths) -> None:
    """One way to ask: the home page's box asks the Ask page (?question=), not
    Material's page finder."""
    home = article(html_for(real_site, "index.md"))
    form = re.search(r'<form class="kb-search-box" role="search"[^>]*action="ask/"[^>]*>', home)
    assert form, "the home page box must ask the Ask page"
    assert re.search(r'<label for="kb-home-ask">', home) and 'name="question"' in home
    assert 'name="q"' not in home  # ?q= would open Material's search instead
    paths = ("public/", "staff/", "lay-advisers/", "lay-advisers/question-bank/")
    paths += ("statistics/",)
    for target in paths:
        assert f'href="{target}"' in home, target


def test_sources_page_describes_every_registered_source(real_site: ProjectPaths) -> None:
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    text = plain(article(html_for(real_site, "about/sources.md")).split(FOOTER)[0])
    missing = [s.title for s in glossary.sources.values() if s.title not in text]
    assert not missing, missing


def test_every_source_an_answer_cites_has_its_place_on_the_sources_page(
    real_site: ProjectPaths,
) -> None:
    """Answers link each source to where the Sources page lists it (the lexicon's
    source_pages): every one of those anchors must be on the built page."""
    from mappa_kb.search.index.reader import SearchIndex

    lexicon = SearchIndex(real_site.index_dir).snapshot().lexicon
    page = html_for(real_site, "about/sources.md")
    ids = set(re.findall(r'id="([^"]+)"', page))
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    assert set(lexicon.source_pages) == {s.title for s in glossary.sources.values()}
    for title, url in lexicon.source_pages.items():
        where, _, anchor = url.partition("#")
        assert where == "about/sources/" and anchor in ids, (title, url)


def test_about_pages_cover_safety(real_site: ProjectPaths) -> None:
    about = plain(article(html_for(real_site, "about/index.md")))
    assert "not legal advice" in about and "no information about any person" in about
    # Quick exit: the gesture, and honest words about what it does not clear.
    assert "Shift key three times" in about and "Escape" not in about
    assert "It does not clear your history" in about and "private window" in about
    concern = plain(article(html_for(real_site, "about/report-a-concern.md")))
    assert "Call 999" in concern and "Call 101" in concern
    statement = plain(article(html_for(real_site, "about/accessibility.md")))
    for part in (
        "Compliance status",
        "partially compliant",
        "Non-accessible content",
        "Feedback and reporting problems",
        "Enforcement procedure",
        "Equality and Human Rights Commission",
        "Equality Advisory and Support Service",
        "Preparation of this accessibility statement",
    ):
        assert part in statement, part


def test_footers_are_left_out_of_search(real_site: ProjectPaths) -> None:
    index = json.loads(
        (real_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    docs = {d["location"]: d["text"] for d in index["docs"]}
    assert "guide/levels/#what-a-panel-does" in docs
    assert "guide/levels/#sources" not in docs
    hand_written = [text for where, text in docs.items() if where.startswith(("guide/", "about/"))]
    assert hand_written and not any("Last reviewed" in text for text in hand_written)


def test_assets_are_shipped(real_site: ProjectPaths) -> None:
    for name in ("quick-exit.js", "question-bank.js", "kb.css"):
        assert Path(real_site.site_dir / "assets" / name).is_file()
    css = (real_site.site_dir / "assets" / "kb.css").read_text(encoding="utf-8")
    assert "@media print" in css and ".kb-quick-exit" in css


CALL_NOW = re.compile(
    r"(?:\b(?:call|on|dial)\s+(?:999|101)\b|\b18000\b|\b18001 101\b)", re.IGNORECASE
)


def test_numbers_to_call_are_tel_links_on_every_page(real_site: ProjectPaths) -> None:
    """999, 101 and the text relay numbers, wherever a page asks readers to call them."""
    unlinked = []
    for name, page_html in built_pages(real_site).items():
        body = article(page_html)
        # Take tel: links out, then look for any number to call still in the text.
        rest = plain(re.sub(r'<a href="tel:[^"]+">[^<]*</a>', "", body))
        unlinked += [f"{name}: {m.group(0)}" for m in CALL_NOW.finditer(rest)]
    assert not unlinked, unlinked[:20]
    concern = article(html_for(real_site, "about/report-a-concern.md"))
    for number in ("999", "101", "18000", "18001101"):
        assert f'href="tel:{number}"' in concern, number
    # NHS.UK's urgent care callout: 999 first, in a box, as a link.
    box = re.search(r'<div class="kb-urgent">(.*?)</div>', concern, re.S)
    assert box and 'href="tel:999"' in box.group(1)
    assert concern.index('href="tel:999"') < concern.index('href="tel:101"')


def test_the_home_page_puts_the_urgent_route_first(real_site: ProjectPaths) -> None:
    home = article(html_for(real_site, "index.md"))
    box = re.search(r'<div class="kb-urgent">(.*?)</div>', home, re.S)
    assert box, "no urgent box on the home page"
    assert home.index('class="kb-urgent"') < home.index('class="kb-search-box"')
    assert 'href="tel:999"' in box.group(1) and 'href="tel:101"' in box.group(1)
    assert 'href="about/report-a-concern/"' in box.group(1)


def test_report_a_concern_is_top_level_and_leads_on_to_help_not_training(
    real_site: ProjectPaths,
) -> None:
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    top = [next(iter(item.values())) if isinstance(item, dict) else item for item in nav]
    assert "about/report-a-concern.md" in top[:3]
    concern = html_for(real_site, "about/report-a-concern.md")
    following = re.search(r'class="md-footer__link md-footer__link--next"[^>]*>', concern)
    assert following, "no Next link"
    assert "staff" not in following.group(0) and "induction" not in following.group(0).lower()


def test_every_page_footer_links_to_accessibility_privacy_and_report_a_concern(
    real_site: ProjectPaths,
) -> None:
    for name, page_html in built_pages(real_site).items():
        footer = page_html[page_html.index('<div class="md-copyright kb-footer">') :]
        links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)
        texts = {text.strip() for _, text in links}
        assert {"Accessibility", "Privacy", "Report a concern"} <= texts, name
    home = html_for(real_site, "index.md")
    footer = plain(home[home.index('<div class="md-copyright kb-footer">') :])
    # extra.contact is unset in the committed config: the pages say so, and give 101.
    assert "does not list a contact address yet" in footer and "police on 101" in footer
    statement = plain(article(html_for(real_site, "about/accessibility.md")))
    assert "does not list a contact address yet" in statement
    assert "issue tracker" not in statement


def test_the_privacy_notice_says_what_is_kept_and_what_is_sent(real_site: ProjectPaths) -> None:
    privacy = plain(article(html_for(real_site, "about/privacy.md")))
    assert "sets no cookies" in privacy
    assert "local storage" in privacy and "question bank" in privacy
    assert "not stored" in privacy  # questions sent to the Ask page's server
