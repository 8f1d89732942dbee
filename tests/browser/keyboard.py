"""Checks axe cannot make: where focus goes while tabbing, and how big targets are."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page

JS = Path(__file__).with_name("js")
FOCUS_VISIBILITY = (JS / "focus_visibility.js").read_text(encoding="utf-8")
TARGET_SIZES = (JS / "target_sizes.js").read_text(encoding="utf-8")
SETTLE_SECONDS = 2.0
"""Longest a reader could be expected to wait for focus to come into view."""


@dataclass(frozen=True)
class FocusStep:
    again: bool
    """Focus is back on the first element of this walk."""
    element: str
    text: str
    points: int
    shown: int
    in_header: bool
    under_header: int
    covered_by: list[str]

    def problem(self) -> str | None:
        """Why a reader could not see where focus is, or None when they can."""
        if self.points == 0:
            return "focus is on something not on screen"
        if self.shown == 0:
            return f"focus is entirely hidden by {self.covered_by}"  # WCAG 2.4.11
        if self.under_header and not self.in_header:
            return "focus is partly under the sticky header"
        return None

    def __str__(self) -> str:
        return f"{self.element} '{self.text}' ({self.shown}/{self.points} points shown)"


def focus_step(page: Page, settle: bool = False) -> FocusStep | None:
    data: dict[str, Any] | None = page.evaluate(FOCUS_VISIBILITY, settle)
    if data is None:
        return None
    return FocusStep(
        data["again"],
        data["element"],
        data["text"],
        data["points"],
        data["shown"],
        data["inHeader"],
        data["underHeader"],
        data["coveredBy"],
    )


def tab_through(page: Page, key: str = "Tab", limit: int = 800) -> list[tuple[FocusStep, str]]:
    """Press `key` until focus has gone round the page once; each stop with its problem."""
    problems: list[tuple[FocusStep, str]] = []
    page.evaluate("() => { window.__kbFirstStop = null; }")
    stops = 0
    last: FocusStep | None = None
    for _ in range(limit):
        page.keyboard.press(key)
        step = focus_step(page)
        if step is None:  # focus is on the page itself: a round is done, or focus was lost
            if not stops:
                continue
            page.keyboard.press(key)
            after = focus_step(page)
            if after is not None and not after.again and last is not None:
                # Focus went on from where it vanished, not round to the start: the
                # element it left hid itself or was removed while focused (WCAG 2.4.3).
                problems.append((last, "focus was lost to the page after this element"))
            break
        if step.again:
            break
        stops += 1
        last = step
        problem = step.problem()
        # Look again once the page has reacted, as a reader would: Material opens its search
        # overlay from a timer after focus arrives, which a busy machine runs late, so keep
        # looking (each look waits for transitions) for up to SETTLE_SECONDS.
        deadline = time.monotonic() + SETTLE_SECONDS
        while problem and time.monotonic() < deadline:
            step = focus_step(page, settle=True) or step
            problem = step.problem()
        if problem:
            problems.append((step, problem))
    assert stops > 5, f"{key} only reached {stops} elements"
    return problems


def press_until_focused(
    page: Page, target: str | Locator, key: str = "Tab", limit: int = 60
) -> Locator:
    """Press `key` until focus is on `target` (a CSS selector, or a locator); return the
    focused element. Fails, naming the target, if `limit` presses never reach it."""
    for _ in range(limit):
        page.keyboard.press(key)
        if isinstance(target, str):
            reached = page.evaluate("(s) => document.activeElement.matches(s)", target)
        else:
            reached = target.evaluate("el => el === document.activeElement")
        if reached:
            return page.locator(":focus")
    raise AssertionError(f"{key} never reached {target}")


def small_targets(page: Page) -> list[dict[str, Any]]:
    failures: list[dict[str, Any]] = page.evaluate(TARGET_SIZES)
    return failures
