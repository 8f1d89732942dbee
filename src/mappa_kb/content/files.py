"""The one way content files are read: regular files inside the project, of bounded size.

Every loader (glossary, registries, pages, statistics, areas, phrasing) reads through
here, so a FIFO that would block a read forever, a link to /dev/zero, a link leading out
of the project, a file too big to be an entry or text that is not UTF-8 is reported as a
problem with the file's name, the same way as a typo in a field.
"""

from __future__ import annotations

import gzip
import json
import os
import stat
from functools import lru_cache
from pathlib import Path

from mappa_kb.content.problems import Problem
from mappa_kb.content.yaml_lines import LocatedYaml, YamlSyntaxError, parse_yaml

MAX_YAML_BYTES = 256 * 1024
"""A glossary entry is a few kilobytes and a statistics file about ten."""
MAX_PAGE_BYTES = 1024 * 1024
"""The longest hand-written page is about 30 kilobytes."""
MAX_WORD_LIST_BYTES = 2 * 1024 * 1024
"""The English word list is about 170 kilobytes, gzipped."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


@lru_cache(maxsize=256)
def _real_folder(folder: Path) -> Path:
    """Where a folder really is (links followed): asked once per folder, not per file."""
    return folder.resolve(strict=True)


def forget_folders() -> None:
    """Look folders up afresh (a long-running server reads content again after edits)."""
    _real_folder.cache_clear()


def _refusal(path: Path, root: Path | None, limit: int) -> tuple[Path, str | None]:
    """The real file behind `path`, and why it may not be read (None: it may)."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        real = path.resolve(strict=True)
        info = real.stat()
    else:
        real = _real_folder(path.parent) / path.name
    if root is not None and not real.is_relative_to(_real_folder(root)):
        return real, "is a link to a file outside the project"
    if not stat.S_ISREG(info.st_mode):
        return real, f"is {_kind(info.st_mode)}, not a content file"
    if info.st_size > limit:
        return real, (
            f"is {info.st_size / 1024:,.0f} KiB; content files may be at most {limit // 1024} KiB"
        )
    return real, None


def read_text(
    path: Path, shown: str, root: Path | None, limit: int
) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem that stops it being read (the text is then None).

    `root` is the project folder: a file, or the target of a link, outside it is refused.
    """
    try:
        real, refusal = _refusal(path, root, limit)
        if refusal is not None:
            return None, Problem(shown, 0, "", refusal)
        # O_NONBLOCK: should the file be swapped for a pipe after the check, a read
        # returns at once instead of waiting for a writer that never comes.
        descriptor = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return None, Problem(shown, 0, "", f"cannot read file: {exc.strerror or exc}")
    except RuntimeError:  # a loop of symbolic links
        return None, Problem(shown, 0, "", "cannot read file: a loop of links")
    if len(data) > limit:  # grew since it was checked
        return None, Problem(shown, 0, "", f"content files may be at most {limit // 1024} KiB")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(shown, line, "", f"not UTF-8 text ({exc.reason})")


def read_word_list(
    path: Path, shown: str, root: Path | None
) -> tuple[frozenset[str], list[Problem]]:
    """A gzipped list of lower-case words, one per line (none when the file is absent)."""
    if not path.exists():
        return frozenset(), []
    try:
        _, refusal = _refusal(path, root, MAX_WORD_LIST_BYTES)
        if refusal is not None:
            return frozenset(), [Problem(shown, 0, "", refusal)]
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile) as exc:
        return frozenset(), [Problem(shown, 0, "", f"not a gzipped word list: {exc}")]
    words = frozenset(text.split())
    odd = sorted(w for w in words if not w.isalpha() or not w.islower())[:3]
    if odd:
        return frozenset(), [Problem(shown, 0, "", f"only lower-case words, one a line: {odd}")]
    return words, []


def read_weights(
    path: Path, shown: str, root: Path | None
) -> tuple[dict[str, float], list[Problem]]:
    """A JSON object of names to numbers (none when the file is absent)."""
    if not path.exists():
        return {}, []
    text, problem = read_text(path, shown, root, MAX_YAML_BYTES)
    if text is None:
        return {}, [problem] if problem else []
    try:
        data = json.loads(text)
    except ValueError as exc:
        return {}, [Problem(shown, 1, "", f"not JSON: {exc}")]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
        for k, v in data.items()
    ):
        return {}, [Problem(shown, 1, "", "must be a JSON object of names to numbers")]
    return {k: float(v) for k, v in data.items()}, []


def yaml_problem(shown: str, exc: YamlSyntaxError, line_offset: int = 0) -> Problem:
    return Problem(shown, exc.line + line_offset, exc.field, f"invalid YAML: {exc.message}")


def read_yaml(
    path: Path, shown: str, root: Path | None
) -> tuple[LocatedYaml | None, list[Problem]]:
    """Parsed YAML with the line of every key, or the problems that stop it."""
    text, problem = read_text(path, shown, root, MAX_YAML_BYTES)
    if text is None:
        return None, [problem] if problem else []
    try:
        return parse_yaml(text), []
    except YamlSyntaxError as exc:
        return None, [yaml_problem(shown, exc)]
