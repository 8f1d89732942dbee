"""`mappa-kb new entry|page`: a starting file in the right shape, refused by `check`
until every placeholder is replaced, each named with its file, line and field."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import MakeProject
from mappa_kb.cli import main
from mappa_kb.content.models import GlossaryEntry
from mappa_kb.content.placeholders import placeholder_problems
from mappa_kb.content.schema import SCHEMA_COMMENT
from mappa_kb.paths import ProjectPaths

FILLED = {
    "topic": "orders-and-notification",
    "summary": "A plain summary for the public.",
    "definition": "A fuller explanation for staff.",
    "question": "What does this mean for our area?",
    "source": "london-2022-23",
    "section": "Explanation commentary on statistical tables",
}


def check(project: ProjectPaths, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--root", str(project.root)])
    lines = capsys.readouterr().err.splitlines()
    return code, [line.strip() for line in lines[1:]]


def fill(text: str) -> str:
    """What an author does: each placeholder in the YAML replaced by real words."""
    for key, value in FILLED.items():
        if key in {"summary", "definition"}:  # block scalars: the text on the next line
            text = re.sub(rf"(\n{key}: [>|]-?\n  )TODO: [^\n]*", rf"\g<1>{value}", text)
        else:
            text = re.sub(rf'"TODO: (a|the) {key}[^"]*"', f'"{value}"', text)
    return text


def test_a_new_entry_has_every_field_in_order_and_check_names_each_gap(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    assert main(["new", "entry", "Risk formulation", "--root", str(project.root)]) == 0
    out = capsys.readouterr().out
    path = project.glossary_dir / "risk-formulation.yaml"
    assert "glossary/risk-formulation.yaml" in out and "TODO" in out  # where to edit
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    data = yaml.safe_load(text)
    order = list(GlossaryEntry.model_fields)
    assert list(data) == sorted(data, key=order.index)  # the fields in the model's order
    assert set(GlossaryEntry.model_json_schema()["required"]) <= set(data)
    assert data["id"] == "risk-formulation" and data["term"] == "Risk formulation"

    code, problems = check(project, capsys)
    assert code == 1
    fields = {re.search(r"\[(.+?)\]", line).group(1) for line in problems}  # type: ignore[union-attr]
    assert fields == {
        "topic",
        "summary",
        "definition",
        "questions.0",
        "sources.0.source",
        "sources.0.section",
    }
    assert all("replace the placeholder" in line for line in problems), problems
    assert "glossary/risk-formulation.yaml:" in problems[0]
    assert any("a topic id from glossary/topics.yaml" in line for line in problems)

    path.write_text(fill(text), encoding="utf-8")
    assert check(project, capsys) == (0, [])


def test_an_existing_entry_is_never_overwritten(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    path = project.glossary_dir / "sexual-risk-order.yaml"
    before = path.read_text(encoding="utf-8")
    assert main(["new", "entry", "Sexual Risk Order", "--root", str(project.root)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert main(["new", "entry", "X", "--id", "Not An Id", "--root", str(project.root)]) == 2


def test_a_new_page_has_its_front_matter_and_check_refuses_it_until_written(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    args = ["new", "page", "guide/risk.md", "--title", "Managing risk"]
    assert main([*args, "--root", str(project.root)]) == 0
    assert "nav in mkdocs.yml" in capsys.readouterr().out
    path = project.docs_dir / "guide" / "risk.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\nreviewed: ") and "\n# Managing risk\n" in text

    code, problems = check(project, capsys)
    assert code == 1
    assert [p.split(": ", 1)[0] for p in problems] == [
        "docs/guide/risk.md:5",
        "docs/guide/risk.md:6",
    ]
    assert "[sources.0.source] replace the placeholder" in problems[0]

    text = fill(text)
    path.write_text(text, encoding="utf-8")
    code, problems = check(project, capsys)  # the body's placeholder, with its line
    assert code == 1
    assert problems == [
        "docs/guide/risk.md:10: replace the placeholder: the page, in plain English, linking "
        "to glossary entries rather than defining terms again"
    ]
    body = text[: text.index("TODO:")] + "Risk is managed by the agencies together.\n"
    path.write_text(body, encoding="utf-8")
    assert check(project, capsys) == (0, [])
    assert main([*args, "--root", str(project.root)]) == 1  # never overwritten
    assert main(["new", "page", "../outside.md", "--root", str(project.root)]) == 2


def test_placeholders_are_found_at_any_depth() -> None:
    data = {"a": ["fine", {"b": "  TODO: say who"}], "c": "not a TODO: here"}
    assert list(placeholder_problems(data)) == [(("a", 1, "b"), "replace the placeholder: say who")]
