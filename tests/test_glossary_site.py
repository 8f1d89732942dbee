"""Build a real site from a tiny glossary and check what a reader gets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MakeProject, docs_page, entry_yaml
from mappa_kb.build import build_all
from mappa_kb.paths import ProjectPaths


@pytest.fixture
def built(make_project: MakeProject) -> ProjectPaths:
    project = make_project(
        {
            "sexual-risk-order": entry_yaml(
                "sexual-risk-order",
                "Sexual Risk Order",
                "[SRO]",
                "An order for people at risk of causing sexual harm.",
                "[notification-requirements]",
                extra="replaces: [risk-of-sexual-harm-order]\n"
                "key_facts:\n"
                "  - text: It lasts at least two years.\n"
                "    sources: [{source: sexual-offences-act-2003, section: section 122A}]\n",
            ),
            "risk-of-sexual-harm-order": entry_yaml(
                "risk-of-sexual-harm-order",
                "Risk of Sexual Harm Order",
                "[RoSHO]",
                extra="replaced_by: [sexual-risk-order]\n",
            ),
            "notification-requirements": entry_yaml(
                "notification-requirements",
                "Notification requirements",
                summary="Rules that make some people tell the police where they live.",
                extra="aliases: [sex offenders register]\n",
            ),
        }
    )
    build_all(project, browser_engine=False)
    return project


def page(project: ProjectPaths, rel: str) -> str:
    return (project.site_dir / rel / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def article(html: str) -> str:
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert match, "page has no article"
    return match.group(1)


def test_entry_page_has_every_part(built: ProjectPaths) -> None:
    html = article(page(built, "glossary/sexual-risk-order"))
    assert re.search(r"<h1[^>]*>.*Sexual Risk Order.*SRO.*</h1>", html)
    assert "An order for people at risk of causing sexual harm." in html
    assert 'id="in-detail-for-staff"' in html and "explained here for staff" in html
    assert 'id="key-facts"' in html and "It lasts at least two years." in html
    # each fact carries its numbered citations, kept on one line, pointing at the list
    assert re.search(
        r'two years\. <span class="kb-cite">\[<a href="#source-(\d)">\1</a>\]</span>', html
    )
    assert 'id="related-entries"' in html
    assert re.search(r'Replaced <a href="../risk-of-sexual-harm-order/">', html)
    assert 'href="../notification-requirements/"' in html
    assert "What does the Sexual Risk Order mean for our area?" in text(html)
    assert 'href="../../lay-advisers/question-bank/"' in html
    assert re.search(r'<li id="source-\d">.*London MAPPA Annual Report 2022-23', html)
    assert 'href="https://www.legislation.gov.uk/ukpga/2003/42/contents"' in html
    assert "Last reviewed: 21 November 2026" in html
    assert 'href="../topics/orders-and-notification/"' in html


def test_entry_reads_in_one_order_with_a_plain_summary_first(built: ProjectPaths) -> None:
    """Summary, key facts, the detail for staff, legal basis, related entries, questions,
    sources: the order GOV.UK and NHS pages teach readers to expect."""
    html = article(page(built, "glossary/sexual-risk-order"))
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids == [
        "key-facts",
        "in-detail-for-staff",
        "related-entries",
        "questions-a-lay-adviser-might-ask",
        "sources",
    ]
    summary = re.search(r'<p class="kb-summary">(.*?)</p>', html, re.S)
    assert summary, "no summary paragraph"
    assert html.index('class="kb-summary"') < html.index('id="key-facts"')
    assert "source-" not in summary.group(1), "the summary carries no citation markers"
    # The foot says which sources the summary and the detail come from.
    sources = text(html[html.index('id="sources"') :])
    assert re.search(r"The summary and the detail come from sources? [\d, and]+\.", sources)


def test_each_related_entry_is_listed_once(make_project: MakeProject) -> None:
    """Replaced and replaced-by entries come first; an entry also named in `related`
    is not listed twice."""
    project = make_project(
        {
            "sexual-risk-order": entry_yaml(
                "sexual-risk-order",
                "Sexual Risk Order",
                "[SRO]",
                related="[risk-of-sexual-harm-order, notification-requirements]",
                extra="replaces: [risk-of-sexual-harm-order]\n",
            ),
            "risk-of-sexual-harm-order": entry_yaml(
                "risk-of-sexual-harm-order",
                "Risk of Sexual Harm Order",
                "[RoSHO]",
                extra="replaced_by: [sexual-risk-order]\n",
            ),
            "notification-requirements": entry_yaml(
                "notification-requirements", "Notification requirements"
            ),
        }
    )
    build_all(project, browser_engine=False)
    html = article(page(project, "glossary/sexual-risk-order"))
    related = html[html.index('id="related-entries"') : html.index('id="questions-a-lay')]
    items = [text(item).strip() for item in re.findall(r"<li>(.*?)</li>", related, re.S)]
    assert items == ["Replaced Risk of Sexual Harm Order (RoSHO)", "Notification requirements"]


def test_phone_numbers_in_key_facts_are_tel_links(make_project: MakeProject) -> None:
    project = make_project(
        {
            "disclosure": entry_yaml(
                "disclosure",
                "Disclosure scheme",
                extra="key_facts:\n"
                "  - text: Call the police on 101; if a child is in danger, call 999.\n"
                "    sources: [{source: police-uk-contact, section: Contacting the police}]\n",
            )
        }
    )
    build_all(project, browser_engine=False)
    html = article(page(project, "glossary/disclosure"))
    assert 'Call the police on <a href="tel:101">101</a>' in html
    assert 'call <a href="tel:999">999</a>' in html


def test_headings_never_carry_tooltips(built: ProjectPaths) -> None:
    """A dotted underline would mark the title itself; the term is linked in the text."""
    for rel in ("", "glossary/sexual-risk-order", "glossary/notification-requirements"):
        html = article(page(built, rel))
        headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
        assert headings
        assert not [h for _, h in headings if "<abbr" in h], rel


def test_replaced_entry_points_forward(built: ProjectPaths) -> None:
    html = article(page(built, "glossary/risk-of-sexual-harm-order"))
    assert re.search(r'Replaced by <a href="../sexual-risk-order/">', html)


def test_a_to_z_has_letters_jump_links_and_other_names(built: ProjectPaths) -> None:
    html = article(page(built, "glossary"))
    for letter in ("n", "r", "s"):
        assert f'id="letter-{letter}"' in html
        assert f'href="#letter-{letter}"' in html
    assert 'href="#letter-q"' not in html  # no entries under Q: not a dead link
    assert re.search(r'<nav aria-label="Jump to letter"', html)
    # other names point to the entry
    assert re.search(
        r"sex offenders register</abbr>: see <a href=\"notification-requirements/\"", html
    )
    assert re.search(r"<li><abbr[^>]*>SRO</abbr>: see <a href=\"sexual-risk-order/\"", html)


def test_topic_pages_list_their_entries(built: ProjectPaths) -> None:
    html = article(page(built, "glossary/topics/orders-and-notification"))
    assert 'href="../../sexual-risk-order/"' in html
    index = article(page(built, "glossary/topics"))
    assert re.search(
        r'href="orders-and-notification/">Civil orders and notification</a> \(3 terms\)', index
    )


def test_terms_become_tooltips_and_first_mention_links(built: ProjectPaths) -> None:
    html = article(page(built, ""))
    titles = re.findall(r'<abbr title="([^"]*)">SRO</abbr>', html)
    assert titles and titles[0].startswith("Sexual Risk Order: An order for people")
    # first mention of the entry is a link (keyboard and touch users can reach it), inside
    # its <abbr> so that focusing the link shows the tooltip too ...
    first = re.search(
        r'<abbr title="Sexual Risk Order: [^"]*">'
        r'<a class="kb-term" href="glossary/sexual-risk-order/">Sexual Risk Order</a></abbr>',
        html,
    )
    assert first
    # ... later mentions are tooltips only
    assert html.count('href="glossary/sexual-risk-order/"') == 1
    assert re.search(
        r'<abbr title="[^"]*"><a class="kb-term" href="glossary/notification-requirements/">'
        r"sex offenders register</a></abbr>",
        html,
    )


def test_entry_page_does_not_link_to_itself(built: ProjectPaths) -> None:
    html = article(page(built, "glossary/sexual-risk-order"))
    assert 'class="kb-term" href="./"' not in html
    assert 'class="kb-term" href="../sexual-risk-order/"' not in html


def test_no_external_assets_and_no_google_fonts(built: ProjectPaths) -> None:
    for path in built.site_dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            if 'rel="canonical"' in tag:  # the page's own address, not something loaded
                continue
            assert not re.search(r"(src|href)=\"(https?:)?//", tag), f"{path}: {tag}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_theme_offers_light_and_dark(built: ProjectPaths) -> None:
    html = page(built, "")
    assert 'data-md-color-scheme="default"' in html
    assert "slate" in html


def test_failed_site_build_keeps_previous_site(built: ProjectPaths) -> None:
    marker = built.site_dir / "index.html"
    before = marker.read_text(encoding="utf-8")
    bad = built.glossary_dir / "broken.yaml"
    bad.write_text(entry_yaml("broken", "Broken", related="[nowhere]"), encoding="utf-8")
    with pytest.raises(Exception, match="nowhere"):
        build_all(built, browser_engine=False)
    assert marker.read_text(encoding="utf-8") == before
    assert not [p for p in built.root.iterdir() if p.name.startswith(".site")]


def test_clashing_docs_page_is_refused(make_project: MakeProject) -> None:
    project = make_project(docs={"glossary/index.md": "# Mine\n"})
    with pytest.raises(Exception, match="clashes with a generated glossary page"):
        build_all(project, browser_engine=False)


def test_site_dir_is_swapped_not_merged(built: ProjectPaths, tmp_path: Path) -> None:
    stale = built.site_dir / "stale.html"
    stale.write_text("old", encoding="utf-8")
    build_all(built, browser_engine=False)
    assert not stale.exists()


def test_a_name_broken_over_two_lines_links_to_its_own_entry(make_project: MakeProject) -> None:
    police = entry_yaml("police", "Police", summary="The police.")
    mdp = entry_yaml(
        "ministry-of-defence-police", "Ministry of Defence Police", summary="MOD police."
    )
    page = docs_page("# Forces\n\nThe Ministry of Defence\nPolice can apply for an order.\n")
    project = make_project(
        entries={"police": police, "ministry-of-defence-police": mdp}, docs={"forces.md": page}
    )
    build_all(project, browser_engine=False)
    html = (project.site_dir / "forces" / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'<a class="kb-term" href="([^"]+)">([^<]+)</a>', html)
    assert [(href, " ".join(text.split())) for href, text in linked] == [
        ("../glossary/ministry-of-defence-police/", "Ministry of Defence Police")
    ]
