"""Record the Q&A's answers to every evaluation question, and compare two recordings.

A restructuring must not change answers. Record before, change the code, record after,
and compare: every question whose answers differ (title, text, URL, source, kind or
order of the top k) is printed with both versions.

    python scripts/compare_answers.py record --out /tmp/before.jsonl
    python scripts/compare_answers.py record --out /tmp/after.jsonl
    python scripts/compare_answers.py compare /tmp/before.jsonl /tmp/after.jsonl

Questions come from scripts/eval/*.yaml and ../shared/eval/questions.yaml (any YAML list
of items with a `q`). Needs a built index (`make build`). Scores are left out of the
comparison: a refactoring may add up the same numbers in another order.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
COMPARED = ("title", "text", "url", "source", "kind")


def question_files(root: Path) -> list[Path]:
    files = sorted((root / "scripts" / "eval").glob("**/*.yaml"))
    shared = SHARED / "eval" / "questions.yaml"
    return [*files, shared] if shared.is_file() else files


def questions(root: Path) -> list[tuple[str, str]]:
    """(file name, question) for every question, in file order."""
    out: list[tuple[str, str]] = []
    for path in question_files(root):
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        out += [(path.name, str(item["q"]).replace("\n", " ")) for item in items if "q" in item]
    return out


def record(root: Path, out: Path, k: int) -> int:
    asked = questions(root)
    cli = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", cli, "ask", "--root", str(root), "--json", "-k", str(k), "-"],
        input="".join(f"{q}\n" for _, q in asked),
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    if len(lines) != len(asked):
        print(f"expected {len(asked)} answers, got {len(lines)}", file=sys.stderr)
        return 1
    with out.open("w", encoding="utf-8") as handle:
        for (name, question), line in zip(asked, lines, strict=True):
            result = json.loads(line)
            answers = [{key: a[key] for key in COMPARED} for a in result["answers"]]
            row = {"set": name, "q": question, "corrected": result["corrected"], "answers": answers}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"recorded {len(asked)} questions from {len(question_files(root))} sets in {out}")
    return 0


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def compare(before: Path, after: Path) -> int:
    old, new = _load(before), _load(after)
    if [(r["set"], r["q"]) for r in old] != [(r["set"], r["q"]) for r in new]:
        print("the two recordings are of different questions", file=sys.stderr)
        return 2
    differ = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    for a, b in differ:
        print(f"\n[{a['set']}] {a['q']}")
        for label, row in (("before", a), ("after", b)):
            answers = row["answers"]
            assert isinstance(answers, list)
            firsts = "; ".join(f"{x['title']} <{x['url']}>" for x in answers[:3])
            print(f"  {label}: corrected={row['corrected']!r} {firsts}")
    print(f"\n{len(differ)} of {len(old)} questions answered differently")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="answer every evaluation question and save the answers")
    rec.add_argument("--root", type=Path, default=REPO, help="project folder (built)")
    rec.add_argument("--out", type=Path, required=True, help="JSON lines file to write")
    rec.add_argument("-k", type=int, default=5, help="answers per question (default 5)")
    cmp = sub.add_parser("compare", help="list questions answered differently")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "record":
        return record(args.root.resolve(), args.out, args.k)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
