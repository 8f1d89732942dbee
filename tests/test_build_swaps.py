"""A build's outputs arrive together, readable by a web server, and a killed build leaves
nothing that the next start does not clear or mend."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import mappa_kb.build as build_module
from conftest import MakeProject
from mappa_kb.build import build_all, repair_index, site_build_id
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.integrity import index_build_id


def leftovers(project: ProjectPaths) -> list[str]:
    return sorted(p.name for p in project.root.iterdir() if p.name.startswith((".site", ".search")))


def test_the_site_can_be_read_by_a_web_server_running_as_another_user(
    make_project: MakeProject,
) -> None:
    project = make_project()
    build_all(project, browser_engine=False)
    assert project.site_dir.stat().st_mode & 0o777 == 0o755
    assert project.index_dir.stat().st_mode & 0o777 == 0o755


def test_site_and_index_carry_the_same_build_id(make_project: MakeProject) -> None:
    project = make_project()
    build_all(project, browser_engine=False)
    first = site_build_id(project.site_dir)
    assert first is not None and index_build_id(project.index_dir) == first
    build_all(project, browser_engine=False)
    assert site_build_id(project.site_dir) not in {None, first}
    assert index_build_id(project.index_dir) == site_build_id(project.site_dir)


def test_what_a_killed_build_left_is_cleared_by_the_next(make_project: MakeProject) -> None:
    project = make_project()
    for name in (".site.k1ll3d", ".search_index.k1ll3d", ".site.old"):
        (project.root / name).mkdir()
        (project.root / name / "index.html").write_text("half", encoding="utf-8")
    build_all(project, browser_engine=False)
    assert leftovers(project) == []


def test_a_build_stopped_between_the_two_swaps_is_mended(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project()
    build_all(project, browser_engine=False)
    (project.glossary_dir / "sexual-risk-order.yaml").write_text(
        (project.glossary_dir / "sexual-risk-order.yaml")
        .read_text(encoding="utf-8")
        .replace("An order for people at risk", "A zebra order for people at risk"),
        encoding="utf-8",
    )
    real_swap = build_module.swap_in
    swaps: list[Path] = []

    def swap_then_die(new: Path, final: Path) -> None:
        if final.name == "search_index":
            raise KeyboardInterrupt  # the process is stopped after the site's swap
        swaps.append(final)
        real_swap(new, final)

    monkeypatch.setattr(build_module, "swap_in", swap_then_die)
    with pytest.raises(KeyboardInterrupt):
        build_all(project, browser_engine=False)
    monkeypatch.setattr(build_module, "swap_in", real_swap)
    assert index_build_id(project.index_dir) != site_build_id(project.site_dir)
    assert "zebra" not in Answerer(project.index_dir).ask("sexual risk order", 1).answers[0].text

    assert (
        repair_index(project) == "the search index was from another build than the site: rebuilt it"
    )
    assert index_build_id(project.index_dir) == site_build_id(project.site_dir)
    assert "zebra" in Answerer(project.index_dir).ask("sexual risk order", 1).answers[0].text
    assert repair_index(project) is None
    assert leftovers(project) == []


def test_builds_killed_at_any_moment_never_leave_a_broken_pair(make_project: MakeProject) -> None:
    project = make_project()
    command = [sys.executable, "-m", "mappa_kb.cli", "build", "--root", str(project.root)]
    command.append("--no-browser-engine")  # a tiny throwaway site
    subprocess.run(command, check=True, capture_output=True)
    for delay in (0.5, 2.0, 4.0):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        repair_index(project)
        assert index_build_id(project.index_dir) == site_build_id(project.site_dir)
        assert Answerer(project.index_dir).ask("sexual risk order", 1).answers
    subprocess.run(command, check=True, capture_output=True)
    assert leftovers(project) == []
