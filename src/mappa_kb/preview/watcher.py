"""Saves to the content, as sets of paths, a moment after an editor finishes writing.

Uses watchdog (already installed with MkDocs, which uses it for `mkdocs serve`): the
kernel reports each save as it happens (inotify on Linux), so a save is seen in
milliseconds with no CPU spent between saves, where polling every folder would trade
one for the other. An editor's save is several events (a temporary file written, the
old one renamed, a backup removed): they are gathered until the folders have been quiet
for QUIET seconds, and reported once.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from mappa_kb.paths import ProjectPaths

QUIET = 0.1
"""Seconds without events that end a save (editors finish in milliseconds)."""
LONGEST = 1.0
"""A save is reported after this long even if events keep coming (a folder copied in)."""
FOLDERS = ("glossary", "docs", "data", "overrides")
FILES = ("mkdocs.yml",)
_EVENTS = {"modified", "created", "moved", "deleted", "closed"}
_SCRATCH_SUFFIXES = (".swp", ".swx", ".swo", ".tmp", ".part", ".kate-swp", "~")


def is_scratch(path: Path) -> bool:
    """Editors' temporary and backup files (vim, emacs, kate, VS Code), never content."""
    name = path.name
    return name.startswith((".", "#")) or name.endswith(_SCRATCH_SUFFIXES) or name == "4913"


class _Handler(FileSystemEventHandler):
    def __init__(self, paths: ProjectPaths, found: queue.Queue[Path | None]) -> None:
        self._folders = [paths.root / name for name in FOLDERS]
        self._files = {paths.root / name for name in FILES}
        self._found = found

    def _is_content(self, path: Path) -> bool:
        # The root is watched (for mkdocs.yml) without its subfolders, but still reports
        # itself changing whenever a build swaps site/ in.
        return path in self._files or any(path.is_relative_to(f) for f in self._folders)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _EVENTS or (
            event.is_directory and event.event_type == "modified"
        ):
            return  # a folder "modified" is a file in it saved: that file's event says which
        for raw in (event.src_path, event.dest_path):
            if not raw:
                continue  # dest_path is empty but for moves
            path = Path(raw if isinstance(raw, str) else raw.decode())
            if self._is_content(path) and not is_scratch(path):
                self._found.put(path)


class Watcher:
    """Calls `on_save` with the paths saved, from a thread of its own."""

    def __init__(self, paths: ProjectPaths, on_save: Callable[[set[Path]], None]) -> None:
        self._on_save = on_save
        self._found: queue.Queue[Path | None] = queue.Queue()
        self._observer = Observer()
        handler = _Handler(paths, self._found)
        for name in FOLDERS:
            if (paths.root / name).is_dir():
                self._observer.schedule(handler, str(paths.root / name), recursive=True)
        self._observer.schedule(handler, str(paths.root), recursive=False)
        self._thread = threading.Thread(target=self._gather, name="preview-watcher", daemon=True)

    def start(self) -> None:
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        self._observer.stop()
        self._found.put(None)
        self._observer.join()
        self._thread.join()

    def _gather(self) -> None:
        while (first := self._found.get()) is not None:
            saved = {first}
            deadline = time.monotonic() + LONGEST
            while (left := min(QUIET, deadline - time.monotonic())) > 0:
                try:
                    path = self._found.get(timeout=left)
                except queue.Empty:
                    break
                if path is None:
                    return
                saved.add(path)
            self._on_save(saved)
