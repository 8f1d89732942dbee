"""A missing or damaged search_index/: the CLI and the API say what is wrong and how to
rebuild, never a traceback; and a rebuild puts it right."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from search_support import build_fixture_index

from mappa_kb.api import create_app
from mappa_kb.cli import main
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.index.integrity import (
    CHECKSUMS_FILE,
    ENGINE_FILE,
    INDEX_FORMAT,
    README,
    write_checksums,
)

QUESTION = "What is an SRO?"
REBUILD = "run 'mappa-kb build'"


def segment(index: Path) -> Path:
    return next(index.glob("*.seg"))


def flip_bytes_inside(path: Path) -> None:
    """A few bytes changed deep inside, size unchanged: Whoosh itself would not notice."""
    data = bytearray(path.read_bytes())
    start = len(data) * 2 // 3
    data[start : start + 8] = bytes(255 - b for b in data[start : start + 8])
    path.write_bytes(bytes(data))


def unlink_all(index: Path) -> None:
    for path in index.iterdir():
        path.unlink()


def replace_with_file(index: Path) -> None:
    shutil.rmtree(index)
    index.write_text("not an index\n", encoding="utf-8")


def from_another_engine(index: Path) -> None:
    """Whole and unchanged since written, but by another version of the engine."""
    (index / ENGINE_FILE).write_text(f'{{"format": {INDEX_FORMAT + 1}}}', encoding="utf-8")
    (index / CHECKSUMS_FILE).unlink()
    write_checksums(index, skip=frozenset({README}))


Damage = Callable[[Path], None]
DAMAGES: dict[str, tuple[Damage, str]] = {
    # name: (what is done to search_index/, what the message must say is wrong)
    "missing": (shutil.rmtree, "no search index"),
    "empty": (unlink_all, "no search index"),
    "no lexicon": (lambda i: (i / "lexicon.json").unlink(), "no search index"),
    "lexicon not json": (lambda i: (i / "lexicon.json").write_text("{oops"), "lexicon.json"),
    "no table of contents": (lambda i: next(i.glob("*.toc")).unlink(), ".toc is missing"),
    "no segment": (lambda i: segment(i).unlink(), ".seg is missing"),
    "truncated segment": (
        lambda i: segment(i).write_bytes(segment(i).read_bytes()[:999]),
        ".seg has changed",
    ),
    "bytes flipped in the segment": (lambda i: flip_bytes_inside(segment(i)), ".seg has changed"),
    "no checksums (older build)": (lambda i: (i / CHECKSUMS_FILE).unlink(), CHECKSUMS_FILE),
    "a file where the folder was": (replace_with_file, "cannot be read"),
    "built by another version of the engine": (from_another_engine, "another version"),
}


@pytest.fixture(params=list(DAMAGES), ids=list(DAMAGES))
def damaged(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[ProjectPaths, str]:
    root = tmp_path / "project"
    (root / "site").mkdir(parents=True)
    (root / "site" / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    project = ProjectPaths.at(root)
    build_fixture_index(project.index_dir)
    damage, what = DAMAGES[request.param]
    damage(project.index_dir)
    return project, what


def test_the_cli_says_what_is_wrong_and_how_to_rebuild(
    damaged: tuple[ProjectPaths, str], capsys: pytest.CaptureFixture[str]
) -> None:
    project, what = damaged
    assert main(["ask", "--root", str(project.root), QUESTION]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert what in captured.err and REBUILD in captured.err, captured.err
    assert str(project.index_dir) in captured.err


def test_the_api_says_what_is_wrong_and_how_to_rebuild(damaged: tuple[ProjectPaths, str]) -> None:
    project, what = damaged
    with TestClient(create_app(project), raise_server_exceptions=False) as client:
        response = client.get("/api/ask", params={"q": QUESTION})
        assert client.get("/").status_code == 200  # the site is still served
    assert response.status_code == 503
    detail = response.json()["detail"]
    assert what in detail and REBUILD in detail, detail
    assert str(project.root) not in response.text  # the server's folders are its own


def test_rebuilding_puts_it_right(damaged: tuple[ProjectPaths, str]) -> None:
    project, _ = damaged
    if project.index_dir.is_file():
        project.index_dir.unlink()  # the one damage a build does not clear by itself
    build_fixture_index(project.index_dir)
    with TestClient(create_app(project)) as client:
        response = client.get("/api/ask", params={"q": QUESTION})
    assert response.status_code == 200
    assert response.json()["answers"][0]["url"] == "glossary/sexual-risk-order/"


def test_a_real_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    project = ProjectPaths.at(tmp_path)
    build_fixture_index(project.index_dir)
    flip_bytes_inside(segment(project.index_dir))
    launcher = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", launcher, "ask", "--root", str(tmp_path), QUESTION],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and REBUILD in result.stderr, result.stderr
