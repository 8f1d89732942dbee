"""Q&A evaluation: top-1 and top-3 of `mappa-kb ask` and of Material's own search.

Runs every question of a question set (default ../shared/eval/questions.yaml) through
`mappa-kb ask --json -` and checks the answer key (a regular expression) against the
title + text of the top answer (top-1) and of any of the first three (top-3). The same
questions go through mkdocs-material's search ranking, reproduced offline by
../shared/tools/material_search.py over the built site's search_index.json.

Usage: python scripts/evaluate_qa.py [--root .] [--questions FILE] [--show-misses]
Needs a built site and index (`make build`).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _hit(key: str, answer: dict[str, str]) -> bool:
    return re.search(key, f"{answer['title']} {answer['text']}", re.I | re.S) is not None


def ours(root: Path, questions: list[dict[str, str]], show_misses: bool) -> tuple[int, int]:
    cli = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    command = [sys.executable, "-c", cli, "ask", "--root", str(root), "--json"]
    stdin = "".join(q["q"].replace("\n", " ") + "\n" for q in questions)
    done = subprocess.run(
        [*command, "-k", "3", "-"], input=stdin, capture_output=True, text=True, check=True
    )
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(results) == len(questions), "one JSON object per question, in order"
    top1 = top3 = 0
    for item, result in zip(questions, results, strict=True):
        hits = [_hit(item["key"], a) for a in result["answers"][:3]]
        top1 += bool(hits and hits[0])
        top3 += any(hits)
        if show_misses and not (hits and hits[0]):
            first = result["answers"][0] if result["answers"] else None
            shown = f"{first['title']}: {first['text'][:160]}" if first else "(no answer)"
            mark = "top-3" if any(hits) else "miss"
            print(f"  {mark}: {item['q']}\n     key {item['key']}\n     got {shown}")
    return top1, top3


def material(site: Path, questions: list[dict[str, str]]) -> tuple[int, int]:
    sys.path.insert(0, str(SHARED / "tools"))
    import material_search  # type: ignore[import-not-found]
    from lunr.exceptions import QueryParseError

    index_json = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    top1 = top3 = 0
    for item in questions:  # one at a time: a query lunr cannot parse must not end the run
        try:
            one1, one3, _ = material_search.evaluate(index_json, [item])
        except QueryParseError:
            continue  # Material's search shows no results for it ("Invalid query")
        top1, top3 = top1 + int(one1), top3 + int(one3)
    return top1, top3


def _line(name: str, top1: int, top3: int, n: int) -> str:
    return f"{name} top-1 {top1}/{n} = {top1 / n:.2f}   top-3 {top3}/{n} = {top3 / n:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="project folder")
    parser.add_argument(
        "--questions", type=Path, default=SHARED / "eval" / "questions.yaml", help="YAML set"
    )
    parser.add_argument("--show-misses", action="store_true", help="list questions we miss")
    parser.add_argument("--no-material", action="store_true", help="skip Material's search")
    args = parser.parse_args()
    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    n = len(questions)
    print(f"{n} questions from {args.questions}")
    ours1, ours3 = ours(args.root.resolve(), questions, args.show_misses)
    print(_line("mappa-kb ask:   ", ours1, ours3, n))
    if not args.no_material:
        mat1, mat3 = material(args.root.resolve() / "site", questions)
        print(_line("material search:", mat1, mat3, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
