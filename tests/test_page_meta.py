"""Page front matter: `mappa-kb check` and the build name file, line and field for each
problem, and a bad page builds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MakeProject, docs_page
from mappa_kb.build import build_all
from mappa_kb.cli import main
from mappa_kb.content import ContentError

BODY = "# Guide\n\nSome words.\n"


def check(project_root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--root", str(project_root)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BODY, "docs/guide.md:1: page has no front matter"),
        (
            "---\nsources: [{source: london-2022-23, section: Introduction}]\n---\n" + BODY,
            "docs/guide.md:2: [reviewed] required field is missing",
        ),
        (
            "---\nreviewed: 2026-11-21\n---\n" + BODY,
            "docs/guide.md:2: [sources] required field is missing",
        ),
        (docs_page(BODY, "reviewed: soon"), "docs/guide.md:3: [reviewed]"),
        (docs_page(BODY, "reviewd: 2026-11-21"), "docs/guide.md:4: [reviewd] unknown field"),
        (
            docs_page(BODY, "sources: [{source: nowhere, section: Introduction}]"),
            "docs/guide.md:3: [sources.0.source] unknown source 'nowhere'",
        ),
        (
            docs_page(BODY, "sources:\n  - {source: london-2022-23, section: Chapter 9}"),
            "docs/guide.md:4: [sources.0.section] 'Chapter 9' is not a section of 'london-2022-23'",
        ),
        (
            docs_page(BODY, "sources: []"),
            "docs/guide.md:3: [sources] List should have at least 1 item",
        ),
        (
            docs_page(BODY, "questions: ['Is it safe?']"),
            "docs/guide.md:4: [questions] a page with questions needs a 'topic'",
        ),
        (
            docs_page(BODY, "topic: mappa-basics\nquestions: [Tell me more]"),
            "docs/guide.md:5: [questions.0] Value error, a question must end with '?'",
        ),
        (
            docs_page(BODY, "topic: no-such-topic"),
            "docs/guide.md:4: [topic] unknown topic 'no-such-topic'",
        ),
        (
            docs_page(BODY, "next: missing.md"),
            "docs/guide.md:4: [next] no page 'missing.md' under docs/",
        ),
        (
            docs_page(BODY, "next: guide.md"),
            "docs/guide.md:4: [next] a page cannot be its own next page",
        ),
        (docs_page(BODY, "audience: [everyone]"), "docs/guide.md:4: [audience.0] Input should be"),
        (docs_page(BODY, "title: [unclosed"), "docs/guide.md:5: invalid YAML"),
        (docs_page("No heading here.\n"), "docs/guide.md:1: [title] no title"),
    ],
)
def test_bad_front_matter_is_reported_with_file_line_and_field(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    project = make_project(docs={"guide.md": text})
    code, output = check(project.root, capsys)
    assert code == 1
    assert expected in output, output


def test_every_problem_in_every_page_is_reported_together(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        docs={
            "a.md": docs_page(BODY, "next: gone.md"),
            "sub/b.md": docs_page(BODY, "topic: nope\nreviewed: never"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 1
    assert "docs/a.md:4: [next]" in output
    assert "docs/sub/b.md:3: [topic] unknown topic 'nope'" not in output  # reviewed fails first
    assert "docs/sub/b.md:4: [reviewed]" in output


def test_good_pages_pass_check(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        docs={
            "a.md": docs_page(BODY, "next: lay-advisers/question-bank.md"),
            "b.md": docs_page(BODY, "next: glossary/sexual-risk-order.md\naudience: [public]"),
        }
    )
    code, output = check(project.root, capsys)
    assert code == 0, output
    assert "3 pages" in output


def test_bad_page_fails_the_build_and_writes_no_site(make_project: MakeProject) -> None:
    project = make_project(docs={"guide.md": docs_page(BODY, "reviewed: soon")})
    with pytest.raises(ContentError, match=r"docs/guide.md:3: \[reviewed\]"):
        build_all(project, browser_engine=False)
    assert not project.site_dir.exists()
    assert not list(project.root.glob(".site.*")), "a half-built site was left behind"
