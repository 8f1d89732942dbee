"""Print how plain the public text is: Flesch reading ease of every glossary summary and
every docs page, with the distribution and anything under the plain-English minimum.

Usage: python scripts/readability_report.py [PROJECT_ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

from mappa_kb.content import load_glossary
from mappa_kb.content.docs_pages import load_docs_pages
from mappa_kb.content.readability import (
    PLAIN_ENGLISH_MINIMUM,
    Distribution,
    distribution,
    flesch_reading_ease,
    markdown_prose,
)
from mappa_kb.render.glossary_site import glossary_pages
from mappa_kb.render.page_footer import QUESTION_BANK_PATH


def show(name: str, found: Distribution) -> None:
    print(
        f"{name}: n={found.count} min={found.minimum:.1f} q1={found.lower_quartile:.1f} "
        f"median={found.median:.1f} q3={found.upper_quartile:.1f} max={found.maximum:.1f} "
        f"below {PLAIN_ENGLISH_MINIMUM:.0f}: {found.below}"
    )


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    glossary = load_glossary(root / "glossary", root)
    generated = [*glossary_pages(glossary), QUESTION_BANK_PATH]
    pages = load_docs_pages(root / "docs", root, glossary.sources, glossary.topics, generated)

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
