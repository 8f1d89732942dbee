"""Print how plain the public text is: Flesch reading ease of every glossary summary and
every docs page, with the distribution and anything under the plain-English minimum.

Usage: python scripts/readability_report.py [PROJECT_ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from mappa_kb.content import load_project
from mappa_kb.content.readability import (
    PLAIN_ENGLISH_MINIMUM,
    Distribution,
    distribution,
    flesch_reading_ease,
    markdown_prose,
)
from mappa_kb.paths import ProjectPaths


def show(name: str, found: Distribution) -> None:
    print(
        f"{name}: n={found.count} min={found.minimum:.1f} q1={found.lower_quartile:.1f} "
        f"median={found.median:.1f} q3={found.upper_quartile:.1f} max={found.maximum:.1f} "
        f"below {PLAIN_ENGLISH_MINIMUM:.0f}: {found.below}"
    )


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    project = load_project(ProjectPaths.at(root))
    glossary, pages = project.glossary, project.pages

    summaries = {e.id: flesch_reading_ease(e.summary) for e in glossary.entries.values()}
    show("Glossary summaries", distribution(list(summaries.values())))
    for entry_id, score in sorted(summaries.items(), key=lambda item: item[1]):
        if score < PLAIN_ENGLISH_MINIMUM:
            print(f"  {score:5.1f}  glossary/{entry_id}.yaml summary")

    scores = {path: flesch_reading_ease(markdown_prose(p.body)) for path, p in pages.items()}
    public = [path for path, p in pages.items() if "public" in p.meta.audience]
    show("Public pages", distribution([scores[p] for p in public]))
    show("All pages", distribution(list(scores.values())))
    for path, score in sorted(scores.items(), key=lambda item: item[1]):
        audience = ", ".join(pages[path].meta.audience) or "-"
        print(f"  {score:5.1f}  docs/{path}  ({audience})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
