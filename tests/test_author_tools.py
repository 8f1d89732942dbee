"""What authors are told to use is there and says what it does: the README's "Adding a
term" starts with the live preview and the new-entry command, `make preview` runs it,
and the pre-commit hook (for authors who use git; not needed by the tests) runs
`mappa-kb check` on commits that touch content."""

from __future__ import annotations

import re
import shlex

import yaml

from conftest import REPO


def section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_adding_a_term_starts_with_the_preview_and_the_new_entry_command() -> None:
    adding = section(REPO.joinpath("README.md").read_text(encoding="utf-8"), "Adding a term")
    first_block = adding.split("```")[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()[1:]]
    assert commands[0] == "make preview"
    assert commands[1].endswith('mappa-kb new entry "Risk formulation"')


def test_make_preview_serves_with_the_live_preview() -> None:
    makefile = REPO.joinpath("Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^preview: .*\n\t(.+)$", makefile, re.M)
    assert recipe is not None
    assert shlex.split(recipe.group(1))[1:3] == ["serve", "--watch"]


def test_the_pre_commit_hook_checks_content_on_commits_that_touch_it() -> None:
    config = yaml.safe_load(REPO.joinpath(".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local" and hook["language"] == "system"
    assert shlex.split(hook["entry"])[-1] == "check"
    assert hook["pass_filenames"] is False  # entries, pages and statistics refer to each other
    touched = re.compile(hook["files"])
    for path in ("glossary/x.yaml", "docs/guide/levels.md", "data/areas.yaml", "mkdocs.yml"):
        assert touched.search(path), path
    for path in ("src/mappa_kb/api.py", "tests/test_cli.py", "README.md"):
        assert not touched.search(path), path
