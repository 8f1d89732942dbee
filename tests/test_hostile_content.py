"""Content a probe made on purpose to break `check`: every case gets file, line and field,
in a second or two, with no traceback, no hang and no memory blow-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MakeProject, entry_yaml
from mappa_kb.paths import ProjectPaths

CHECK_SECONDS = 60  # generous for a loaded machine; a hang or an alias bomb takes forever


def check(project: ProjectPaths) -> tuple[int, str]:
    """`mappa-kb check` in its own process, so a hang or a crash cannot take pytest with it."""
    done = subprocess.run(
        [sys.executable, "-m", "mappa_kb.cli", "check", "--root", str(project.root)],
        capture_output=True,
        text=True,
        timeout=CHECK_SECONDS,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done.returncode, done.stderr


def write(project: ProjectPaths, name: str, text: str) -> Path:
    path = project.glossary_dir / name
    path.write_text(text, encoding="utf-8")
    return path


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


def test_an_alias_bomb_is_refused_at_its_line(make_project: MakeProject) -> None:
    project = make_project()
    write(project, "bomb.yaml", f"id: bomb\n{ALIAS_BOMB}")
    code, err = check(project)
    assert code == 1
    assert "glossary/bomb.yaml:3: [b.0] invalid YAML: YAML aliases (*name) are not allowed" in err


def test_an_impossible_date_is_a_problem_not_a_traceback(make_project: MakeProject) -> None:
    project = make_project()
    text = (project.glossary_dir / "sexual-risk-order.yaml").read_text(encoding="utf-8")
    write(project, "sexual-risk-order.yaml", text.replace("2026-11-21", "2026-02-30"))
    code, err = check(project)
    assert code == 1
    assert "glossary/sexual-risk-order.yaml:10: [reviewed] invalid YAML: '2026-02-30'" in err


def test_deep_nesting_is_refused(make_project: MakeProject) -> None:
    project = make_project()
    write(project, "deep.yaml", "id: " + "[" * 20_000 + "]" * 20_000 + "\n")
    code, err = check(project)
    assert code == 1
    assert "glossary/deep.yaml:1: invalid YAML: brackets are nested more than" in err


def test_a_huge_file_is_refused_before_it_is_read(make_project: MakeProject) -> None:
    project = make_project()
    entry = entry_yaml("huge", "Huge term").replace(
        "The Huge term is explained here for staff.", "word " * 60_000
    )
    write(project, "huge.yaml", entry)
    code, err = check(project)
    assert code == 1
    assert "glossary/huge.yaml: is 293 KiB; content files may be at most 256 KiB" in err


def test_a_field_too_long_names_its_limit(make_project: MakeProject) -> None:
    project = make_project()
    long_summary = "A plain summary that goes on. " * 40
    write(project, "long.yaml", entry_yaml("long", "Long term", summary=long_summary))
    code, err = check(project)
    assert code == 1
    assert "glossary/long.yaml:5: [summary] is too long: at most 1000 characters" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_named_not_read(make_project: MakeProject) -> None:
    project = make_project()
    os.mkfifo(project.glossary_dir / "pipe.yaml")
    code, err = check(project)
    assert code == 1
    assert "glossary/pipe.yaml: is a named pipe, not a content file" in err


def test_links_out_of_the_project_are_refused(make_project: MakeProject, tmp_path: Path) -> None:
    project = make_project()
    outside = tmp_path / "outside.yaml"
    outside.write_text(entry_yaml("outside", "Outside term"), encoding="utf-8")
    (project.glossary_dir / "outside.yaml").symlink_to(outside)
    (project.glossary_dir / "zero.yaml").symlink_to("/dev/zero")
    code, err = check(project)
    assert code == 1
    assert "glossary/outside.yaml: is a link to a file outside the project" in err
    assert "glossary/zero.yaml: is a link to a file outside the project" in err


def test_a_link_inside_the_project_is_read(make_project: MakeProject) -> None:
    project = make_project()
    target = project.root / "drafts" / "inside.yaml"
    target.parent.mkdir()
    target.write_text(entry_yaml("inside", "Inside term"), encoding="utf-8")
    (project.glossary_dir / "inside.yaml").symlink_to(target)
    assert check(project) == (0, "")


def test_one_broken_entry_is_reported_without_its_echoes(make_project: MakeProject) -> None:
    """Entries that link to a broken one are not wrong: only the broken file is reported."""
    project = make_project()
    write(project, "notification-requirements.yaml", "id: [\n")
    for number in range(5):
        write(
            project,
            f"linker-{number}.yaml",
            entry_yaml(
                f"linker-{number}", f"Linker {number}", related="[notification-requirements]"
            ),
        )
    code, err = check(project)
    assert code == 1
    assert err.splitlines()[0] == "1 problem found in content:"
    assert "glossary/notification-requirements.yaml:2: invalid YAML" in err


def test_problems_within_files_come_before_problems_between_them(
    make_project: MakeProject,
) -> None:
    project = make_project()
    write(project, "aaa.yaml", entry_yaml("aaa", "Aaa term", related="[no-such-entry]"))
    write(project, "zzz.yaml", entry_yaml("zzz", "Zzz term").replace("reviewed:", "revewed:"))
    code, err = check(project)
    lines = err.splitlines()[1:]
    assert code == 1
    assert "glossary/zzz.yaml" in lines[0] and "no entry with id 'no-such-entry'" in lines[-1]


def test_mutual_replacement_is_a_loop(make_project: MakeProject) -> None:
    project = make_project()
    write(
        project,
        "old-order.yaml",
        entry_yaml(
            "old-order", "Old order", extra="replaces: [new-order]\nreplaced_by: [new-order]\n"
        ),
    )
    write(
        project,
        "new-order.yaml",
        entry_yaml(
            "new-order", "New order", extra="replaces: [old-order]\nreplaced_by: [old-order]\n"
        ),
    )
    code, err = check(project)
    assert code == 1
    assert (
        "replacements go round in a loop (new-order replaces old-order replaces new-order)" in err
    )
