"""The whole site and index rebuilt in a process of its own, stoppable at any moment.

A full build takes about twenty seconds. In its own process it uses the second core
while the server stays quick, and an author's next save can stop it at once: it only
prepares a site and an index beside their places (`prepare_build`), and the server's
process swaps them in, so a stopped build leaves nothing but temporary folders, which
the next build clears. Processes start from a forkserver that has imported MkDocs and
the build already, so each build starts warm and none is forked from the server's
threads.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext

from mappa_kb.build import BuildFailed, PreparedBuild, prepare_build
from mappa_kb.content import Problem, read_project
from mappa_kb.paths import ProjectPaths


@dataclass(frozen=True)
class Failed:
    """Why a build has nothing to swap in."""

    problems: list[Problem]
    in_content: bool
    """Found by the content check, which the preview runs itself on every save (and may
    have run again since): only problems MkDocs found are news."""


Outcome = PreparedBuild | Failed

BUILD_FILE = "site build"
"""Where a problem found by MkDocs (not by `check`) is said to be."""
NICENESS = 10
"""Below the server's priority: on a two-core machine the edited page (rendered in the
server's process) and the browser reloading it come first, the rest of the site after."""
ORPHAN_CHECK = 0.5
"""Seconds between a build's checks that the server that started it is still running."""
_PRELOAD = [
    __name__,
    "mappa_kb.site.plugin",
    "mappa_kb.search.build",
    "material.plugins.search.plugin",
    "mkdocs_macros.plugin",
]


def build_problem(message: str) -> Problem:
    return Problem(BUILD_FILE, 0, "", message)


def prepare(paths: ProjectPaths) -> Outcome:
    """Check the content and build the site and index beside their places."""
    project, problems = read_project(paths)
    if project is None:
        return Failed(problems, in_content=True)
    try:
        # Without the in-browser engine: the preview's Ask page is answered by its own API,
        # and the engine would add its compile step to every save. `mappa-kb build` (or
        # `make build`) before publishing puts it back.
        return prepare_build(paths, project, paths.site_dir.resolve(), browser_engine=False)
    except BuildFailed as exc:
        return Failed([build_problem(str(exc))], in_content=False)


def _end_with(server: int) -> None:
    """Exit when the server does, even if it was killed before it could stop this build:
    the build's parent is the forkserver, so nothing else would tell it."""
    while True:
        time.sleep(ORPHAN_CHECK)
        try:
            os.kill(server, 0)
        except ProcessLookupError:
            os._exit(1)


def _run(root: str, report: Connection, server: int) -> None:
    os.nice(NICENESS)
    threading.Thread(target=_end_with, args=(server,), daemon=True).start()
    try:
        outcome = prepare(ProjectPaths.at(root))
    except Exception as exc:  # reported to the author; the server goes on
        message = f"the build stopped: {type(exc).__name__}: {exc}"
        outcome = Failed([build_problem(message)], in_content=False)
    report.send(outcome)
    report.close()


@functools.cache
def _start_method() -> ForkServerContext | SpawnContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def warm_up() -> None:
    """Start the forkserver now, so the first build after a save does not wait for it."""
    context = _start_method()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class FullBuild:
    """One build in its own process; `on_done(build, outcome)` is called from a thread
    once it finishes, and never if it is stopped first."""

    def __init__(self, paths: ProjectPaths, on_done: Callable[[FullBuild, Outcome], None]) -> None:
        context = _start_method()
        receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_run, args=(str(paths.root), send, os.getpid()), name="mappa-kb preview build"
        )
        self._process.start()
        send.close()
        self._stopped = threading.Event()
        self._waiter = threading.Thread(
            target=self._wait, args=(receive, on_done), name="preview-build-waiter", daemon=True
        )
        self._waiter.start()

    def _wait(self, receive: Connection, on_done: Callable[[FullBuild, Outcome], None]) -> None:
        try:
            outcome: Outcome = receive.recv()
        except (EOFError, OSError):
            message = "the build process ended without a result"
            outcome = Failed([build_problem(message)], in_content=False)
        finally:
            receive.close()
        self._process.join()
        if not self._stopped.is_set():
            on_done(self, outcome)
        elif isinstance(outcome, PreparedBuild):
            outcome.discard()

    def stop(self) -> None:
        """End the process now; whatever it prepared is thrown away."""
        self._stopped.set()
        self._process.terminate()
        self._process.join()
        self._waiter.join()
