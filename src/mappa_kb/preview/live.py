"""The live preview: every save checked, the edited page refreshed, the rest rebuilt.

One thread handles one thing at a time, in order: a save (check the content; publish
its problems, or render the edited pages into the live site at once and start a full
build in the background, stopping one under way) or a finished full build (swap it in).
The site served is always the last good build, with the edited pages of later good
saves laid over it: a save with a problem changes nothing but the banner.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mappa_kb import urls
from mappa_kb.build import PreparedBuild, build_lock, put_in_place, remove_leftovers
from mappa_kb.content import Problem, Project, read_project
from mappa_kb.content.problems import display_path
from mappa_kb.paths import ProjectPaths
from mappa_kb.preview.edited import first_pass
from mappa_kb.preview.full_build import Failed, FullBuild, Outcome, build_problem, warm_up
from mappa_kb.preview.news import Board, Stage
from mappa_kb.preview.pages import render_pages
from mappa_kb.preview.site_files import changes, digests, put_files

Log = Callable[[str], None]
READY = "Ready: a saved page shows in about a second."


@dataclass(frozen=True)
class _Start:
    rebuild: bool


@dataclass(frozen=True)
class _Saved:
    paths: set[Path]


@dataclass(frozen=True)
class _Built:
    build: FullBuild
    outcome: Outcome


class LivePreview:
    def __init__(self, paths: ProjectPaths, board: Board, log: Log = print) -> None:
        self.paths = paths
        self.board = board
        self._log = log
        self._inbox: queue.Queue[_Start | _Saved | _Built | None] = queue.Queue()
        self._build: FullBuild | None = None
        self._build_started = 0.0
        self._check_problems: list[Problem] = []
        self._build_problems: list[Problem] = []
        """Problems only MkDocs finds (a broken link); shown when the check finds none."""
        self._stopping = threading.Event()
        self._build_lock = threading.Lock()
        """`stop` ends the full build from another thread than the one that starts them."""
        self._thread = threading.Thread(target=self._run, name="live-preview", daemon=True)

    # Called from other threads.

    def start(self, rebuild: bool = True) -> None:
        """Check the content at once, so the first page served shows its problems; with
        `rebuild`, build everything once in the background too. Then handle saves."""
        warm_up()
        self._inbox.put(_Start(rebuild))
        self._thread.start()

    def saved(self, paths: set[Path]) -> None:
        """The watcher's callback."""
        self._inbox.put(_Saved(paths))

    def stop(self) -> None:
        """Stop the full build under way at once, and the preview after the step under
        way, whatever saves are still waiting."""
        self._stopping.set()
        self._inbox.put(None)
        with self._build_lock:
            self._stop_full_build()
        self._thread.join()

    # The preview's own thread.

    def _run(self) -> None:
        while (message := self._inbox.get()) is not None and not self._stopping.is_set():
            try:
                if isinstance(message, _Start):
                    self._on_start(message.rebuild)
                elif isinstance(message, _Saved):
                    self._on_saved(message.paths)
                else:
                    self._on_built(message)
            except Exception as exc:  # the server goes on, and the author sees why
                self._build_problems = [build_problem(f"{type(exc).__name__}: {exc}")]
                self._publish("check")
                self._log(f"Preview: {type(exc).__name__}: {exc}")

    def _publish(
        self, stage: Stage, changed: set[str] | None = None, everything: bool = False
    ) -> None:
        problems = self._check_problems or self._build_problems
        self.board.publish(stage, problems, changed or set(), everything)

    def _check(self, what: str) -> Project | None:
        """The project, or None after publishing its problems (the banner)."""
        project, self._check_problems = read_project(self.paths)
        if project is None:
            self._publish("check")
            count = len(self._check_problems)
            self._log(f"{what}: {count} problem(s); the last good build is still served:")
            self._log("\n".join(f"  {problem}" for problem in self.board.problems))
        return project

    def _on_start(self, rebuild: bool) -> None:
        project = self._check("content")
        if project is not None:
            self._publish("check")
            if rebuild:
                self._start_full_build()
                self._log("Rebuilding in the background: open pages reload when they change.")
            self._warm_up(project)

    def _warm_up(self, project: Project) -> None:
        """Render one page and throw it away: the first page a server renders takes
        seconds longer (MkDocs' plugins imported, the theme's templates compiled), and
        that should not be the author's first save."""
        try:
            render_pages(self.paths, project, [urls.A_TO_Z])  # a page every site has
        except Exception as exc:  # the first save tries again and reports it
            self._log(f"Preview: could not render a page ({exc})")
        else:
            self._log(READY)

    def _on_saved(self, saved: set[Path]) -> None:
        start = time.monotonic()
        what = ", ".join(sorted(display_path(path, self.paths.root) for path in saved))
        project = self._check(what)
        if project is None:
            return  # a build under way goes on: it is of the last good content
        with self._build_lock:
            self._stop_full_build()  # it is of older content, and would slow the page down
        try:
            changed, everything = self._first_pass(saved, project)
        except Exception as exc:  # the full build, next, reports it in full
            changed, everything = set(), False
            self._log(f"{what}: could not render the page first ({exc}); building everything")
        self._publish("page", changed, everything)
        pages = ", ".join(sorted(f"/{url}" for url in changed)) or "no page"
        self._log(f"{what}: {pages} updated in {time.monotonic() - start:.1f} s")
        self._start_full_build()

    def _first_pass(self, saved: set[Path], project: Project) -> tuple[set[str], bool]:
        """Put the pages showing the saved files in place; return the URLs of those that
        changed, and whether anything else did (a style: every page may look different)."""
        first = first_pass(saved, self.paths, project)
        if not first:
            return set(), False
        outputs = render_pages(self.paths, project, first.pages)
        shown_on = {output.path: output.url for output in outputs}
        files = [(output.path, output.data) for output in outputs]
        files += [(rel, path.read_bytes()) for rel, path in first.assets]
        with build_lock(self.paths):
            written = put_files(self.paths.site_dir, files)
        changed = {shown_on[path] for path in written if path in shown_on}
        return changed, any(path not in shown_on for path in written)

    def _stop_full_build(self) -> None:
        """(With `_build_lock` held.)"""
        if self._build is not None:
            self._build.stop()
            self._build = None

    def _start_full_build(self) -> None:
        with self._build_lock:
            self._stop_full_build()
            if self._stopping.is_set():
                return
            with build_lock(self.paths):
                remove_leftovers(self.paths.site_dir.resolve())
                remove_leftovers(self.paths.index_dir.resolve())
            self._build_started = time.monotonic()
            self._build = FullBuild(self.paths, lambda *done: self._inbox.put(_Built(*done)))

    def _on_built(self, built: _Built) -> None:
        if built.build is not self._build:  # stopped by a later save after it had finished
            if isinstance(built.outcome, PreparedBuild):
                built.outcome.discard()
            return
        self._build = None
        seconds = time.monotonic() - self._build_started
        if isinstance(built.outcome, Failed):
            if built.outcome.in_content:
                return  # a save came while it read the content: that save's check says all
            self._build_problems = built.outcome.problems
            self._publish("site")
            self._log(f"The build failed after {seconds:.1f} s; the last good one is still served:")
            self._log("\n".join(f"  {problem}" for problem in built.outcome.problems))
            return
        site = self.paths.site_dir
        with build_lock(self.paths):
            before = digests(site) if site.is_dir() else {}
            put_in_place(self.paths, built.outcome)
            after = digests(site)
        self._build_problems = []
        changed, everything = changes(before, after)
        self._publish("site", changed, everything)
        self._log(f"Site and index current in {seconds:.1f} s ({len(changed)} pages changed)")
