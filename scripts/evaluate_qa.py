"""Q&A evaluation: top-1 and top-3 of our answers and of Material's own search.

Labelled splits (scripts/eval/labelled/{train,dev,test}.yaml; see mappa_kb.evaluation):
a right answer is one at a labelled place (and matching its key), reported by reader
type. Older sets (scripts/eval/*.yaml, ../shared/eval/questions.yaml: q + key) count an
answer right when its title and text match the key.

    python scripts/evaluate_qa.py --split dev [--show-misses] [--no-material]
    python scripts/evaluate_qa.py --questions scripts/eval/session6_questions.yaml
    python scripts/evaluate_qa.py --all-legacy

The test split is locked: run it only to report, at the end of a change, and never
with --show-misses while changing the search. Needs a built site and index (`make build`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

from mappa_kb.evaluation import SPLITS, Given, Labelled, Report, judge, load_questions
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
LABELLED = REPO / "scripts" / "eval" / "labelled"


def our_answers(answerer: Answerer) -> object:
    def ask(question: str) -> tuple[list[Given], bool]:
        result = answerer.ask(question, 5)
        given = [Given(a.url, a.title, a.text) for a in result.answers]
        return given, bool(getattr(result, "not_covered", False))

    return ask


def material_answers(site: Path) -> object:
    sys.path.insert(0, str(SHARED / "tools"))
    import material_search  # type: ignore[import-not-found]
    from lunr.exceptions import QueryParseError

    index_json = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index, docs, sep = material_search.build(index_json)
    by_location = {d["location"]: d for d in docs}

    def ask(question: str) -> tuple[list[Given], bool]:
        try:
            ranked = [loc for loc, _ in material_search.search(index, docs, sep, question)][:5]
        except QueryParseError:
            return [], False  # Material shows "Invalid query": nothing found
        given = []
        for location in ranked:
            doc = by_location[location]
            text = re.sub(r"<[^>]*>", " ", doc.get("text", ""))
            given.append(Given(location, re.sub(r"<[^>]*>", "", doc.get("title", "")), text))
        return given, False

    return ask


def legacy_questions(path: Path) -> list[Labelled]:
    """An older set (q + key): right when the answer's title and text match the key."""
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Labelled(q=str(i["q"]), reader="legacy", answers=("",), key=i["key"]) for i in items]


def show_misses(report: Report) -> None:
    for question, answers, in_three in report.misses:
        first = f"{answers[0].title} <{answers[0].url}>" if answers else "(no answer)"
        mark = "top-3" if in_three else "miss "
        wanted = "not covered" if question.not_covered else ", ".join(question.answers)
        print(f"  {mark} [{question.reader}] {question.q}")
        print(f"        want {wanted}\n        got  {first}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO, help="project folder (built)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--split", choices=SPLITS, help="a labelled split")
    group.add_argument("--questions", type=Path, help="an older q + key set")
    group.add_argument("--all-legacy", action="store_true", help="every older set, one by one")
    parser.add_argument("--show-misses", action="store_true", help="list the questions missed")
    parser.add_argument("--no-material", action="store_true", help="skip Material's search")
    args = parser.parse_args()
    paths = ProjectPaths.at(args.root)
    answerer = Answerer(paths.index_dir)
    if args.all_legacy:
        sets = [
            *sorted((REPO / "scripts" / "eval").glob("*.yaml")),
            SHARED / "eval" / "questions.yaml",
        ]
    elif args.questions:
        sets = [args.questions]
    else:
        sets = [LABELLED / f"{args.split or 'dev'}.yaml"]
    for path in sets:
        labelled = path.parent == LABELLED
        questions = load_questions(path) if labelled else legacy_questions(path)
        if not labelled:  # a legacy key is judged on the text, wherever the answer is
            questions = [Labelled(q.q, q.reader, (), q.key) for q in questions]
        print(f"{len(questions)} questions from {path}")
        runs = [("mappa-kb ask", our_answers(answerer))]
        if not args.no_material:
            runs.append(("material", material_answers(paths.site_dir)))
        for name, ask in runs:
            report = judge(questions, ask, anywhere=not labelled)  # type: ignore[arg-type]
            print(f" {name}:")
            for line in report.lines():
                print(f"   {line}")
            if args.show_misses and name == "mappa-kb ask":
                show_misses(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
