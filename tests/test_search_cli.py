"""`mappa-kb ask`: text for people, one JSON object per question for programs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from search_support import RESULT_KEYS, build_fixture_index

from mappa_kb.cli import main

ANSWER_KEYS = {"title", "text", "url", "source", "kind", "score", "figures", "working"}
ANSWER_KEYS |= {"summary", "definition", "value", "counts", "sources"}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("project")
    build_fixture_index(project / "search_index")
    return project


def ask(root: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    cli = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    return subprocess.run(
        [sys.executable, "-c", cli, "ask", "--root", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def assert_contract(result: dict[str, object], query: str) -> None:
    assert set(result) == RESULT_KEYS
    assert result["query"] == query
    answers = result["answers"]
    assert isinstance(answers, list)
    scores = [a["score"] for a in answers]
    assert scores == sorted(scores, reverse=True), "best first"
    for answer in answers:
        assert set(answer) == ANSWER_KEYS
        assert answer["kind"] in {"glossary", "fact", "page", "statistic"}
        assert "<" not in answer["text"] and len(answer["text"]) <= 600


def test_text_answer_for_a_person(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--root", str(root), "who can apply for a sexual risk order"]) == 0
    out = capsys.readouterr().out
    assert "1. Sexual Risk Order (SRO): key facts" in out
    assert "Who may apply: the police or the National Crime Agency." in out
    assert "Read more: /glossary/sexual-risk-order/#key-facts" in out
    assert "Source: London MAPPA Annual Report 2022-23" in out


def test_text_reports_a_correction(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--root", str(root), "what is the registar"]) == 0
    assert "Showing answers for: what is the register" in capsys.readouterr().out


def test_json_is_one_object(root: Path) -> None:
    done = ask(root, "--json", "What is an SRO?")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert_contract(result, "What is an SRO?")
    assert result["corrected"] is None
    assert 1 <= len(result["answers"]) <= 5
    assert result["answers"][0]["url"] == "glossary/sexual-risk-order/"


def test_json_from_stdin_answers_each_line_in_order(root: Path) -> None:
    questions = ["What is an SRO?", "", "what is the registar", "NOT NOT x", "L2", "\x00?*"]
    done = ask(root, "--json", "-k", "2", "-", stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["query"] for r in results] == [q.replace("\x00", "").strip() for q in questions]
    for result, question in zip(results, questions, strict=True):
        assert_contract(result, question.replace("\x00", "").strip())
        assert len(result["answers"]) <= 2
    assert results[1]["answers"] == []
    assert results[2]["corrected"] == "what is the register"
    assert results[4]["answers"][0]["title"] == "Level 2"


def test_undecodable_stdin_is_answered_not_fatal(root: Path) -> None:
    cli = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", cli, "ask", "--root", str(root), "--json", "-"],
        input=b"\xff\xfe SRO\nshpo\n",
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0
    assert len(done.stdout.decode("utf-8").splitlines()) == 2


@pytest.mark.parametrize("k", ["0", "21"])
def test_k_out_of_range_is_refused(root: Path, k: str) -> None:
    done = ask(root, "-k", k, "sro")
    assert done.returncode == 2
    assert "between 1 and 20" in done.stderr


def test_missing_index_says_what_to_do(tmp_path: Path) -> None:
    done = ask(tmp_path, "sro")
    assert done.returncode == 1
    assert "run 'mappa-kb build' first" in done.stderr


def test_ask_does_not_import_mkdocs_or_the_web_server(root: Path) -> None:
    code = (
        "import sys; from mappa_kb.cli import main; main(['ask', '--root', sys.argv[1], 'sro']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'mkdocs', 'fastapi', 'uvicorn', 'material', 'matplotlib'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_stdin_is_read_in_process(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"sro\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["ask", "--root", str(root), "--json", "-"]) == 0
    assert json.loads(out.getvalue())["query"] == "sro"
