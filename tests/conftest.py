"""Shared fixtures: tiny real projects in tmp_path, built with the real plugin."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mappa_kb.build import build_all
from mappa_kb.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

ENTRY_TEMPLATE = """\
id: {id}
term: {term}
abbreviations: {abbreviations}
topic: orders-and-notification
summary: {summary}
definition: The {term} is explained here for staff.
related: {related}
questions: ["What does the {term} mean for our area?"]
sources: [{{source: london-2022-23, section: Explanation commentary on statistical tables}}]
reviewed: 2026-11-21
"""


def entry_yaml(
    id: str,
    term: str,
    abbreviations: str = "[]",
    summary: str = "A plain summary.",
    related: str = "[]",
    extra: str = "",
) -> str:
    text = ENTRY_TEMPLATE.format(
        id=id, term=term, abbreviations=abbreviations, summary=summary, related=related
    )
    return text + textwrap.dedent(extra)


PAGE_FRONT = """---
reviewed: 2026-11-21
sources: [{source: london-2022-23, section: MAPPA background}]
---
"""


def docs_page(body: str, front: str = "") -> str:
    """A docs/ page with valid front matter; `front` adds or overrides YAML lines."""
    lines = PAGE_FRONT.splitlines()[1:-1]
    keys = {line.split(":", 1)[0] for line in front.splitlines() if line and line[0] != " "}
    kept = [line for line in lines if line.split(":", 1)[0] not in keys]
    return "---\n" + "\n".join([*kept, *front.splitlines()]) + "\n---\n" + body


HOME = (
    PAGE_FRONT
    + """# Home

A Sexual Risk Order (SRO) is one kind of order. The SRO is explained in the glossary.
People on the sex offenders register must tell the police things.
"""
)

MakeProject = Callable[..., ProjectPaths]

# Everything a build reads; a copy of these is a complete project (with node_modules/,
# linked rather than copied: the Pyodide runtime the in-browser engine ships).
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "glossary", "data", "package.json")
ENGINE_CACHE = ProjectPaths.at(REPO).engine_cache_dir
"""The engine compiled for the browser, shared by every real build of a test run (and
with `make build`): it depends only on the code, and compiling takes half a minute."""


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    """The real project, built once for the whole test run (strict, like `make build`)."""
    root = tmp_path_factory.mktemp("real") / "project"
    root.mkdir()
    for name in PROJECT_PARTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.exists():
            shutil.copy(src, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    project = ProjectPaths.at(root)
    ENGINE_CACHE.mkdir(parents=True, exist_ok=True)
    project.engine_cache_dir.parent.mkdir(parents=True)
    project.engine_cache_dir.symlink_to(ENGINE_CACHE)
    build_all(project)
    return project


@pytest.fixture
def make_project(tmp_path: Path) -> MakeProject:
    """A copy of this project's site config with a glossary of our choosing."""

    def make(
        entries: dict[str, str] | None = None, docs: dict[str, str] | None = None
    ) -> ProjectPaths:
        root = tmp_path / "project"
        root.mkdir()
        # The real theme, plugins and extensions, but only our pages: the real docs link
        # to real entries, which a tiny glossary does not have.
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config.pop("nav", None)
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        shutil.copytree(REPO / "scripts", root / "scripts")
        shutil.copytree(REPO / "docs" / "assets", root / "docs" / "assets")
        shutil.copytree(REPO / "overrides", root / "overrides")  # theme.custom_dir
        (root / "docs" / "index.md").write_text(HOME, encoding="utf-8")
        if (REPO / "data").is_dir():
            # Not help.yaml: its lines point at real entries, which a tiny glossary lacks.
            shutil.copytree(
                REPO / "data", root / "data", ignore=shutil.ignore_patterns("help.yaml")
            )
        glossary = root / "glossary"
        glossary.mkdir()
        for name in ("sources.yaml", "topics.yaml"):
            shutil.copy(REPO / "glossary" / name, glossary / name)
        if entries is None:
            entries = {
                "sexual-risk-order": entry_yaml(
                    "sexual-risk-order",
                    "Sexual Risk Order",
                    "[SRO]",
                    "An order for people at risk of causing sexual harm.",
                    "[notification-requirements]",
                ),
                "notification-requirements": entry_yaml(
                    "notification-requirements",
                    "Notification requirements",
                    summary="Rules that make some people tell the police where they live.",
                    extra="aliases: [sex offenders register]\n",
                ),
            }
        for entry_id, text in entries.items():
            (glossary / f"{entry_id}.yaml").write_text(text, encoding="utf-8")
        for rel, text in (docs or {}).items():
            path = root / "docs" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return ProjectPaths.at(root)

    return make
