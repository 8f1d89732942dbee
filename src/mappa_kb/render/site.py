"""Every page the content makes, and every chart: what a site builder adds to docs/."""

from __future__ import annotations

from mappa_kb.content.project import Project
from mappa_kb.render.glossary_site import glossary_pages
from mappa_kb.render.pages import GeneratedSite
from mappa_kb.render.question_bank import question_bank_page
from mappa_kb.render.statistics_pages import statistics_pages


def render_site(project: Project) -> GeneratedSite:
    glossary = project.glossary
    terms = {entry.id: entry.term for entry in glossary.entries.values()}
    site = GeneratedSite()
    site.add(*glossary_pages(glossary))
    site.merge(statistics_pages(project.statistics, terms))
    site.add(question_bank_page(glossary, project.pages.values()))
    return site
