"""A real project built end to end: passages from the glossary and the built pages, the
index beside the site, and the Ask page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, MakeProject, entry_yaml
from mappa_kb.build import build_all, build_index_only
from mappa_kb.content import load_project
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.build import saved_rendered_pages
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages import collect_passages
from mappa_kb.search.passages.pages import page_passages

GUIDE = """---
title: The three levels
reviewed: 2026-11-21
topic: categories-and-levels
sources:
  - {source: london-2022-23, section: How MAPPA works}
questions:
  - Who decides the level?
---

# The three levels

How closely a person is managed.

## Level 1 { #level-one }

Ordinary agency management: one agency leads and shares information.

## Level 3 needs senior staff

Senior people attend and can commit resources.

### A detail

Deeper headings stay with their section only when below h3.
"""

SRO = entry_yaml(
    "sexual-risk-order",
    "Sexual Risk Order",
    "[SRO]",
    "An order for people at risk of causing sexual harm.",
    extra="""\
key_facts:
  - text: "Duration: at least two years, with **no maximum**."
    sources: [{source: london-2022-23, section: Explanation commentary on statistical tables}]
legal_basis: Part 2 of the Sexual Offences Act 2003.
""",
)


@pytest.fixture
def built(make_project: MakeProject) -> ProjectPaths:
    ask_page = (REPO / "docs" / "ask.md").read_text(encoding="utf-8")
    project = make_project(
        entries={"sexual-risk-order": SRO}, docs={"guide/levels.md": GUIDE, "ask.md": ask_page}
    )
    build_all(project, browser_engine=False)
    return project


def by_url(passages: list[Passage]) -> dict[str, Passage]:
    return {p.url: p for p in passages}


def all_passages(built: ProjectPaths) -> list[Passage]:
    return collect_passages(load_project(built), saved_rendered_pages(built).html)


def pages_passages(built: ProjectPaths) -> list[Passage]:
    project = load_project(built)
    return page_passages(project.pages, saved_rendered_pages(built).html, project.sources)


def test_build_makes_the_index_beside_the_site(built: ProjectPaths) -> None:
    assert (built.site_dir / "index.html").is_file()
    assert (built.index_dir / "lexicon.json").is_file()
    assert not list(built.root.glob(".search_index*")), "no temporary folder left"


def test_glossary_passages_cite_and_link(built: ProjectPaths) -> None:
    passages = by_url(all_passages(built))
    entry = passages["glossary/sexual-risk-order/"]
    assert entry.kind == "glossary"
    assert entry.title == "Sexual Risk Order (SRO)"
    assert entry.text.startswith("An order for people at risk of causing sexual harm.")
    assert entry.source == (
        "London MAPPA Annual Report 2022-23, Explanation commentary on statistical tables"
    )
    assert "What does the Sexual Risk Order mean for our area?" in entry.keywords
    fact = passages["glossary/sexual-risk-order/#key-facts"]
    assert (fact.kind, fact.text) == ("fact", "Duration: at least two years, with no maximum.")
    assert passages["glossary/sexual-risk-order/#legal-basis"].text.startswith("Part 2")


def test_page_sections_have_anchors_that_exist(built: ProjectPaths) -> None:
    sections = {p.url: p for p in pages_passages(built) if p.url.startswith("guide/")}
    assert list(sections) == [
        "guide/levels/",
        "guide/levels/#level-one",
        "guide/levels/#level-3-needs-senior-staff",
        "guide/levels/#a-detail",
    ]
    html = (built.site_dir / "guide" / "levels" / "index.html").read_text(encoding="utf-8")
    for url in sections:
        if "#" in url:
            assert f'id="{url.split("#")[1]}"' in html
    level_one = sections["guide/levels/#level-one"]
    assert level_one.title == "The three levels: Level 1"
    assert level_one.text == "Ordinary agency management: one agency leads and shares information."
    assert level_one.source == "London MAPPA Annual Report 2022-23, How MAPPA works"
    assert sections["guide/levels/"].keywords == "Who decides the level?"
    assert "¶" not in "".join(p.text + p.title for p in sections.values())


def test_ask_page_is_not_a_passage(built: ProjectPaths) -> None:
    assert not [p for p in pages_passages(built) if p.url.startswith("ask/")]


def test_built_index_answers_from_glossary_and_pages(built: ProjectPaths) -> None:
    answerer = Answerer(built.index_dir)
    assert "no maximum" in answerer.ask("Does an SRO have a maximum length?", 1).answers[0].text
    top = answerer.ask("who attends at level 3", 1).answers[0]
    assert top.url == "guide/levels/#level-3-needs-senior-staff"


def test_passages_come_from_content_and_rendered_pages_in_order(built: ProjectPaths) -> None:
    kinds = [p.kind for p in all_passages(built)]
    order = {"glossary": 0, "fact": 0, "page": 1, "statistic": 2}
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert {"glossary", "fact", "page", "statistic"} <= set(kinds)


def test_the_index_never_reads_the_built_site(built: ProjectPaths) -> None:
    """The pages' text is kept from the site build, so the index can be rebuilt alone,
    with the site gone, and answers the same."""
    before = Answerer(built.index_dir).ask("who attends at level 3", 1).answers
    shutil.rmtree(built.site_dir)
    build_index_only(built)
    assert Answerer(built.index_dir).ask("who attends at level 3", 1).answers == before


def test_a_site_built_elsewhere_is_what_the_index_holds(
    built: ProjectPaths, tmp_path: Path
) -> None:
    """`build --site-dir X` once indexed the old site/ in place of X."""
    guide = built.docs_dir / "guide" / "levels.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("Senior people attend", "Chief officers attend"),
        encoding="utf-8",
    )
    build_all(built, site_dir=tmp_path / "elsewhere", browser_engine=False)
    top = Answerer(built.index_dir).ask("who attends at level 3", 1).answers[0]
    assert "Chief officers attend" in top.text
    old = (built.site_dir / "guide" / "levels" / "index.html").read_text(encoding="utf-8")
    assert "Chief officers" not in old


def test_ask_page_has_a_labelled_input_and_a_short_status(built: ProjectPaths) -> None:
    """Only the status ("5 answers found") is announced: the results are not a live
    region, so a screen reader is not read the whole list."""
    html = (built.site_dir / "ask" / "index.html").read_text(encoding="utf-8")
    assert '<label for="kb-ask-input">Your question</label>' in html
    assert 'id="kb-ask-input" name="question" maxlength="300"' in html
    assert '<div id="kb-ask-status" class="kb-ask__status" role="status"></div>' in html
    assert '<div id="kb-ask-results" class="kb-ask__results"></div>' in html
    assert html.count("aria-live") == 0
    assert 'src="../assets/ask.js"' in html and 'src="../assets/ask-offer.js"' in html
    assert "onclick" not in html and "onsubmit" not in html


def test_the_header_search_is_find_a_page_with_an_offer_to_ask(built: ProjectPaths) -> None:
    html = (built.site_dir / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Find a page on this site" placeholder="Find a page"' in html
    offer = re.search(r'<p class="kb-ask-offer" data-kb-ask-offer hidden>\s*<a>', html)
    assert offer, "the offer is hidden and has no address until a question is typed"


def test_ask_script_never_puts_answers_into_html() -> None:
    script = (REPO / "docs" / "assets" / "ask.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "textContent" in script
    assert "?q=" in script, "falls back to the site's own search for the same words"
    assert "http://" not in script.replace('"http:"', "") and "https://" not in script


def test_index_is_not_committed() -> None:
    import subprocess

    names = [
        "search_index/MAIN_1.toc",
        "search_index/lexicon.json",
        ".search_index.tmp/x",
        ".cache/mappa-kb/page-html.json",
    ]
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names, "search_index/README.md"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == names  # generated files ignored, the README tracked


def test_build_command_builds_the_index(make_project: MakeProject, tmp_path: Path) -> None:
    from mappa_kb.cli import main

    project = make_project()
    assert main(["build", "--root", str(project.root), "--no-browser-engine"]) == 0
    assert Answerer(project.index_dir).ask("sex offenders register", 1).answers
