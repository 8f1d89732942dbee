"""The index folder: built whole and swapped in; readers follow rebuilds and never fail."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from search_support import PASSAGES, build_fixture_index

from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.reader import IndexMissing, load_snapshot
from mappa_kb.search.index.writer import build_index
from mappa_kb.search.lexicon import Lexicon
from mappa_kb.search.passage import Passage


def test_build_writes_a_complete_index_and_no_leftovers(tmp_path: Path) -> None:
    index_dir = build_fixture_index(tmp_path / "search_index")
    snapshot = load_snapshot(index_dir)
    assert snapshot.size == len(PASSAGES)
    assert [p.name for p in tmp_path.iterdir()] == ["search_index"]  # no temporary folders


def test_rebuild_keeps_the_tracked_readme(tmp_path: Path) -> None:
    index_dir = tmp_path / "search_index"
    index_dir.mkdir()
    (index_dir / "README.md").write_text("kept\n", encoding="utf-8")
    build_fixture_index(index_dir)
    assert (index_dir / "README.md").read_text(encoding="utf-8") == "kept\n"


def test_failed_build_leaves_the_previous_index(tmp_path: Path) -> None:
    index_dir = build_fixture_index(tmp_path / "search_index")

    broken = Passage("t", None, "u", "s", "page")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        build_index([*PASSAGES, broken], Lexicon(), index_dir)
    assert load_snapshot(index_dir).size == len(PASSAGES)
    assert [p.name for p in tmp_path.iterdir()] == ["search_index"]


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing, match="mappa-kb build"):
        Answerer(tmp_path / "nowhere").ask("sro")


def test_reader_follows_a_rebuild(tmp_path: Path) -> None:
    index_dir = build_fixture_index(tmp_path / "search_index", PASSAGES[:3])
    answerer = Answerer(index_dir)
    assert answerer.ask("probation delivery unit", 5).answers == []
    build_fixture_index(index_dir)
    assert answerer.ask("probation delivery unit", 1).answers[0].title.startswith("Probation")


def test_rebuilds_while_questions_run_never_fail(tmp_path: Path) -> None:
    index_dir = build_fixture_index(tmp_path / "search_index")
    answerer = Answerer(index_dir)
    stop = threading.Event()
    failures: list[BaseException] = []
    answered = [0]

    def ask_again_and_again() -> None:
        while not stop.is_set():
            try:
                result = answerer.ask("How many people in London were at level 2?", 3)
                assert result.answers, "every question keeps its answers"
                answered[0] += 1
            except BaseException as exc:
                failures.append(exc)
                return

    readers = [threading.Thread(target=ask_again_and_again) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        for _ in range(8):
            build_fixture_index(index_dir)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert not failures, failures[0]
    assert answered[0] > 0
