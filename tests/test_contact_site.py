"""Contact details, set once as extra.contact in mkdocs.yml, reach every page's footer
and the pages that ask for them; values that are not addresses never reach a page."""

from __future__ import annotations

import re
from typing import Any

import yaml

from conftest import MakeProject, docs_page
from mappa_kb.build import build_all
from mappa_kb.paths import ProjectPaths

CONTACT_PAGE = docs_page("# Contact us\n\n{{ contact_details() }}\n")


def built_with(make_project: MakeProject, contact: dict[str, Any]) -> ProjectPaths:
    project = make_project(docs={"contact.md": CONTACT_PAGE})
    config = yaml.safe_load(project.config_file.read_text(encoding="utf-8"))
    config["extra"]["contact"] = contact
    project.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    build_all(project, browser_engine=False)
    return project


def footer(project: ProjectPaths, rel: str) -> str:
    html = (project.site_dir / rel / "index.html").read_text(encoding="utf-8")
    return html[html.index('<div class="md-copyright kb-footer">') :]


def test_contact_details_show_in_the_footer_and_where_pages_ask(
    make_project: MakeProject,
) -> None:
    project = built_with(
        make_project,
        {"name": "The MAPPA KB team", "email": "kb@example.org", "url": "https://example.org/c"},
    )
    for rel in ("", "contact", "glossary/sexual-risk-order"):
        foot = footer(project, rel)
        assert "Run by The MAPPA KB team." in foot
        assert '<a href="mailto:kb@example.org">kb@example.org</a>' in foot
        assert '<a href="https://example.org/c">Contact page</a>' in foot
        assert "does not list a contact address" not in foot
    page = (project.site_dir / "contact" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'email <a href="mailto:kb@example.org">kb@example.org</a>', page)


def test_a_contact_that_is_not_an_address_is_not_shown(make_project: MakeProject) -> None:
    project = built_with(
        make_project, {"name": "Someone", "url": 'javascript:alert("x")', "email": "no"}
    )
    foot = footer(project, "contact")
    assert "javascript:" not in foot and "mailto:" not in foot
    assert "does not list a contact address yet" in foot
    assert '<a href="tel:101">101</a>' in foot and '<a href="tel:999">999</a>' in foot
