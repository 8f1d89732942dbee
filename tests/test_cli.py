"""The `mappa-kb` command: help for every subcommand, and exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from conftest import REPO, MakeProject
from mappa_kb.cli import build_parser, main


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


def test_expected_subcommands_exist() -> None:
    assert {"check", "build", "serve", "schema"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: mappa-kb {command}")
    assert len(out.splitlines()) > 3


def test_console_script_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mappa_kb.cli", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0
    assert "check" in result.stdout and "build" in result.stdout


def test_check_passes_on_good_content(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    assert main(["check", "--root", str(project.root)]) == 0
    assert "OK: 2 glossary entries" in capsys.readouterr().out


def test_check_warns_but_passes_while_contact_details_are_unset(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    assert main(["check", "--root", str(project.root)]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("OK: ") and out.err == ""
    assert "warning: mkdocs.yml: extra.contact has no email or url" in out.out


def test_check_is_quiet_once_contact_details_are_set(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    config = yaml.safe_load(project.config_file.read_text(encoding="utf-8"))
    config["extra"]["contact"] = {"name": "The team", "email": "team@example.org"}
    project.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert main(["check", "--root", str(project.root)]) == 0
    assert "warning" not in capsys.readouterr().out


def test_check_warns_about_contact_details_that_are_not_addresses(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    config = yaml.safe_load(project.config_file.read_text(encoding="utf-8"))
    config["extra"]["contact"] = {"name": "The team", "url": "http://insecure.example"}
    project.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert main(["check", "--root", str(project.root)]) == 0
    assert "has a value that is not an address (url)" in capsys.readouterr().out


def test_build_reports_failure_with_exit_1(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    (project.glossary_dir / "bad.yaml").write_text("id: [", encoding="utf-8")
    assert main(["build", "--root", str(project.root)]) == 1
    assert "glossary/bad.yaml:1: invalid YAML" in capsys.readouterr().err
    assert not project.site_dir.exists()


def test_check_reports_other_area_names_for_unknown_areas(
    make_project: MakeProject, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project()
    project.data_dir.mkdir(parents=True, exist_ok=True)
    (project.data_dir / "areas.yaml").write_text("\nnowhere: [nah]\n", encoding="utf-8")
    assert main(["check", "--root", str(project.root)]) == 1
    assert "data/areas.yaml:2: [nowhere] no statistics folder for 'nowhere'" in (
        capsys.readouterr().err
    )
