"""Run axe-core in a page and report violations that are not excused.

Excuses live in one file, axe_allowlist.yaml, each with the reason and the upstream issue
that will remove it; an excuse that no longer matches anything is itself a failure, so the
list only ever shrinks to what is still needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ALLOWLIST = Path(__file__).with_name("axe_allowlist.yaml")


@dataclass(frozen=True)
class Excuse:
    rule: str
    reason: str
    upstream: str
    selector: str
    """Only nodes whose axe target contains this text are excused ('' = any node)."""


def load_allowlist(path: Path = ALLOWLIST) -> list[Excuse]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    excuses = []
    for index, item in enumerate(data.get("excused") or []):
        missing = {"rule", "reason", "upstream"} - set(item)
        if missing:
            raise ValueError(f"{path.name}: excused.{index} lacks {sorted(missing)}")
        if not str(item["upstream"]).startswith("https://"):
            raise ValueError(f"{path.name}: excused.{index}.upstream must be an issue URL")
        excuses.append(
            Excuse(item["rule"], item["reason"], item["upstream"], item.get("selector", ""))
        )
    return excuses


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    help: str
    target: str
    summary: str

    def __str__(self) -> str:
        return f"[{self.impact}] {self.rule}: {self.help}\n    at {self.target}\n    {self.summary}"


def run_axe(page: Page, axe_script: Path) -> list[Finding]:
    """Every WCAG 2.2 A/AA violation axe finds on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, not a <script> tag: the site's Content-Security-
        # Policy (rightly) refuses inline scripts it did not build, and must stay on here.
        page.evaluate(axe_script.read_text(encoding="utf-8") + "\n;void 0")
    results: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        })""",
        WCAG_TAGS,
    )
    findings = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            summary = " ".join((node.get("failureSummary") or "").split())
            findings.append(
                Finding(
                    violation["id"],
                    violation.get("impact") or "",
                    violation["help"],
                    " ".join(map(str, node["target"])),
                    summary,
                )
            )
    return findings


def excused(finding: Finding, excuses: list[Excuse]) -> Excuse | None:
    for excuse in excuses:
        if excuse.rule == finding.rule and excuse.selector in finding.target:
            return excuse
    return None
