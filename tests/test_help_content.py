"""data/help.yaml: the "What you can do" card is content, checked like the rest: every
line cited to a registered source, reviewed, and brought by the words of a question."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import REPO, MakeProject
from mappa_kb.content import load_project, read_project
from mappa_kb.content.help import read_help
from mappa_kb.paths import ProjectPaths

SECTIONS = {"police-uk-contact": [], "nspcc-helpline": ["Report abuse"]}
PAGES = {"glossary/victim-contact-scheme.md", "about/report-a-concern.md"}

GOOD = """\
lines:
  - id: emergency
    name: Police, in an emergency
    phone: "999"
    text: If someone is in danger now.
    source: {source: police-uk-contact, section: Contacting the police}
    reviewed: 2026-11-29
    always: true
    situations: [in danger, emergency]
  - id: nspcc
    name: NSPCC Helpline
    phone: "0808 800 5000"
    page: about/report-a-concern.md
    text: If you are worried about a child.
    source: {source: nspcc-helpline, section: Report abuse}
    reviewed: 2026-11-29
    situations: [worried about a child]
"""


def read(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "help.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    value, problems = read_help(path, "data/help.yaml", tmp_path, SECTIONS, PAGES)
    return value, [str(p) for p in problems]


def test_a_good_file_reads_in_order(tmp_path: Path) -> None:
    value, problems = read(tmp_path, GOOD)
    assert problems == []
    assert [line.id for line in value.lines] == ["emergency", "nspcc"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("police-uk-contact", "police-uk"),
         "data/help.yaml:6: [lines.0.source.source] unknown source 'police-uk'"),
        (("section: Report abuse", "section: Elsewhere"),
         "data/help.yaml:15: [lines.1.source.section] 'Elsewhere' is not a section of "
         "'nspcc-helpline'"),
        (('"0808 800 5000"', '"0808 800 50"'),
         "data/help.yaml:12: [lines.1.phone] Value error, '0808 800 50' is not a UK phone"),
        (('"999"', '"nine"'), "data/help.yaml:4: [lines.0.phone] Value error"),
        (("about/report-a-concern.md", "about/nowhere.md"),
         "data/help.yaml:13: [lines.1.page] no page 'about/nowhere.md'"),
        (("[worried about a child]", "[Worried about a child!]"),
         "data/help.yaml:17: [lines.1.situations.0] Value error"),
        (("[worried about a child]", "[]"), "data/help.yaml:17: [lines.1.situations]"),
        (("    reviewed: 2026-11-29\n    always", "    always"),
         "data/help.yaml:2: [lines.0.reviewed] required field is missing"),
        (("id: nspcc", "id: emergency"),
         "data/help.yaml:10: [lines.1.id] 'emergency' is used twice"),
        (("    phone: \"0808 800 5000\"\n    page: about/report-a-concern.md\n", ""),
         "data/help.yaml:10: [lines.1] give a phone number, a page, or both"),
    ],
)  # fmt: skip
def test_each_problem_is_named_with_file_line_and_field(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    assert change[0] in GOOD
    value, problems = read(tmp_path, GOOD.replace(*change))
    assert any(p.startswith(expected) for p in problems), problems
    assert value.lines == []  # type: ignore[attr-defined]  # a file with problems gives no card


def test_a_project_with_a_broken_help_file_fails_its_check(make_project: MakeProject) -> None:
    project = make_project()
    (project.data_dir / "help.yaml").write_text(
        GOOD.replace("police-uk-contact", "nowhere"), encoding="utf-8"
    )
    found, problems = read_project(project)
    assert found is None
    assert any(p.file == "data/help.yaml" and "unknown source 'nowhere'" in p.message
               for p in problems)  # fmt: skip


def test_the_real_card_cites_registered_sources_and_covers_the_issue() -> None:
    project = load_project(ProjectPaths.at(REPO))
    lines = {line.id: line for line in project.help.lines}
    # The issue's list: 999, 101, Crimestoppers, the Victim Contact Scheme, the child sex
    # offender disclosure scheme, NSPCC, Stop It Now.
    assert [line.id for line in project.help.lines] == [
        "emergency",
        "police-non-emergency",
        "crimestoppers",
        "victim-contact-scheme",
        "child-sex-offender-disclosure-scheme",
        "nspcc-helpline",
        "stop-it-now",
    ]
    assert [line.id for line in project.help.lines if line.always] == ["emergency"]
    assert lines["emergency"].phone == "999"
    assert lines["police-non-emergency"].phone == "101"


def test_every_number_is_written_where_its_source_is_cited() -> None:
    """A number is copied from its source, not typed from memory: it must appear in the
    source's own description, or on a page of this site that cites the same source."""
    project = load_project(ProjectPaths.at(REPO))
    for line in project.help.lines:
        if line.phone is None:
            continue
        source = project.sources[line.source.source]
        texts = [source.description or ""]
        texts += [
            (REPO / "docs" / rel).read_text(encoding="utf-8")
            for rel, page in project.pages.items()
            if any(c.source == source.id for c in page.meta.sources)
        ]
        said = re.compile(rf"(?<!\d)(?<!\d ){re.escape(line.phone)}(?! ?\d)")
        assert any(said.search(text) for text in texts), (line.id, line.phone, source.id)
