"""What open tabs are told: each update of the live site and the content's problems.

The builder (a thread) publishes; request handlers (the event loop) read. Each update
gets the next version number; a tab says which version its page came from and hears
which pages changed since, so it reloads only when its own page did.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from mappa_kb.content import Problem

Stage = Literal["check", "page", "site"]
"""check: the content was read (problems, or none); page: the edited pages are in
place; site: the whole site and the index are current."""

HISTORY = 200
"""Updates kept; a tab further behind than this reloads whatever it shows."""
POLL = 0.05
"""How often a waiting request looks for news (seconds): a loop on the event loop is
simpler than waking it from the builder's thread, and costs nothing noticeable."""


@dataclass(frozen=True)
class Update:
    version: int
    stage: Stage
    changed: frozenset[str]
    everything: bool
    at: float
    """time.time() when published: the benchmark measures from the save to this."""


def problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "field": problem.field,
        "message": problem.message,
        "text": str(problem),
    }


class Board:
    def __init__(self) -> None:
        self.session = uuid.uuid4().hex
        """Another id after a restart: a tab from an older server reloads."""
        self._lock = threading.Lock()
        self._updates: deque[Update] = deque(maxlen=HISTORY)
        self._version = 0
        self._problems: tuple[Problem, ...] = ()

    @property
    def version(self) -> int:
        return self._version

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def publish(
        self,
        stage: Stage,
        problems: Iterable[Problem],
        changed: Iterable[str] = (),
        everything: bool = False,
    ) -> Update:
        with self._lock:
            self._version += 1
            update = Update(self._version, stage, frozenset(changed), everything, time.time())
            self._updates.append(update)
            self._problems = tuple(sorted(problems, key=lambda p: (p.follow_on, p)))
        return update

    def news(self, since: int) -> dict[str, Any]:
        """Everything after version `since`, merged, and the problems as they are now."""
        with self._lock:
            newer = [u for u in self._updates if u.version > since]
            missed = since < self._version and (
                not self._updates or self._updates[0].version > since + 1
            )
            changed = set().union(*(u.changed for u in newer))
            return {
                "session": self.session,
                "version": self._version,
                "stages": [{"stage": u.stage, "version": u.version, "at": u.at} for u in newer],
                "changed": sorted(changed),
                "everything": missed or any(u.everything for u in newer),
                "problems": [problem_json(p) for p in self._problems],
            }

    async def wait(self, since: int, timeout: float) -> None:
        """Until there is news after `since`, or `timeout` seconds pass."""
        deadline = time.monotonic() + timeout
        while self._version <= since and time.monotonic() < deadline:
            await asyncio.sleep(POLL)
