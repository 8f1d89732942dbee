"""The glossary at scale: add N generated entries to a copy of the project, then time
`check`, a full build (site and index) and questions against it.

    python scripts/benchmark_glossary_scale.py [--extra 5000] [--questions 200]

Goals (issue: a build that scales): with 5,000 extra entries, full build <= 120 s,
check <= 10 s, ask p95 <= 25 ms on a two-core machine. Works on a temporary copy; the
real content is not touched. Entries are generated from a seed, so runs compare.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "glossary", "data", "package.json")
_VOCABULARY = """
    risk review order panel notice licence hostel contact plan agency duty board record
    report appeal court police probation prison housing health youth victim curfew tag
    assessment referral meeting minute level category register offence breach recall
"""
WORDS = _VOCABULARY.split()
TOPICS = ("mappa-basics", "risk-assessment", "orders-and-notification", "licence-and-custody")


def _sentence(rng: random.Random, length: int) -> str:
    words = [rng.choice(WORDS) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def fake_entry(number: int, total: int, rng: random.Random) -> str:
    """A valid entry with a unique term, alias and short form, and links to others."""
    term = f"Generated {rng.choice(WORDS)} term {number:05d}"
    related = sorted(
        {f"generated-{rng.randrange(total):05d}" for _ in range(3)} - {f"generated-{number:05d}"}
    )
    facts = "\n".join(
        f"  - text: {_sentence(rng, 12)}\n"
        "    sources: [{source: london-2022-23, section: How MAPPA works}]"
        for _ in range(rng.randint(2, 5))
    )
    definition = "\n  ".join(_sentence(rng, rng.randint(10, 20)) for _ in range(8))
    return f"""id: generated-{number:05d}
term: {term}
abbreviations: [GT{number:05d}]
aliases: [generated alias {number:05d}]
topic: {rng.choice(TOPICS)}
summary: {_sentence(rng, 14)} {_sentence(rng, 10)}
definition: |
  {definition}
key_facts:
{facts}
legal_basis: Section {number % 400 + 1} of an imagined Act.
related: [{", ".join(related)}]
questions: ["What does {term} mean for our area?"]
asked_as: ["what is {term.lower()}", "gt{number:05d} meaning"]
sources: [{{source: london-2022-23, section: How MAPPA works}}]
reviewed: 2026-11-21
"""


def make_copy(root: Path, extra: int) -> Path:
    for name in PARTS:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("node_modules"))
        else:
            shutil.copy(source, root / name)
    # The build puts the in-browser engine into the site, as a real build does.
    (root / "node_modules").symlink_to(REPO / "node_modules")
    rng = random.Random(20261129)  # noqa: S311 - repeatable test data, not secrets
    for number in range(extra):
        text = fake_entry(number, extra, rng)
        (root / "glossary" / f"generated-{number:05d}.yaml").write_text(text, encoding="utf-8")
    return root


def timed(label: str, func: object, *args: object) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.1f} s", flush=True)
    return seconds, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=int, default=5000, help="generated entries to add")
    parser.add_argument("--questions", type=int, default=200, help="questions to time")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from mappa_kb.build import build_all
    from mappa_kb.content import load_project
    from mappa_kb.paths import ProjectPaths
    from mappa_kb.search.answer import Answerer

    print(f"cpus: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="mappa-kb-scale-") as tmp:
        paths = ProjectPaths.at(make_copy(Path(tmp), args.extra))
        entries = len(list(paths.glossary_dir.glob("*.yaml"))) - 2
        print(f"entries: {entries} ({args.extra} generated)")
        timed("check", load_project, paths)
        _, report = timed("full build", build_all, paths)
        print(f"  {report.summary()}")  # type: ignore[attr-defined]
        answerer = Answerer(paths.index_dir)
        rng = random.Random(7)  # noqa: S311 - repeatable test data, not secrets
        asked = [
            *(f"what is generated {rng.choice(WORDS)} term {n:05d}" for n in range(50)),
            "how long does an SRO last", "who sits on the SMB", "what is MAPPA",
            "can a victim be told when he is released", "how many people were at level 3",
        ]  # fmt: skip
        asked = (asked * (args.questions // len(asked) + 1))[: args.questions]
        answerer.ask("warm up", 5)
        # First pass: each new word's postings are read from the index (a server's first
        # day); second pass: as a running server answers, with them in memory.
        for label in ("ask, first time", "ask, warm"):
            times = []
            for question in asked:
                start = time.perf_counter()
                answerer.ask(question, 5)
                times.append((time.perf_counter() - start) * 1000)
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{label}: mean {statistics.mean(times):.1f} ms, p50 {times[len(times) // 2]:.1f}"
                  f" ms, p95 {p95:.1f} ms over {len(times)} questions")  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
