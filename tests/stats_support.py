"""Helpers for the statistics tests: tiny real projects in tmp_path and report texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import docs_page
from mappa_kb.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO.parent / "shared" / "sources"
LONDON_REPORT = SOURCES / "london-mappa-annual-report-2022-23.txt"
CAMBS_REPORT = SOURCES / "cambridgeshire-and-peterborough-mappa-annual-report-2022-23.txt"

ENTRY = """\
id: {id}
term: {term}
topic: categories-and-levels
summary: A plain summary of {term}.
definition: The {term} is explained here for staff.
questions: ["What does {term} mean?"]
sources: [{{source: london-2022-23, section: Explanation commentary on statistical tables}}]
reviewed: 2026-11-21
"""
# A few of the entries statistics link to, so links can be checked without the full glossary.
ENTRIES = {
    "level-2": "Level 2",
    "category-1": "Category 1",
    "returned-to-custody": "Returned to custody",
}


def make_project(
    root: Path, docs: dict[str, str] | None = None, entries: dict[str, str] | None = None
) -> ProjectPaths:
    """The real site config, data and scripts, with a tiny glossary and our pages."""
    root.mkdir(parents=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)  # the real nav names pages this tiny project does not have
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copytree(REPO / "scripts", root / "scripts")
    shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(REPO / "overrides", root / "overrides")  # theme.custom_dir
    home = docs_page("# Home\n\nStatistics live elsewhere.\n")
    (root / "docs" / "index.md").write_text(home, "utf-8")
    # Not help.yaml: its lines point at real glossary entries, which this project lacks.
    shutil.copytree(REPO / "data", root / "data", ignore=shutil.ignore_patterns("help.yaml"))
    glossary = root / "glossary"
    glossary.mkdir()
    for name in ("sources.yaml", "topics.yaml"):
        shutil.copy(REPO / "glossary" / name, glossary / name)
    for entry_id, term in (ENTRIES if entries is None else entries).items():
        (glossary / f"{entry_id}.yaml").write_text(ENTRY.format(id=entry_id, term=term), "utf-8")
    for rel, text in (docs or {}).items():
        path = root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        # Every docs page needs front matter; these tests are about the body.
        path.write_text(text if text.startswith("---") else docs_page(text), encoding="utf-8")
    return ProjectPaths.at(root)
