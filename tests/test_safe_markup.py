"""Content never reaches a page as live HTML: `check` refuses raw HTML and script links,
text is escaped wherever it is placed, and the Content-Security-Policy allows only the
inline scripts the build itself wrote."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from conftest import MakeProject, docs_page, entry_yaml
from mappa_kb.api import create_app
from mappa_kb.build import build_all
from mappa_kb.content import ContentError, load_project
from mappa_kb.content.markup import markup_problems, unsafe_address
from mappa_kb.csp import inline_script_hashes, site_script_hashes


def problems_of(make_project: MakeProject, **parts: dict[str, str]) -> list[str]:
    project = make_project(**parts)
    with pytest.raises(ContentError) as caught:
        load_project(project)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    "summary",
    [
        'Often called "the hostel"><script>alert(1)</script> and more.',
        "A plain summary <img src=x onerror=alert(1)>.",
        "See [this](javascript:alert(1)) for more.",
        "See [this](JaVa&#115;cript:alert(1)) for more.",
        "See <javascript:alert(1)> for more.",
    ],
)
def test_check_refuses_html_and_script_links_in_entries(
    make_project: MakeProject, summary: str
) -> None:
    entry = entry_yaml("hostel", "Probation hostel", summary=json.dumps(summary))
    found = problems_of(make_project, entries={"hostel": entry})
    assert any(p.startswith("glossary/hostel.yaml:5: [summary]") for p in found), found


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Hello <script>alert(1)</script>\n", "HTML <script> is not allowed in pages"),
        ("A picture <img src=x onerror=alert(1)>\n", "HTML <img> is not allowed in pages"),
        ('<div onclick="alert(1)">x</div>\n', "has an attribute 'onclick'"),
        ('<a href="javascript:alert(1)">x</a>\n', "only web, mail and telephone addresses"),
        ("[x](vbscript:msgbox)\n", "only web, mail and telephone addresses"),
        ("[x]: data:text/html,boo\n\nSee [x].\n", "only web, mail and telephone addresses"),
    ],
)
def test_check_refuses_unsafe_markup_in_pages_with_its_line(
    make_project: MakeProject, body: str, message: str
) -> None:
    found = problems_of(make_project, docs={"guide.md": docs_page("# Guide\n\n" + body)})
    assert any(p.startswith("docs/guide.md:7:") and message in p for p in found), found


def test_the_narrow_allow_list_keeps_what_pages_need() -> None:
    form = (
        '<form class="kb-ask" role="search" action="./" method="get">'
        '<label for="q">Your question</label>'
        '<input type="search" id="q" name="q" aria-describedby="hint" data-kb-x="1">'
        '<a href="https://www.gov.uk/">GOV.UK</a> <a href="tel:101">101</a></form>'
    )
    assert list(markup_problems(form, pages=True)) == []
    assert list(markup_problems("Read <https://www.gov.uk/> or [this](../x.md#y).")) == []
    assert list(markup_problems("Ages under 18 < 21 and 3 > 2 stay text.")) == []
    assert unsafe_address("java\tscript:alert(1)") and not unsafe_address("mailto:a@b.org")


def test_quotes_and_ampersands_in_a_summary_stay_inside_their_attribute(
    make_project: MakeProject,
) -> None:
    summary = 'Often called "the hostel" & run by probation.'
    entry = entry_yaml("hostel", "Probation hostel", summary=json.dumps(summary))
    project = make_project(entries={"hostel": entry})
    build_all(project, browser_engine=False)
    page = (project.site_dir / "glossary" / "hostel" / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert meta is not None
    assert meta.group(1) == "Often called &quot;the hostel&quot; &amp; run by probation."


def test_the_policy_allows_only_the_inline_scripts_the_build_wrote(
    make_project: MakeProject,
) -> None:
    project = make_project()
    build_all(project, browser_engine=False)
    recorded = set(site_script_hashes(project.site_dir))
    written = set()
    for page in project.site_dir.rglob("*.html"):
        written |= inline_script_hashes(page.read_text(encoding="utf-8"))
    assert recorded and recorded == written
    response = TestClient(create_app(project)).get("/")
    policy = response.headers["content-security-policy"]
    scripts = re.search(r"script-src ([^;]*)", policy)
    assert scripts is not None and "'unsafe-inline'" not in scripts.group(1)
    assert set(scripts.group(1).split()) == {"'self'", *recorded}
