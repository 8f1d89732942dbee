"""`mappa-kb check` and the site build reject each kind of bad content, naming
file, line and field, and build nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MakeProject, entry_yaml
from mappa_kb.build import build_all
from mappa_kb.cli import main
from mappa_kb.content import ContentError

GOOD = entry_yaml("licence", "Licence")


def check(project_root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--root", str(project_root)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "licence",
            GOOD.replace("topic: orders-and-notification", "topic: [unclosed"),
            "glossary/licence.yaml:5: invalid YAML: while parsing a flow sequence "
            "(started on line 4)",
        ),
        (
            "licence",
            GOOD + "colour: blue\n",
            "glossary/licence.yaml:11: [colour] unknown field",
        ),
        (
            "licence",
            GOOD.replace("term: Licence\n", ""),
            "glossary/licence.yaml:1: [term] required field is missing",
        ),
        (
            "licence",
            GOOD.replace("reviewed: 2026-11-21", "reviewed: last tuesday"),
            "glossary/licence.yaml:10: [reviewed]",
        ),
        (
            "licence",
            GOOD.replace("abbreviations: []", "abbreviations: LIC"),
            "glossary/licence.yaml:3: [abbreviations] Input should be a valid list",
        ),
        (
            "licence",
            GOOD.replace("id: licence", "id: licence-order"),
            "glossary/licence.yaml:1: [id] id 'licence-order' must match the file name 'licence'",
        ),
        (
            "licence",
            GOOD.replace("summary: A plain summary.", "summary: '   '"),
            "glossary/licence.yaml:5: [summary] must not be empty",
        ),
        (
            "licence",
            GOOD.replace("related: []", "related: [no-such-entry]"),
            "glossary/licence.yaml:7: [related.0] no entry with id 'no-such-entry'",
        ),
        (
            "licence",
            GOOD.replace("source: london-2022-23", "source: daily-news"),
            "glossary/licence.yaml:9: [sources.0.source] unknown source 'daily-news'",
        ),
        (
            "licence",
            GOOD.replace("section: Explanation commentary", "section: Chapter 99 commentary"),
            "glossary/licence.yaml:9: [sources.0.section] 'Chapter 99 commentary on",
        ),
        (
            "licence",
            GOOD.replace("topic: orders-and-notification", "topic: gardening"),
            "glossary/licence.yaml:4: [topic] unknown topic 'gardening'",
        ),
        (
            "licence",
            GOOD + "term: Licence again\n",
            "glossary/licence.yaml:11: [term] key appears twice",
        ),
        (
            "licence",
            GOOD.replace(
                'questions: ["What does the Licence mean for our area?"]', "questions: []"
            ),
            "glossary/licence.yaml:8: [questions] List should have at least 1 item",
        ),
        (
            "licence",
            "- just\n- a list\n",
            "glossary/licence.yaml:1: file must contain a YAML mapping",
        ),
        (
            "licence",
            GOOD.replace("related: []", "related: [licence]"),
            "glossary/licence.yaml:7: [related.0] an entry cannot refer to itself",
        ),
    ],
)
def test_bad_entry_is_reported_with_file_line_and_field(
    make_project: MakeProject,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    expected: str,
) -> None:
    project = make_project({name: text})
    code, output = check(project.root, capsys)
    assert code == 1
    assert expected in output


def test_every_problem_is_reported_at_once(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {
            "one": entry_yaml("one", "One", related="[missing-a]"),
            "two": entry_yaml("two", "Two", related="[missing-b]") + "colour: red\n",
        }
    )
    code, output = check(project.root, capsys)
    assert code == 1
    # two.yaml fails its schema, so its references are checked once it is fixed
    assert "2 problems found" in output
    assert "missing-a" in output and "[colour]" in output


def test_duplicate_ids_are_reported(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {"one": entry_yaml("one", "One"), "one-copy": entry_yaml("one", "One copy")}
    )
    code, output = check(project.root, capsys)
    assert code == 1
    assert "glossary/one.yaml:1: [id] duplicate id 'one' (also in glossary/one-copy.yaml)" in output


def test_shared_abbreviation_needs_disambiguation(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {
            "probation-practitioner": entry_yaml("probation-practitioner", "PP one", "[PP]"),
            "people-on-probation": entry_yaml("people-on-probation", "PP two", "[PP]"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 1
    assert "glossary/people-on-probation.yaml:3: [abbreviations.0] abbreviation 'PP'" in output
    assert "add a 'disambiguation'" in output


def test_disambiguated_abbreviation_is_accepted(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {
            "one": entry_yaml("one", "PP one", "[PP]", extra="disambiguation: staff\n"),
            "two": entry_yaml("two", "PP two", "[PP]", extra="disambiguation: clients\n"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 0, output


def test_one_sided_replacement_is_reported(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {
            "new-order": entry_yaml("new-order", "New order", extra="replaces: [old-order]\n"),
            "old-order": entry_yaml("old-order", "Old order"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 1
    assert "glossary/old-order.yaml" in output
    assert "[replaced_by] 'new-order' says it replaces this entry" in output


def test_alias_used_by_two_entries_is_reported(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        {
            "one": entry_yaml("one", "One", extra="aliases: [the register]\n"),
            "two": entry_yaml("two", "Two", extra="aliases: [The Register]\n"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 1
    assert "[aliases.0] name 'the register' is used by one, two" in output


def test_broken_registry_is_reported(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project({"one": entry_yaml("one", "One")})
    sources = project.glossary_dir / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: london-2022-23\n    title: Again\n")
    code, output = check(project.root, capsys)
    assert code == 1
    assert "glossary/sources.yaml" in output
    assert "duplicate id 'london-2022-23'" in output or "[sources." in output


def test_bad_content_builds_nothing(make_project: MakeProject) -> None:
    project = make_project({"one": entry_yaml("one", "One", related="[nowhere]")})
    with pytest.raises(ContentError):
        build_all(project, browser_engine=False)
    assert not project.site_dir.exists()
    assert not any(p.name.startswith(".site") for p in project.root.iterdir())


def test_bad_content_fails_the_mkdocs_build_itself(
    make_project: MakeProject, caplog: pytest.LogCaptureFixture
) -> None:
    """Plain `mkdocs build` runs the same check through the plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = make_project({"one": entry_yaml("one", "One", related="[nowhere]")})
    site = project.root / "plain-site"
    config = load_config(str(project.config_file), site_dir=str(site))
    with pytest.raises(Abort):
        build(config)
    assert "glossary/one.yaml:7: [related.0] no entry with id 'nowhere'" in caplog.text
    assert not site.exists()
